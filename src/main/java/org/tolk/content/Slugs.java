package org.tolk.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The one place that decides what a slug may be and how one is made from a title or file name. */
public final class Slugs {
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}_.-]*");
    /** Names that some file systems or hosts treat specially; a page there would be unreachable or unsafe. */
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9", "index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt");
    /** The parts of a sitemap too large for one file ({@code org.tolk.site.Urls#sitemapPart}), reserved on every site. */
    private static final Pattern SITEMAP_PART = Pattern.compile("sitemap-[0-9]+\\.xml", Pattern.CASE_INSENSITIVE);

    private Slugs() {
    }

    /** Whether {@code slug} is one safe URL segment; {@code ../x}, {@code /etc} and reserved names are not. */
    public static boolean isValid(String slug) {
        return VALID.matcher(slug).matches() && !slug.contains("..")
                && !RESERVED.contains(slug.toLowerCase(Locale.ROOT)) && !SITEMAP_PART.matcher(slug).matches()
                && slug.length() <= 200;
    }

    /**
     * A slug from free text: accents folded ({@code Café → cafe}), lower case, runs of anything else
     * turned into one '-'. Letters of other scripts (Persian, Arabic, Cyrillic) are kept as they are:
     * browsers show them readably and they are valid in IRIs.
     */
    public static String of(String text) {
        return isSlugAlready(text) ? text : fold(text);
    }

    /** {@link #of} the full way. */
    static String fold(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("(?<=[A-Za-z])\\p{M}+", "")
                .replace('ß', 's')
                .toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^\\p{L}\\p{N}\\p{M}]+", "-").replaceAll("^-+|-+$", "");
        slug = Normalizer.normalize(slug, Normalizer.Form.NFC);
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }

    /**
     * Whether {@link #of} would return {@code text} unchanged, seen without its normalisations and regular
     * expressions: lower-case ASCII words joined by single '-', at most 80 characters — as most file names
     * are. The full way took a fifth of reading an article under the quick compiler (JFR, 10,000 stories).
     */
    static boolean isSlugAlready(String text) {
        int n = text.length();
        if (n == 0 || n > 80 || text.charAt(0) == '-' || text.charAt(n - 1) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '-' ? text.charAt(i - 1) == '-' : !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
