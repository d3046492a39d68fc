package org.tolk.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.config.Topic;
import org.tolk.content.Article;
import org.tolk.content.Source;
import org.tolk.render.Views.AlternateView;
import org.tolk.render.Views.ArticleView;
import org.tolk.render.Views.EntryView;
import org.tolk.render.Views.LanguageView;
import org.tolk.render.Views.LinkView;
import org.tolk.render.Views.PageLinkView;
import org.tolk.render.Views.PageView;
import org.tolk.render.Views.PagerView;
import org.tolk.render.Views.SiteView;
import org.tolk.render.Views.SocialView;
import org.tolk.render.Views.SourceView;
import org.tolk.render.Views.TopicView;
import org.tolk.site.Entry;
import org.tolk.site.Page;
import org.tolk.site.Pager;
import org.tolk.site.Site;
import org.tolk.site.Urls;

/** Builds the data a page's template gets (see {@link Views}) from the site model. */
final class PageModels {
    private final Site site;
    private final Urls urls;
    private final Map<String, Strings> strings;
    private final Map<String, DateFormats> dates = new HashMap<>();
    private final Map<String, LanguageView> languageViews = new HashMap<>();
    /*
     * What many pages show alike, made once per language rather than for every page and listed article (the
     * 10,000-story corpus has 23,000 pages and 60,000 listed entries): the site as a page of a language sees
     * it, each topic's link, each language's name.
     */
    private final Map<String, SiteView> siteViews = new HashMap<>();
    /** Language key → topic key → link to the topic's first page, for the topics that have articles in it. */
    private final Map<String, Map<String, LinkView>> topicLinks = new HashMap<>();
    /** Language key → the name of each of the site's languages (by key) in that language. */
    private final Map<String, Map<String, String>> languageNames = new HashMap<>();
    /** "tag key" → the name of a front matter source's language (any tag) in the language of that key, as met. */
    private final Map<String, String> sourceLanguageNames = new java.util.concurrent.ConcurrentHashMap<>();

    PageModels(Site site, Map<String, Strings> strings, String generator) {
        this.site = site;
        this.urls = site.urls();
        this.strings = strings;
        for (Language language : site.config().languages()) {
            dates.put(language.key(), new DateFormats(strings.get(language.key())));
            languageViews.put(language.key(), new LanguageView(language.key(), language.tag(), language.direction().attribute(),
                    language.name(), language.title(), language.description(), urls.href(urls.home(language, 1)),
                    urls.href(urls.topics(language)), urls.href(urls.feed(language)),
                    strings.get(language.key()).get("readInThisLanguage")));
        }
        SiteConfig config = site.config();
        List<LanguageView> languages = config.languages().stream().map(l -> languageViews.get(l.key())).toList();
        for (Language language : config.languages()) {
            siteViews.put(language.key(), new SiteView(language.title(), language.description(), config.baseUrl().toString(),
                    urls.href(urls.root()), languages, generator));
            Map<String, LinkView> links = new HashMap<>();
            for (Topic topic : site.topicsIn(language)) {
                links.put(topic.key(), new LinkView(topic.in(language.key()).label(), urls.href(urls.topic(language, topic, 1))));
            }
            topicLinks.put(language.key(), links);
            Map<String, String> names = new HashMap<>();
            for (Language of : config.languages()) {
                names.put(of.key(), languageName(of.locale(), language.locale()));
            }
            languageNames.put(language.key(), names);
        }
    }

    Strings strings(Language language) {
        return strings.get(language.key());
    }

