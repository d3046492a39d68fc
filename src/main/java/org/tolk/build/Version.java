package org.tolk.build;

/** Tolk's version, from the jar's manifest ("dev" when run from the build tree). */
public final class Version {
    private Version() {
    }

    public static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
