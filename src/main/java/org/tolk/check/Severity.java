package org.tolk.check;

/** How bad a {@link Problem} is: an error fails the build, a warning is reported and the build goes on. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
