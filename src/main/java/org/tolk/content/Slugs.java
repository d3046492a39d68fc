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
}
