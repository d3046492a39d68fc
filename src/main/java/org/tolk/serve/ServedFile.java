package org.tolk.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * One file of the previewed site: rendered bytes held in memory, or a file the build copies as is
 * (an image beside an article, a font of the theme), which the preview serves from where it lies
 * rather than holding a copy of every photo in memory.
 */
sealed interface ServedFile {

    long size();

    InputStream open() throws IOException;

    /** True when a browser showing this file would see no difference in {@code other}. */
    boolean sameAs(ServedFile other);

    record Bytes(byte[] bytes) implements ServedFile {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public boolean sameAs(ServedFile other) {
            return other instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }
    }

    /**
     * A source file published as is. Size and modification time stand in for its content: they are what
     * tells a rebuild that an image was replaced.
     */
    record Copy(Path source, long size, long modified) implements ServedFile {
        static Copy of(Path source) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
            return new Copy(source, attributes.size(), attributes.lastModifiedTime().toMillis());
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(source);
        }

        @Override
        public boolean sameAs(ServedFile other) {
            return other instanceof Copy c && source.equals(c.source) && size == c.size && modified == c.modified;
        }
    }
}
