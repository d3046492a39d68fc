package org.tolk.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.tolk.cache.LayeredMap;
import org.tolk.output.PageSink;

/**
 * Keeps a rendered site in memory. The renderer calls it from many threads at once.
 *
 * <p>For an incremental rendering it is given the files of the rendering before: a page whose inputs did not
 * change is {@linkplain #reuse reused}, which keeps the very same bytes (no copy) under the same path.
 */
final class MemorySink implements PageSink {
    private final Map<String, ServedFile> previous;
    /** What this rendering wrote; with {@link #keptAll}, laid over {@link #previous}. */
    private final Map<String, ServedFile> files;
    /** Set when every file of the previous rendering is kept but those written anew. */
    private volatile boolean keptAll;

    /** A sink that starts from nothing: every page is rendered. */
    MemorySink() {
        this(Map.of());
    }

    /** @param previous the files of the rendering whose cache snapshot the renderer was given */
    MemorySink(Map<String, ServedFile> previous) {
        this.previous = previous;
        this.files = new ConcurrentHashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
    }

    @Override
    public void write(String relativePath, byte[] bytes) {
        files.put(relativePath, new ServedFile.Bytes(bytes));
    }

    @Override
    public void copy(String relativePath, Path source) throws IOException {
        files.put(relativePath, ServedFile.Copy.of(source));
    }

    @Override
    public boolean reuse(String relativePath) {
        ServedFile kept = previous.get(relativePath);
        if (kept == null) {
            return false;
        }
        if (!keptAll) {
            files.put(relativePath, kept);
        }
        return true;
    }

    @Override
    public boolean reuseAll(java.util.Collection<String> kept) {
        if (kept.size() == previous.size()) {
            // The preview keeps all only when the site's structure is the previous rendering's, whose files
            // these are: the same number of files is the same files (the randomized preview test holds it to
            // that). Looking each one up, or even copying them, would cost the rebuild after an edit more than the
            // rest of it: the files written anew are laid over the previous ones instead (see files()).
            keptAll = true;
            return true;
        }
        if (!previous.keySet().containsAll(kept)) {
            return false;
        }
        for (String file : kept) {
            files.put(file, previous.get(file));
        }
        return true;
    }

    /** The rendered site, read-only; call once rendering is done. */
    Map<String, ServedFile> files() {
        return keptAll ? LayeredMap.of(previous, files) : java.util.Collections.unmodifiableMap(files);
    }

    /**
     * The paths written anew if every other file is the previous rendering's (the same objects), so that what
     * changed can be told from these alone; empty if the rendering was not of that kind.
     */
    java.util.Optional<Set<String>> writtenOverPrevious() {
        return keptAll ? java.util.Optional.of(files.keySet()) : java.util.Optional.empty();
    }
}
