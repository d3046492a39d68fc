package org.tolk.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} that encodes what it is given as UTF-8 straight into a growing byte array, for one page on
 * one thread (unsynchronised). A page used to be written into a StringBuilder, copied into a String and then
 * encoded: three passes over every character, in UTF-16 for the whole page as soon as one typographic quote
 * was in it.
 *
 * <p>The bytes are those of {@code String.getBytes(UTF_8)} of everything written: a surrogate pair is encoded
 * as one character even when it arrives in two writes, and a lone surrogate becomes {@code ?}.
 */
final class Utf8Writer extends Writer {
    /** Characters of a String are copied here in chunks: reading a char[] is cheaper than String.charAt. */
    private final char[] chunk = new char[2048];
    private byte[] bytes;
    private int count;
    /** A high surrogate that ended the last write, waiting for its low half; 0 if none. */
    private char pendingHigh;
    /** A String whose UTF-8 is known already (see {@link #knowing}), and that UTF-8; or null. */
    private String known;
    private byte[] knownUtf8;

    Utf8Writer(int capacity) {
        this.bytes = new byte[capacity];
    }

    /**
     * Makes a write of this very String (not an equal one) copy {@code utf8} instead of encoding it: an article's
     * body, which its page's template writes as it gets it ({@code ?no_esc}), is encoded once for its page and
     * its feeds.
     */
    void knowing(String text, byte[] utf8) {
        known = text;
        knownUtf8 = utf8;
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void write(String text, int offset, int length) {
        if (offset == 0 && length == text.length() && length > 0 && pendingHigh == 0
                && !Character.isHighSurrogate(text.charAt(length - 1))) {
            // A whole String (an article's body, say) is encoded by the JDK in one pass, or copied when it is
            // ASCII, rather than copied out char by char first. Not when a surrogate pair may span two writes.
            byte[] encoded = text == known ? knownUtf8 : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            reserve(encoded.length);
            System.arraycopy(encoded, 0, bytes, count, encoded.length);
            count += encoded.length;
            return;
        }
        int end = offset + length;
        for (int from = offset; from < end; from += chunk.length) {
            int to = Math.min(end, from + chunk.length);
            text.getChars(from, to, chunk, 0);
            encode(chunk, 0, to - from);
        }
    }

    /** Appends bytes that are UTF-8 already, from {@code from} to {@code to}. */
    void writeUtf8(byte[] utf8, int from, int to) {
        if (pendingHigh != 0) {
            // as String.getBytes would: a high surrogate with no low one after it
            reserve(1);
            bytes[count++] = '?';
            pendingHigh = 0;
        }
        int length = to - from;
        if (length > 0) {
            reserve(length);
            System.arraycopy(utf8, from, bytes, count, length);
            count += length;
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        encode(chars, offset, offset + length);
    }

    @Override
    public void write(int c) {
        chunk[0] = (char) c;
        encode(chunk, 0, 1);
    }

    @Override
    public Writer append(CharSequence chars) {
        write(String.valueOf(chars));
        return this;
    }

    private void encode(char[] chars, int from, int to) {
        // Three bytes at most per char (a pair's four are two chars), and a '?' for a pending high surrogate.
        reserve(3 * (to - from) + 1);
        byte[] out = bytes;
        int n = count;
        int i = from;
        if (pendingHigh != 0 && i < to) {
            if (Character.isLowSurrogate(chars[i])) {
                n = fourBytes(out, n, Character.toCodePoint(pendingHigh, chars[i]));
                i++;
            } else {
                out[n++] = '?';
            }
            pendingHigh = 0;
        }
        for (; i < to; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xc0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (!Character.isSurrogate(c)) {
                out[n++] = (byte) (0xe0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
                n = fourBytes(out, n, Character.toCodePoint(c, chars[++i]));
            } else if (Character.isHighSurrogate(c) && i + 1 == to) {
                pendingHigh = c;
            } else {
                out[n++] = '?';
            }
        }
        count = n;
    }

    private void reserve(int more) {
        if (count + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, count + more));
        }
    }

    private static int fourBytes(byte[] out, int n, int codePoint) {
        out[n++] = (byte) (0xf0 | (codePoint >> 18));
        out[n++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
        out[n++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
        out[n++] = (byte) (0x80 | (codePoint & 0x3f));
        return n;
    }

    /** Everything written, as UTF-8. */
    byte[] toByteArray() {
        if (pendingHigh != 0) {
            // A high surrogate that nothing followed: String.getBytes writes '?' for it too.
            reserve(1);
            bytes[count++] = '?';
            pendingHigh = 0;
        }
        return Arrays.copyOf(bytes, count);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
