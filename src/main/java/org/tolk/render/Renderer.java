package org.tolk.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;


import org.tolk.check.Problems;
import org.tolk.config.Language;
import org.tolk.content.Article;
import org.tolk.output.PageSink;
import org.tolk.site.Entry;
import org.tolk.site.Page;
import org.tolk.site.Site;
import org.tolk.site.Urls;

import freemarker.core.Environment;
import freemarker.template.Template;
import freemarker.template.TemplateException;

/**
 * Renders every page of a {@link Site} and hands the bytes to a {@link PageSink}, in parallel.
 * Each page is written as soon as it is rendered, so the rendered site is never all in memory.
 */
public final class Renderer {
    private final Site site;
    private final Theme theme;
    private final Map<String, Strings> strings;
    private final Markdown markdown;
    private final PageModels models;
    private final String version;
    private final Problems problems;
    private final TemplateFunctions.AssetUrl assetUrl;
    private final TemplateFunctions.OtherStrings otherStrings;
    /**
     * Bodies of the articles that feeds carry, rendered once for the article page and reused by every feed,
     * by {@link #bodyKey}; and those an earlier rendering into the same place left (the preview's), which an
     * edit elsewhere leaves valid: a feed re-rendered for one article must not render twenty bodies again.
     */
    private final Map<Long, byte[]> feedBodies = new ConcurrentHashMap<>();
    private final FeedBodies earlierBodies;
    /** The articles that feeds carry, by source path. */
    private final Map<String, Article> inFeeds;
    /** A template mistake breaks many pages; it is reported once, naming the first page by path so the report is stable. */
    private record TemplateFailure(String path, int line, int column, String message, String firstPage, int pages) {
        TemplateFailure merge(TemplateFailure other) {
            String first = firstPage.compareTo(other.firstPage) <= 0 ? firstPage : other.firstPage;
            return new TemplateFailure(path, line, column, message, first, pages + other.pages);
        }
    }

    private final Map<String, TemplateFailure> templateFailures = new ConcurrentHashMap<>();
    /** The link targets each article body resolved in this build (rendered, or carried over when its page was kept). */
    private final Map<String, java.util.List<String>> lookupsNow;

    private final RenderCache cache;
    private final Layout layout;
    /** The parts of a sitemap too large for one file, none if it fits: sitemap.xml is then their index. */
    private final java.util.List<Page.SitemapPartPage> sitemapParts;
    /** Every file to write: the site's pages and the sitemap's parts, by path. */
    private final java.util.List<Page> pages;
    /** The site's time zone for templates' date built-ins, looked up once rather than per page. */
    private final java.util.TimeZone timeZone;

    public Renderer(Site site, Theme theme, Map<String, Strings> strings, String version, Problems problems) {
        this(site, theme, strings, version, problems, RenderCache.NONE);
    }

    /** A renderer that skips pages whose fingerprint is the one {@code cache} recorded, if the sink can keep them. */
    public Renderer(Site site, Theme theme, Map<String, Strings> strings, String version, Problems problems, RenderCache cache) {
        this(site, theme, strings, version, problems, cache, FeedBodies.NONE);
    }

    /** @param earlierBodies {@link #feedBodies()} of an earlier rendering with the same cache lineage */
    public Renderer(Site site, Theme theme, Map<String, Strings> strings, String version, Problems problems, RenderCache cache,
                    FeedBodies earlierBodies) {
        this(site, theme, strings, version, problems, cache, earlierBodies, (Layout) null);
    }

    /**
     * @param earlierLayout {@link #layout()} of an earlier rendering, used if it is of the same {@code site} (the
     *                      preview renders its Site again after an edit to bodies alone), or null
     */
    public Renderer(Site site, Theme theme, Map<String, Strings> strings, String version, Problems problems, RenderCache cache,
                    FeedBodies earlierBodies, Layout earlierLayout) {
        this(earlierLayout != null && earlierLayout.site == site ? earlierLayout : Layout.of(site, Sitemap.Limits.PROTOCOL),
                theme, strings, version, problems, cache, earlierBodies);
    }

