package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.HtmlChecker;
import org.tolk.SiteLinks;
import org.tolk.TestSites;
import org.tolk.build.BuildResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads the sample site and the Persian–English fixture back the way browsers, search engines and feed
 * readers do: hreflang, JSON-LD, Atom, the sitemap and HTML validity.
 */
class TranslationOutputTest {
    static Path sample;
    static Path persian;

    @BeforeAll
    static void build(@TempDir Path dir) {
        sample = TestSites.sample(dir);
        BuildResult sampleResult = TestSites.build(sample);
        assertEquals(List.of(), sampleResult.problems().stream().filter(p -> p.isError()).toList());
        persian = TestSites.copy("persian", dir);
        BuildResult persianResult = TestSites.build(persian);
        assertEquals(List.of(), persianResult.problems());
    }

    static List<Path> htmlPages(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site.resolve("site"))) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Document parse(Path file) throws IOException {
        return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** hreflang → URL, the page's own alternates (x-default included). */
    static Map<String, String> alternates(Document page) {
        Map<String, String> result = new TreeMap<>();
        for (Element link : page.select("head link[rel=alternate][hreflang]")) {
            result.put(link.attr("hreflang"), link.attr("href"));
        }
        return result;
    }

    static Path fileOf(Path site, String origin, String absoluteUrl) {
        String path = absoluteUrl.substring(origin.length());
        return site.resolve("site").resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : ""));
    }

    @Test
    void hreflangIsReciprocalAndSelfReferencingOnEveryPage() throws IOException {
        for (var check : List.of(Map.entry(sample, "https://news.example.org"), Map.entry(persian, "https://iran.example.org"))) {
            Path site = check.getKey();
            String origin = check.getValue();
            int pagesWithAlternates = 0;
            for (Path file : htmlPages(site)) {
                Document page = parse(file);
                Map<String, String> own = alternates(page);
                if (own.isEmpty()) {
                    continue;
                }
                pagesWithAlternates++;
                String canonical = page.selectFirst("link[rel=canonical]").attr("href");
                String tag = page.selectFirst("html").attr("lang");
                if (!file.getFileName().toString().equals("index.html") || !file.getParent().equals(site.resolve("site"))) {
                    assertEquals(canonical, own.get(tag), "self link of " + file);
                }
                for (var alternate : own.entrySet()) {
                    Path target = fileOf(site, origin, alternate.getValue());
                    assertTrue(Files.isRegularFile(target), file + " → " + alternate);
                    if (!alternate.getKey().equals("x-default")) {
                        assertEquals(own, alternates(parse(target)), "alternates of " + file + " and " + target + " differ");
                    }
                }
            }
            assertTrue(pagesWithAlternates > 10, "only " + pagesWithAlternates + " pages have alternates");
        }
    }

    @Test
    void xDefaultPointsToTheDefaultLanguageOrTheRoot() throws IOException {
        Document article = parse(sample.resolve("site/en/2017/07/telegram-iran/index.html"));
        assertEquals("https://news.example.org/nl/2017/07/telegram-iran/", alternates(article).get("x-default"));
        Document home = parse(sample.resolve("site/en/index.html"));
        assertEquals("https://news.example.org/", alternates(home).get("x-default"));
        Document root = parse(sample.resolve("site/index.html"));
        assertEquals("https://news.example.org/", alternates(root).get("x-default"));
        assertEquals("https://news.example.org/en/", alternates(root).get("en-GB"));
    }

    @Test
    void topicPagesLinkToTheSameTopicInTheOtherLanguage() throws IOException {
        Document nl = parse(sample.resolve("site/nl/onderwerpen/censuur/index.html"));
        assertEquals("https://news.example.org/en/topics/censorship/", alternates(nl).get("en-GB"));
        assertEquals("/en/topics/censorship/", nl.selectFirst("nav a[hreflang=en-GB]").attr("href"));
        Document fa = parse(persian.resolve("site/fa/mozoo/sansoor/index.html"));
        assertEquals("https://iran.example.org/en/topics/censorship/", alternates(fa).get("en-GB"));
    }

    @Test
    void jsonLdDescribesTheArticleAndItsTranslations() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode translation = json.readTree(parse(persian.resolve("site/en/2017/07/telegram/index.html"))
                .selectFirst("script[type=application/ld+json]").data());
        assertEquals("NewsArticle", translation.get("@type").asText());
        assertEquals("Telegram’s CEO will not hand user data to Iran".replace('’', '\''), translation.get("headline").asText());
        assertEquals("en-GB", translation.get("inLanguage").asText());
        assertEquals("2017-07-25T01:03:00+04:30", translation.get("datePublished").asText());
        assertEquals("Newsroom", translation.get("author").get(0).get("name").asText());
        assertEquals("Sam Taylor", translation.get("translator").get(0).get("name").asText());
        assertEquals("Iran News", translation.get("publisher").get("name").asText());
        assertEquals("https://iran.example.org/fa/2017/07/telegram/", translation.get("translationOfWork").get("url").asText());
        assertEquals("fa-IR", translation.get("translationOfWork").get("inLanguage").asText());

        JsonNode original = json.readTree(parse(persian.resolve("site/fa/2017/07/telegram/index.html"))
                .selectFirst("script[type=application/ld+json]").data());
        assertEquals("https://iran.example.org/en/2017/07/telegram/", original.get("workTranslation").get(0).get("url").asText());
        assertFalse(original.has("translationOfWork"));

        JsonNode external = json.readTree(parse(sample.resolve("site/nl/2017/07/telegram-iran/index.html"))
                .selectFirst("script[type=application/ld+json]").data());
        assertTrue(external.get("isBasedOn").get("url").asText().startsWith("https://"));
        assertEquals("https://news.example.org/2017/telegram-iran/durov.svg", external.get("image").asText());
    }

    @Test
    void openGraphNamesTheLocaleAndItsAlternates() throws IOException {
        Document nl = parse(sample.resolve("site/nl/2017/07/telegram-iran/index.html"));
        assertEquals("nl_NL", nl.selectFirst("meta[property=og:locale]").attr("content"));
        assertEquals(List.of("en_GB"), nl.select("meta[property=og:locale:alternate]").eachAttr("content"));
        assertEquals("article", nl.selectFirst("meta[property=og:type]").attr("content"));
        assertEquals("https://news.example.org/2017/telegram-iran/durov.svg", nl.selectFirst("meta[property=og:image]").attr("content"));
    }

    @Test
    void translationsCreditTheirOriginal() throws IOException {
        // An outside source, in the page's language.
        String nl = parse(sample.resolve("site/nl/2017/07/telegram-iran/index.html")).selectFirst(".credit").text();
        assertTrue(nl.contains("Vertaald uit het Perzisch"), nl);
        assertTrue(nl.contains("Radio Zamaneh"), nl);
        // An article of this site.
        Element credit = parse(persian.resolve("site/en/2017/07/telegram/index.html")).selectFirst(".credit");
        assertTrue(credit.text().contains("Translated from Persian"), credit.text());
        assertEquals("/fa/2017/07/telegram/", credit.selectFirst("a").attr("href"));
    }

    @Test
    void untranslatedArticlesAreMarkedInListingsWhenTheSiteAsks() throws IOException {
        // persian: untranslated: list — the English home lists the Persian-only article, marked.
        Document en = parse(persian.resolve("site/en/index.html"));
        Element foreign = en.selectFirst("main article[lang=fa-IR]");
        assertNotNull(foreign, en.select("main").html());
        assertEquals("rtl", foreign.attr("dir"));
        assertTrue(foreign.text().contains("Only in Persian"), foreign.text());
        // sample: untranslated: hide (the default) — the English home does not list Dutch-only articles.
        assertFalse(parse(sample.resolve("site/en/index.html")).text().contains("Telegram geblokkeerd"));
        // The article page of an untranslated article says so in the reader's language.
        String note = parse(persian.resolve("site/en/2024/03/review/index.html")).selectFirst("main .note").text();
        assertTrue(note.contains("Persian"), note);
    }

    @Test
    void rightToLeftPagesDeclareTheirDirectionAndUsePersianDates() throws IOException {
        Document fa = parse(persian.resolve("site/fa/2017/07/telegram/index.html"));
        assertEquals("fa-IR", fa.selectFirst("html").attr("lang"));
        assertEquals("rtl", fa.selectFirst("html").attr("dir"));
        String date = fa.selectFirst("main time").text();
        assertTrue(date.contains("۲۰۱۷") || date.contains("۱۳۹۶"), "a Persian date in Persian digits: " + date);
        // The switcher's link to English is marked as English, left to right.
        Element toEnglish = fa.selectFirst("main a[hreflang=en-GB]");
        assertEquals("ltr", toEnglish.attr("dir"));
        assertEquals("Read in English", toEnglish.text());
        String css = Files.readString(persian.resolve("site/assets/tolk.css"));
        assertFalse(css.matches("(?s).*(margin|padding)-(left|right)\\s*:.*"), "layout uses logical properties only");
    }

    @Test
    void feedsParseWithAFeedLibrary() throws Exception {
        List<Path> feeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sample.resolve("site"))) {
            files.filter(f -> f.getFileName().toString().equals("feed.xml")).sorted().forEach(feeds::add);
        }
        assertEquals(2 + 8 + 8, feeds.size(), feeds.toString());
        for (Path file : feeds) {
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(file.toFile()));
            assertFalse(feed.getEntries().isEmpty(), file.toString());
        }
        SyndFeed nl = new SyndFeedInput().build(new XmlReader(sample.resolve("site/nl/feed.xml").toFile()));
        assertEquals("atom_1.0", nl.getFeedType());
        assertEquals("Iran Nieuws", nl.getTitle());
        assertEquals("nl-NL", nl.getLanguage() == null ? xmlLang(sample.resolve("site/nl/feed.xml")) : nl.getLanguage());
        List<SyndEntry> entries = nl.getEntries();
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(entries.get(i).getPublishedDate().after(entries.get(i - 1).getPublishedDate()), "newest first");
        }
        SyndEntry first = entries.get(0);
        assertTrue(first.getLink().startsWith("https://news.example.org/nl/"), first.getLink());
        assertEquals(first.getLink(), first.getUri());
        assertFalse(first.getContents().isEmpty());
        String xml = Files.readString(sample.resolve("site/nl/feed.xml"));
        assertTrue(xml.contains("xml:lang=\"nl-NL\""));
        assertTrue(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://news.example.org/nl/feed.xml\"/>"), xml);
        Document home = parse(sample.resolve("site/nl/index.html"));
        assertEquals("/nl/feed.xml", home.selectFirst("link[type=application/atom+xml]").attr("href"));
        Document topic = parse(sample.resolve("site/nl/onderwerpen/censuur/index.html"));
        assertEquals("/nl/onderwerpen/censuur/feed.xml", topic.selectFirst("link[type=application/atom+xml]").attr("href"));
    }

    private static String xmlLang(Path feed) throws IOException {
        return Jsoup.parse(Files.readString(feed), "", Parser.xmlParser()).selectFirst("feed").attr("xml:lang");
    }

    @Test
    void sitemapListsEveryPageWithTheSameAlternatesAsThePage() throws IOException {
        Document sitemap = Jsoup.parse(Files.readString(sample.resolve("site/sitemap.xml")), "", Parser.xmlParser());
        Map<String, Map<String, String>> fromSitemap = new HashMap<>();
        for (Element url : sitemap.select("url")) {
            Map<String, String> alternates = new TreeMap<>();
            url.select("xhtml|link").forEach(l -> alternates.put(l.attr("hreflang"), l.attr("href")));
            fromSitemap.put(url.selectFirst("loc").text(), alternates);
        }
        TreeSet<String> pages = new TreeSet<>();
        for (Path file : htmlPages(sample)) {
            if (file.endsWith("404.html")) continue;
            Document page = parse(file);
            String canonical = page.selectFirst("link[rel=canonical]").attr("href");
            pages.add(canonical);
            assertTrue(fromSitemap.containsKey(canonical), "sitemap lacks " + canonical);
            assertEquals(alternates(page), fromSitemap.get(canonical), "alternates of " + canonical);
        }
        assertEquals(pages, new TreeSet<>(fromSitemap.keySet()));
        assertTrue(Files.readString(sample.resolve("site/robots.txt")).contains("Sitemap: https://news.example.org/sitemap.xml"));
    }

    @Test
    void everyPageIsValidHtml5() {
        assertEquals(List.of(), HtmlChecker.errors(sample.resolve("site")));
        assertEquals(List.of(), HtmlChecker.errors(persian.resolve("site")));
    }

    @Test
    void everyInternalLinkOfTheSampleResolves() {
        assertEquals(List.of(), SiteLinks.broken(sample.resolve("site"), "https://news.example.org", "/"));
        assertEquals(List.of(), SiteLinks.broken(persian.resolve("site"), "https://iran.example.org", "/"));
    }
}
