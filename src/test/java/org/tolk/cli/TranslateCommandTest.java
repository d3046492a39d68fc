package org.tolk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;

class TranslateCommandTest {
    @TempDir
    Path tmp;

    private static NewCommandTest.Run tolk(String... args) {
        return NewCommandTest.tolk(args);
    }

    @Test
    void writesTheTranslationAndPrintsItsPath() throws Exception {
        Path root = TestSites.copy("translate-desk", tmp);
        NewCommandTest.Run run = tolk("translate", root.resolve("content/2024/flood.nl.md").toString(), "--to", "en");
        assertEquals(0, run.code(), run.err());
        Path file = root.resolve("content/2024/flood.en.md");
        assertEquals(file + "\n", run.out());
        assertEquals("Replace the text between the markers with the translation, fill in 'translator', and delete 'draft: true'"
                + " when it is ready.\n", run.err());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\nlanguage: en\n") && text.contains("\ndraft: true ") && text.contains("<!-- /tolk:original -->"), text);
    }

    @Test
    void aPathInTheSiteWorksFromAnywhereWithSource() {
        Path root = TestSites.copy("translate-desk", tmp);
        NewCommandTest.Run run = tolk("translate", "content/2024/flood.nl.md", "--to", "en", "--slug", "flood-in-the-south",
                "--source", root.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(root.resolve("content/2024/flood-in-the-south.en.md") + "\n", run.out());
    }

    @Test
    void refusals() {
        Path root = TestSites.copy("translate-desk", tmp);
        String strike = root.resolve("content/2024/strike/strike.nl.md").toString();
        NewCommandTest.Run exists = tolk("translate", strike, "--to", "en");
        assertEquals(1, exists.code());
        assertEquals("tolk translate: the English version of this story exists already: content/2024/strike/strike.en.md"
                + " ('tolk status' tells whether it is stale)\n", exists.err());
        assertEquals("", exists.out());

        NewCommandTest.Run language = tolk("translate", strike, "--to", "de");
        assertEquals(1, language.code());
        assertEquals("tolk translate: 'de' is not a language of this site: site.yaml has nl, en\n", language.err());

        NewCommandTest.Run image = tolk("translate", root.resolve("content/2024/budget/chart.svg").toString(), "--to", "en");
        assertEquals(1, image.code());
        assertTrue(image.err().startsWith("tolk translate: " + root.resolve("content/2024/budget/chart.svg") + " is not an article:"
                + " articles are .md files under "), image.err());

        NewCommandTest.Run missing = tolk("translate", root.resolve("content/2024/nope.nl.md").toString(), "--to", "en");
        assertEquals(1, missing.code());
        assertEquals("tolk translate: " + root.resolve("content/2024/nope.nl.md") + ": no such file\n", missing.err());

        NewCommandTest.Run noLanguage = tolk("translate", strike);
        assertEquals(2, noLanguage.code());
        assertTrue(noLanguage.err().startsWith("Missing required option: '--to=LANG'"), noLanguage.err());
    }

    @Test
    void aBrokenOriginalIsReportedWithItsProblems() {
        Path root = TestSites.copy("translate-desk", tmp);
        Path broken = root.resolve("content/2024/broken.nl.md");
        TestSites.write(broken, "---\ntitle: Kapot\ndate: 2024-02-30\nlanguage: nl\n---\nTekst.\n");
        NewCommandTest.Run run = tolk("translate", broken.toString(), "--to", "en");
        assertEquals(1, run.code());
        assertEquals("tolk translate: " + broken + " cannot be read as an article; fix it first:\n"
                + "content/2024/broken.nl.md:3:7: error: date '2024-02-30' does not exist (Invalid date 'FEBRUARY 30')\n", run.err());
        assertFalse(Files.exists(root.resolve("content/2024/broken.en.md")));
    }

    @Test
    void help() {
        NewCommandTest.Run help = tolk("translate", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tolk translate [-hV] [-s=DIR] [--slug=SLUG] --to=LANG PATH"), help.out());
        assertTrue(help.out().contains("Exit codes:"), help.out());
    }
}
