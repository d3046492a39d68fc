package org.tolk.render;

/**
 * 64-bit fingerprints of text and bytes, stable across runs and JVMs: a CRC32C (computed by the
 * processor) and the string's own hash side by side, so that a changed page going unnoticed is about
 * a one in 2^64 chance. A character-by-character hash took an eighth of a cold build's render time.
 */
public final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    public static long of(long seed, CharSequence text) {
        String string = text.toString();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(string.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long combined = (crc.getValue() << 32) | (string.hashCode() & 0xffffffffL);
        return mix(seed, combined);
    }

    /** {@code seed} followed by {@code value}: order matters, as in a hash of a sequence. */
    public static long mix(long seed, long value) {
        long hash = (OFFSET ^ seed) * PRIME;
        hash ^= value;
        hash *= PRIME;
        return hash ^ (hash >>> 29);
    }

    public static long of(long seed, byte[] bytes) {
        long hash = OFFSET ^ seed;
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * PRIME;
        }
        return hash;
    }
}
