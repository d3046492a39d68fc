package org.tolk.config;

/** Text direction of a language, as written in HTML's {@code dir} attribute. */
public enum Direction {
    LTR, RTL;

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
