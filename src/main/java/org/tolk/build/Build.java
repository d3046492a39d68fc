package org.tolk.build;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tolk.cache.BuildCache;
import org.tolk.cache.CacheFile;
import org.tolk.check.Problems;
import org.tolk.config.ConfigLoader;
import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.content.ContentReader;
import org.tolk.content.ContentReader.Content;
import org.tolk.content.ReadCache;
import org.tolk.output.PageSink;
import org.tolk.output.StagedOutput;
import org.tolk.render.RenderCache;
import org.tolk.render.Renderer;
import org.tolk.render.Strings;
import org.tolk.render.Theme;
import org.tolk.site.Inclusion;
import org.tolk.site.Site;
import org.tolk.site.SiteBuilder;

/**
 * A whole build, as a straight line of stages:
 * site.yaml → {@link SiteConfig} → content → {@link Site} → problems → rendered pages → output folder.
 * Prints nothing and never exits: the CLI and the preview server are thin layers over {@link #run}.
 */
public final class Build {
    private Build() {
    }

    /** Builds the site into its output folder (staged, then swapped in whole), or only checks it when {@code options.write()} is false. */
    public static BuildResult run(BuildOptions options) {
        return run(options, null, null).result();
    }

    /**
     * Builds the site into {@code sink} instead of the output folder: for the preview server, which keeps
     * pages in memory so that drafts and its live-reload script never reach the deployable output.
     * Pages are handed to the sink even when the build has errors (the preview keeps serving what it can);
     * {@link BuildResult#written()} is true only without errors.
     */
    public static BuildResult renderInto(BuildOptions options, PageSink sink) {
        return run(options.withWrite(false), sink, null).result();
    }

    /**
     * A rendering into a sink and what it leaves for the next one.
     *
     * @param next the cache state to pass to the next {@link #renderInto(BuildOptions, PageSink, BuildCache.Snapshot)}
     *             together with this rendering's files; empty when the build had errors, whose pages are no base
     *             for the next build (a page rendered with an error would be kept without the error being reported again)
     */
    public record Incremental(BuildResult result, Optional<BuildCache.Snapshot> next) {
    }

    /**
     * Like {@link #renderInto(BuildOptions, PageSink)}, but incremental: unchanged articles are not read again and
     * a page whose fingerprint is the one {@code previous} recorded is offered to {@link PageSink#reuse}, which
     * must be able to keep the files of the rendering that left {@code previous}. For the preview server, which
     * keeps the snapshot in memory: nothing is read from or written to {@code .tolk/cache/}.
     *
     * @param previous what the previous rendering into the same kind of sink left, or {@link BuildCache.Snapshot#EMPTY}
     */
    public static Incremental renderInto(BuildOptions options, PageSink sink, BuildCache.Snapshot previous) {
        return run(options.withWrite(false), sink, previous);
    }

    /** What the snapshots of renderings into memory say they describe, so that a disk cache's pages never count for them. */
    private static final String IN_MEMORY = "(in memory)";

    /**
     * @param previewSink     where the pages go instead of the output folder, or null
     * @param previewPrevious with {@code previewSink}: the snapshot of the previous rendering into it, for an
     *                        incremental rendering; null to render everything and keep no cache
     */
    private static Incremental run(BuildOptions options, PageSink previewSink, BuildCache.Snapshot previewPrevious) {
        long start = System.nanoTime();
        StageTimes times = new StageTimes();
        try {
            return run(options, previewSink, previewPrevious, start, times);
        } finally {
            times.print(System.err);
        }
    }

