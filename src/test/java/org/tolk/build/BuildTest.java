package org.tolk.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tolk.TestSites.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.SiteLinks;
import org.tolk.TestSites;

/** Builds the "basic" fixture (nl/en, baseURL with a path, no templates of its own) and reads the HTML back. */
class BuildTest {
    static Path site;
    static BuildResult result;

    @BeforeAll
    static void build(@TempDir Path dir) {
        site = TestSites.copy("basic", dir);
        result = TestSites.build(site);
    }

    @Test
    void buildsWithoutProblemsUsingTheBuiltInTemplates() {
        assertEquals(List.of(), result.problems());
        assertTrue(result.written());
        assertFalse(Files.exists(site.resolve("templates")));
        assertEquals(9, result.pagesPerLanguage().get("nl"));
        assertEquals(9, result.pagesPerLanguage().get("en"));
    }

    @Test
    void articlePagesLinkToTheirTranslationBothWays() {
        Document nl = html(site, "nl/2017/07/story/index.html");
        Document en = html(site, "en/2017/07/story/index.html");
        assertEquals("Telegram weigert gegevens te delen", nl.selectFirst("h1").text());
        assertEquals("Telegram refuses to share data", en.selectFirst("h1").text());
        Element toEnglish = nl.selectFirst("main a[hreflang=en-GB]");
        assertEquals("/nieuws/en/2017/07/story/", toEnglish.attr("href"));
        assertEquals("Read in English", toEnglish.text());
        Element toDutch = en.selectFirst("main a[hreflang=nl-NL]");
        assertEquals("/nieuws/nl/2017/07/story/", toDutch.attr("href"));
        assertEquals("Lees in het Nederlands", toDutch.text());
        assertEquals("nl-NL", nl.selectFirst("html").attr("lang"));
        assertEquals("en-GB", en.selectFirst("html").attr("lang"));
    }

    @Test
    void datesAreWrittenInEachLanguage() {
        assertEquals("dinsdag 25 juli 2017", html(site, "nl/2017/07/story/index.html").selectFirst("main time").text());
        assertEquals("Tuesday 25 July 2017", html(site, "en/2017/07/story/index.html").selectFirst("main time").text());
        assertEquals("2017-07-25T01:03:00+02:00", html(site, "en/2017/07/story/index.html").selectFirst("main time").attr("datetime"));
    }

    @Test
    void authorTranslatorAndTopicsAreShown() {
        Document en = html(site, "en/2017/07/story/index.html");
        assertTrue(en.selectFirst("main").text().contains("By Sara de Vries"), en.selectFirst("main").text());
        assertTrue(en.selectFirst("main").text().contains("Translated by John Smith"));
        Element topic = en.selectFirst("main a[href=/nieuws/en/topics/politics/]");
        assertEquals("Politics", topic.text());
        Element nlTopic = html(site, "nl/2017/07/story/index.html").selectFirst("main a[href=/nieuws/nl/onderwerpen/politiek/]");
        assertEquals("Politiek", nlTopic.text());
    }

    @Test
    void homeAndTopicPagesArePaginatedNewestFirst() {
        Document first = html(site, "nl/index.html");
        assertEquals(List.of("Alleen in het Nederlands", "Tweede bericht"), first.select("main article h2").eachText());
        Document second = html(site, "nl/page/2/index.html");
        assertEquals(List.of("Telegram weigert gegevens te delen"), second.select("main article h2").eachText());
        assertEquals("/nieuws/nl/page/2/", first.selectFirst("main nav a[rel=next]").attr("href"));
        assertEquals("/nieuws/nl/", second.selectFirst("main nav a[rel=prev]").attr("href"));

        Document topic = html(site, "nl/onderwerpen/politiek/index.html");
        assertEquals("Politiek", topic.selectFirst("h1").ownText().isEmpty() ? topic.selectFirst("h1").text() : topic.selectFirst("h1").ownText());
        assertEquals(2, topic.select("main article").size());
        assertEquals(1, html(site, "nl/onderwerpen/politiek/page/2/index.html").select("main article").size());
        assertTrue(Files.exists(site.resolve("site/en/topics/economy/index.html")));
    }

