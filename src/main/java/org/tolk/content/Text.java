package org.tolk.content;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading source text: strictly UTF-8, so that a file saved in another encoding is reported, not garbled. */
public final class Text {
    private Text() {
    }

    /** A file that is not valid UTF-8; {@link #line()} and {@link #column()} locate the first bad byte. */
    public static final class NotUtf8Exception extends CharacterCodingException {
        private final int line;
        private final int column;

        NotUtf8Exception(int line, int column) {
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        @Override
        public String getMessage() {
            return "not valid UTF-8 text (first bad byte at line " + line + ", column " + column
                    + "); save the file as UTF-8";
        }
    }

    public static String readUtf8(Path file) throws IOException {
        return decodeUtf8(Files.readAllBytes(file));
    }

    public static String decodeUtf8(byte[] bytes) throws NotUtf8Exception {
        return decodeUtf8(bytes, bytes.length);
    }

    /**
     * The text of the first {@code length} bytes of a file, which must end where a line does (or at the
     * file's end), so that no character is cut in two.
     */
    static String decodeUtf8(byte[] bytes, int length) throws NotUtf8Exception {
        // The JDK's String decoding is much faster than a CharsetDecoder, but replaces bad bytes with
        // U+FFFD instead of failing: text without U+FFFD had none. Text with it is decoded again strictly,
        // to tell a written U+FFFD from a bad byte and to find where that is.
        String fast = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return withoutByteOrderMark(fast);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new NotUtf8Exception(line, bad - lineStart + 1);
        }
        decoder.flush(out);
        out.flip();
        return withoutByteOrderMark(out.toString());
    }

    /** What {@link #find} returns for bytes that are not UTF-8. */
    static final int NOT_UTF8 = -2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Whether {@code bytes} from {@code from} to {@code to} are well-formed UTF-8: see {@link #find}. */
    static boolean isUtf8(byte[] bytes, int from, int to) {
        return find(bytes, from, to, null) != NOT_UTF8;
    }

    /**
     * Where {@code ascii} (ASCII text) first occurs in {@code bytes} from {@code from} to {@code to}; -1 if
     * it does not; {@link #NOT_UTF8} if those bytes are not well-formed UTF-8 (Unicode's table 3-7: no
     * overlong forms, surrogates or code points above U+10FFFF), as the JDK's strict decoder takes it.
     * {@code from} and {@code to} must be where characters start or end; a null {@code ascii} is not looked for.
     * <p>
     * One pass, eight bytes at a time where they are ASCII without the first byte looked for: a build's
     * quick compiler keeps a loop over single bytes slow, and this one goes over every article's body.
     */
    static int find(byte[] bytes, int from, int to, byte[] ascii) {
        // Each byte of a word equal to the first byte looked for is zero in (word ^ firsts); with nothing to
        // look for, firsts has bytes with the high bit, which no ASCII byte is equal to.
        long firsts = ascii == null ? HIGH_BITS : (ascii[0] & 0xFFL) * ONES;
        int found = -1;
        int i = from;
        while (i < to) {
            if (i + 8 <= to) {
                long word = (long) LONGS.get(bytes, i);
                long x = word ^ firsts;
                // (x - ONES) & ~x has a high bit set if and only if x has a zero byte (Hacker's Delight 6-1).
                if (((word | ((x - ONES) & ~x)) & HIGH_BITS) == 0) {
                    i += 8;
                    continue;
                }
            }
            int b = bytes[i];
            if (b >= 0) {
                if (found < 0 && ascii != null && b == ascii[0] && startsWith(bytes, i, to, ascii)) {
                    found = i;
                    firsts = HIGH_BITS;
                }
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, to);
            if (length < 0) {
                return NOT_UTF8;
            }
            i += length;
        }
        return found;
    }

    private static boolean startsWith(byte[] bytes, int at, int to, byte[] ascii) {
        if (to - at < ascii.length) {
            return false;
        }
        for (int j = 1; j < ascii.length; j++) {
            if (bytes[at + j] != ascii[j]) {
                return false;
            }
        }
        return true;
    }

    /** The length of the well-formed UTF-8 sequence of more than one byte at {@code i}, or -1. */
    private static int sequenceLength(byte[] bytes, int i, int to) {
        int lead = bytes[i] & 0xFF;
        if (lead < 0xC2 || lead > 0xF4) {
            return -1;
        }
        if (lead < 0xE0) {
            return i + 1 < to && isContinuation(bytes[i + 1]) ? 2 : -1;
        }
        int length = lead < 0xF0 ? 3 : 4;
        if (i + length > to) {
            return -1;
        }
        // The second byte's range is narrower after some leads: no overlong forms, surrogates, or beyond U+10FFFF.
        int second = bytes[i + 1] & 0xFF;
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high || !isContinuation(bytes[i + 2]) || length == 4 && !isContinuation(bytes[i + 3])) {
            return -1;
        }
        return length;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The length of the byte-order mark {@code bytes} start with: 3, or 0 if they have none. */
    static int byteOrderMarkLength(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    }

    /** A byte-order mark is invisible in editors but would break the "---" front-matter fence. */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
