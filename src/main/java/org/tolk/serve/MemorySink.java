package org.tolk.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.tolk.output.PageSink;

/** Keeps a rendered site in memory. The renderer calls it from many threads at once. */
final class MemorySink implements PageSink {
    private final Map<String, ServedFile> files = new ConcurrentHashMap<>();

    @Override
    public void write(String relativePath, byte[] bytes) {
        files.put(relativePath, new ServedFile.Bytes(bytes));
    }

    @Override
    public void copy(String relativePath, Path source) throws IOException {
        files.put(relativePath, ServedFile.Copy.of(source));
    }

    Map<String, ServedFile> files() {
        return files;
    }
}
