package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;

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

    @Test
    void aTranslationWithoutTranslatedFromIsNotMarkedStale() {
        Element story = row(page("/_tolk/"), "2024/story/story");
        assertEquals("false", story.attr("data-stale"));
        assertEquals("not tracked", story.select(".tv-untracked").text());
    }

    private static Element cell(Element row, String language) {
        return row.select("td.tv-cell").stream().filter(c -> !c.select("a.tv-title[lang^=" + language + "]").isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no " + language + " cell in " + row.text()));
    }

    /**
     * Issue 7 in the preview, on serve-stale: the original of "haven" was edited (one paragraph changed, one
     * added, one removed) after its English translation recorded the version it was made from, of which
     * .tolk/translations/ holds a copy; "dijk" is stale with no copy; "brug" is current; "sluis" untracked.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class StaleTranslations {
        PreviewFixture stale;

        @BeforeAll
        void start(@TempDir Path staleTemp) throws IOException {
            stale = PreviewFixture.start(TestSites.copy("serve-stale", staleTemp));
        }

        @AfterAll
        void stop() {
            stale.close();
        }

        private Document at(String path) {
            HttpResponse<String> response = stale.get(path);
            assertEquals(200, response.statusCode(), path);
            return Jsoup.parse(response.body(), stale.url(path).toString());
        }

        @Test
        void theListMarksStaleTranslationsAndSaysHowMuchOfTheOriginalChanged() {
            Document index = at("/_tolk/");
            Element haven = row(index, "2024/haven/haven");
            assertEquals("true", haven.attr("data-stale"));
            Element english = cell(haven, "en");
            assertEquals("stale", english.select(".tv-stale").text());
            assertTrue(english.hasClass("tv-stale-cell"));
            assertTrue(english.select(".tv-stale-note").text().contains("2 of 6 paragraphs"), english.text());
            assertTrue(cell(haven, "nl").select(".tv-stale").isEmpty(), "the original itself is not stale");

            Element dijk = row(index, "2024/dijk");
            assertEquals("true", dijk.attr("data-stale"));
            assertTrue(cell(dijk, "en").select(".tv-stale-note").text().startsWith("The original changed"), dijk.text());

            Element brug = row(index, "2024/brug");
            assertEquals("false", brug.attr("data-stale"));
            assertTrue(brug.select(".tv-stale, .tv-untracked").isEmpty(), brug.text());
            assertEquals("not tracked", row(index, "2024/sluis").select(".tv-untracked").text());

            assertEquals("2", index.select(".tv-stale-count").text());
            assertTrue(index.select(".tv-summary").text().contains("2 stale translations"), index.select(".tv-summary").text());
            assertEquals(1, index.select("input[name=tv-show][value=stale]").size(), "a filter for them");
        }

        @Test
        void theSideBySidePageOfAStaleTranslationHighlightsTheParagraphsOfTheOriginalThatChanged() {
            Document compare = at(row(at("/_tolk/"), "2024/haven/haven").select("a.tv-compare").attr("href"));
            Element status = compare.getElementById("tv-status");
            assertTrue(status.text().contains("The original changed since the translation was made: 2 of 6 paragraphs"), status.text());
            assertTrue(status.text().contains("2 of 6 paragraphs"), status.text());
            assertTrue(status.text().contains("tolk status --mark-current content/2024/haven/haven.en.md"), status.text());

            List<String> changed = compare.select("td.tv-changed").eachText();
            assertEquals(2, changed.size(), changed.toString());
            assertTrue(changed.get(0).contains("De staking duurt minstens drie dagen"), changed.get(0));
            assertTrue(changed.get(1).contains("Werkgevers noemen de eisen onbetaalbaar"), changed.get(1));
            assertTrue(compare.select("td.tv-changed .tv-changed-mark").eachText().stream().allMatch("changed"::equals));
            // Unchanged paragraphs, the heading among them, are not highlighted, and only the original's side is.
            for (String unchanged : List.of("Sjorders in de haven", "Wat de bonden willen", "De bonden eisen", "Een woordvoerder")) {
                Element block = compare.select("td.tv-block").stream().filter(td -> td.text().contains(unchanged)).findFirst().orElseThrow();
                assertFalse(block.hasClass("tv-changed"), unchanged);
            }
            assertTrue(compare.select("td.tv-block[lang^=en].tv-changed").isEmpty());
        }

        @Test
        void withoutACopyOfTheVersionItWasMadeFromTheStalePageSaysSoAndHighlightsNothing() {
            Document compare = at(TranslatorView.compareUrl("2024/dijk", "en"));
            Element status = compare.getElementById("tv-status");
            assertTrue(status.select(".tv-stale").hasText());
            assertTrue(status.text().contains("no copy of the version it was made from"), status.text());
            assertTrue(compare.select("td.tv-changed").isEmpty());
        }

        @Test
        void currentAndUntrackedTranslationsSayHowTheyStand() {
            Element current = at(TranslatorView.compareUrl("2024/brug", "en")).getElementById("tv-status");
            assertEquals("current", current.select(".tv-current").text());
            Element untracked = at(TranslatorView.compareUrl("2024/sluis", "en")).getElementById("tv-status");
            assertTrue(untracked.text().contains("records no translatedFrom"), untracked.text());
        }
    }

    /** The "must show": editing an original makes its translation stale in the preview, while it runs. */
    @Test
    void editingAnOriginalMakesItsTranslationStaleAndHighlightsTheEdit(@TempDir Path own) throws IOException {
        try (PreviewFixture f = PreviewFixture.start(TestSites.copy("serve-stale", own))) {
            assertEquals("false", row(get(f, "/_tolk/"), "2024/brug").attr("data-stale"));
            f.replace("content/2024/brug.nl.md", "vanaf maandag", "pas vanaf volgende week");
            f.awaitRebuildOf("content/2024/brug.nl.md");

            Element brug = row(get(f, "/_tolk/"), "2024/brug");
            assertEquals("true", brug.attr("data-stale"));
            assertTrue(cell(brug, "en").select(".tv-stale-note").text().contains("1 of 2 paragraphs"), brug.text());
            Document compare = get(f, TranslatorView.compareUrl("2024/brug", "en"));
            assertEquals(List.of("Fietsers kunnen er pas vanaf volgende week over."), compare.select("td.tv-changed > p").eachText());
        }
    }

    private static Document get(PreviewFixture f, String path) {
        HttpResponse<String> response = f.get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.body(), f.url(path).toString());
    }
}