    @Test
    void longListingsLinkTheFirstAndLastPageAndTwoEitherSideOfTheCurrent(@TempDir Path dir) {
        Path longSite = TestSites.copy("basic", dir);
        for (int n = 1; n <= 20; n++) {
            TestSites.write(longSite.resolve("content/long/story-" + n + ".nl.md"), "---\ntitle: Bericht " + n
                    + "\ndate: 2018-01-" + String.format("%02d", n) + "T10:00:00\nlanguage: nl\n---\nTekst.\n");
        }
        assertEquals(List.of(), TestSites.build(longSite).problems());
        // 23 articles in Dutch, 2 a page: 12 pages.
        Document sixth = html(longSite, "nl/page/6/index.html");
        assertEquals(List.of("1", "…", "4", "5", "6", "7", "8", "…", "12"),
                sixth.select("main nav.pager li.pager-number, main nav.pager li.pager-gap").eachText());
        assertEquals("/nieuws/nl/page/6/", sixth.selectFirst("main nav.pager a[aria-current=page]").attr("href"));
        assertEquals(List.of("1", "2", "3", "…", "12"),
                html(longSite, "nl/index.html").select("main nav.pager li.pager-number, main nav.pager li.pager-gap").eachText());
        assertEquals(List.of("1", "…", "10", "11", "12"),
                html(longSite, "nl/page/12/index.html").select("main nav.pager li.pager-number, main nav.pager li.pager-gap").eachText());
        assertEquals(List.of("1", "2", "3", "4", "5", "…", "12"),
                html(longSite, "nl/page/3/index.html").select("main nav.pager li.pager-number, main nav.pager li.pager-gap").eachText());
    }

    @Test
    void topicsOverviewListsTopicsWithCounts() {
        Document topics = html(site, "en/topics/index.html");
        List<String> labels = topics.select("main li a").eachText();
        assertEquals(List.of("Politics", "Economy"), labels);
        assertTrue(topics.selectFirst("main").text().contains("3 articles"), topics.selectFirst("main").text());
    }

    @Test
    void draftsAndFutureArticlesAreLeftOut() {
        assertFalse(Files.exists(site.resolve("site/nl/2019/05/draft")));
        assertFalse(Files.exists(site.resolve("site/en/2099")));
        assertFalse(TestSites.text(site, "nl/index.html").contains("Een concept"));
    }

    @Test
    void draftsAndFutureArticlesAppearWhenAskedFor(@TempDir Path dir) {
        Path copy = TestSites.copy("basic", dir);
        BuildResult withAll = Build.run(TestSites.options(copy).withDrafts(true).withFuture(true));
        assertEquals(List.of(), withAll.problems());
        assertTrue(Files.exists(copy.resolve("site/nl/2019/05/draft/index.html")));
        assertTrue(Files.exists(copy.resolve("site/en/2099/01/future/index.html")));
    }

    @Test
    void imagesBesideAnArticleArePublishedAndLinked() {
        Element img = html(site, "nl/2017/07/story/index.html").selectFirst("main img");
        assertEquals("/nieuws/a/photo.svg", img.attr("src"));
        assertEquals("Pavel Durov", img.attr("alt"));
        assertTrue(Files.exists(site.resolve("site/a/photo.svg")));
    }

    @Test
    void rawHtmlFiguresFindTheirImagesToo() {
        Element img = html(site, "en/2018/01/second/index.html").selectFirst("main figure img");
        assertEquals("/nieuws/a/photo.svg", img.attr("src"));
    }

    @Test
    void linksToOtherArticlesPointToTheirPages() {
        Element link = html(site, "nl/2018/01/second/index.html").selectFirst("main a:contains(eerdere bericht)");
        assertEquals("/nieuws/nl/2017/07/story/#top", link.attr("href"));
    }

    @Test
    void markdownExtensionsAreOn() {
        Document nl = html(site, "nl/2017/07/story/index.html");
        // Typographic quotes and dashes.
        assertTrue(nl.selectFirst("main").text().contains("“Wij geven niets.” – een duidelijk antwoord."), nl.selectFirst("main").text());
        assertEquals(1, html(site, "nl/2018/01/second/index.html").select("main table th").size() / 2);
        assertEquals(1, html(site, "en/2018/01/second/index.html").select("main .footnotes li").size());
        // Bare addresses become links; written links stay as written.
        Document bare = html(site, "nl/2019/03/only-nl/index.html");
        assertEquals(List.of("https://example.com/rapport", "https://example.com/bron"),
                bare.select(".article-body a").eachAttr("href"));
    }

    @Test
    void everyInternalLinkPointsToAFileThatExists() {
        assertEquals(List.of(), SiteLinks.broken(site.resolve("site"), "https://example.org", "/nieuws/"));
    }

    @Test
    void rootHasALanguageChooserAnd404() {
        Document root = html(site, "index.html");
        assertEquals(List.of("/nieuws/nl/", "/nieuws/en/"), root.select("main a[hreflang]").eachAttr("href"));
        assertTrue(Files.exists(site.resolve("site/404.html")));
        assertTrue(TestSites.text(site, "404.html").contains("Pagina niet gevonden"));
        assertTrue(TestSites.text(site, "404.html").contains("Page not found"));
    }
}
