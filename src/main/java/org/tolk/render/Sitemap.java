package org.tolk.render;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.tolk.config.Language;
import org.tolk.site.Page;
import org.tolk.site.Site;
import org.tolk.site.Urls;

/**
 * sitemap.xml with every page and its language versions as {@code xhtml:link} alternates.
 *
 * <p>The sitemaps.org protocol allows one file at most 50,000 URLs and 50 MB uncompressed
 * (https://www.sitemaps.org/protocol.html). A site with more gets a sitemap index at sitemap.xml instead,
 * pointing to parts {@code sitemap-1.xml}, {@code sitemap-2.xml}, … that hold the same entries in the same
 * order, each filled as far as the limits allow. How many parts there are follows from the bytes of the
 * entries, which alternates make large (a few hundred bytes a language), so it is decided here, where the
 * entries are written, and nowhere else.
 */
final class Sitemap {
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /**
     * How much one sitemap file may hold.
     *
     * @param urls  entries per file
     * @param bytes bytes per file, uncompressed
     */
    record Limits(int urls, long bytes) {
        /** The protocol's: 50,000 URLs and 50 MiB (52,428,800 bytes). */
        static final Limits PROTOCOL = new Limits(50_000, 52_428_800L);

        Limits {
            if (urls < 1 || bytes < 1) {
                throw new IllegalArgumentException("sitemap limits must be positive: " + urls + " URLs, " + bytes + " bytes");
            }
        }
    }

