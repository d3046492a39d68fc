package org.tolk.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZonedDateTime;

import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.config.Topic;
import org.tolk.content.StaticFile;

/**
 * The one place that decides every URL of the site. Paths here are site paths: they start with '/'
 * and do not include the base URL's path; {@link #href} and {@link #absolute} add it, so a site
 * published under {@code https://example.org/nieuws/} works as well as one at a domain's root.
 * Templates never build URLs themselves.
 */
public final class Urls {
    private final SiteConfig config;
    private final String basePath;
    private final String origin;

    public Urls(SiteConfig config) {
        this.config = config;
        this.basePath = config.basePath();
        URI base = config.baseUrl();
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
    }

    public String article(String language, ZonedDateTime date, String slug) {
        return config.permalink()
                .replace("{lang}", language)
                .replace("{yyyy}", digits(date.getYear(), 4))
                .replace("{mm}", digits(date.getMonthValue(), 2))
                .replace("{dd}", digits(date.getDayOfMonth(), 2))
                .replace("{slug}", slug);
    }

    /** {@code value} with leading zeros to {@code width} digits; String.format costs more than the rest of a permalink. */
    private static String digits(int value, int width) {
        String text = Integer.toString(value);
        return text.length() >= width || value < 0 ? text : "0".repeat(width - text.length()) + text;
    }

    public String root() {
        return "/";
    }

    public String home(Language language, int page) {
        return paged("/" + language.key() + "/", page);
    }

    public String topics(Language language) {
        return "/" + language.key() + "/" + language.topicsPath() + "/";
    }

    public String topic(Language language, Topic topic, int page) {
        return paged(topics(language) + topic.in(language.key()).slug() + "/", page);
    }

    public String feed(Language language) {
        return "/" + language.key() + "/feed.xml";
    }

    public String topicFeed(Language language, Topic topic) {
        return topic(language, topic, 1) + "feed.xml";
    }

    public String notFound() {
        return "/404.html";
    }

    public String sitemap() {
        return "/sitemap.xml";
    }

    /** Part {@code number} (from 1) of a sitemap too large for one file; {@link #sitemap()} is then their index. */
    public String sitemapPart(int number) {
        return "/sitemap-" + number + ".xml";
    }

    /**
     * Whether {@code sitePath} has the form of a sitemap part's path ({@code /sitemap-N.xml}), whether or
     * not this site's sitemap has that many parts: the names are kept free, so that a site that grows
     * past one sitemap file never finds one taken.
     */
    public static boolean isSitemapPart(String sitePath) {
        return SITEMAP_PART.matcher(sitePath).matches();
    }

    private static final java.util.regex.Pattern SITEMAP_PART = java.util.regex.Pattern.compile("/sitemap-[0-9]+\\.xml",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    public String robots() {
        return "/robots.txt";
    }

    public String asset(String name) {
        return "/assets/" + name;
    }

    public String staticFile(StaticFile file) {
        return "/" + file.contentPath();
    }

    /** Page 1 lives at the listing's own URL; later pages at {@code …/page/N/}. */
    private static String paged(String first, int page) {
        return page <= 1 ? first : first + "page/" + page + "/";
    }

    /** The link to a site path as written in HTML: base path included, non-ASCII percent-encoded. */
    public String href(String sitePath) {
        return encode(basePath + sitePath.substring(1));
    }

    /** The absolute URL of a site path, for canonical links, feeds and the sitemap. */
    public String absolute(String sitePath) {
        return origin + href(sitePath);
    }

    /** The file in the output folder that serves a site path: folders get {@code index.html}. */
    public static String outputFile(String sitePath) {
        String relative = sitePath.substring(1);
        return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    }

    private static String encode(String path) {
        // Most paths are plain ASCII slugs that need no encoding; URI parsing costs more than the rest of href().
        boolean plain = true;
        for (int i = 0; i < path.length() && plain; i++) {
            char c = path.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0;
        }
        if (plain) {
            return path;
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }
}
