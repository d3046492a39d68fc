package org.tolk.render;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;


import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.site.Entry;
import org.tolk.site.Page;
import org.tolk.site.Site;
import org.tolk.site.Urls;

/** Atom feeds (RFC 4287), one per language and one per topic per language. */
final class Feeds {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    private Feeds() {
    }

    /**
     * @param body the rendered HTML of an article in UTF-8, for feeds with full content
     */
    static byte[] atom(Page.FeedPage feed, Site site, Function<Article, byte[]> body, String generatorVersion) {
        Urls urls = site.urls();
        Language language = feed.language();
        String listing = feed.topic() == null ? urls.home(language, 1) : urls.topic(language, feed.topic(), 1);
        String title = feed.topic() == null ? language.title()
                : feed.topic().in(language.key()).label() + " – " + language.title();
        String updated = feed.entries().stream().map(e -> lastChange(e.article()))
                .max(Comparator.naturalOrder()).map(Feeds::format).orElse(EPOCH);
        Xml xml = new Xml();
        {
            xml.start("feed").attribute("xmlns", ATOM).attribute("xml:lang", language.tag());
            xml.element("title", title);
            if (!language.description().isEmpty()) {
                xml.element("subtitle", language.description());
            }
            xml.element("id", urls.absolute(listing));
            xml.empty("link").attribute("rel", "self").attribute("type", "application/atom+xml").attribute("href", urls.absolute(feed.path()));
            xml.empty("link").attribute("rel", "alternate").attribute("type", "text/html").attribute("href", urls.absolute(listing));
            xml.element("updated", updated);
            xml.start("author").element("name", language.title()).end();
            xml.start("generator").attribute("version", generatorVersion).text("Tolk").endInline();
            for (Entry entry : feed.entries()) {
                entry(xml, entry.article(), site, body);
            }
            xml.end();
            return xml.toBytes();
        }
    }

    private static void entry(Xml xml, Article article, Site site, Function<Article, byte[]> body) {
        Urls urls = site.urls();
        Language own = site.config().language(article.language()).orElseThrow();
        String url = urls.absolute(site.path(article));
        xml.start("entry");
        xml.attribute("xml:lang", own.tag());
        xml.element("title", article.title());
        xml.empty("link").attribute("rel", "alternate").attribute("type", "text/html").attribute("href", url);
        for (Article translation : site.translationsOf(article)) {
            Language other = site.config().language(translation.language()).orElseThrow();
            xml.empty("link").attribute("rel", "alternate").attribute("type", "text/html")
                    .attribute("hreflang", other.tag()).attribute("href", urls.absolute(site.path(translation)));
        }
        xml.element("id", url);
        xml.element("published", format(article.date()));
        xml.element("updated", format(lastChange(article)));
        for (String author : article.authors()) {
            xml.start("author").element("name", author).end();
        }
        for (String translator : article.translators()) {
            xml.start("contributor").element("name", translator).end();
        }
        for (String key : article.topics()) {
            var topic = site.config().topics().get(key);
            xml.empty("category").attribute("term", key).attribute("label", topic.in(article.language()).label());
        }
        if (!article.summary().isEmpty()) {
            xml.element("summary", article.summary());
        }
        if (site.config().feedContent() == SiteConfig.FeedContent.FULL) {
            // Links in the body are site-absolute (/nl/…); xml:base makes them resolve against the site.
            xml.start("content").attribute("type", "html").attribute("xml:base", urls.absolute(site.path(article)));
            xml.textUtf8(body.apply(article)).endInline();
        }
        xml.end();
    }

    static ZonedDateTime lastChange(Article article) {
        return article.updated().filter(u -> u.isAfter(article.date())).orElse(article.date());
    }

    static String format(ZonedDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withNano(0));
    }
}
