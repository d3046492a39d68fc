package org.tolk.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where rendered files go: a staging folder for a build, memory for the preview, nowhere for
 * {@code tolk check}. Called from many threads at once.
 *
 * @see StagedOutput
 */
public interface PageSink {

    /** Writes {@code bytes} as the file at {@code relativePath} (with '/', no leading '/'). */
    void write(String relativePath, byte[] bytes) throws IOException;

    /** Publishes {@code source} as is at {@code relativePath}. */
    void copy(String relativePath, Path source) throws IOException;

    /**
     * Keeps the file at {@code relativePath} as the previous build wrote it, because its inputs did not
     * change. Returns false when it cannot (the previous file is gone), and the page is rendered instead.
     */
    default boolean reuse(String relativePath) throws IOException {
        return false;
    }

    /**
     * Keeps {@code files} (relative paths), all files of the previous build, at once: for a rebuild that knows
     * which few pages it will write again (they then replace their kept files). Returns false, keeping nothing,
     * when the sink cannot keep them all, and the pages are then kept one by one with {@link #reuse}.
     */
    default boolean reuseAll(java.util.Collection<String> files) {
        return false;
    }

    /** A sink that keeps nothing, for runs that check but do not write. */
    static PageSink discard() {
        return new PageSink() {
            @Override
            public void write(String relativePath, byte[] bytes) {
            }

            @Override
            public void copy(String relativePath, Path source) {
            }
        };
    }
}
