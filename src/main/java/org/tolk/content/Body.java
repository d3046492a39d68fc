package org.tolk.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An article's Markdown, after the front matter. Read from the file when it is needed rather than
 * held for the whole build: a newsroom's archive of 100,000 articles is gigabytes of Markdown, and a
 * build renders one article at a time. The bytes read with the front matter may be kept until the body is
 * first used, so that a small site's files are read once ({@link ArticleReader} decides how many).
 */
public abstract sealed class Body {

    /** The Markdown text, line endings normalised to '\n'. */
    public abstract String text();

    /** Lets go of the file's bytes if they were kept: the next use reads the file as it is then. */
    public void forget() {
    }

    public static Body of(String text) {
        return new InMemory(text);
    }

    public static Body inFile(Path file) {
        return new InFile(file, null);
    }

    /** The body of {@code file}, whose bytes were just read as {@code bytes}: kept until it is first used. */
    static Body inFile(Path file, byte[] bytes) {
        return new InFile(file, bytes);
    }

    private static final class InMemory extends Body {
        private final String text;

        InMemory(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }
    }

    private static final class InFile extends Body {
        private static final byte[] CARRIAGE_RETURN = {'\r'};
        private final Path file;
        /** The file's bytes as read with the front matter, until the body is first used; then null. */
        private volatile byte[] kept;

        InFile(Path file, byte[] kept) {
            this.file = file;
            this.kept = kept;
        }

        @Override
        public void forget() {
            kept = null;
        }

        @Override
        public String text() {
            try {
                // Only the body's bytes are decoded, once checked to be UTF-8 (a U+FFFD in the text is then
                // one the author wrote) in the pass that looks for a '\r' to take out; the front matter's
                // are only checked. A file that is not UTF-8 is decoded whole, to report where.
                byte[] bytes = kept;
                if (bytes != null) {
                    kept = null;   // a later use (a feed of the same build, say) reads the file as it is then
                } else {
                    bytes = Files.readAllBytes(file);
                }
                int from = ArticleReader.bodyOffset(bytes);
                int cr = Text.find(bytes, from, bytes.length, CARRIAGE_RETURN);
                if (cr == Text.NOT_UTF8 || !Text.isUtf8(bytes, 0, from)) {
                    return ArticleReader.bodyOf(Text.decodeUtf8(bytes).replace("\r\n", "\n"));
                }
                String body = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
                return cr < 0 ? body : body.replace("\r\n", "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
