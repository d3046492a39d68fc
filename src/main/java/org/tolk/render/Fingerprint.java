package org.tolk.render;

/**
 * A 64-bit FNV-1a hash of text: cheap, stable across runs and JVMs (unlike {@link String#hashCode()}
 * mixing), and wide enough that a changed page going unnoticed is a one in 2^64 chance.
 */
public final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    public static long of(long seed, CharSequence text) {
        long hash = OFFSET ^ seed;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            hash = (hash ^ (c & 0xff)) * PRIME;
            hash = (hash ^ (c >>> 8)) * PRIME;
        }
        return hash;
    }

    public static long of(long seed, byte[] bytes) {
        long hash = OFFSET ^ seed;
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * PRIME;
        }
        return hash;
    }
}
