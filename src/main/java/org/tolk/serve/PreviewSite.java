package org.tolk.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.tolk.build.Build;
import org.tolk.build.BuildOptions;
import org.tolk.check.Problem;
import org.tolk.content.ContentReader;

/**
 * The site as the preview holds it: the generation being served, the problems of the latest build, and
 * when each output file last changed.
 *
 * <p>Every rebuild goes through {@link #rebuild}, one at a time, and is incremental: the build cache's
 * snapshot of the last rendering without errors stays in memory (never on disk) with that rendering's
 * files, so that unchanged articles are not read again and a page whose fingerprint did not change keeps its
 * bytes instead of being rendered (see {@link #render}). Only the files and folders the watcher names are
 * looked at again (a dropped event makes it name the whole site, which is then listed anew); site.yaml and
 * the theme are loaded again only when they changed. The answer stays byte-identical to a full build of
 * the same files.
 *
 * <p>A build with errors does not replace a good generation: the browser keeps getting the last pages that
 * built, with the errors shown over them, until a build succeeds again. Only while no build has succeeded
 * yet is the latest (partial) rendering served, so that there is something to look at.
 */
public final class PreviewSite {
    private final BuildOptions options;
    private final boolean followClock;
    private final Map<String, Long> lastChanged = new ConcurrentHashMap<>();
    private final CountDownLatch firstBuild = new CountDownLatch(1);
    private volatile Generation served;
    private volatile List<Problem> problems = List.of();
    private volatile long number;
    private volatile long lastCssChange;
    private volatile long lastOtherChange;

    /** @param options what to build; the preview passes its own base URL and never writes */
    public PreviewSite(BuildOptions options) {
        this(options, false);
    }

    /**
     * @param followClock decide what is "in the future" at each rebuild rather than once: a preview open all day
     *                    shows an article dated 14:00 from 14:00 on, as a build at that moment would publish it
     */
    public PreviewSite(BuildOptions options, boolean followClock) {
        this.options = options.withWrite(false);
        this.followClock = followClock;
    }

    /** The options of a build started now (with the current moment, if the preview follows the clock). */
    public BuildOptions options() {
        return followClock ? options.withNow(java.time.Instant.now()) : options;
    }

    /**
     * Rebuilds the site after {@code changedSources} changed (absolute paths; empty for the first build)
     * and serves the result if it has no errors or nothing good is being served yet.
     */
    public synchronized Rebuild rebuild(Set<Path> changedSources) {
        long start = System.nanoTime();
        long next = number + 1;
        Map<String, ServedFile> files;
        List<Problem> found;
        Throwable crash = null;
        Rendered rendered = null;
        try {
            rendered = render(changedSources);
            files = rendered.files();
            found = rendered.problems();
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in Tolk must not take the preview down with it: report it and keep serving.
            crash = e;
            files = Map.of();
            found = List.of(Problem.error("tolk", 0, 0, "internal error while building: " + e
                    + " (please report it; run with --debug for the stack trace)"));
        }
        boolean good = found.stream().noneMatch(Problem::isError);
        Generation previous = served;
        boolean swap = crash == null && (good || previous == null || !previous.good());

        Set<String> changed = new TreeSet<>();
        Set<String> added = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        if (swap) {
            Map<String, ServedFile> before = previous == null ? Map.of() : previous.files();
            // After an edit most files are the served ones, the very same objects: only those written anew
            // need comparing (23,000 comparisons were a fifth of a rebuild at 10,000 stories).
            boolean overServed = rendered.previous() == before && rendered.writtenOverPrevious().isPresent();
            for (Map.Entry<String, ServedFile> entry : overServed ? written(files, rendered.writtenOverPrevious().get()) : files.entrySet()) {
                ServedFile old = before.get(entry.getKey());
                if (old == null) {
                    added.add(entry.getKey());
                } else if (!old.sameAs(entry.getValue())) {
                    changed.add(entry.getKey());
                }
            }
            if (!overServed || files.size() != before.size() + added.size()) {
                for (String path : before.keySet()) {
                    if (!files.containsKey(path)) {
                        removed.add(path);
                    }
                }
            }
            changed.addAll(added);
            changed.addAll(removed);
            for (String path : changed) {
                lastChanged.put(path, next);
            }
            if (!changed.isEmpty()) {
                if (changed.stream().allMatch(p -> p.endsWith(".css"))) {
                    lastCssChange = next;
                } else {
                    lastOtherChange = next;
                }
            }
            served = new Generation(next, files, good);
        }
        problems = found;
        number = next;
        firstBuild.countDown();
        return new Rebuild(next, relative(changedSources), Duration.ofNanos(System.nanoTime() - start), found, swap,
                Collections.unmodifiableSet(changed), Collections.unmodifiableSet(added),
                Collections.unmodifiableSet(removed), served == null ? 0 : served.files().size(), crash);
    }