    /** @param sitemapLimits what one sitemap file may hold: the protocol's, or small ones for tests */
    Renderer(Site site, Theme theme, Map<String, Strings> strings, String version, Problems problems, RenderCache cache,
             FeedBodies earlierBodies, Sitemap.Limits sitemapLimits) {
        this(Layout.of(site, sitemapLimits), theme, strings, version, problems, cache, earlierBodies);
    }

    private Renderer(Layout layout, Theme theme, Map<String, Strings> strings, String version, Problems problems, RenderCache cache,
                     FeedBodies earlierBodies) {
        Site site = layout.site;
        this.earlierBodies = earlierBodies;
        this.timeZone = java.util.TimeZone.getTimeZone(site.config().timeZone());
        this.lookupsNow = new ConcurrentHashMap<>(site.articles().size() * 4 / 3 + 16);
        this.cache = cache;
        this.site = site;
        this.theme = theme;
        this.strings = strings;
        this.version = version;
        this.problems = problems;
        this.markdown = new Markdown(site, strings);
        this.models = new PageModels(site, strings, "Tolk " + version);
        this.assetUrl = new TemplateFunctions.AssetUrl(site.urls(), theme.assetNames());
        this.otherStrings = new TemplateFunctions.OtherStrings(strings);
        this.inFeeds = site.pages().stream()
                .filter(p -> p instanceof Page.FeedPage)
                .flatMap(p -> ((Page.FeedPage) p).entries().stream())
                .map(Entry::article)
                .collect(Collectors.toUnmodifiableMap(Article::sourcePath, a -> a, (a, b) -> a));
        this.layout = layout;
        this.sitemapParts = layout.sitemapParts;
        this.pages = layout.pages;
    }

    /**
     * What a renderer derives from a Site before rendering anything: the sitemap's parts (counting 200,000
     * entries' bytes when the site is that large), every file to write, and their names. A Site does not
     * change, so a later rendering of the same Site takes this over (see the constructor).
     */
    public static final class Layout {
        private final Site site;
        private final java.util.List<Page.SitemapPartPage> sitemapParts;
        private final java.util.List<Page> pages;
        private java.util.List<String> outputFiles;

        private Layout(Site site, java.util.List<Page.SitemapPartPage> sitemapParts, java.util.List<Page> pages) {
            this.site = site;
            this.sitemapParts = sitemapParts;
            this.pages = pages;
        }

        static Layout of(Site site, Sitemap.Limits limits) {
            java.util.List<Page.SitemapPartPage> parts = Sitemap.parts(site, limits);
            if (parts.isEmpty()) {
                return new Layout(site, parts, site.pages());
            }
            java.util.List<Page> all = new java.util.ArrayList<>(site.pages());
            all.addAll(parts);
            all.sort(java.util.Comparator.comparing(Page::path));
            return new Layout(site, parts, java.util.List.copyOf(all));
        }

        /** The files of {@link #pages}, made when a rendering first keeps them all. */
        private synchronized java.util.List<String> outputFiles() {
            if (outputFiles == null) {
                outputFiles = pages.stream().map(page -> Urls.outputFile(page.path())).toList();
            }
            return outputFiles;
        }
    }

    /** For the next rendering of the same Site: see {@link Layout}. */
    public Layout layout() {
        return layout;
    }

