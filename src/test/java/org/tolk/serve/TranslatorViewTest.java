package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translator's view at /_tolk/: the list of translation groups and the side-by-side page. */
class TranslatorViewTest {
    @TempDir
    static Path temp;
    static PreviewFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = PreviewFixture.start(PreviewFixture.copy(temp));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Document page(String path) {
        HttpResponse<String> response = fixture.get(path);
        assertEquals(200, response.statusCode(), path);
        assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        return Jsoup.parse(response.body(), fixture.url(path).toString());
    }

    @Test
    void listsEveryTranslationGroupWithItsLanguagesAndMarksTheMissingOnes() {
        Document index = page("/_tolk/");
        List<String> columns = index.select("table.tv-groups thead th").eachText();
        assertEquals(List.of("Date", "Nederlands", "English", "Translation key"), columns);
        assertEquals(2, index.select("tr.tv-group").size(), "the draft is left out without --drafts");
        assertTrue(index.text().contains("1 draft"), "and the view says so");

        Element story = row(index, "2024/story/story");
        assertEquals("true", story.attr("data-complete"));
        assertEquals(List.of("Telegram weigert gegevens te delen", "Telegram refuses to share data"), story.select("a.tv-title").eachText());
        assertEquals("/nl/2024/03/story/", story.select("a.tv-title").first().attr("href"));
        assertTrue(story.select(".tv-original").first().text().contains("original"), "the untranslated version is the original");
        assertTrue(story.text().contains("translated by John Smith"));

        Element onlyDutch = row(index, "2024/only-dutch");
        assertEquals("false", onlyDutch.attr("data-complete"));
        assertEquals("missing", onlyDutch.select("td.tv-absent .tv-missing").text());
        assertTrue(index.select(".tv-summary").text().contains("1 missing a translation"), index.select(".tv-summary").text());
    }

    private static Element row(Document index, String key) {
        for (Element row : index.select("tr.tv-group")) {
            if (row.select(".tv-key code").text().equals(key)) return row;
        }
        throw new AssertionError("no row for " + key + " in " + index.select(".tv-key").eachText());
    }

    @Test
    void theSideBySidePageShowsOriginalAndTranslationParagraphByParagraph() {
        String link = row(page("/_tolk/"), "2024/story/story").select("a.tv-compare").attr("href");
        Document compare = page(link);
        Element left = compare.selectFirst("thead th:nth-child(1) .tv-side-head");
        Element right = compare.selectFirst("thead th:nth-child(2) .tv-side-head");
        assertEquals("nl-NL", left.attr("lang"));
        assertEquals("en-GB", right.attr("lang"));
        assertTrue(left.text().contains("content/2024/story/story.nl.md"), "which file to open");

        List<Element> rows = compare.select("tr.tv-row");
        // The original has 6 blocks (paragraph, image, heading, 3 paragraphs); the translation left one out.
        assertEquals(6, rows.size());
        assertTrue(rows.get(0).child(0).text().contains("De oprichter van Telegram"));
        assertTrue(rows.get(0).child(1).text().contains("The founder of Telegram"));
        assertEquals("Wat er op het spel staat", rows.get(2).child(0).select("h2").text());
        assertEquals("What is at stake", rows.get(2).child(1).select("h2").text());
        Element gap = compare.selectFirst("tr.tv-unmatched");
        assertNotNull(gap, "the paragraph the translation left out is marked");
        assertTrue(gap.child(0).text().contains("Critici wijzen erop"), gap.text());
        assertTrue(gap.child(1).text().contains("no counterpart"));
        assertTrue(compare.selectFirst(".tv-warning").text().contains("1 block has no counterpart"));
        assertTrue(rows.get(5).child(1).text().contains("A spokesman would not say"), "aligned again after the gap");
        assertEquals("/2024/story/photo.svg", rows.get(1).child(0).selectFirst("img").attr("src"), "images resolve as on the site");
    }

    @Test
    void anArticleWithoutTranslationShowsWhereToStartOne() {
        String link = row(page("/_tolk/"), "2024/only-dutch").select("td.tv-absent a").attr("href");
        Document compare = page(link);
        assertTrue(compare.selectFirst("#tv-no-translation").text().contains("content/2024/only-dutch.en.md"),
                compare.selectFirst("#tv-no-translation").text());
        assertTrue(compare.select("tr.tv-row").stream().allMatch(r -> r.child(1).text().equals("missing")));
    }

    @Test
    void anUnknownGroupIsNotFound() {
        assertEquals(404, fixture.get("/_tolk/compare?key=no/such/story").statusCode());
        assertEquals(404, fixture.get("/_tolk/nothing-here").statusCode());
        assertEquals(301, fixture.get("/_tolk").statusCode());
    }

    @Test
    void translatorPagesReloadAfterAnyRebuild() {
        Element script = page("/_tolk/").selectFirst("script[src=/_tolk/live.js]");
        assertEquals("true", script.attr("data-dynamic"));
    }
}
