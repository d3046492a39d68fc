package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.build.BuildResult;
import org.tolk.content.Article;
import org.tolk.content.Source;

class TranslationFileTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheTranslationNextToTheOriginal() throws Exception {
        Path root = Desk.copy(tmp);
        SiteContent site = Desk.site(root);
        Article flood = Desk.article(site, "content/2024/flood.nl.md");
        Path file = TranslationFile.create(site, flood, "en", Optional.empty());
        assertEquals(root.resolve("content/2024/flood.en.md"), file);
        assertEquals("""
                ---
                title: Overstroming in het zuiden  # translate
                date: 2024-05-01T07:30:00+02:00
                language: en
                translator:                 # your name
                source:
                  name: Testkrant
                  url: "https://example.org/nieuws/nl/2024/05/flood/"
                  language: nl
                translatedFrom: %s  # the original's version ('tolk status')
                draft: true                 # delete this line to publish
                ---

                <!-- tolk:original Nederlands text of content/2024/flood.nl.md: replace it with the English translation, then delete this line and the closing marker. -->

                Het water staat in sommige dorpen een meter hoog.

                <!-- /tolk:original -->
                """.formatted(ArticleText.of(flood).hash()), Desk.text(file));
    }

    @Test
    void copiesWhatTheTranslationShares() throws Exception {
        Path root = Desk.copy(tmp);
        Files.delete(root.resolve("content/2024/budget/budget.en.md"));
        SiteContent site = Desk.site(root);
        Article budget = Desk.article(site, "content/2024/budget/budget.nl.md");
        TranslationFile.create(site, budget, "en", Optional.empty());

        Article translation = Desk.article(Desk.site(root), "content/2024/budget/budget.en.md");
        assertEquals(budget.translationKey(), translation.translationKey());
        assertEquals(budget.date(), translation.date());
        assertEquals(List.of("politics", "economy"), translation.topics());
        assertEquals(budget.summary(), translation.summary());
        assertEquals(List.of("Sara de Vries"), translation.authors());
        assertEquals(List.of(), translation.translators());
        assertEquals("chart.svg", translation.image());
        assertTrue(translation.draft());
        assertTrue(translation.updated().isEmpty(), "the translation has not been updated");
        assertEquals(Optional.of(new Source("Testkrant", "https://example.org/nieuws/nl/2024/02/budget/", "nl", Optional.empty())),
                translation.source());
        assertEquals(ArticleText.of(budget).hash(), translation.translatedFrom());
        assertTrue(Files.isRegularFile(root.resolve(".tolk/translations/" + ArticleText.hashDigits(translation.translatedFrom()).orElseThrow() + ".txt")));

        TranslationStatus.Translation status = Desk.site(root).status().translation(translation).orElseThrow();
        assertEquals(TranslationStatus.State.CURRENT, status.state());
        assertTrue(status.draft());
        assertTrue(status.unfinished());
    }

    @Test
    void theSiteBuildsWithTheDraftAndWithoutIt() throws Exception {
        Path root = Desk.copy(tmp);
        SiteContent site = Desk.site(root);
        TranslationFile.create(site, Desk.article(site, "content/2024/flood.nl.md"), "en", Optional.empty());
        BuildResult result = TestSites.build(root);
        assertFalse(result.failed(), result.problems().toString());
        assertFalse(Files.exists(root.resolve("site/en/2024/05/flood/index.html")), "a draft is not published");
        BuildResult withDrafts = org.tolk.build.Build.run(TestSites.options(root).withDrafts(true));
        assertFalse(withDrafts.failed(), withDrafts.problems().toString());
        assertTrue(Files.exists(root.resolve("site/en/2024/05/flood/index.html")));
    }

    @Test
    void anOwnSlugNamesTheFileAndKeepsTheStoryTogether() throws Exception {
        Path root = Desk.copy(tmp);
        SiteContent site = Desk.site(root);
        Path file = TranslationFile.create(site, Desk.article(site, "content/2024/flood.nl.md"), "en", Optional.of("flood-in-the-south"));
        assertEquals(root.resolve("content/2024/flood-in-the-south.en.md"), file);
        Article translation = Desk.article(Desk.site(root), "content/2024/flood-in-the-south.en.md");
        assertEquals("2024/flood", translation.translationKey());
        assertEquals("flood-in-the-south", translation.slug());
        assertEquals(0, Desk.fixedStatus(Desk.site(root)).total().missing());
    }

    @Test
    void anExplicitKeyAndSlugOfTheOriginalAreKept() throws Exception {
        Path root = Desk.copy(tmp);
        TestSites.write(root.resolve("content/2024/vrouw.nl.md"),
                "---\ntitle: Vrouw, leven, vrijheid\ndate: 2024-09-16\nlanguage: nl\ntranslationKey: woman-life-freedom\nslug: vrouw-leven-vrijheid\n---\nTekst.\n");
        SiteContent site = Desk.site(root);
        Path file = TranslationFile.create(site, Desk.article(site, "content/2024/vrouw.nl.md"), "en", Optional.empty());
        String text = Desk.text(file);
        assertTrue(text.contains("\ndate: 2024-09-16\nlanguage: en\ntranslationKey: woman-life-freedom\nslug: vrouw-leven-vrijheid\n"), text);
    }

    @Test
    void refusesToOverwriteOrDuplicate() throws Exception {
        Path root = Desk.copy(tmp);
        SiteContent site = Desk.site(root);
        Article strike = Desk.article(site, "content/2024/strike/strike.nl.md");
        String before = Desk.text(root.resolve("content/2024/strike/strike.en.md"));
        assertEquals("the English version of this story exists already: content/2024/strike/strike.en.md ('tolk status' tells whether it is stale)",
                assertThrows(RefusedException.class, () -> TranslationFile.create(site, strike, "en", Optional.empty())).getMessage());
        assertEquals(before, Desk.text(root.resolve("content/2024/strike/strike.en.md")));

        // A file of that name that is not part of the story (here: broken front matter) is not overwritten either.
        TestSites.write(root.resolve("content/2024/flood.en.md"), "not an article\n");
        SiteContent again = Desk.site(root);
        assertEquals("content/2024/flood.en.md exists already: Tolk does not overwrite it (if it is not a translation of"
                        + " content/2024/flood.nl.md, rename it or give --slug)",
                assertThrows(RefusedException.class, () -> TranslationFile.create(again, Desk.article(again, "content/2024/flood.nl.md"),
                        "en", Optional.empty())).getMessage());
        assertEquals("not an article\n", Desk.text(root.resolve("content/2024/flood.en.md")));
    }

    @Test
    void refusesWrongLanguagesAndSlugs() {
        Path root = Desk.copy(tmp);
        SiteContent site = Desk.site(root);
        Article flood = Desk.article(site, "content/2024/flood.nl.md");
        assertEquals("'eng' is not a language of this site: site.yaml has nl, en (did you mean 'en'?)",
                assertThrows(RefusedException.class, () -> TranslationFile.create(site, flood, "eng", Optional.empty())).getMessage());
        assertEquals("content/2024/flood.nl.md is in Nederlands already: translate it --to en",
                assertThrows(RefusedException.class, () -> TranslationFile.create(site, flood, "nl", Optional.empty())).getMessage());
        assertEquals("--slug 'Flood in the South' is not a valid slug: use letters, digits and '-', for example 'flood-in-the-south'",
                assertThrows(RefusedException.class, () -> TranslationFile.create(site, flood, "en", Optional.of("Flood in the South"))).getMessage());
    }
}
