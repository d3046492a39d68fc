package org.tolk.build;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tolk.cache.BuildCache;
import org.tolk.cache.CacheFile;
import org.tolk.check.Problem;
import org.tolk.check.Problems;
import org.tolk.config.ConfigLoader;
import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.content.ContentReader;
import org.tolk.content.ContentReader.Content;
import org.tolk.content.ReadCache;
import org.tolk.output.PageSink;
import org.tolk.output.StagedOutput;
import org.tolk.render.FeedBodies;
import org.tolk.render.Fingerprint;
import org.tolk.render.RenderCache;
import org.tolk.render.Renderer;
import org.tolk.render.Strings;
import org.tolk.render.Theme;
import org.tolk.site.Inclusion;
import org.tolk.site.Page;
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
        long start = System.nanoTime();
        StageTimes times = new StageTimes();
        try {
            return run(options, start, times);
        } finally {
            times.print(System.err);
        }
    }

    /**
     * Builds the site into {@code sink} instead of the output folder: for the preview server, which keeps
     * pages in memory so that drafts and its live-reload script never reach the deployable output.
     * Pages are handed to the sink even when the build has errors (the preview keeps serving what it can);
     * {@link BuildResult#written()} is true only without errors.
     */
    public static BuildResult renderInto(BuildOptions options, PageSink sink) {
        return renderInto(options, sink, Base.EMPTY, List.of()).result();
    }

    /**
     * A rendering into a sink and what it leaves for the next one.
     *
     * @param next what to pass to the next {@link #renderInto(BuildOptions, PageSink, Base, Collection)} together
     *             with this rendering's files; empty when the build had errors, whose pages are no base for the
     *             next build (a page rendered with an error would be kept without the error being reported again)
     */
    public record Incremental(BuildResult result, Optional<Base> next) {
    }

    /**
     * What a rendering into memory leaves for the next: the cache snapshot (page fingerprints, reads), and the
     * stages' results that a change to content/ alone leaves as they are (configuration, theme, UI strings,
     * the listing of content/), with the problems those stages reported.
     */
    public static final class Base {
        public static final Base EMPTY = new Base(BuildCache.Snapshot.EMPTY, null, null, null, null, FeedBodies.NONE, null);

        private final BuildCache.Snapshot snapshot;
        private final Setup setup;
        private final Content content;
        private final Site site;
        private final Inclusion inclusion;
        private final FeedBodies feedBodies;
        private final Renderer.Layout layout;
        /** Made when an edit first needs it, then kept as long as the site's structure is: see {@link Renderer#pagesByArticle}. */
        private Map<String, List<Page>> pagesByArticle;

        private Base(BuildCache.Snapshot snapshot, Setup setup, Content content, Site site, Inclusion inclusion,
                     FeedBodies feedBodies, Renderer.Layout layout) {
            this.feedBodies = feedBodies;
            this.layout = layout;
            this.snapshot = snapshot;
            this.setup = setup;
            this.content = content;
            this.site = site;
            this.inclusion = inclusion;
        }

        private synchronized Map<String, List<Page>> pagesByArticle() {
            if (pagesByArticle == null) {
                pagesByArticle = Renderer.pagesByArticle(site);
            }
            return pagesByArticle;
        }
    }

    /**
     * What the last build this JVM wrote left, as the preview's {@link Base} (its snapshot is the cache that build
     * left; setup, content and inclusion are not kept): a JVM that builds again (the build daemon) reuses its site,
     * layout and index of pages when the next build starts from that very cache (the same object, which
     * {@link CacheFile#load} gives back while the file is the one saved) and finds only bodies changed.
     */
    private static volatile Base lastBuild;

    /** site.yaml and the theme as loaded, with the problems found loading them and the global fingerprint. */
    private record Setup(SiteConfig config, Theme theme, Map<String, Strings> strings, long global, List<Problem> problems) {
    }

    /** The theme and the UI strings of each language, with the problems found loading them. */
    private record Look(Theme theme, Map<String, Strings> strings, List<Problem> problems) {
    }

    /**
     * Like {@link #renderInto(BuildOptions, PageSink)}, but incremental: unchanged articles are not read again and
     * a page whose fingerprint is the one {@code previous} recorded is offered to {@link PageSink#reuse}, which
     * must be able to keep the files of the rendering that left {@code previous}. For the preview server, which
     * keeps the base in memory: nothing is read from or written to {@code .tolk/cache/}.
     *
     * @param previous what the previous rendering into the same kind of sink left, or {@link Base#EMPTY}
     * @param changed  the source files and folders (absolute paths) changed since then, as a watcher reports them;
     *                 only they are looked at again, if they are all under content/ (empty: look at everything)
     */
    public static Incremental renderInto(BuildOptions options, PageSink sink, Base previous, Collection<Path> changed) {
        long start = System.nanoTime();
        StageTimes times = new StageTimes();
        try {
            return preview(options.withWrite(false), sink, previous, changed, start, times);
        } finally {
            times.print(System.err);
        }
    }

    /** What the snapshots of renderings into memory say they describe, so that a disk cache's pages never count for them. */
    private static final String IN_MEMORY = "(in memory)";

    /** The preview's incremental rendering into memory: see {@link #renderInto(BuildOptions, PageSink, Base, Collection)}. */
    private static Incremental preview(BuildOptions options, PageSink sink, Base previous, Collection<Path> changed,
                                       long start, StageTimes times) {
        Problems problems = new Problems();
        Path output = options.outputFolder();
        Changes changes = previous.setup == null ? Changes.EVERYTHING : Changes.of(changed, previous.setup.config());

        Setup setup = changes.setup() ? setup(options, problems) : previous.setup;
        if (setup == null) {
            return withoutSnapshot(result(problems, Map.of(), 0, start, output, false));
        }
        problems.addAll(setup.problems());
        times.stage("setup");
        BuildCache cache = new BuildCache(previous.snapshot, setup.global(), IN_MEMORY);
        long startedAt = System.currentTimeMillis();
        Content content = changes.content() == null || previous.content == null
                ? ContentReader.read(setup.config(), problems, cache)
                : ContentReader.update(previous.content, changes.content(), setup.config(), problems, cache);
        cache.states(content.states(), setup.config().root(), startedAt);
        times.stage("content");
        Inclusion inclusion = new Inclusion(options.drafts(), options.future(), options.now());
        Optional<List<String>> bodiesOnly = changes.setup() ? Optional.empty() : bodiesOnly(previous, changed, content, inclusion);
        Site site = bodiesOnly.isPresent() ? previous.site
                : SiteBuilder.build(setup.config(), content, setup.theme().assetNames(), inclusion, problems);
        times.stage("site");
        Renderer renderer = new Renderer(site, setup.theme(), setup.strings(), Version.get(), problems, cache, previous.feedBodies,
                previous.layout);
        Renderer.Counts counts = bodiesOnly.isPresent()
                ? renderer.renderChanged(sink, options.progress(), bodiesOnly.get(), previous.pagesByArticle())
                : renderer.render(sink, options.progress());
        times.stage("render");
        BuildResult result = result(problems, counts, start, output, !problems.hasErrors());
        if (problems.hasErrors()) {
            // Only a rendering without errors is a base for the next: see Incremental#next.
            return withoutSnapshot(result);
        }
        Base next = new Base(cache.snapshot(startedAt, IN_MEMORY, ""), setup, content, site, inclusion, renderer.feedBodies(),
                renderer.layout());
        if (bodiesOnly.isPresent()) {
            next.pagesByArticle = previous.pagesByArticle();
        }
        return new Incremental(result, Optional.of(next));
    }

    /**
     * The articles (source paths) of which only the bodies changed, if that is all that changed since
     * {@code previous}: the same files, each changed one an article with the same front matter as before,
     * and the same articles published. Then the site's structure is the previous one, and only the pages
     * showing those articles can differ. Empty if anything else may have changed.
     */
    private static Optional<List<String>> bodiesOnly(Base previous, Collection<Path> changed, Content content,
                                                     Inclusion inclusion) {
        if (previous.site == null || changed.isEmpty()) {
            return Optional.empty();
        }
        Path root = previous.setup.config().root().toAbsolutePath().normalize();
        List<String> articles = new java.util.ArrayList<>();
        for (Path path : changed) {
            String sourcePath = ContentReader.relative(root, path.toAbsolutePath().normalize());
            Optional<Article> before = previous.content.article(sourcePath);
            Optional<Article> now = content.article(sourcePath);
            if (before.isEmpty() || now.isEmpty() || !before.get().sameFrontMatter(now.get())) {
                return Optional.empty();
            }
            articles.add(sourcePath);
        }
        if (content.states().size() != previous.content.states().size() || content.articles().size() != previous.content.articles().size()) {
            return Optional.empty();
        }
        // The preview follows the clock: the same articles must still be published.
        if (!samePublished(content, inclusion, previous.inclusion)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(articles));
    }

    /**
     * The CLI's counterpart of the preview's {@link #bodiesOnly(Base, Collection, Content, Inclusion)}: the articles
     * whose bodies alone changed since the build that left {@code cache}, if that is all that changed. The
     * previous build must have rested on the same {@link BuildCache.Basis} (configuration, templates, the files
     * of content/ and of the theme's assets) and published the same articles. Then only the pages showing those
     * articles are looked at; at 10,000 stories that spares fingerprinting 23,000 pages.
     */
    private static Optional<List<String>> bodiesOnly(BuildCache cache, BuildCache.Basis basis, Content content,
                                                     Inclusion inclusion) {
        BuildCache.Basis previous = cache.previousBasis();
        if (previous.equals(BuildCache.Basis.NONE) || previous.global() != basis.global() || previous.layout() != basis.layout()) {
            return Optional.empty();
        }
        Optional<List<String>> changed = cache.changedBodies();
        if (changed.isEmpty()) {
            return changed;
        }
        return samePublished(content, inclusion, new Inclusion(inclusion.drafts(), inclusion.future(), previous.now()))
                ? changed : Optional.empty();
    }

    /** Whether {@code now} publishes the same articles of {@code content} as {@code before} did. */
    private static boolean samePublished(Content content, Inclusion now, Inclusion before) {
        if (now.equals(before)) {
            return true;
        }
        for (Article article : content.articles()) {
            if (now.includes(article) != before.includes(article)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a bodies-only rebuild needs unchanged besides the articles: which files content/ holds, the versions
     * of those that are not articles (pages copy them), and the versions of the theme's own asset files (their
     * bytes are not in the global fingerprint). Call once {@code cache} has the content's file versions.
     */
    private static long layout(Content content, Theme theme, BuildCache cache) {
        long h = content.states().size();
        for (String path : content.states().keySet()) {
            h = Fingerprint.mix(h, Fingerprint.of(0, path));
            if (!path.endsWith(".md")) {
                // As the file's page sees it: with a hash of its bytes if it changed just before the build.
                h = Fingerprint.mix(h, Fingerprint.of(0, cache.state(path)));
            }
        }
        for (String name : theme.assetNames()) {
            if (theme.asset(name) instanceof Theme.AssetSource.SiteFile file) {
                h = Fingerprint.mix(h, Fingerprint.of(0, name));
                try {
                    h = Fingerprint.mix(Fingerprint.mix(h, Files.size(file.file())),
                            Files.getLastModifiedTime(file.file()).toMillis());
                } catch (IOException e) {
                    // gone since the theme was loaded: then nothing is known, and nothing is reused on its account
                    h = Fingerprint.mix(h, System.nanoTime());
                }
            }
        }
        return h;
    }

    /**
     * Which stages a set of changed sources makes run again.
     *
     * @param setup   site.yaml or templates/ changed (or something unknown): load configuration and theme again
     * @param content the changed paths under content/ to look at, or null to list content/ anew
     */
    private record Changes(boolean setup, Collection<Path> content) {
        static final Changes EVERYTHING = new Changes(true, null);

        /** @param config the configuration the previous rendering used, which says where content/ and templates/ are */
        static Changes of(Collection<Path> changed, SiteConfig config) {
            if (changed.isEmpty()) {
                return EVERYTHING;
            }
            Path contentDir = config.contentDir().toAbsolutePath().normalize();
            Path templatesDir = config.templatesDir().toAbsolutePath().normalize();
            List<Path> inContent = new java.util.ArrayList<>();
            boolean setup = false;
            boolean relist = false;
            for (Path path : changed) {
                Path absolute = path.toAbsolutePath().normalize();
                if (absolute.startsWith(contentDir)) {
                    inContent.add(absolute);   // content/ itself too: ContentReader.update lists it anew
                } else {
                    setup = true;
                    // site.yaml (or anything unknown) may change how articles are read: list content/ anew.
                    relist |= !absolute.startsWith(templatesDir);
                }
            }
            return new Changes(setup, relist ? null : inContent);
        }
    }

    /** Loads site.yaml, the theme and the UI strings; empty if site.yaml cannot be used. */
    private static Setup setup(BuildOptions options, Problems problems) {
        Problems found = new Problems();
        Optional<SiteConfig> loaded = ConfigLoader.load(options.source(), found);
        if (loaded.isEmpty()) {
            problems.addAll(found.sorted());
            return null;
        }
        SiteConfig config = withBaseUrlOverride(loaded.get(), options, found);
        long global;
        try {
            global = Fingerprints.global(config, options);
        } catch (java.io.UncheckedIOException e) {
            // An editor's temporary file vanished between listing and reading templates/: no fingerprint
            // that could match, so everything is rendered, and the next rebuild starts afresh.
            global = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        }
        Look look = look(config);
        found.addAll(look.problems());
        return new Setup(config, look.theme(), look.strings(), global, found.sorted());
    }

    /** A build that writes the output folder, or with {@code options.write()} false only checks the site. */
    private static BuildResult run(BuildOptions options, long start, StageTimes times) {
        Problems problems = new Problems();
        Path output = options.outputFolder();

        long startedAt = System.currentTimeMillis();
        // Listing content/ needs nothing of site.yaml: it runs beside loading it and the cache (reading the
        // articles needs both). Its problems are added once it is known the build goes on.
        Problems listingProblems = new Problems();
        java.util.concurrent.CompletableFuture<java.util.SortedMap<String, org.tolk.content.FileState>> listed =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> ContentReader.list(options.source(), listingProblems), Build::aside);

        Optional<SiteConfig> loaded = ConfigLoader.load(options.source(), problems);
        if (loaded.isEmpty()) {
            return result(problems, Map.of(), 0, start, output, false);
        }
        SiteConfig config = withBaseUrlOverride(loaded.get(), options, problems);
        times.stage("config");

        StagedOutput.Listing present = new StagedOutput.Listing();
        // Looking over the output folder (23,000 files at 10,000 stories) and loading the theme need nothing
        // else: they run beside reading the cache and the content.
        java.util.concurrent.CompletableFuture<Void> outputChecked = options.write()
                ? java.util.concurrent.CompletableFuture.runAsync(() -> checkOutputFolder(options, config, problems, present), Build::aside)
                : java.util.concurrent.CompletableFuture.completedFuture(null);
        java.util.concurrent.CompletableFuture<Look> lookLoaded = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> look(config), Build::aside);

        // The build cache, for builds that write, so that it always describes the output folder.
        BuildCache cache = null;
        BuildCache.Snapshot previous = BuildCache.Snapshot.EMPTY;
        long global = 0;
        if (options.write()) {
            Path file = CacheFile.location(config.root(), output);
            previous = options.clean() ? BuildCache.Snapshot.EMPTY : CacheFile.load(file, config.root(), Version.get());
            global = Fingerprints.global(config, options);
            cache = new BuildCache(previous, global, output.toAbsolutePath().toString());
        }
        times.stage("cacheLoad");

        java.util.SortedMap<String, org.tolk.content.FileState> listing = join(listed);
        problems.addAll(listingProblems.sorted());
        // The files' bytes serve the bodies' first use, instead of a second read of each file.
        Content content = ContentReader.read(config, listing, problems, cache == null ? ReadCache.NONE : cache, true);
        if (cache != null) {
            cache.states(content.states(), config.root(), startedAt);
        }
        times.stage("content");
        Look look = join(lookLoaded);
        problems.addAll(look.problems());
        Theme theme = look.theme();
        Map<String, Strings> strings = look.strings();
        times.stage("theme");
        Inclusion inclusion = new Inclusion(options.drafts(), options.future(), options.now());
        Optional<List<String>> bodiesOnly = Optional.empty();
        CacheFile.Writing saving = null;
        // The output check puts right what a killed build left (it may change what the folder holds): the
        // cache's pages count only for the folder as it is then.
        join(outputChecked);
        if (cache != null) {
            cache.outputIs(StagedOutput.state(output));
            BuildCache.Basis basis = new BuildCache.Basis(global, layout(content, theme, cache), options.now());
            bodiesOnly = bodiesOnly(cache, basis, content, inclusion);
            cache.basis(basis);
            if (cache.readsDiffer()) {
                saving = startSaving(cache, config, startedAt, output, problems);
            }
        }
        // The build daemon's previous build, if it left the cache this one starts from: with only bodies changed
        // since, its site is this one's.
        Base before = lastBuild;
        boolean sameStructure = bodiesOnly.isPresent() && before != null && before.snapshot == previous;
        Site site = sameStructure ? before.site : SiteBuilder.build(config, content, theme.assetNames(), inclusion, problems);
        times.stage("site");
        Renderer renderer = cache == null ? new Renderer(site, theme, strings, Version.get(), problems)
                : new Renderer(site, theme, strings, Version.get(), problems, cache, cache.previousFeedBodies(),
                        sameStructure ? before.layout : null);

        if (!options.write() || problems.hasErrors()) {
            // Render anyway: template and link mistakes are found only by rendering, and every problem
            // of the run should be reported at once.
            renderer.render(PageSink.discard(), options.progress());
            closeQuietly(saving);
            return result(problems, Map.of(), 0, start, output, false);
        }
        // --force skips listing the output folder: then kept files are looked up one by one.
        try (CacheFile.Writing cacheWriting = saving;
             StagedOutput staged = StagedOutput.open(output, options.force(), options.force() ? null : present)) {
            times.stage("stagingOpen");
            Renderer.Counts counts = bodiesOnly.isPresent()
                    ? renderer.renderChanged(staged, options.progress(), bodiesOnly.get(),
                            sameStructure ? before.pagesByArticle() : Renderer.pagesShowing(site, bodiesOnly.get()))
                    : renderer.render(staged, options.progress());
            times.stage("render");
            if (problems.hasErrors()) {
                return result(problems, Map.of(), 0, start, output, false);
            }
            if (cache != null) {
                cache.feedBodies(renderer.feedBodies());
            }
            staged.commit();
            times.stage("commit");
            String outputState = StagedOutput.state(output);
            BuildCache.Snapshot leftBehind = previous;
            if (cache != null && !cache.sameAsPrevious()) {
                leftBehind = finishSaving(cacheWriting != null ? cacheWriting : startSaving(cache, config, startedAt, output, problems),
                        cache, startedAt, output, outputState, problems);
                times.stage("cacheSave");
            }
            if (cache != null) {
                // The build daemon's next build may take this site (with only bodies changed, see above) after its
                // articles' files changed: their bodies must then be read anew, not taken from the bytes kept.
                content.forgetKeptBodies();
                lastBuild = leftBehind == null ? null
                        : new Base(leftBehind, null, null, site, null, renderer.feedBodies(), renderer.layout());
                if (lastBuild != null && sameStructure) {
                    lastBuild.pagesByArticle = before.pagesByArticle();
                }
            }
            return result(problems, counts, start, output, true);
        } catch (IOException e) {
            problems.error(displayPath(options, output), 0, 0, "cannot write the site: " + e.getMessage());
            return result(problems, Map.of(), 0, start, output, false);
        }
    }

    /** Runs a stage on a thread of its own, beside the main line of the build. */
    private static void aside(Runnable stage) {
        Thread thread = new Thread(stage, "tolk-stage");
        thread.setDaemon(true);
        thread.start();
    }

    /** The stage's result; a bug in it is thrown here as it was there. */
    private static <T> T join(java.util.concurrent.CompletableFuture<T> stage) {
        try {
            return stage.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Loads the theme and the UI strings of {@code config}'s languages. */
    private static Look look(SiteConfig config) {
        Problems found = new Problems();
        Theme theme = Theme.load(config, found);
        Map<String, Strings> strings = new LinkedHashMap<>();
        for (Language language : config.languages()) {
            strings.put(language.key(), Strings.load(language, config.templatesDir(), found));
        }
        return new Look(theme, strings, found.sorted());
    }

    /** A rendering into memory that leaves nothing for the next (it had errors). */
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

    /** @param present gets what the check found in the output folder */
    private static void checkOutputFolder(BuildOptions options, SiteConfig config, Problems problems, StagedOutput.Listing present) {
        Path output = options.outputFolder();
        try {
            for (String reason : StagedOutput.refusals(output, config.root(),
                    List.of(config.contentDir(), config.templatesDir()), options.force(), present)) {
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

    /**
     * Starts writing the cache file, its read files first (they are final once content has been read); null if
     * it cannot be written. A cache that cannot be saved costs the next build time, not correctness: a warning.
     */
    private static CacheFile.Writing startSaving(BuildCache cache, SiteConfig config, long startedAt, Path output,
                                                 Problems problems) {
        try {
            // The output folder's state once this build is in place is not known yet: finish writes it.
            return new CacheFile.Writing(CacheFile.location(config.root(), output), config.root(),
                    cache.snapshot(startedAt, output.toAbsolutePath().toString(), ""), Version.get());
        } catch (IOException e) {
            cannotSave(problems, e);
            return null;
        }
    }

    /** Saves the cache; returns what was saved, or null if nothing was. */
    private static BuildCache.Snapshot finishSaving(CacheFile.Writing writing, BuildCache cache, long startedAt, Path output,
                                                    String outputState, Problems problems) {
        if (writing == null) {
            return null;
        }
        try (writing) {
            BuildCache.Snapshot saved = cache.snapshot(startedAt, output.toAbsolutePath().toString(), outputState);
            writing.finish(saved);
            return saved;
        } catch (IOException e) {
            cannotSave(problems, e);
            return null;
        }
    }

    private static void cannotSave(Problems problems, IOException e) {
        problems.warning(".tolk/cache", 0, 0, "cannot save the build cache (the next build will be a full one): " + e.getMessage());
    }

    private static void closeQuietly(CacheFile.Writing writing) {
        if (writing != null) {
            try {
                writing.close();
            } catch (IOException e) {
                // nothing was written for it to matter
            }
        }
    }
}
