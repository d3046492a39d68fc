package org.tolk.content;

import java.io.IOException;
import java.nio.ByteBuffer;
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
        // The JDK's String decoding is much faster than a CharsetDecoder, but replaces bad bytes with
        // U+FFFD instead of failing: text without U+FFFD had none. Text with it is decoded again strictly,
        // to tell a written U+FFFD from a bad byte and to find where that is.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return withoutByteOrderMark(fast);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
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

    /** A byte-order mark is invisible in editors but would break the "---" front-matter fence. */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
