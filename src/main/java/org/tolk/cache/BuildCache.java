package org.tolk.cache;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.tolk.content.FileState;
import org.tolk.content.ReadCache;
import org.tolk.render.FeedBodies;
import org.tolk.render.RenderCache;

/**
 * One build's view of the cache: what the previous build left ({@code previous}) and what this build
 * records for the next ({@code next}). The CLI saves it to {@code .tolk/cache/} after a build that was
 * written; the preview server keeps it in memory between rebuilds.
 */
public final class BuildCache implements ReadCache, RenderCache {

    /**
     * What one build leaves for the next.
     *
     * @param output      the output folder whose pages it describes
     * @param outputState that folder's state once the build had put it in place ({@code StagedOutput#state}):
     *                    pages count only while it is the same
     * @param feedBodies the rendered bodies of the articles in feeds, by {@code Renderer}'s body key (which
     *                   hashes everything a body depends on): a rebuild that re-renders a feed for one edited
     *                   article need not render its nineteen other bodies again
     */
    public record Snapshot(Map<String, FileRead> reads, Map<String, Long> pages, Map<String, List<String>> lookups,
                           long writtenAtMillis, String output, String outputState, Basis basis, FeedBodies feedBodies) {
        public static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), 0, "", "", Basis.NONE, FeedBodies.NONE);
    }

    /**
     * What a build's pages rest on besides the articles: the global fingerprint, which files content/ holds
     * ({@code layout}), and the moment that decided which articles were published. A build whose basis
     * is the previous one's and whose changed files are articles with the same front matter has the
     * previous build's structure: see {@link #changedBodies()}.
     */
    public record Basis(long global, long layout, java.time.Instant now) {
        public static final Basis NONE = new Basis(0, 0, java.time.Instant.EPOCH);
    }

    /** How a file was read, and what it looked like then. */
    public record FileRead(FileState state, Read read) {
    }

    /**
     * Files changed this close to when the cache was written may have changed again within the clock's
     * resolution without their time changing ("racy git"): they are read again.
     */
    private static final long RACY_MILLIS = 2000;

    private volatile Snapshot previous;
    private final long global;
    // Sized for what the previous build had: growing a map of 20,000 entries step by step costs a rebuild dearly.
    private final Map<String, FileRead> reads;
    private final Map<String, Long> pages;
    private final Map<String, List<String>> lookups;
    private volatile Map<String, FileState> states = Map.of();
    private volatile Map<String, String> racyHashes = Map.of();

    /**
     * @param previous what the previous build left; its page fingerprints count only if it wrote to {@code output}
     *                 (and, see {@link #outputHolds}, the folder still holds what it wrote)
     * @param global   fingerprint of what every page depends on (see {@link RenderCache#globalFingerprint()})
     */
    public BuildCache(Snapshot previous, long global, String output) {
        this.previous = previous.output().equals(output) ? previous : withoutPages(previous, output);
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

    private static Snapshot withoutPages(Snapshot previous, String output) {
        return new Snapshot(previous.reads(), Map.of(), Map.of(), previous.writtenAtMillis(), output, "", Basis.NONE, FeedBodies.NONE);
    }

    /**
     * Tells the output folder's state now ({@code StagedOutput#state}): unless it is the one the previous
     * snapshot was saved with, none of the previous pages count. The cache is saved after the output is put in
     * place, so a build killed in between leaves a cache that describes the folder as it was before. Call
     * before anything asks for previous pages.
     */
    public void outputIs(String state) {
        if (!previous.outputState().equals(state)) {
            previous = withoutPages(previous, previous.output());
        }
    }

    /** What this build leaves for the next, which left the output folder in {@code outputState}. */
    public Snapshot snapshot(long writtenAtMillis, String output, String outputState) {
        // Views, not copies: once a build takes its snapshot, nothing writes to this cache any more.
        return new Snapshot(Collections.unmodifiableMap(reads),
                keptAllPrevious ? LayeredMap.of(previous.pages(), pages) : Collections.unmodifiableMap(pages),
                keptAllPrevious ? LayeredMap.of(previous.lookups(), lookups) : Collections.unmodifiableMap(lookups),
                writtenAtMillis, output, outputState, basis, feedBodies);
    }

    private volatile FeedBodies feedBodies = FeedBodies.NONE;

    /** Records the feeds' rendered bodies once pages are rendered (see {@link Snapshot#feedBodies}). */
    public void feedBodies(FeedBodies bodies) {
        this.feedBodies = bodies;
    }

    /** The feeds' rendered bodies the previous build into this output left. */
    public FeedBodies previousFeedBodies() {
        return previous.feedBodies();
    }

    private volatile Basis basis = Basis.NONE;

    /** Records what this build's pages rest on, once content has been read (see {@link Basis}). */
    public void basis(Basis basis) {
        this.basis = basis;
    }

    /** What the previous build's pages rested on ({@link Basis#NONE} if it did not record it, or wrote elsewhere). */
    public Basis previousBasis() {
        return previous.pages().isEmpty() ? Basis.NONE : previous.basis();
    }

    /**
     * The articles (source paths) whose files changed since the previous build, if those are all that changed
     * and only in their bodies: every file read was read before, and each one read anew is an article with the
     * same front matter and problems as then. Empty if anything else changed, or nothing can be told. With
     * the previous build's {@link Basis} (same files, templates, configuration, published articles), the
     * site's structure is then the previous one. Call once content has been read.
     */
    public Optional<List<String>> changedBodies() {
        if (reads.size() != previous.reads().size()) {
            return Optional.empty();
        }
        List<String> changed = new java.util.ArrayList<>();
        for (var entry : reads.entrySet()) {
            FileRead before = previous.reads().get(entry.getKey());
            Read now = entry.getValue().read();
            if (before == null) {
                return Optional.empty();
            }
            if (before.read() == now) {
                continue;
            }
            if (before.read().article().isEmpty() || now.article().isEmpty()
                    || !before.read().article().get().sameFrontMatter(now.article().get())
                    || !before.read().problems().equals(now.problems())) {
                return Optional.empty();
            }
            changed.add(entry.getKey());
        }
        changed.sort(null);
        return Optional.of(changed);
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
        return !readsDiffer() && !pagesDiffer && count(pages, previous.pages()) == previous.pages().size()
                && count(lookups, previous.lookups()) == previous.lookups().size()
                // A body's key hashes all it depends on: the same keys are the same bodies.
                && feedBodies.keys().equals(previous.feedBodies().keys());
    }

    /**
     * Set when a page or a body's links are recorded otherwise than the previous build had them; with as many
     * of each as then, the two builds' records are equal (comparing maps of 23,000 entries cost a rebuild 5 %).
     */
    private volatile boolean pagesDiffer;

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
        Long before = previous.pages().get(outputFile);
        if (before == null || before != fingerprint) {
            pagesDiffer = true;
        }
        pages.put(outputFile, fingerprint);
    }

    @Override
    public List<String> lookups(String sourcePath) {
        return previous.lookups().getOrDefault(sourcePath, List.of());
    }

    @Override
    public void rememberLookups(String sourcePath, List<String> targets) {
        if (!targets.equals(previous.lookups().get(sourcePath))) {
            pagesDiffer = true;
        }
        lookups.put(sourcePath, targets);
    }

    /**
     * Set when every page of the previous build is kept but those recorded anew: this build's records are then
     * the previous ones with these laid over them ({@link LayeredMap}), not a copy of 23,000 of them.
     */
    private volatile boolean keptAllPrevious;

    @Override
    public void rememberAllPrevious() {
        keptAllPrevious = true;
    }

    /** How many records {@code recorded} makes, laid over {@code before} if every previous page is kept. */
    private <V> int count(Map<String, V> recorded, Map<String, V> before) {
        if (!keptAllPrevious) {
            return recorded.size();
        }
        int count = before.size();
        for (String key : recorded.keySet()) {
            if (!before.containsKey(key)) {
                count++;
            }
        }
        return count;
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
