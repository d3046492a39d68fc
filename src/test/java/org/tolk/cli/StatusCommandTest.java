package org.tolk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StatusCommandTest {
    private static final String NOW = "2026-06-01T12:00:00Z";

    @TempDir
    Path tmp;

    private static NewCommandTest.Run tolk(String... args) {
        return NewCommandTest.tolk(args);
    }

    private static NewCommandTest.Run status(Path root, String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "status";
        args[1] = "--source";
        args[2] = root.toString();
        args[3] = "--now";
        args[4] = NOW;
        System.arraycopy(more, 0, args, 5, more.length);
        return tolk(args);
    }

    @Test
    void showsATablePerLanguagePair() {
        Path root = TestSites.copy("translate-desk", tmp);
        NewCommandTest.Run run = status(root);
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("""
                Translations of 7 stories in nl, en (1 with a draft original, not counted)

                  from → to  stories  translated  stale  untracked  drafts  missing  coverage
                  nl → en          5           3      1          1       1        1       60%
                  en → nl          1           1      0          1       0        0      100%
                  total            6           4      1          2       1        1       66%

                Stale (1): the original changed after the translation was made
                  STRIKE
                """.replace("STRIKE", root.resolve("content/2024/strike/strike.en.md").toString())), run.out());
        assertTrue(run.out().contains("  " + root.resolve("content/2024/flood.nl.md") + " → en   tolk translate "
                + root.resolve("content/2024/flood.nl.md") + " --to en\n"), run.out());
    }

    @Test
    void failsForCiOnlyWhenAsked() {
        Path root = TestSites.copy("translate-desk", tmp);
        NewCommandTest.Run missing = status(root, "--fail-on-missing");
        assertEquals(1, missing.code());
        assertEquals("tolk status: 1 missing translation (--fail-on-missing)\n", missing.err());

        NewCommandTest.Run both = status(root, "--fail-on-missing", "--fail-on-stale");
        assertEquals(1, both.code());
        assertEquals("tolk status: 1 missing translation (--fail-on-missing)\ntolk status: 1 stale translation (--fail-on-stale)\n", both.err());

        assertEquals(0, status(root, "--fail-on-missing", "--fail-on-stale", "--to", "nl").code(), "nothing into Dutch is missing or stale");
        assertEquals(2, status(root, "--to", "de").code());
    }

    @Test
    void editingAnOriginalMakesItsTranslationStaleUntilMarkedCurrent() throws Exception {
        Path root = TestSites.copy("translate-desk", tmp);
        Path original = root.resolve("content/2024/market/market.nl.md");
        Path translation = root.resolve("content/2024/market/market.en.md");
        // The translator finishes the draft of market.en.md ...
        TestSites.write(translation, """
                ---
                title: Market recovers
                date: 2024-05-10T10:00:00+02:00
                language: en
                topics: [economy]
                translator: John Smith
                source: {name: Testkrant, url: "https://example.org/nieuws/nl/2024/05/market/", language: nl}
                translatedFrom: sha256:886ff38207aedf70
                ---

                The stock exchange rose two percent today.
                """);
        // (and strike.en.md, stale in the fixture, is brought up to date too).
        Path strike = root.resolve("content/2024/strike/strike.en.md");
        NewCommandTest.Run marked = status(root, "--mark-current", translation.toString(), "content/2024/strike/strike.en.md");
        assertEquals(0, marked.code(), marked.err());
        assertEquals(translation + ": already current with " + original + " (sha256:886ff38207aedf70)\n"
                + strike + ": now current with " + root.resolve("content/2024/strike/strike.nl.md") + " (sha256:"
                + org.tolk.translate.ArticleText.of("Staking in de haven", "Havenarbeiders leggen het werk neer.\n\nDe staking duurt minstens drie dagen.").hash().substring(7)
                + ")\n", marked.out());
        assertEquals(0, status(root, "--fail-on-stale").code());

        // ... then the desk edits the original.
        Files.writeString(original, Files.readString(original, StandardCharsets.UTF_8)
                .replace("De beurs steeg vandaag met twee procent.", "De beurs steeg vandaag met drie procent.\n\nBeleggers zijn opgelucht."),
                StandardCharsets.UTF_8);
        NewCommandTest.Run stale = status(root, "--fail-on-stale");
        assertEquals(1, stale.code());
        assertTrue(stale.out().contains("  " + translation + "\n      original " + original + " changed just now ("), stale.out());
        assertTrue(stale.out().contains("): 2 of 2 paragraphs (100%)\n      when it is up to date: tolk status --mark-current "
                + translation + "\n"), stale.out());

        NewCommandTest.Run json = status(root, "--json");
        JsonNode tree = new ObjectMapper().readTree(json.out());
        JsonNode market = null;
        for (JsonNode t : tree.get("translations")) {
            if (t.get("path").asText().equals("content/2024/market/market.en.md")) {
                market = t;
            }
        }
        assertEquals("stale", market.get("state").asText());
        assertEquals("[0,1]", market.get("changes").get("changedParagraphs").toString());
        assertEquals(1, tree.get("pairs").get(0).get("stale").asInt());

        NewCommandTest.Run mark = status(root, "--mark-current", "content/2024/market/market.en.md");
        assertEquals(0, mark.code(), mark.err());
        assertTrue(mark.out().startsWith(translation + ": now current with " + original + " (sha256:"), mark.out());
        NewCommandTest.Run after = status(root, "--fail-on-stale", "--json");
        assertEquals(0, after.code(), after.err());
        assertEquals(0, new ObjectMapper().readTree(after.out()).get("total").get("stale").asInt());
    }

    @Test
    void markCurrentRefusesAnOriginal() {
        Path root = TestSites.copy("translate-desk", tmp);
        NewCommandTest.Run run = status(root, "--mark-current", root.resolve("content/2024/flood.nl.md").toString());
        assertEquals(2, run.code());
        assertEquals("tolk status: content/2024/flood.nl.md is the original of its story, not a translation"
                + " (the story has no other version)\n", run.err());
    }

    @Test
    void unreadableArticlesAreReportedAndLeftOut() {
        Path root = TestSites.copy("translate-desk", tmp);
        TestSites.write(root.resolve("content/2024/broken.nl.md"), "no front matter\n");
        NewCommandTest.Run run = status(root);
        assertEquals(0, run.code());
        assertEquals("content/2024/broken.nl.md:1:1: error: no front matter: an article starts with a line '---', then title,"
                + " date and language, then another '---'\n1 file could not be read and is left out of the status"
                + " ('tolk check' shows every problem)\n", run.err());
        assertTrue(run.out().contains("  total            6 "), run.out());
    }

    @Test
    void theSampleSite() throws Exception {
        Path sample = TestSites.sample(tmp);
        NewCommandTest.Run run = status(sample, "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode before = new ObjectMapper().readTree(run.out());
        int translated = before.get("total").get("translated").asInt();
        assertTrue(translated > 0, run.out());

        // Start tracking every translation, then edit one original: exactly its translation turns stale.
        NewCommandTest.Run marked = status(sample, "--mark-current", "content");
        assertEquals(0, marked.code(), marked.err());
        JsonNode tracked = new ObjectMapper().readTree(status(sample, "--json").out());
        assertEquals(0, tracked.get("total").get("untracked").asInt());
        assertEquals(0, tracked.get("total").get("stale").asInt());
        JsonNode first = tracked.get("translations").get(0);
        Path original = sample.resolve(first.get("original").asText());
        String text = Files.readString(original, StandardCharsets.UTF_8);
        Files.writeString(original, text.stripTrailing() + "\n\nA paragraph added by the desk.\n", StandardCharsets.UTF_8);

        NewCommandTest.Run stale = status(sample, "--fail-on-stale");
        assertEquals(1, stale.code());
        assertTrue(stale.out().contains("Stale (1)"), stale.out());
        assertTrue(stale.out().contains(sample.resolve(first.get("path").asText()).toString()), stale.out());
        assertEquals(0, status(sample, "--mark-current", first.get("path").asText()).code());
        assertEquals(0, status(sample, "--fail-on-stale").code());
    }

    @Test
    void help() {
        NewCommandTest.Run help = tolk("status", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tolk status "), help.out());
        assertTrue(help.out().contains("--fail-on-stale") && help.out().contains("--mark-current=PATH..."), help.out());
    }
}