    /** Variables every template gets. */
    Map<String, Object> common(Language language, Page page, String kind, String title, String description,
                               String feedPath, String feedTitle) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", siteViews.get(language.key()));
        model.put("lang", languageViews.get(language.key()));
        Alternates.Set alternates = Alternates.of(page, site);
        List<String> otherLocales = alternates.versions().stream()
                .filter(v -> !v.path().equals(page.path()))
                .map(v -> openGraphLocale(v.language().locale()))
                .toList();
        String image = page instanceof Page.ArticlePage a ? absoluteImage(a.article()) : "";
        SocialView social = new SocialView(page instanceof Page.ArticlePage ? "article" : "website",
                openGraphLocale(language.locale()), otherLocales, image);
        model.put("page", new PageView(kind, title, description, urls.href(page.path()), urls.absolute(page.path()),
                alternates(alternates, page.path()), alternates.xDefault().map(urls::absolute).orElse(""),
                feedPath == null ? "" : urls.href(feedPath), feedTitle == null ? "" : feedTitle, social));
        return model;
    }

    /** Open Graph writes locales as language_TERRITORY ({@code nl_NL}), not as BCP-47 tags. */
    static String openGraphLocale(Locale locale) {
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    private List<AlternateView> alternates(Alternates.Set set, String current) {
        return set.versions().stream().map(v -> alternate(v.language(), v.path(), v.path().equals(current))).toList();
    }

    private AlternateView alternate(Language language, String path, boolean current) {
        LanguageView view = languageViews.get(language.key());
        return new AlternateView(language.key(), language.tag(), view.dir(), language.name(), urls.href(path),
                urls.absolute(path), view.readIn(), current);
    }

    ArticleView article(Article article, Language language, String body) {
        String path = site.path(article);
        DateFormats format = dates.get(language.key());
        List<AlternateView> translations = new ArrayList<>();
        for (Article translation : site.translationsOf(article)) {
            translations.add(alternate(site.config().language(translation.language()).orElseThrow(), site.path(translation), false));
        }
        List<String> missing = new ArrayList<>();
        for (Language other : site.config().languages()) {
            if (!other.key().equals(article.language()) && site.group(article).in(other.key()).isEmpty()) {
                missing.add(name(other, language));
            }
        }
        return new ArticleView(article.title(), article.summary(), urls.href(path), urls.absolute(path),
                format.view(article.date()), article.updated().map(format::view).orElse(null), article.authors(),
                article.translators(), topicLinks(article, language), body, image(article), List.copyOf(translations),
                source(article, language), List.copyOf(missing), name(language, language),
                JsonLd.newsArticle(article, site, absoluteImage(article)), article.extra());
    }

    /**
     * What the credit block names as the original: the front matter's {@code source}, or, for a
     * translation of another article of this site, that article.
     */
    private SourceView source(Article article, Language language) {
        if (article.source().isPresent()) {
            return source(article.source().get(), language);
        }
        if (!article.isTranslation()) {
            return null;
        }
        return site.group(article).original().filter(o -> o != article).map(original -> {
            Language of = site.config().language(original.language()).orElseThrow();
            return new SourceView(of.title(), urls.href(site.path(original)), name(of, language),
                    dates.get(language.key()).view(original.date()));
        }).orElse(null);
    }

    /** The front matter's {@code image} as a link: a URL as is, or a file beside the article. */
    String image(Article article) {
        return imageLocation(article, false);
    }

    /** Absolute form of {@link #image}, for feeds and social cards. */
    String absoluteImage(Article article) {
        return imageLocation(article, true);
    }

    private String imageLocation(Article article, boolean absolute) {
        String image = article.image();
        if (image.isEmpty() || image.startsWith("http://") || image.startsWith("https://")) {
            return image;
        }
        String target = org.tolk.content.ContentPaths.of(article, image);
        String sitePath = target == null ? null : site.linkTargets().get(target);
        if (sitePath == null) {
            return "";
        }
        return absolute ? urls.absolute(sitePath) : urls.href(sitePath);
    }

    private SourceView source(Source source, Language language) {
        String languageName = source.language().isEmpty() ? ""
                : sourceLanguageNames.computeIfAbsent(source.language() + " " + language.key(),
                        k -> languageName(Locale.forLanguageTag(source.language()), language.locale()));
        return new SourceView(source.name(), source.url(), languageName,
                source.published().map(dates.get(language.key())::view).orElse(null));
    }

    /** {@link #languageName} of two of the site's languages. */
    private String name(Language of, Language in) {
        return languageNames.get(in.key()).get(of.key());
    }

    /** A language's name as another language writes it: Engels, English, انگلیسی. */
    static String languageName(Locale of, Locale in) {
        String name = of.getDisplayLanguage(in);
        if (name.isEmpty() || name.equals(of.getLanguage())) {
            return of.toLanguageTag();
        }
        // Languages that capitalise their names (Engels, English) do so already; others (français) are as the locale says.
        return name;
    }

    private List<LinkView> topicLinks(Article article, Language language) {
        Map<String, LinkView> inLanguage = topicLinks.get(language.key());
        List<LinkView> links = new ArrayList<>(article.topics().size());
        for (String key : article.topics()) {
            LinkView link = inLanguage.get(key);
            if (link != null) {
                links.add(link);
            }
        }
        return List.copyOf(links);
    }

    List<EntryView> entries(List<Entry> entries, Language language) {
        DateFormats format = dates.get(language.key());
        List<EntryView> views = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            Article article = entry.article();
            Language own = site.config().language(article.language()).orElseThrow();
            views.add(new EntryView(article.title(), urls.href(site.path(article)), format.view(article.date()),
                    article.summary(), topicLinks(article, language), entry.foreign(), own.tag(),
                    own.direction().attribute(), name(own, language)));
        }
        return views;
    }

    PagerView pager(Pager pager, java.util.function.IntFunction<String> pathOfPage) {
        java.util.function.IntFunction<PageLinkView> link = n -> new PageLinkView(n, urls.href(pathOfPage.apply(n)), n == pager.number());
        // The first and last page and two on either side of this one (Views.PagerView#shown).
        java.util.SortedSet<Integer> numbers = new java.util.TreeSet<>(List.of(1, pager.total()));
        for (int n = Math.max(1, pager.number() - 2); n <= Math.min(pager.total(), pager.number() + 2); n++) {
            numbers.add(n);
        }
        List<PageLinkView> shown = numbers.stream().map(link::apply).toList();
        return new PagerView(pager.number(), pager.total(),
                pager.hasPrevious() ? urls.href(pathOfPage.apply(pager.number() - 1)) : "",
                pager.hasNext() ? urls.href(pathOfPage.apply(pager.number() + 1)) : "",
                new PageLinks(pager.total(), link), shown);
    }

    /** {@link PagerView#pages}: every page's link, made only when read (the built-in theme reads {@code shown}). */
    private static final class PageLinks extends java.util.AbstractList<PageLinkView> implements java.util.RandomAccess {
        private final int total;
        private final java.util.function.IntFunction<PageLinkView> link;

        PageLinks(int total, java.util.function.IntFunction<PageLinkView> link) {
            this.total = total;
            this.link = link;
        }

        @Override
        public PageLinkView get(int index) {
            java.util.Objects.checkIndex(index, total);
            return link.apply(index + 1);
        }

        @Override
        public int size() {
            return total;
        }
    }

    TopicView topic(Topic topic, Language language) {
        return new TopicView(topic.key(), topic.in(language.key()).label(), urls.href(urls.topic(language, topic, 1)),
                site.count(language, topic), urls.href(urls.topicFeed(language, topic)));
    }

    List<TopicView> topics(Language language) {
        return site.topicsIn(language).stream().map(t -> topic(t, language)).toList();
    }
}
