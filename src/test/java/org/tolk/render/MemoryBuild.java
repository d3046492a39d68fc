package org.tolk.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.tolk.TestSites;
import org.tolk.check.Problem;
import org.tolk.check.Problems;
import org.tolk.config.ConfigLoader;
import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.content.ContentReader;
import org.tolk.output.PageSink;
import org.tolk.site.Inclusion;
import org.tolk.site.Site;
import org.tolk.site.SiteBuilder;

/**
 * Builds a site into memory as {@code Build} does — read it, render it with a cache of every file's
 * fingerprint, keep the files whose fingerprint did not change — but with sitemap limits of the test's
 * choosing: Build takes the protocol's, and a fixture site would need 50,000 pages to get a sitemap in
 * parts. The cache knows a source file by its bytes, so edits need no waiting for the clock.
 */
public final class MemoryBuild {
    private final Path root;
    private final Sitemap.Limits limits;
    /** What the last successful build left for the next. */
    private Map<String, byte[]> files = Map.of();
    private Map<String, Long> fingerprints = Map.of();
    private Map<String, List<String>> lookups = Map.of();

    /**
     * @param rendered the files rendered anew (the others were kept from the previous build)
     */
    public record Result(List<Problem> problems, SortedMap<String, byte[]> files, Set<String> rendered) {
        public boolean failed() {
            return problems.stream().anyMatch(Problem::isError);
        }

        public String text(String file) {
            return new String(files.get(file), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    MemoryBuild(Path root, Sitemap.Limits limits) {
        this.root = root;
        this.limits = limits;
    }

    /** Builds whose sitemap files hold at most {@code urls} URLs and {@code bytes} bytes. */
    public MemoryBuild(Path root, int urls, long bytes) {
        this(root, new Sitemap.Limits(urls, bytes));
    }

    /** A build of the site as it is now that keeps what it can of the last successful one, and is the base of the next. */
    public Result build() {
        Cache cache = new Cache(root, fingerprints, lookups);
        Result result = render(root, limits, cache, files);
        if (!result.failed()) {
            files = result.files();
            fingerprints = Map.copyOf(cache.now);
            lookups = Map.copyOf(cache.lookupsNow);
        }
        return result;
    }

    /** A build from nothing, with no cache. */
    static Result clean(Path root, Sitemap.Limits limits) {
        return render(root, limits, RenderCache.NONE, Map.of());
    }

    public static Result clean(Path root, int urls, long bytes) {
        return clean(root, new Sitemap.Limits(urls, bytes));
    }

    /** The site as SiteBuilder makes it, for tests of the split alone. */
    static Site site(Path root) {
        Problems problems = new Problems();
        SiteConfig config = ConfigLoader.load(root, problems).orElseThrow(() -> new AssertionError(problems.sorted()));
        return SiteBuilder.build(config, ContentReader.read(config, problems), List.of(),
                new Inclusion(false, false, TestSites.NOW), problems);
    }

    private static Result render(Path root, Sitemap.Limits limits, RenderCache cache, Map<String, byte[]> previous) {
        Problems problems = new Problems();
        Optional<SiteConfig> loaded = ConfigLoader.load(root, problems);
        if (loaded.isEmpty()) {
            return new Result(problems.sorted(), new TreeMap<>(), Set.of());
        }
        SiteConfig config = loaded.get();
        Theme theme = Theme.load(config, problems);
        Map<String, Strings> strings = new LinkedHashMap<>();
        for (Language language : config.languages()) {
            strings.put(language.key(), Strings.load(language, config.templatesDir(), problems));
        }
        Site site = SiteBuilder.build(config, ContentReader.read(config, problems), theme.assetNames(),
                new Inclusion(false, false, TestSites.NOW), problems);
        Map<String, byte[]> out = new ConcurrentHashMap<>();
        Set<String> rendered = ConcurrentHashMap.newKeySet();
        PageSink sink = new PageSink() {
            @Override
            public void write(String relativePath, byte[] bytes) {
                out.put(relativePath, bytes);
                rendered.add(relativePath);
            }

            @Override
            public void copy(String relativePath, Path source) throws IOException {
                write(relativePath, Files.readAllBytes(source));
            }

            @Override
            public boolean reuse(String relativePath) {
                byte[] kept = previous.get(relativePath);
                if (kept != null) {
                    out.put(relativePath, kept);
                }
                return kept != null;
            }
        };
        new Renderer(site, theme, strings, "test", problems, cache, FeedBodies.NONE, limits).render(sink, new LongAdder());
        return new Result(problems.sorted(), new TreeMap<>(out), Set.copyOf(rendered));
    }

    /** Fingerprints as BuildCache keeps them; a source file's version is its bytes' fingerprint. */
    private static final class Cache implements RenderCache {
        private final Path root;
        private final long global;
        private final Map<String, Long> previous;
        private final Map<String, List<String>> previousLookups;
        final Map<String, Long> now = new ConcurrentHashMap<>();
        final Map<String, List<String>> lookupsNow = new ConcurrentHashMap<>();
        private final Map<String, String> states = new ConcurrentHashMap<>();

        Cache(Path root, Map<String, Long> previous, Map<String, List<String>> previousLookups) {
            this.root = root;
            this.previous = previous;
            this.previousLookups = previousLookups;
            this.global = global(root);
        }

        /** site.yaml and everything under templates/: what Build's global fingerprint covers that edits change. */
        private static long global(Path root) {
            try (Stream<Path> files = Stream.concat(Stream.of(root.resolve(ConfigLoader.FILE_NAME)),
                    Files.isDirectory(root.resolve("templates")) ? Files.walk(root.resolve("templates")) : Stream.empty())) {
                long hash = 1;
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    hash = Fingerprint.of(Fingerprint.of(hash, root.relativize(file).toString()), Files.readAllBytes(file));
                }
                return hash;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long globalFingerprint() {
            return global;
        }

        @Override
        public OptionalLong previous(String outputFile) {
            Long fingerprint = previous.get(outputFile);
            return fingerprint == null ? OptionalLong.empty() : OptionalLong.of(fingerprint);
        }

        @Override
        public void remember(String outputFile, long fingerprint) {
            now.put(outputFile, fingerprint);
        }

        @Override
        public List<String> lookups(String sourcePath) {
            return previousLookups.getOrDefault(sourcePath, List.of());
        }

        @Override
        public void rememberLookups(String sourcePath, List<String> found) {
            lookupsNow.put(sourcePath, found);
        }

        @Override
        public void rememberAllPrevious() {
            now.putAll(previous);
            lookupsNow.putAll(previousLookups);
        }

        @Override
        public String state(String sourcePath) {
            return states.computeIfAbsent(sourcePath, source -> {
                try {
                    return Long.toHexString(Fingerprint.of(0, Files.readAllBytes(root.resolve(source))));
                } catch (IOException e) {
                    return "missing";
                }
            });
        }
    }
}