    /**
     * Pages written per language key ("" for language-neutral files), in site.yaml order.
     *
     * @param rendered how many files were rendered or copied anew (the others were kept from the previous build)
     */
    public record Counts(Map<String, Integer> htmlPagesPerLanguage, int files, int rendered) {
        public int htmlPages() {
            return htmlPagesPerLanguage.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Renders all pages into {@code sink}; problems go to the collector given at construction.
     *
     * @param done counts pages as they are finished, for a progress line
     */
    public Counts render(PageSink sink, LongAdder done) {
        return render(sink, done, page -> true);
    }

    /**
     * Renders only the pages that show one of the articles {@code changed} (source paths), as
     * {@link #pagesByArticle} tells; every other page keeps its previous bytes and fingerprint without being
     * looked at. Only for a site whose structure is the previous rendering's (the same files, the same front
     * matter, the same articles published): the preview's answer to an edit of articles' bodies, which must
     * not cost a look at 20,000 pages.
     */
    public Counts renderChanged(PageSink sink, LongAdder done, java.util.Collection<String> changed,
                                Map<String, java.util.List<Page>> pagesByArticle) {
        Set<Page> candidates = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String source : changed) {
            candidates.addAll(pagesByArticle.getOrDefault(source, java.util.List.of()));
        }
        if (!sink.reuseAll(layout.outputFiles())) {
            return render(sink, done, candidates::contains);
        }
        cache.rememberAllPrevious();
        Counts written = render(sink, done, pages.stream().filter(candidates::contains).toList(), page -> true);
        // Every other page was kept whole.
        Map<String, Integer> perLanguage = new java.util.HashMap<>(written.htmlPagesPerLanguage());
        int files = written.files();
        for (Page page : pages) {
            if (!candidates.contains(page)) {
                files++;
                if (isHtml(page)) {
                    perLanguage.merge(languageKey(page), 1, Integer::sum);
                }
            }
        }
        done.add(pages.size() - candidates.size());
        return new Counts(inLanguageOrder(perLanguage), files, written.rendered());
    }

    /**
     * For each article (by source path), the pages whose fingerprint includes its file's version: its own page and
     * its translations' pages, the listings and feeds that show it. A change to an article's body can change
     * these pages and no others.
     */
    public static Map<String, java.util.List<Page>> pagesByArticle(Site site) {
        return pagesShowing(site, article -> true);
    }

    /** {@link #pagesByArticle} for the articles named (source paths) only: for one rebuild, which needs no whole index. */
    public static Map<String, java.util.List<Page>> pagesShowing(Site site, java.util.Collection<String> articles) {
        Set<String> wanted = Set.copyOf(articles);
        return pagesShowing(site, article -> wanted.contains(article.sourcePath()));
    }

    private static Map<String, java.util.List<Page>> pagesShowing(Site site, java.util.function.Predicate<Article> wanted) {
        Map<String, java.util.List<Page>> index = new java.util.HashMap<>();
        for (Page page : site.pages()) {
            for (Article article : versionInputs(page, site)) {
                if (!wanted.test(article)) {
                    continue;
                }
                java.util.List<Page> pages = index.computeIfAbsent(article.sourcePath(), k -> new java.util.ArrayList<>(4));
                if (pages.isEmpty() || pages.get(pages.size() - 1) != page) {
                    pages.add(page);
                }
            }
        }
        return index;
    }

    /** The articles whose file version goes into {@code page}'s fingerprint ({@link #fingerprint} mixes exactly these). */
    private static java.util.List<Article> versionInputs(Page page, Site site) {
        if (page instanceof Page.ArticlePage a) {
            return site.group(a.article()).articles();
        }
        java.util.List<Entry> entries = page instanceof Page.FeedPage f ? f.entries()
                : page instanceof Page.HomePage h ? h.entries()
                : page instanceof Page.TopicPage t ? t.entries() : java.util.List.of();
        return entries.stream().map(Entry::article).toList();
    }

    /**
     * @param lookAt the pages to fingerprint (and render if they changed); the others are kept as they were,
     *               unless there is nothing to keep
     */
    private Counts render(PageSink sink, LongAdder done, java.util.function.Predicate<Page> lookAt) {
        return render(sink, done, pages, lookAt);
    }

