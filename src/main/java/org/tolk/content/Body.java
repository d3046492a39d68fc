package org.tolk.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An article's Markdown, after the front matter. Read from the file when it is needed rather than
 * held for the whole build: a newsroom's archive of 100,000 articles is gigabytes of Markdown, and a
 * build renders one article at a time.
 */
public abstract sealed class Body {

    /** The Markdown text, line endings normalised to '\n'. */
    public abstract String text();

    public static Body of(String text) {
        return new InMemory(text);
    }

    public static Body inFile(Path file) {
        return new InFile(file);
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
        private final Path file;

        InFile(Path file) {
            this.file = file;
        }

        @Override
        public String text() {
            try {
                return ArticleReader.bodyOf(Text.readUtf8(file).replace("\r\n", "\n"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
