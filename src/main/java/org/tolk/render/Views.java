package org.tolk.render;

import java.util.List;
import java.util.Map;

/**
 * What templates see: plain, immutable data, already sorted, formatted and linked. Templates read
 * these records' components as properties ({@code ${article.title}}); every {@code url} is ready for
 * an {@code href} (base path included) and every {@code absoluteUrl} for canonical links and feeds.
 *
 * <p>Every page template gets: {@code site} ({@link SiteView}), {@code lang} ({@link LanguageView},
 * the page's language), {@code t} (UI strings of that language: {@code ${t.home}}, or with arguments
 * {@code ${t("pageOf", 2, 7)}}), {@code page} ({@link PageView}) and {@code asset(name)} (URL of a
 * file in {@code templates/assets/}). Then, by page kind:
 * <ul>
 *   <li>article.ftlh: {@code article} ({@link ArticleView})</li>
 *   <li>home.ftlh: {@code entries} (list of {@link EntryView}), {@code pager} ({@link PagerView})</li>
 *   <li>topic.ftlh: {@code topic} ({@link TopicView}), {@code entries}, {@code pager}</li>
 *   <li>topics.ftlh: {@code topics} (list of {@link TopicView})</li>
 *   <li>chooser.ftlh and 404.ftlh: only the common variables; {@code site.languages} lists every language</li>
 * </ul>
 */
public final class Views {
    private Views() {
    }

    /**
     * @param languages every language of the site, in site.yaml order, the page's own included
     * @param generator "Tolk x.y.z", for the generator meta tag
     */
    public record SiteView(String title, String description, String baseUrl, String rootUrl,
                           List<LanguageView> languages, String generator) {
    }

    /**
     * A language of the site.
     *
     * @param key         site.yaml key ({@code nl}), as used in front matter
     * @param tag         BCP-47 tag for {@code lang} and {@code hreflang} ({@code nl-NL})
     * @param dir         {@code ltr} or {@code rtl}
     * @param name        the language's name in itself ({@code Nederlands})
     * @param title       the site's title in this language
     * @param url         the language's home page
     * @param readIn      "Read in English" in this language, for links to this language's versions
     */
    public record LanguageView(String key, String tag, String dir, String name, String title, String description,
                               String url, String topicsUrl, String feedUrl, String readIn) {
    }

    /**
     * What every page has.
     *
     * @param kind         article, home, topic, topics, chooser or 404
     * @param title        the page's own title (without the site title)
     * @param alternates   this page in every language it exists in, itself included (for hreflang links and
     *                     the language switcher)
     * @param xDefaultUrl  absolute URL for {@code hreflang="x-default"}, or empty
     * @param feedUrl      the Atom feed that belongs to this page, or empty
     * @param social       Open Graph and Twitter card data
     */
    public record PageView(String kind, String title, String description, String url, String absoluteUrl,
                           List<AlternateView> alternates, String xDefaultUrl, String feedUrl, String feedTitle,
                           SocialView social) {
    }

    /**
     * Open Graph data of a page.
     *
     * @param type             {@code article} or {@code website}
     * @param locale           Open Graph's form of the locale ({@code nl_NL})
     * @param localeAlternates the other versions' locales, same form
     * @param image            absolute URL of the page's image, or empty
     */
    public record SocialView(String type, String locale, List<String> localeAlternates, String image) {
    }

    /**
     * The same page in one language.
     *
     * @param current true for the page itself
     */
    public record AlternateView(String key, String tag, String dir, String name, String url, String absoluteUrl,
                                String readIn, boolean current) {
    }

    /**
     * A date as readers see it and as machines read it.
     *
     * @param iso     ISO-8601 with offset, for {@code <time datetime>}
     * @param display formatted for the page's locale ({@code dinsdag 25 juli 2017})
     */
    public record DateView(String iso, String display) {
    }

    public record LinkView(String label, String url) {
    }

    /**
     * The original an article translates, as front matter {@code source} gives it.
     *
     * @param languageName the original's language, named in the page's language ("Engels"), or empty
     * @param published    may be null
     */
    public record SourceView(String name, String url, String languageName, DateView published) {
    }

    /**
     * An article page's article.
     *
     * @param body          rendered Markdown: HTML, to print with {@code ?no_esc}
     * @param updated       null when the article was not updated
     * @param image         URL of the article's image, or empty
     * @param translations  the other languages' versions, in site.yaml order
     * @param source        the original this article translates: front matter {@code source}, or the group's
     *                      original article when this is an in-site translation; null for an original
     * @param missingIn     the site's languages this article has no version in, named in the page's language
     * @param languageName  the article's own language, named in the page's language
     * @param jsonLd        schema.org NewsArticle as JSON, safe to print inside a script element with {@code ?no_esc}
     * @param extra         the front matter's free-form {@code extra:} map
     */
    public record ArticleView(String title, String summary, String url, String absoluteUrl, DateView date,
                              DateView updated, List<String> authors, List<String> translators,
                              List<LinkView> topics, String body, String image, List<AlternateView> translations,
                              SourceView source, List<String> missingIn, String languageName, String jsonLd,
                              Map<String, Object> extra) {
    }

    /**
     * An article in a listing.
     *
     * @param foreign      true when it is in another language than the listing (site.yaml {@code untranslated: list})
     * @param tag          the article's language tag, for {@code lang} on a foreign entry
     * @param languageName the article's language, named in the listing's language
     */
    public record EntryView(String title, String url, DateView date, String summary, List<LinkView> topics,
                            boolean foreign, String tag, String dir, String languageName) {
    }

    /**
     * Where a listing page stands.
     *
     * @param previousUrl newer articles, or empty on the first page
     * @param nextUrl     older articles, or empty on the last page
     * @param pages       a link to every page, for numbered pagination; each is made when a template reads it
     * @param shown       the links numbered pagination shows: the first and last page and two on either side
     *                    of this one, in order: at most seven, however long the listing. A template that lists
     *                    {@code pages} on every page of a listing does work in the square of its length (5,000
     *                    pages a language at 100,000 stories).
     */
    public record PagerView(int number, int total, String previousUrl, String nextUrl, List<PageLinkView> pages,
                            List<PageLinkView> shown) {
    }

    public record PageLinkView(int number, String url, boolean current) {
    }

    /** A topic in one language; {@code count} is how many articles it lists. */
    public record TopicView(String key, String label, String url, int count, String feedUrl) {
    }
}
