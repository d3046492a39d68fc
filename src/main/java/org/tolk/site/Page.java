package org.tolk.site;

import java.util.List;

import org.tolk.config.Language;
import org.tolk.config.Topic;
import org.tolk.content.Article;
import org.tolk.content.StaticFile;

/** One file of the generated site. Every page knows its site path; the renderer knows how to make its bytes. */
public sealed interface Page {

    /** The site path ({@code /nl/2017/07/telegram/}), without the base URL's path. */
    String path();

    /** The language of the page, or null for language-neutral files (root chooser, sitemap, assets). */
    default Language language() {
        return null;
    }

    record ArticlePage(String path, Language language, Article article) implements Page {
    }

    /** The newest articles of a language, one page of them. */
    record HomePage(String path, Language language, Pager pager, List<Entry> entries) implements Page {
    }

    record TopicPage(String path, Language language, Topic topic, Pager pager, List<Entry> entries) implements Page {
    }

    record TopicsPage(String path, Language language) implements Page {
    }

    record ChooserPage(String path) implements Page {
    }

    record NotFoundPage(String path) implements Page {
    }

    /** An Atom feed of a language, or of one topic in a language when {@code topic} is not null. */
    record FeedPage(String path, Language language, Topic topic, List<Entry> entries) implements Page {
    }

    /**
     * sitemap.xml. A site has one; when its URLs do not fit in one file under the sitemaps.org limits, the
     * renderer makes it an index of {@link SitemapPartPage}s (how many follows from the bytes of the
     * rendered entries, so it is a rendering decision: {@code org.tolk.render.Sitemap}).
     */
    record SitemapPage(String path) implements Page {
    }

    /**
     * Part {@code number} (from 1) of a sitemap too large for one file: {@code urls}, the pages it lists, a
     * slice of the site's pages in their order.
     */
    record SitemapPartPage(String path, int number, List<Page> urls) implements Page {
        public SitemapPartPage {
            urls = List.copyOf(urls);
        }
    }

    record RobotsPage(String path) implements Page {
    }

    record StaticFilePage(String path, StaticFile file) implements Page {
    }

    /** A file of the theme's {@code assets/} folder (style sheet, fonts, icons), copied as is. */
    record AssetPage(String path, String name) implements Page {
    }
}