    private static Incremental run(BuildOptions options, PageSink previewSink, BuildCache.Snapshot previewPrevious,
                                   long start, StageTimes times) {
        Problems problems = new Problems();
        Path output = options.outputFolder();

        Optional<SiteConfig> loaded = ConfigLoader.load(options.source(), problems);
        if (loaded.isEmpty()) {
            return withoutSnapshot(result(problems, Map.of(), 0, start, output, false));
        }
        SiteConfig config = withBaseUrlOverride(loaded.get(), options, problems);
        times.stage("config");

        if (options.write()) {
            checkOutputFolder(options, config, problems);
            times.stage("checkOutput");
        }

        // The build cache: for builds that write, so that it always describes the output folder, and for
        // renderings into memory that keep their snapshot themselves (the preview server).
        BuildCache cache = null;
        String cacheOutput = null;
        if (options.write() && previewSink == null) {
            Path file = CacheFile.location(config.root(), output);
            BuildCache.Snapshot previous = options.clean() ? BuildCache.Snapshot.EMPTY
                    : CacheFile.load(file, config.root(), Version.get());
            cacheOutput = output.toAbsolutePath().toString();
            cache = new BuildCache(previous, Fingerprints.global(config, options), cacheOutput);
        } else if (previewSink != null && previewPrevious != null) {
            cache = inMemoryCache(config, options, previewPrevious);
            cacheOutput = IN_MEMORY;
        }
        long startedAt = System.currentTimeMillis();
        times.stage("cacheLoad");

        Content content = ContentReader.read(config, problems, cache == null ? ReadCache.NONE : cache);
        if (cache != null) {
            cache.states(content.states(), config.root(), startedAt);
        }
        times.stage("content");
        Theme theme = Theme.load(config, problems);
        Map<String, Strings> strings = new LinkedHashMap<>();
        for (Language language : config.languages()) {
            strings.put(language.key(), Strings.load(language, config.templatesDir(), problems));
        }
        times.stage("theme");
        Site site = SiteBuilder.build(config, content, theme.assetNames(),
                new Inclusion(options.drafts(), options.future(), options.now()), problems);
        times.stage("site");
        Renderer renderer = new Renderer(site, theme, strings, Version.get(), problems,
                cache == null ? RenderCache.NONE : cache);

        if (previewSink != null) {
            times.stage("renderer");
            Renderer.Counts counts = renderer.render(previewSink, options.progress());
            times.stage("render");
            BuildResult result = result(problems, counts, start, output, !problems.hasErrors());
            // Only a rendering without errors is a base for the next: see Incremental#next.
            return new Incremental(result, cache == null || problems.hasErrors() ? Optional.empty()
                    : Optional.of(cache.snapshot(startedAt, cacheOutput)));
        }
        if (!options.write() || problems.hasErrors()) {
            // Render anyway: template and link mistakes are found only by rendering, and every problem
            // of the run should be reported at once.
            renderer.render(PageSink.discard(), options.progress());
            return withoutSnapshot(result(problems, Map.of(), 0, start, output, false));
        }
        try (StagedOutput staged = StagedOutput.open(output)) {
            times.stage("stagingOpen");
            Renderer.Counts counts = renderer.render(staged, options.progress());
            times.stage("render");
            if (problems.hasErrors()) {
                return withoutSnapshot(result(problems, Map.of(), 0, start, output, false));
            }
            staged.commit();
            times.stage("commit");
            if (cache != null) {
                saveCache(cache, config, startedAt, output, problems);
                times.stage("cacheSave");
            }
            return withoutSnapshot(result(problems, counts, start, output, true));
        } catch (IOException e) {
            problems.error(displayPath(options, output), 0, 0, "cannot write the site: " + e.getMessage());
            return withoutSnapshot(result(problems, Map.of(), 0, start, output, false));
        }
    }

    /**
     * The cache of a rendering into memory. If the templates cannot all be read for the global fingerprint
     * (an editor's temporary file that vanished between listing and reading), the rendering goes without a
     * cache rather than failing: it renders everything, and the next one starts afresh.
     */
    private static BuildCache inMemoryCache(SiteConfig config, BuildOptions options, BuildCache.Snapshot previous) {
        try {
            return new BuildCache(previous, Fingerprints.global(config, options), IN_MEMORY);
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** A result that leaves nothing for a next rendering into memory: builds that write keep their cache on disk. */
    private static Incremental withoutSnapshot(BuildResult result) {
        return new Incremental(result, Optional.empty());
    }

    private static SiteConfig withBaseUrlOverride(SiteConfig config, BuildOptions options, Problems problems) {
        if (options.baseUrl().isEmpty()) {
            return config;
        }
        Optional<URI> url = ConfigLoader.parseBaseUrl(options.baseUrl().get());
        if (url.isEmpty()) {
            problems.error("--base-url", 0, 0, "'" + options.baseUrl().get() + "' is not an absolute http(s) URL such as https://news.example.org/");
            return config;
        }
        return config.withBaseUrl(url.get());
    }

    private static void checkOutputFolder(BuildOptions options, SiteConfig config, Problems problems) {
        Path output = options.outputFolder();
        try {
            for (String reason : StagedOutput.refusals(output, config.root(),
                    List.of(config.contentDir(), config.templatesDir()), options.force())) {
                problems.error(displayPath(options, output), 0, 0, reason);
            }
        } catch (IOException e) {
            problems.error(displayPath(options, output), 0, 0, "cannot read the output folder: " + e.getMessage());
        }
    }

    private static String displayPath(BuildOptions options, Path output) {
        Path root = options.source().toAbsolutePath().normalize();
        Path out = output.toAbsolutePath().normalize();
        return out.startsWith(root) ? root.relativize(out).toString().replace(java.io.File.separatorChar, '/') : out.toString();
    }

    private static BuildResult result(Problems problems, Map<String, Integer> pages, int files, long start, Path output,
                                      boolean written) {
        return new BuildResult(problems.sorted(), pages, files, files, Duration.ofNanos(System.nanoTime() - start), output, written);
    }

    private static BuildResult result(Problems problems, Renderer.Counts counts, long start, Path output, boolean written) {
        return new BuildResult(problems.sorted(), counts.htmlPagesPerLanguage(), counts.files(), counts.rendered(),
                Duration.ofNanos(System.nanoTime() - start), output, written);
    }

    /** A cache that cannot be saved costs the next build time, not correctness: it is a warning. */
    private static void saveCache(BuildCache cache, SiteConfig config, long startedAt, Path output, Problems problems) {
        try {
            CacheFile.save(CacheFile.location(config.root(), output), cache.snapshot(startedAt, output.toAbsolutePath().toString()),
                    Version.get());
        } catch (IOException e) {
            problems.warning(".tolk/cache", 0, 0, "cannot save the build cache (the next build will be a full one): " + e.getMessage());
        }
    }
}
