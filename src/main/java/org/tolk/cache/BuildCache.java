package org.tolk.cache;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.tolk.content.FileState;
import org.tolk.content.ReadCache;
import org.tolk.render.RenderCache;

/**
 * One build's view of the cache: what the previous build left ({@code previous}) and what this build
 * records for the next ({@code next}). The CLI saves it to {@code .tolk/cache/} after a build that was
 * written; the preview server keeps it in memory between rebuilds.
 */
public final class BuildCache implements ReadCache, RenderCache {

    /** What one build leaves for the next. */
    public record Snapshot(Map<String, FileRead> reads, Map<String, Long> pages, Map<String, List<String>> lookups,
                           long writtenAtMillis, String output) {
        public static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), 0, "");
    }

    /** How a file was read, and what it looked like then. */
    public record FileRead(FileState state, Read read) {
    }

    /**
     * Files changed this close to when the cache was written may have changed again within the clock's
     * resolution without their time changing ("racy git"): they are read again.
     */
    private static final long RACY_MILLIS = 2000;

    private final Snapshot previous;
    private final long global;
    // Sized for what the previous build had: growing a map of 20,000 entries step by step costs a rebuild dearly.
    private final Map<String, FileRead> reads;
    private final Map<String, Long> pages;
    private final Map<String, List<String>> lookups;
    private volatile Map<String, FileState> states = Map.of();
    private volatile Map<String, String> racyHashes = Map.of();

    /**
     * @param previous what the previous build left; its page fingerprints count only if it wrote to {@code output}
     * @param global   fingerprint of what every page depends on (see {@link RenderCache#globalFingerprint()})
     */
    public BuildCache(Snapshot previous, long global, String output) {
        this.previous = previous.output().equals(output) ? previous
                : new Snapshot(previous.reads(), Map.of(), Map.of(), previous.writtenAtMillis(), output);
        this.global = global;
        this.reads = new ConcurrentHashMap<>(Math.max(16, previous.reads().size() * 4 / 3 + 1));
        this.pages = new ConcurrentHashMap<>(Math.max(16, previous.pages().size() * 4 / 3 + 1));
        this.lookups = new ConcurrentHashMap<>(Math.max(16, previous.lookups().size() * 4 / 3 + 1));
    }

    /**
     * The source files' versions of this build, once content has been read. A file changed just before
     * this build started could change again within the clock's resolution without its size or time
     * changing; its version then includes a hash of its bytes, so that the next build notices. Versions are
     * made when asked for ({@link #state}): a preview rebuild after one edit asks for a handful of 20,000.
     *
     * @param buildStartMillis when this build started reading
     */
    public void states(Map<String, FileState> current, java.nio.file.Path root, long buildStartMillis) {
        List<String> racy = new java.util.ArrayList<>();
        current.forEach((path, state) -> {
            if (state.modifiedMillis() >= buildStartMillis - RACY_MILLIS) {
                racy.add(path);
            }
        });
        Map<String, String> hashes = new ConcurrentHashMap<>();
        racy.parallelStream().forEach(path -> hashes.put(path, contentHash(root.resolve(path))));
        this.racyHashes = hashes;
        this.states = current;
    }

    private static String contentHash(java.nio.file.Path file) {
        try {
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(java.nio.file.Files.readAllBytes(file));
            return Long.toHexString(crc.getValue());
        } catch (java.io.IOException e) {
            return "unreadable";
        }
    }

    /** What this build leaves for the next. */
    public Snapshot snapshot(long writtenAtMillis, String output) {
        // Views, not copies: once a build takes its snapshot, nothing writes to this cache any more.
        return new Snapshot(Collections.unmodifiableMap(reads), Collections.unmodifiableMap(pages),
                Collections.unmodifiableMap(lookups), writtenAtMillis, output);
    }

    @Override
    public Optional<Read> previous(String sourcePath, FileState state) {
        FileRead read = previous.reads().get(sourcePath);
        if (read == null || !read.state().equals(state)
                || state.modifiedMillis() >= previous.writtenAtMillis() - RACY_MILLIS) {
            return Optional.empty();
        }
        return Optional.of(read.read());
    }

    @Override
    public void remember(String sourcePath, FileState state, Read read) {
        FileRead before = previous.reads().get(sourcePath);
        if (before == null || before.read() != read || !before.state().equals(state)) {
            differs = true;
        }
        reads.put(sourcePath, new FileRead(state, read));
    }

    /** Set when this build records anything the previous one did not: then its snapshot must be saved. */
    private volatile boolean differs;

    /**
     * Whether this build's snapshot says the same as the previous one (every file read from it as it was, every
     * page kept with its fingerprint, the same links): then there is nothing to save, and the cache on disk,
     * with its older time, stays right.
     */
    public boolean sameAsPrevious() {
        return !readsDiffer() && pages.equals(previous.pages()) && lookups.equals(previous.lookups());
    }

    /** Whether the files read (all remembered once content has been read) are not the previous build's. */
    public boolean readsDiffer() {
        return differs || reads.size() != previous.reads().size();
    }

    @Override
    public long globalFingerprint() {
        return global;
    }

    @Override
    public OptionalLong previous(String outputFile) {
        Long fingerprint = previous.pages().get(outputFile);
        return fingerprint == null ? OptionalLong.empty() : OptionalLong.of(fingerprint);
    }

    @Override
    public void remember(String outputFile, long fingerprint) {
        pages.put(outputFile, fingerprint);
    }

    @Override
    public List<String> lookups(String sourcePath) {
        return previous.lookups().getOrDefault(sourcePath, List.of());
    }

    @Override
    public void rememberLookups(String sourcePath, List<String> targets) {
        lookups.put(sourcePath, targets);
    }

    @Override
    public void rememberAllPrevious() {
        pages.putAll(previous.pages());
        lookups.putAll(previous.lookups());
    }

    @Override
    public String state(String sourcePath) {
        FileState state = states.get(sourcePath);
        if (state == null) {
            return null;
        }
        String hash = racyHashes.get(sourcePath);
        return state.size() + "/" + state.modifiedMillis() + (hash == null ? "" : "/" + hash);
    }
}