    private Counts render(PageSink sink, LongAdder done, java.util.List<Page> pages, java.util.function.Predicate<Page> lookAt) {
        Map<String, LongAdder> perLanguage = new ConcurrentHashMap<>();
        LongAdder files = new LongAdder();
        LongAdder rendered = new LongAdder();
        // Article pages first: they render the bodies that feeds reuse. Then the others, sitemaps first: the
        // largest single pages (40 ms at 1,000 stories), which started last would leave one thread working alone.
        java.util.List<Page> articlePages = new java.util.ArrayList<>();
        java.util.List<Page> otherPages = new java.util.ArrayList<>();
        for (Page page : pages) {
            if (page instanceof Page.ArticlePage) {
                articlePages.add(page);
            } else if (page instanceof Page.SitemapPage || page instanceof Page.SitemapPartPage) {
                otherPages.add(0, page);
            } else {
                otherPages.add(page);
            }
        }
        for (java.util.List<Page> phase : java.util.List.of(articlePages, otherPages)) {
            org.tolk.parallel.Parallel.forEach(phase.size(), i -> {
                Page page = phase.get(i);
                Outcome outcome = lookAt.test(page) ? renderOne(page, sink) : keepOrRender(page, sink);
                if (outcome != Outcome.FAILED) {
                    files.increment();
                    if (outcome == Outcome.RENDERED) {
                        rendered.increment();
                    }
                    if (isHtml(page)) {
                        perLanguage.computeIfAbsent(languageKey(page), k -> new LongAdder()).increment();
                    }
                }
                done.increment();
            });
        }
        templateFailures.values().forEach(f -> problems.error(f.path(), f.line(), f.column(), "template error (rendering "
                + f.firstPage() + (f.pages() > 1 ? " and " + (f.pages() - 1) + " more" : "") + "): " + f.message()));
        templateFailures.clear();
        Map<String, Integer> counts = new java.util.HashMap<>();
        perLanguage.forEach((key, count) -> counts.put(key, count.intValue()));
        return new Counts(inLanguageOrder(counts), files.intValue(), rendered.intValue());
    }

