package org.tolk.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.tolk.check.Problems;
import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.config.Topic;
import org.tolk.content.Article;
import org.tolk.content.ContentPaths;
import org.tolk.content.ContentReader.Content;
import org.tolk.content.Position;
import org.tolk.content.StaticFile;

/**
 * Builds the {@link Site} from the articles: translation groups, listings per language and topic,
 * pagination and the list of pages, and checks what only the whole site can show (two articles of one
 * language in one group, two pages at one URL).
 */
public final class SiteBuilder {
    /** Entries in an Atom feed: enough for a reader that polls daily, small enough to fetch often. */
    public static final int FEED_SIZE = 20;

    /** Newest first; ties broken by path so that the order never depends on thread timing. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator.comparing(Article::date).reversed()
            .thenComparing(Article::sourcePath);

    private SiteBuilder() {
    }

    public static Site build(SiteConfig config, Content content, List<String> assetNames, Inclusion inclusion,
                             Problems problems) {
        Urls urls = new Urls(config);
        // What needs no order runs beside sorting and grouping: at 20,000 articles each takes a while.
        CompletableFuture<Void> groupsChecked = CompletableFuture.runAsync(
                () -> checkTranslationGroups(content.articles(), config, problems));
        CompletableFuture<Addresses> addressed = CompletableFuture.supplyAsync(() -> addresses(content, urls, inclusion, problems));

        List<Article> published = content.articles().stream().filter(inclusion::includes).sorted(NEWEST_FIRST).toList();
        Map<String, TranslationGroup> groups = groups(published, config);
        Map<String, String> articlePaths = addressed.join().articlePaths();
        Map<String, String> linkTargets = addressed.join().linkTargets();

        List<Page> pages = new ArrayList<>();
        Map<String, Map<String, Integer>> topicCounts = new LinkedHashMap<>();
        for (Article article : published) {
            pages.add(new Page.ArticlePage(articlePaths.get(article.sourcePath()), config.language(article.language()).orElseThrow(), article));
        }
        for (Language language : config.languages()) {
            List<Entry> entries = entries(published, groups, language, config);
            paginate(entries, config.pageSize(), (pager, slice) ->
                    pages.add(new Page.HomePage(urls.home(language, pager.number()), language, pager, slice)));
            pages.add(new Page.FeedPage(urls.feed(language), language, null, head(entries)));

            Map<String, List<Entry>> byTopic = byTopic(entries, config);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Topic topic : config.topics().values()) {
                List<Entry> inTopic = byTopic.get(topic.key());
                counts.put(topic.key(), inTopic.size());
                if (inTopic.isEmpty()) {
                    continue;
                }
                paginate(inTopic, config.pageSize(), (pager, slice) ->
                        pages.add(new Page.TopicPage(urls.topic(language, topic, pager.number()), language, topic, pager, slice)));
                pages.add(new Page.FeedPage(urls.topicFeed(language, topic), language, topic, head(inTopic)));
            }
            topicCounts.put(language.key(), Map.copyOf(counts));
            pages.add(new Page.TopicsPage(urls.topics(language), language));
        }
        pages.add(new Page.ChooserPage(urls.root()));
        pages.add(new Page.NotFoundPage(urls.notFound()));
        pages.add(new Page.SitemapPage(urls.sitemap()));
        pages.add(new Page.RobotsPage(urls.robots()));
        for (StaticFile file : content.staticFiles()) {
            pages.add(new Page.StaticFilePage(urls.staticFile(file), file));
        }
        for (String asset : assetNames) {
            pages.add(new Page.AssetPage(urls.asset(asset), asset));
        }
        CompletableFuture<Void> pathsChecked = CompletableFuture.runAsync(() -> checkUniquePaths(pages, problems));
        Page[] sorted = pages.toArray(new Page[0]);
        java.util.Arrays.sort(sorted, Comparator.comparing(Page::path));
        pathsChecked.join();
        groupsChecked.join();
        return new Site(config, urls, published, groups, articlePaths, linkTargets, Map.copyOf(topicCounts), List.of(sorted));
    }

    /**
     * Where each article is published, by source path (published ones only), and where each article and
     * static file is, by path relative to content/ (for links); read-only views.
     */
    private record Addresses(Map<String, String> articlePaths, Map<String, String> linkTargets) {
    }