    /** What one rendering produced: every output file, and the problems found on the way. */
    private static Iterable<Map.Entry<String, ServedFile>> written(Map<String, ServedFile> files, Set<String> paths) {
        List<Map.Entry<String, ServedFile>> entries = new java.util.ArrayList<>(paths.size());
        for (String path : paths) {
            entries.add(Map.entry(path, files.get(path)));
        }
        return entries;
    }

    /**
     * @param previous           the files the rendering started from
     * @param writtenOverPrevious the paths written anew, if all other files are {@code previous}'s (see {@link MemorySink})
     */
    record Rendered(Map<String, ServedFile> files, List<Problem> problems, Map<String, ServedFile> previous,
                    java.util.Optional<Set<String>> writtenOverPrevious) {
    }

    /**
     * The base of the next rebuild: what the last rendering without errors left (its cache snapshot and
     * loaded stages) and that rendering's files, which the snapshot's page fingerprints describe. Only
     * {@link #render} uses it, under {@link #rebuild}'s lock.
     */
    private record Base(Build.Base build, Map<String, ServedFile> files) {
    }

    private Base base;

    /**
     * Renders the site after {@code changedSources} changed, incrementally from the last rendering that had
     * no errors. A rendering with errors leaves the base as it was: its pages may hide an error that only
     * rendering them again reports; and the sources changed since the base are then all of those changed
     * since it, so they are collected until a rendering succeeds.
     */
    Rendered render(Set<Path> changedSources) {
        Base from = base != null ? base : new Base(Build.Base.EMPTY, Map.of());
        sinceBase.addAll(changedSources);
        MemorySink sink = new MemorySink(from.files());
        Build.Incremental result = Build.renderInto(options(), sink, from.build(), List.copyOf(sinceBase));
        Map<String, ServedFile> files = sink.files();
        result.next().ifPresent(next -> {
            base = new Base(next, files);
            sinceBase.clear();
        });
        return new Rendered(files, result.result().problems(), from.files(), sink.writtenOverPrevious());
    }

    /** Sources changed since the base was rendered. */
    private final Set<Path> sinceBase = new java.util.HashSet<>();

    /** The generation being served, or null before the first build has finished. */
    Generation served() {
        return served;
    }

    /** Waits for the first build, which a request arriving during start-up must not race. */
    Generation awaitFirstBuild(long timeout, TimeUnit unit) throws InterruptedException {
        firstBuild.await(timeout, unit);
        return served;
    }

    /** Problems of the latest build (whose pages may not be the ones served, if it had errors). */
    public List<Problem> problems() {
        return problems;
    }

    /** Number of the latest build, served or not. */
    public long number() {
        return number;
    }

    /** The latest build after {@code generation} that changed {@code outputPath}, or 0 if none did. */
    long changedSince(String outputPath, long generation) {
        long at = lastChanged.getOrDefault(outputPath, 0L);
        return at > generation ? at : 0;
    }

    boolean cssChangedSince(long generation) {
        return lastCssChange > generation;
    }

    boolean anythingChangedSince(long generation) {
        return lastOtherChange > generation;
    }

    private List<String> relative(Set<Path> sources) {
        Path root = options.source().toAbsolutePath().normalize();
        return sources.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .map(p -> p.startsWith(root) ? ContentReader.relative(root, p) : p.toString())
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }
}