    /** Counts per language key in site.yaml order (every language, 0 if it has no pages), then "" if present. */
    private Map<String, Integer> inLanguageOrder(Map<String, Integer> perLanguage) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Language language : site.config().languages()) {
            counts.put(language.key(), perLanguage.getOrDefault(language.key(), 0));
        }
        if (perLanguage.containsKey("")) {
            counts.put("", perLanguage.get(""));
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** How {@link Counts} files a page: by its language's key, "" for language-neutral pages. */
    private static String languageKey(Page page) {
        return page.language() == null ? "" : page.language().key();
    }

    private static boolean isHtml(Page page) {
        return page instanceof Page.ArticlePage || page instanceof Page.HomePage || page instanceof Page.TopicPage
                || page instanceof Page.TopicsPage || page instanceof Page.ChooserPage || page instanceof Page.NotFoundPage;
    }

    private enum Outcome { RENDERED, KEPT, FAILED }

    /** Keeps a page whose inputs are known not to have changed; renders it if there is nothing to keep. */
    private Outcome keepOrRender(Page page, PageSink sink) {
        String file = Urls.outputFile(page.path());
        var previous = cache.previous(file);
        try {
            if (previous.isPresent() && sink.reuse(file)) {
                keep(page, file, previous.getAsLong());
                return Outcome.KEPT;
            }
        } catch (IOException e) {
            problems.error("site", 0, 0, "cannot write " + file + ": " + e.getMessage());
            return Outcome.FAILED;
        }
        return renderOne(page, sink);
    }

    /** Records a kept page for the next build: its fingerprint, and for an article the links its body looked up. */
    private void keep(Page page, String file, long fingerprint) {
        cache.remember(file, fingerprint);
        if (page instanceof Page.ArticlePage a) {
            String source = a.article().sourcePath();
            lookupsNow.put(source, cache.lookups(source));
            cache.rememberLookups(source, cache.lookups(source));
        }
    }

    private Outcome renderOne(Page page, PageSink sink) {
        String file = Urls.outputFile(page.path());
        try {
            long fingerprint = 0;
            if (cache != RenderCache.NONE) {
                fingerprint = fingerprint(page);
                var previous = cache.previous(file);
                if (fingerprint != 0 && previous.isPresent() && previous.getAsLong() == fingerprint && sink.reuse(file)) {
                    keep(page, file, fingerprint);
                    return Outcome.KEPT;
                }
            }
            if (page instanceof Page.StaticFilePage s) {
                sink.copy(file, site.config().root().resolve(s.file().sourcePath()));
            } else if (page instanceof Page.AssetPage a) {
                writeAsset(file, theme.asset(a.name()), sink);
            } else {
                byte[] bytes = bytes(page);
                if (bytes == null) {
                    return Outcome.FAILED;
                }
                sink.write(file, bytes);
            }
            if (fingerprint != 0) {
                // An article's links are known only now that its body was rendered: the fingerprint the
                // next build compares with must be made with them.
                cache.remember(file, page instanceof Page.ArticlePage ? fingerprint(page) : fingerprint);
            }
            return Outcome.RENDERED;
        } catch (IOException e) {
            problems.error("site", 0, 0, "cannot write " + file + ": " + e.getMessage());
            return Outcome.FAILED;
        }
    }

    /**
     * Everything the page's bytes depend on beyond {@link RenderCache#globalFingerprint()}, hashed; never 0.
     */
    private long fingerprint(Page page) throws IOException {
        long inputs;
        if (page instanceof Page.StaticFilePage s) {
            inputs = Fingerprint.of(0, "static " + cache.state(s.file().sourcePath()));
        } else if (page instanceof Page.AssetPage a) {
            inputs = Fingerprint.of(0, "asset " + a.name() + " " + (theme.asset(a.name()) instanceof Theme.AssetSource.SiteFile f
                    ? java.nio.file.Files.size(f.file()) + "/" + java.nio.file.Files.getLastModifiedTime(f.file()).toMillis() : "built-in"));
        } else if (page instanceof Page.FeedPage f) {
            inputs = Fingerprint.of(0, f.topic() == null ? "feed" : "feed " + f.topic().key());
            for (Entry entry : f.entries()) {
                Article article = entry.article();
                inputs = Fingerprint.mix(Fingerprint.mix(inputs, versionOf(article)), bodyInputs(article));
                // An entry links to its translations: where they are, not what they say.
                for (Article translation : site.translationsOf(article)) {
                    inputs = Fingerprint.mix(inputs, Fingerprint.of(0, site.path(translation)));
                }
            }
        } else if (page instanceof Page.SitemapPage) {
            inputs = sitemapParts.isEmpty() ? sitemapInputs(Sitemap.listed(site)) : sitemapIndexInputs();
        } else if (page instanceof Page.SitemapPartPage part) {
            inputs = sitemapInputs(part.urls());
        } else if (page instanceof Page.RobotsPage) {
            inputs = 0;   // the address of the sitemap: in the global fingerprint (base URL)
        } else {
            inputs = htmlInputs(page);
        }
        long fingerprint = Fingerprint.mix(Fingerprint.mix(cache.globalFingerprint(), Fingerprint.of(0, page.path())), inputs);
        return fingerprint == 0 ? 1 : fingerprint;
    }

    /**
     * What an HTML page's template data is made from, short of building it: the articles it shows or
     * links to, each by its file's version (front matter and body), and the few site-wide facts its data
     * reads (which topics have articles, how many). Everything else it reads is in the global
     * fingerprint (site.yaml, templates, strings, options). Hashed as numbers, not text: a rebuild
     * fingerprints every page, so this must cost next to nothing; the randomized incremental test holds
     * it to giving a clean build's bytes.
     */
    private long htmlInputs(Page page) {
        long h = page.getClass().getName().hashCode();
        Language language = page.language();
        if (language != null) {
            h = Fingerprint.mix(h, topicsWithArticles(language));
        }
        if (page instanceof Page.ArticlePage a) {
            Article article = a.article();
            h = Fingerprint.mix(Fingerprint.mix(h, versionOf(article)), bodyInputs(article));
            if (!article.image().isEmpty()) {
                h = Fingerprint.mix(h, Fingerprint.of(0, imageTarget(article)));
            }
            for (Article member : site.group(article).articles()) {
                h = Fingerprint.mix(h, versionOf(member));
            }
        } else if (page instanceof Page.HomePage p) {
            h = entries(pager(h, p.pager()), p.entries());
        } else if (page instanceof Page.TopicPage t) {
            h = Fingerprint.mix(pager(h, t.pager()), site.count(language, t.topic()));
            // Page 1 links to the same topic in every language that has it.
            for (Language other : site.config().languages()) {
                h = Fingerprint.mix(h, site.count(other, t.topic()) > 0 ? 1 : 0);
            }
            h = entries(h, t.entries());
        } else if (page instanceof Page.TopicsPage) {
            for (var topic : site.topicsIn(language)) {
                h = Fingerprint.mix(Fingerprint.mix(h, topic.key().hashCode()), site.count(language, topic));
            }
        }
        return h;
    }

    private static long pager(long h, org.tolk.site.Pager pager) {
        return Fingerprint.mix(Fingerprint.mix(h, pager.number()), pager.total());
    }

    private long entries(long h, java.util.List<Entry> entries) {
        for (Entry entry : entries) {
            h = Fingerprint.mix(Fingerprint.mix(h, entry.foreign() ? 1 : 0), versionOf(entry.article()));
        }
        return h;
    }

    /**
     * What a sitemap file (the whole sitemap, or one part of a large one) shows of {@code listed}: each page's
     * path, and for articles when they last changed (the instant and the offset it is written with) and
     * where their language versions are; a first topic page's alternates follow from which languages have
     * the topic. An edit to an article's body leaves it alone, so a rebuild after one need not write 20,000
     * URLs again; a part's fingerprint covers its own pages only, so a new article rewrites the parts from
     * the one it joins on, not those before.
     */
    private long sitemapInputs(java.util.List<Page> listed) {
        long h = Fingerprint.mix(0x5173, listed.size());
        for (Page page : listed) {
            h = Fingerprint.mix(h, Fingerprint.of(0, page.path()));
            if (page instanceof Page.ArticlePage a) {
                Article article = a.article();
                java.time.ZonedDateTime changed = Feeds.lastChange(article);
                h = Fingerprint.mix(Fingerprint.mix(h, changed.toEpochSecond()), changed.getOffset().getTotalSeconds());
                for (Article version : site.group(article).articles()) {
                    h = Fingerprint.mix(h, Fingerprint.of(0, version.language() + " " + site.path(version)));
                }
            } else if (page instanceof Page.TopicPage t && t.pager().number() == 1) {
                for (Language language : site.config().languages()) {
                    h = Fingerprint.mix(h, site.count(language, t.topic()) > 0 ? 1 : 0);
                }
            }
        }
        return h;
    }

    /** What the index of a sitemap in parts shows: each part's address and its newest change. */
    private long sitemapIndexInputs() {
        long h = Fingerprint.mix(0x1D3, sitemapParts.size());
        for (Page.SitemapPartPage part : sitemapParts) {
            h = Fingerprint.mix(h, Fingerprint.of(0, part.path()));
            var changed = Sitemap.lastChange(part.urls());
            h = Fingerprint.mix(h, changed.isEmpty() ? Long.MIN_VALUE
                    : Fingerprint.mix(changed.get().toEpochSecond(), changed.get().getOffset().getTotalSeconds()));
        }
        return h;
    }

    /** An article as pages see it: its file's version and where it is published. Each is hashed once per build. */
    private long versionOf(Article article) {
        return versions.computeIfAbsent(article.sourcePath(),
                source -> Fingerprint.of(0, source + " " + cache.state(source) + " " + site.path(article)));
    }

    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, Long> topicsWithArticles = new ConcurrentHashMap<>();

    /** Which topics have articles in {@code language} (every page's navigation lists them). */
    private long topicsWithArticles(Language language) {
        return topicsWithArticles.computeIfAbsent(language.key(), key -> {
            long h = 0;
            for (var topic : site.topicsIn(language)) {
                h = Fingerprint.mix(h, topic.key().hashCode());
            }
            return h;
        });
    }

    /** Where the front matter's image is published now (it may be added or removed without the article changing). */
    private String imageTarget(Article article) {
        return article.image().isEmpty() ? "" : models.image(article);
    }

    /** Stands for an article body in a fingerprint: the file's version and where its links lead now. */
    private long bodyInputs(Article article) {
        java.util.List<String> targets = lookupsNow.getOrDefault(article.sourcePath(), cache.lookups(article.sourcePath()));
        if (targets.isEmpty()) {
            return 0;
        }
        StringBuilder text = new StringBuilder();
        for (String target : targets) {
            text.append(target).append('=').append(site.linkTargets().get(target)).append('\n');
        }
        return Fingerprint.of(0, text);
    }

    private void writeAsset(String file, Theme.AssetSource source, PageSink sink) throws IOException {
        if (source instanceof Theme.AssetSource.SiteFile f) {
            sink.copy(file, f.file());
        } else {
            try (InputStream in = Theme.openBuiltIn(((Theme.AssetSource.BuiltIn) source).resource())) {
                sink.write(file, in.readAllBytes());
            }
        }
    }

    /** The page's bytes, or null if its template failed (the failure is a reported problem). */
    byte[] bytes(Page page) {
        if (page instanceof Page.FeedPage f) {
            return Feeds.atom(f, site, this::feedBody, version);
        }
        if (page instanceof Page.SitemapPage) {
            return sitemapParts.isEmpty() ? Sitemap.xml(site) : Sitemap.index(site, sitemapParts);
        }
        if (page instanceof Page.SitemapPartPage part) {
            return Sitemap.urlset(site, part.urls());
        }
        if (page instanceof Page.RobotsPage) {
            return ("User-agent: *\nAllow: /\n\nSitemap: " + site.urls().absolute(site.urls().sitemap()) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return html(page);
    }

    /** An article's rendered body in UTF-8, for a feed. */
    private byte[] feedBody(Article article) {
        long key = bodyKey(article);
        return feedBodies.computeIfAbsent(key, k -> {
            byte[] earlier = earlierBodies.utf8(k);
            return earlier != null ? earlier : markdown.render(article, new Problems()).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** What an article's rendered body depends on: everything pages do, its file's version, where its links lead. */
    private long bodyKey(Article article) {
        return Fingerprint.mix(Fingerprint.mix(cache.globalFingerprint(), versionOf(article)), bodyInputs(article));
    }

    /**
     * The rendered bodies of the feeds' articles known after this rendering (rendered now, or carried from the
     * earlier one and still valid), for the next rendering's {@code earlierBodies}: a later edit elsewhere
     * re-renders other feeds, whose bodies must still be there.
     */
    public FeedBodies feedBodies() {
        Map<Long, byte[]> known = new java.util.HashMap<>();
        for (Article article : inFeeds.values()) {
            long key = bodyKey(article);
            byte[] body = feedBodies.get(key);
            if (body == null) {
                body = earlierBodies.utf8(key);
            }
            if (body != null) {
                known.put(key, body);
            }
        }
        return FeedBodies.ofUtf8(known);
    }

    /** A page's template and the variables it gets (without the template functions). */
    private record PageModel(String template, Map<String, Object> variables, Language language) {
    }

    private byte[] html(Page page) {
        RenderedBody body = page instanceof Page.ArticlePage a ? articleBody(a.article()) : null;
        PageModel model = model(page, body == null ? null : body.html());
        Map<String, Object> variables = new java.util.HashMap<>(model.variables());
        variables.put("t", new TemplateFunctions.StringsModel(models.strings(model.language())));
        variables.put("strings", otherStrings);
        variables.put("asset", assetUrl);
        return process(model.template(), variables, model.language(), page, body);
    }

    /** An article's rendered body, and the same in UTF-8. */
    private record RenderedBody(String html, byte[] utf8) {
    }

    /**
     * Renders an article's body, remembering what it looked up and keeping it for the feeds that carry it. It is
     * encoded once, here, for its page and for those feeds.
     */
    private RenderedBody articleBody(Article article) {
        Markdown.Rendered rendered = markdown.renderTracked(article, problems);
        lookupsNow.put(article.sourcePath(), rendered.lookups());
        cache.rememberLookups(article.sourcePath(), rendered.lookups());
        byte[] utf8 = rendered.html().getBytes(StandardCharsets.UTF_8);
        if (inFeeds.containsKey(article.sourcePath())) {
            feedBodies.put(bodyKey(article), utf8);
        }
        return new RenderedBody(rendered.html(), utf8);
    }

    /** @param body the rendered body of an article page's article, else null */
    private PageModel model(Page page, String body) {
        Language language = page.language() != null ? page.language() : site.config().defaultLanguageConfig();
        Strings t = models.strings(language);
        String template;
        Map<String, Object> model;
        if (page instanceof Page.ArticlePage a) {
            Article article = a.article();
            template = "article.ftlh";
            model = models.common(language, page, "article", article.title(), article.summary(),
                    site.urls().feed(language), language.title());
            model.put("article", models.article(article, language, body));
        } else if (page instanceof Page.HomePage h) {
            template = "home.ftlh";
            model = models.common(language, page, "home", t.get("latest"), language.description(),
                    site.urls().feed(language), language.title());
            model.put("entries", models.entries(h.entries(), language));
            model.put("pager", models.pager(h.pager(), n -> site.urls().home(language, n)));
        } else if (page instanceof Page.TopicPage tp) {
            String label = tp.topic().in(language.key()).label();
            template = "topic.ftlh";
            model = models.common(language, page, "topic", label, t.format("topicIntro", label),
                    site.urls().topicFeed(language, tp.topic()), label + " – " + language.title());
            model.put("topic", models.topic(tp.topic(), language));
            model.put("entries", models.entries(tp.entries(), language));
            model.put("pager", models.pager(tp.pager(), n -> site.urls().topic(language, tp.topic(), n)));
        } else if (page instanceof Page.TopicsPage) {
            template = "topics.ftlh";
            model = models.common(language, page, "topics", t.get("topics"), language.description(),
                    site.urls().feed(language), language.title());
            model.put("topics", models.topics(language));
        } else if (page instanceof Page.ChooserPage) {
            template = "chooser.ftlh";
            model = models.common(language, page, "chooser", t.get("chooseLanguage"), language.description(), null, null);
        } else if (page instanceof Page.NotFoundPage) {
            template = "404.ftlh";
            model = models.common(language, page, "404", t.get("notFoundTitle"), "", null, null);
        } else {
            throw new IllegalArgumentException("not an HTML page: " + page);
        }
        return new PageModel(template, model, language);
    }

    private byte[] process(String name, Map<String, Object> model, Language language, Page page, RenderedBody body) {
        Template template = theme.template(name);
        if (template == null) {
            return null;
        }
        // Encoded as it is written: see Utf8Writer.
        Utf8Writer out = new Utf8Writer(16384);
        if (body != null) {
            out.knowing(body.html(), body.utf8());
        }
        try {
            Environment env = template.createProcessingEnvironment(model, out);
            // Per render, never Locale.setDefault: numbers and ?date built-ins follow the page's language.
            env.setLocale(language.locale());
            env.setTimeZone(timeZone);
            env.process();
        } catch (TemplateException e) {
            reportTemplateError(name, e, page);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One problem per template mistake, however many pages it breaks. */
    private void reportTemplateError(String name, TemplateException e, Page page) {
        String source = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
        int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
        int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
        String message = Theme.firstLine(e.getMessageWithoutStackTop());
        if (e.getBlamedExpressionString() != null && message.endsWith(":")) {
            // "The following has evaluated to null or missing:" names the expression on its next line.
            message = message + " " + e.getBlamedExpressionString();
        }
        TemplateFailure failure = new TemplateFailure(theme.displayPath(source), line, column, message, page.path(), 1);
        templateFailures.merge(source + ":" + line + ":" + column + ":" + message, failure, TemplateFailure::merge);
    }
}