    private static Addresses addresses(Content content, Urls urls, Inclusion inclusion, Problems problems) {
        Map<String, String> articlePaths = new HashMap<>(content.articles().size() * 4 / 3 + 1);
        Map<String, String> linkTargets = new HashMap<>((content.articles().size() + content.staticFiles().size()) * 4 / 3 + 1);
        for (Article article : content.articles()) {
            String path = urls.article(article.language(), article.date(), article.slug());
            linkTargets.put(article.contentPath(), path);
            if (inclusion.includes(article)) {
                articlePaths.put(article.sourcePath(), path);
            }
        }
        for (StaticFile file : content.staticFiles()) {
            linkTargets.put(file.contentPath(), urls.staticFile(file));
        }
        checkImages(content.articles(), linkTargets, problems);
        return new Addresses(Collections.unmodifiableMap(articlePaths), Collections.unmodifiableMap(linkTargets));
    }

    private static Map<String, TranslationGroup> groups(List<Article> articles, SiteConfig config) {
        Map<String, List<Article>> byKey = new HashMap<>(articles.size() * 4 / 3 + 1);
        for (Article article : articles) {
            byKey.computeIfAbsent(article.translationKey(), k -> new ArrayList<>(2)).add(article);
        }
        List<String> order = config.languages().stream().map(Language::key).toList();
        Map<String, TranslationGroup> groups = new HashMap<>(byKey.size() * 4 / 3 + 1);
        byKey.forEach((key, members) -> {
            List<Article> sorted = new ArrayList<>(order.size());
            // At most one per language: a duplicate was reported by checkTranslationGroups; keep the first by path.
            for (String language : order) {
                Article first = null;
                for (Article member : members) {
                    if (member.language().equals(language) && (first == null || member.sourcePath().compareTo(first.sourcePath()) < 0)) {
                        first = member;
                    }
                }
                if (first != null) {
                    sorted.add(first);
                }
            }
            groups.put(key, new TranslationGroup(key, List.copyOf(sorted)));
        });
        return Collections.unmodifiableMap(groups);
    }

    /**
     * The articles a listing in {@code language} shows: its own, and with {@code untranslated: list}
     * also those in other languages that have no version in this one.
     */
    private static List<Entry> entries(List<Article> published, Map<String, TranslationGroup> groups, Language language,
                                       SiteConfig config) {
        List<Entry> entries = new ArrayList<>();
        for (Article article : published) {
            if (article.language().equals(language.key())) {
                entries.add(new Entry(article, false));
            } else if (config.untranslated() == SiteConfig.Untranslated.LIST) {
                TranslationGroup group = groups.get(article.translationKey());
                if (group.in(language.key()).isEmpty() && group.articles().get(0) == article) {
                    entries.add(new Entry(article, true));
                }
            }
        }
        return List.copyOf(entries);
    }

    /**
     * The entries of each topic of site.yaml, in the listing's order: one pass over the listing rather
     * than one per topic (a site with 40 topics and 20,000 articles would otherwise look 800,000 times).
     */
    private static Map<String, List<Entry>> byTopic(List<Entry> entries, SiteConfig config) {
        Map<String, List<Entry>> byTopic = new HashMap<>();
        for (String key : config.topics().keySet()) {
            byTopic.put(key, new ArrayList<>());
        }
        for (Entry entry : entries) {
            List<String> topics = entry.article().topics();
            for (int i = 0; i < topics.size(); i++) {
                List<Entry> bucket = byTopic.get(topics.get(i));
                // A topic named twice in one article lists it once; an unknown topic was reported when reading.
                if (bucket != null && topics.indexOf(topics.get(i)) == i) {
                    bucket.add(entry);
                }
            }
        }
        return byTopic;
    }

    private interface PageSink {
        void add(Pager pager, List<Entry> slice);
    }