    /*
     * The bytes that write(Xml, Entry) adds around an entry's values inside <urlset> (Xml puts every element
     * on its own line, indented two spaces a level), and that a <urlset> adds around its entries. Counting
     * them beats writing every entry twice; SitemapSplitTest holds them to the bytes written.
     */
    private static final int URL_BYTES = "\n  <url>".length() + "\n  </url>".length();
    private static final int LOC_BYTES = "\n    <loc>".length() + "</loc>".length();
    private static final int LASTMOD_BYTES = "\n    <lastmod>".length() + "</lastmod>".length();
    private static final int LINK_BYTES = "\n    <xhtml:link rel=\"alternate\" hreflang=\"".length() + "\" href=\"".length()
            + "\"/>".length();
    /** An empty sitemap: the XML declaration, the {@code <urlset>} tags and the final newline. */
    static final long URLSET_BYTES = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" + SITEMAP
            + "\" xmlns:xhtml=\"" + XHTML + "\">\n</urlset>\n").length();
    /** The longest lastmod there can be: {@code +999999999-12-31T23:59:59+18:00:00}. */
    private static final int LONGEST_LASTMOD = 34;

    private Sitemap() {
    }

    /** What one {@code <url>} says: its address, when it last changed (articles only) and its language versions. */
    private record Entry(String loc, String lastmod, List<Link> links) {
    }

    private record Link(String hreflang, String href) {
    }

    /** The pages the sitemap lists, in the site's order (by path). */
    static List<Page> listed(Site site) {
        return site.pages().stream().filter(Sitemap::isListed).toList();
    }

    /** sitemap.xml with every listed page: the sitemap of a site that fits in one file. */
    static byte[] xml(Site site) {
        return urlset(site, listed(site));
    }

    /** A {@code <urlset>} of {@code pages}: the whole sitemap, or one part of a large one. */
    static byte[] urlset(Site site, List<Page> pages) {
        Xml xml = new Xml();
        xml.start("urlset").attribute("xmlns", SITEMAP).attribute("xmlns:xhtml", XHTML);
        for (Page page : pages) {
            write(xml, entry(page, site));
        }
        xml.end();
        return xml.toBytes();
    }

    /** sitemap.xml of a site split into {@code parts}: each part's address and, if it lists articles, their newest change. */
    static byte[] index(Site site, List<Page.SitemapPartPage> parts) {
        Xml xml = new Xml();
        xml.start("sitemapindex").attribute("xmlns", SITEMAP);
        for (Page.SitemapPartPage part : parts) {
            xml.start("sitemap");
            xml.element("loc", site.urls().absolute(part.path()));
            lastChange(part.urls()).ifPresent(time -> xml.element("lastmod", Feeds.format(time)));
            xml.end();
        }
        xml.end();
        return xml.toBytes();
    }

    /** The newest change of the articles among {@code pages} (the lastmod their entries show), if any. */
    static Optional<ZonedDateTime> lastChange(List<Page> pages) {
        return pages.stream().filter(p -> p instanceof Page.ArticlePage)
                .map(p -> Feeds.lastChange(((Page.ArticlePage) p).article()))
                .max(Comparator.naturalOrder());
    }

    /**
     * The parts of the site's sitemap, or none when every listed page fits in sitemap.xml itself (the
     * common case, then recognised without building a single entry). A function of the site alone, so an
     * incremental build splits exactly as a clean build does.
     */
    static List<Page.SitemapPartPage> parts(Site site, Limits limits) {
        List<Page> listed = listed(site);
        if (listed.size() <= limits.urls() && URLSET_BYTES + listed.size() * longestEntry(site, listed) <= limits.bytes()) {
            return List.of();
        }
        long[] bytes = IntStream.range(0, listed.size()).parallel()
                .mapToLong(i -> entryBytes(entry(listed.get(i), site))).toArray();
        List<Integer> ends = split(bytes, URLSET_BYTES, limits);
        if (ends.size() <= 1) {
            return List.of();
        }
        List<Page.SitemapPartPage> parts = new ArrayList<>(ends.size());
        int from = 0;
        for (int end : ends) {
            parts.add(new Page.SitemapPartPage(site.urls().sitemapPart(parts.size() + 1), parts.size() + 1,
                    listed.subList(from, end)));
            from = end;
        }
        return List.copyOf(parts);
    }

    /**
     * Cuts entries of the given sizes, in order, into files of at most {@code limits.urls()} entries and
     * {@code limits.bytes()} bytes, where a file is {@code overhead} bytes plus its entries': a file is
     * closed before the entry that would pass either limit. Returns where each file's entries end
     * (exclusive); one file for no entries. An entry larger than a whole file gets a file of its own (a real
     * entry is kilobytes, the limit 50 MB).
     */
    static List<Integer> split(long[] bytes, long overhead, Limits limits) {
        List<Integer> ends = new ArrayList<>();
        int from = 0;
        long size = overhead;
        for (int i = 0; i < bytes.length; i++) {
            if (i > from && (i - from >= limits.urls() || size + bytes[i] > limits.bytes())) {
                ends.add(i);
                from = i;
                size = overhead;
            }
            size += bytes[i];
        }
        ends.add(bytes.length);
        return List.copyOf(ends);
    }

    private static Entry entry(Page page, Site site) {
        Urls urls = site.urls();
        String lastmod = page instanceof Page.ArticlePage a ? Feeds.format(Feeds.lastChange(a.article())) : null;
        Alternates.Set alternates = Alternates.of(page, site);
        List<Link> links = new ArrayList<>(alternates.versions().size() + 1);
        for (Alternates.Version version : alternates.versions()) {
            links.add(new Link(version.language().tag(), urls.absolute(version.path())));
        }
        if (!alternates.versions().isEmpty() && alternates.xDefault().isPresent()) {
            links.add(new Link("x-default", urls.absolute(alternates.xDefault().get())));
        }
        return new Entry(urls.absolute(page.path()), lastmod, links);
    }

    private static void write(Xml xml, Entry entry) {
        xml.start("url");
        xml.element("loc", entry.loc());
        if (entry.lastmod() != null) {
            xml.element("lastmod", entry.lastmod());
        }
        for (Link link : entry.links()) {
            xml.empty("xhtml:link").attribute("rel", "alternate").attribute("hreflang", link.hreflang())
                    .attribute("href", link.href());
        }
        xml.end();
    }

    /** The bytes {@link #write} adds to a {@code <urlset>} for {@code entry}. */
    private static long entryBytes(Entry entry) {
        long bytes = URL_BYTES + LOC_BYTES + escapedBytes(entry.loc(), false);
        if (entry.lastmod() != null) {
            bytes += LASTMOD_BYTES + escapedBytes(entry.lastmod(), false);
        }
        for (Link link : entry.links()) {
            bytes += LINK_BYTES + escapedBytes(link.hreflang(), true) + escapedBytes(link.href(), true);
        }
        return bytes;
    }

    /**
     * An upper bound of every listed page's entry, found without building one or a single URL: an entry holds
     * its address, a lastmod and a link per language plus x-default, and every link leads to a listed page.
     */
    private static long longestEntry(Site site, List<Page> listed) {
        // An absolute URL is the site's root URL and the path after its '/', encoded character by character
        // (Urls#absolute): a character Urls leaves as it is takes one byte, any other at most nine
        // ("%D8%A7%D8" for three UTF-8 bytes, or "&quot;" for an escaped one).
        long longestPath = 0;
        for (Page page : listed) {
            String path = page.path();
            long bytes = 0;
            for (int i = 1; i < path.length(); i++) {
                char c = path.charAt(i);
                bytes += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0 ? 1 : 9;
            }
            longestPath = Math.max(longestPath, bytes);
        }
        long longestUrl = atMostBytes(site.urls().absolute("/")) + longestPath;
        long longestTag = "x-default".length();
        for (Language language : site.config().languages()) {
            longestTag = Math.max(longestTag, atMostBytes(language.tag()));
        }
        long links = site.config().languages().size() + 1L;
        return URL_BYTES + LOC_BYTES + longestUrl + LASTMOD_BYTES + LONGEST_LASTMOD
                + links * (LINK_BYTES + longestTag + longestUrl);
    }

    /** The bytes of {@code value} as Xml writes it, text or attribute: its length when nothing needs escaping. */
    private static long escapedBytes(String value, boolean attribute) {
        return isPlain(value) ? value.length() : written(value, attribute) - written("", attribute);
    }

    /** At least the bytes of {@code value} escaped: at most six bytes a character ({@code &quot;}, or three in UTF-8). */
    private static long atMostBytes(String value) {
        return isPlain(value) ? value.length() : 6L * value.length();
    }

    /** Printable ASCII that XML leaves as it is, in text and in attributes (URLs almost always are). */
    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '&' || c == '<' || c == '>' || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static long written(String value, boolean attribute) {
        Xml xml = new Xml();
        if (attribute) {
            xml.empty("a").attribute("v", value);
        } else {
            xml.element("a", value);
        }
        return xml.toBytes().length;
    }

    /** HTML pages a search engine should index: not the 404 page, feeds or files. */
    private static boolean isListed(Page page) {
        return page instanceof Page.ArticlePage || page instanceof Page.HomePage || page instanceof Page.TopicPage
                || page instanceof Page.TopicsPage || page instanceof Page.ChooserPage;
    }
}