    private static void paginate(List<Entry> entries, int pageSize, PageSink sink) {
        int total = Math.max(1, (entries.size() + pageSize - 1) / pageSize);
        for (int number = 1; number <= total; number++) {
            int from = (number - 1) * pageSize;
            sink.add(new Pager(number, total), entries.subList(from, Math.min(entries.size(), from + pageSize)));
        }
    }

    private static List<Entry> head(List<Entry> entries) {
        return entries.subList(0, Math.min(FEED_SIZE, entries.size()));
    }

    private static void checkTranslationGroups(List<Article> articles, SiteConfig config, Problems problems) {
        Map<String, Article> seen = new HashMap<>();
        for (Article article : articles) {
            Article first = seen.putIfAbsent(article.translationKey() + "\u0000" + article.language(), article);
            if (first != null) {
                Position at = article.positions().containsKey("translationKey")
                        ? article.position("translationKey") : article.position("language");
                problems.error(article.sourcePath(), at.line(), at.column(), "two '" + article.language()
                        + "' articles in translation group '" + article.translationKey() + "': this one and "
                        + first.sourcePath() + " (a story has at most one article per language; give one a different translationKey)");
            }
        }
    }

    /** The front matter's {@code image} must be a URL or a file under content/ (relative to the article, or from content/ with '/'). */
    private static void checkImages(List<Article> articles, Map<String, String> linkTargets, Problems problems) {
        for (Article article : articles) {
            String image = article.image();
            if (image.isEmpty() || image.startsWith("http://") || image.startsWith("https://")) {
                continue;
            }
            String target = ContentPaths.of(article, image);
            if (target == null || !linkTargets.containsKey(target) || target.endsWith(".md")) {
                Position at = article.position("image");
                problems.error(article.sourcePath(), at.line(), at.column(), "missing image '" + image + "': there is no content/"
                        + (target == null ? image : target) + " (give a path relative to the article, or an http(s) URL)");
            }
        }
    }

    /** Two pages at one URL, or a page where a sitemap part may have to go, are errors. */
    private static void checkUniquePaths(List<Page> pages, Problems problems) {
        Map<String, Page> byFile = new HashMap<>();
        for (Page page : pages) {
            if (page.path().regionMatches(true, 0, "/sitemap-", 0, 9) && Urls.isSitemapPart(page.path())) {
                String[] where = origin(page);
                problems.error(where[0], Integer.parseInt(where[1]), Integer.parseInt(where[2]), describe(page)
                        + " would be published at " + page.path() + ", a name kept for the parts of a sitemap too large"
                        + " for one file (rename it)");
            }
            // Compare output files, not paths: /a/ and /a/index.html are the same file.
            String file = Urls.outputFile(page.path()).toLowerCase(java.util.Locale.ROOT);
            Page first = byFile.putIfAbsent(file, page);
            if (first != null) {
                String[] where = origin(page);
                problems.error(where[0], Integer.parseInt(where[1]), Integer.parseInt(where[2]),
                        "two pages at one URL " + page.path() + ": " + describe(page) + " and " + describe(first)
                                + (page instanceof Page.ArticlePage ? " (give one a different slug or date)" : ""));
            }
        }
    }

    private static String[] origin(Page page) {
        if (page instanceof Page.ArticlePage a) {
            Position at = a.article().positions().containsKey("slug") ? a.article().position("slug") : a.article().position("title");
            return new String[] {a.article().sourcePath(), String.valueOf(at.line()), String.valueOf(at.column())};
        }
        if (page instanceof Page.StaticFilePage s) {
            return new String[] {s.file().sourcePath(), "0", "0"};
        }
        return new String[] {"site.yaml", "0", "0"};
    }

    private static String describe(Page page) {
        if (page instanceof Page.ArticlePage a) return a.article().sourcePath();
        if (page instanceof Page.StaticFilePage s) return s.file().sourcePath();
        if (page instanceof Page.AssetPage a) return "the theme's assets/" + a.name();
        return "a generated " + page.getClass().getSimpleName().replace("Page", "").toLowerCase(java.util.Locale.ROOT) + " page";
    }
}
