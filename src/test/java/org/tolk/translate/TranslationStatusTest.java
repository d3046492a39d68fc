package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.check.Problem;
import org.tolk.translate.TranslationStatus.Pair;
import org.tolk.translate.TranslationStatus.State;
import org.tolk.translate.TranslationStatus.Translation;

class TranslationStatusTest {
    @TempDir
    Path tmp;

    @Test
    void countsEveryLanguagePair() {
        TranslationStatus status = Desk.fixedStatus(Desk.site(Desk.copy(tmp)));
        assertEquals(List.of(new Pair("nl", "en", 3, 1, 1, 1, 1), new Pair("en", "nl", 1, 0, 1, 0, 0)), status.pairs());
        Pair total = status.total();
        assertEquals(6, total.stories());
        assertEquals(4, total.translated());
        assertEquals(4.0 / 6, total.coverage(), 1e-9);
        assertEquals(0.6, status.pairs().get(0).coverage(), 1e-9);
    }

    @Test
    void eachTranslationHasAState() {
        TranslationStatus status = Desk.fixedStatus(Desk.site(Desk.copy(tmp)));
        assertEquals(List.of(
                        "content/2023/parallel/parallel.en.md untracked from content/2023/parallel/parallel.nl.md",
                        "content/2024/budget/budget.en.md current from content/2024/budget/budget.nl.md",
                        "content/2024/election/election.nl.md untracked from content/2024/election/election.en.md",
                        "content/2024/market/market.en.md current from content/2024/market/market.nl.md draft unfinished",
                        "content/2024/strike/strike.en.md stale from content/2024/strike/strike.nl.md"),
                status.translations().stream().map(t -> t.article().sourcePath() + " " + t.state().label() + " from "
                        + t.original().sourcePath() + (t.draft() ? " draft" : "") + (t.unfinished() ? " unfinished" : "")).toList());
    }

    @Test
    void theOriginalIsTheVersionThatIsNotATranslation() {
        SiteContent site = Desk.site(Desk.copy(tmp));
        TranslationStatus status = Desk.fixedStatus(site);
        // Written by the desk itself in English, translated into Dutch.
        assertEquals("content/2024/election/election.en.md",
                status.story(Desk.article(site, "content/2024/election/election.nl.md")).orElseThrow().original().sourcePath());
        // Both versions translate an outside source: the earliest, then the default language's, leads.
        assertEquals("content/2023/parallel/parallel.nl.md",
                status.story(Desk.article(site, "content/2023/parallel/parallel.en.md")).orElseThrow().original().sourcePath());
        assertTrue(status.translation(Desk.article(site, "content/2024/budget/budget.nl.md")).isEmpty());
    }

    @Test
    void missingVersionsNewestFirstAndNotForDraftOriginals() {
        TranslationStatus status = Desk.fixedStatus(Desk.site(Desk.copy(tmp)));
        assertEquals(List.of("content/2024/flood.nl.md → en"),
                status.missing().stream().map(m -> m.original().sourcePath() + " → " + m.language()).toList());
    }

    @Test
    void staleSinceTheOriginalsUpdatedDateElseItsFileTime() throws Exception {
        Path root = Desk.copy(tmp);
        SiteContent site = Desk.site(root);
        Translation strike = Desk.fixedStatus(site).stale().get(0);
        assertEquals(Optional.of(Desk.MODIFIED), strike.originalChanged());
        assertEquals(Optional.empty(), strike.changes(), "no snapshot of the version it was made from");

        Desk.edit(root.resolve("content/2024/budget/budget.nl.md"), "gepresenteerd", "voorgesteld");
        TranslationStatus status = Desk.fixedStatus(Desk.site(root));
        Translation budget = status.stale().get(0);
        assertEquals("content/2024/budget/budget.en.md", budget.article().sourcePath());
        assertEquals(Optional.of(ZonedDateTime.parse("2024-03-02T00:00+01:00[Europe/Amsterdam]").toInstant()), budget.originalChanged());
        assertEquals(List.of("content/2024/budget/budget.en.md", "content/2024/strike/strike.en.md"),
                status.stale().stream().map(t -> t.article().sourcePath()).toList(), "longest stale first");
    }

    @Test
    void anUpdatedDateOlderThanTheTranslationIsNotBelieved() throws Exception {
        Path root = Desk.copy(tmp);
        SiteContent site = Desk.site(root);
        // The translation was marked current now, after the original's 'updated: 2024-03-02' ...
        MarkCurrent.mark(site, List.of(root.resolve("content/2024/budget/budget.en.md")));
        // ... and then the original was edited without changing 'updated'.
        Desk.edit(root.resolve("content/2024/budget/budget.nl.md"), "Het kabinet heeft dinsdag", "Het kabinet heeft woensdag");
        SiteContent edited = Desk.site(root);
        Translation budget = edited.status().translation(Desk.article(edited, "content/2024/budget/budget.en.md")).orElseThrow();
        assertEquals(State.STALE, budget.state());
        assertEquals(Optional.of(Files.getLastModifiedTime(root.resolve("content/2024/budget/budget.nl.md")).toInstant()),
                budget.originalChanged());
        Changes changes = budget.changes().orElseThrow();
        assertEquals(List.of(0), changes.changedParagraphs());
        assertEquals(3, changes.outOf());
    }

    @Test
    void editingAnOriginalMakesItsTranslationStaleAndMarkingMakesItCurrent() throws Exception {
        Path root = Desk.copy(tmp);
        Path original = root.resolve("content/2024/budget/budget.nl.md");
        Path translation = root.resolve("content/2024/budget/budget.en.md");
        MarkCurrent.mark(Desk.site(root), List.of(translation));
        assertEquals(State.CURRENT, stateOf(root, translation));

        Desk.edit(original, "title: Kabinet presenteert begroting", "title: Kabinet presenteert nieuwe begroting");
        Desk.edit(original, "De grootste bezuinigingen vallen in de zorg en het onderwijs.",
                "De grootste bezuinigingen vallen in de zorg.\n\nHet onderwijs blijft gespaard.");
        SiteContent site = Desk.site(root);
        Translation stale = site.status().translation(Desk.article(site, "content/2024/budget/budget.en.md")).orElseThrow();
        assertEquals(State.STALE, stale.state());
        Changes changes = stale.changes().orElseThrow();
        assertTrue(changes.titleChanged());
        assertEquals(List.of(1, 2), changes.changedParagraphs());
        assertEquals(2, changes.changed());
        assertEquals(4, changes.outOf());
        assertEquals(List.of("De grootste bezuinigingen vallen in de zorg.", "Het onderwijs blijft gespaard."),
                stale.changedOriginalParagraphs());

        List<MarkCurrent.Marked> marked = MarkCurrent.mark(site, List.of(translation));
        assertTrue(marked.get(0).changed());
        assertEquals(State.CURRENT, stateOf(root, translation));
        Desk.edit(original, "Het onderwijs blijft gespaard.", "Het onderwijs blijft gespaard.   \r\n\r\n\r\n");
        assertEquals(State.CURRENT, stateOf(root, translation), "trailing whitespace and blank lines are not a new version");
    }

    private static State stateOf(Path root, Path translation) {
        SiteContent site = Desk.site(root);
        return site.status().translation(site.article(translation).orElseThrow()).orElseThrow().state();
    }

    @Test
    void aTranslationIsComparedWithTheVersionItsSourceNames() {
        Path root = tmp.resolve("three");
        TestSites.write(root.resolve("site.yaml"), """
                title: Three
                baseURL: https://example.org/
                languages:
                  nl: {name: Nederlands}
                  en: {name: English}
                  fa: {name: فارسی, direction: rtl}
                """);
        String nl = "---\ntitle: Origineel\ndate: 2024-01-01\nlanguage: nl\n---\nTekst.\n";
        String en = "---\ntitle: Original\ndate: 2024-01-01\nlanguage: en\ntranslator: A\ntranslatedFrom: "
                + ArticleText.of("Origineel", "Tekst.").hash() + "\n---\nText.\n";
        // Translated from the English version, named by its URL.
        String fa = "---\ntitle: اصل\ndate: 2024-01-01\nlanguage: fa\ntranslator: B\nsource: {name: Three, url: \"https://example.org/en/2024/01/story/\", language: en}\n"
                + "translatedFrom: " + ArticleText.of("Original", "Text.").hash() + "\n---\nمتن.\n";
        TestSites.write(root.resolve("content/story.nl.md"), nl);
        TestSites.write(root.resolve("content/story.en.md"), en);
        TestSites.write(root.resolve("content/story.fa.md"), fa);
        SiteContent site = Desk.site(root);
        TranslationStatus status = Desk.fixedStatus(site);
        Translation persian = status.translation(Desk.article(site, "content/story.fa.md")).orElseThrow();
        assertEquals("content/story.en.md", persian.original().sourcePath());
        assertEquals(State.CURRENT, persian.state());
        assertEquals(List.of(new Pair("nl", "en", 1, 0, 0, 0, 0), new Pair("en", "fa", 1, 0, 0, 0, 0)), status.pairs());

        // A change to the Dutch original leaves the Persian translation of the English one current.
        TestSites.write(root.resolve("content/story.nl.md"), nl.replace("Tekst.", "Nieuwe tekst."));
        TranslationStatus after = Desk.fixedStatus(Desk.site(root));
        assertEquals(List.of(new Pair("nl", "en", 1, 1, 0, 0, 0), new Pair("en", "fa", 1, 0, 0, 0, 0)), after.pairs());
    }

    @Test
    void aMalformedHashIsStaleWithAHint() {
        Path root = Desk.copy(tmp);
        Desk.edit(root.resolve("content/2024/budget/budget.en.md"), "translatedFrom: sha256:3e417335829cf456", "translatedFrom: yesterday");
        TranslationStatus status = Desk.fixedStatus(Desk.site(root));
        assertEquals(2, status.total().stale());
        assertEquals(List.of("content/2024/budget/budget.en.md:14:17: warning: translatedFrom 'yesterday' is not a content hash"
                        + " written by Tolk (sha256: and 16 hex digits), so the translation counts as stale; once it matches the"
                        + " original, run: tolk status --mark-current content/2024/budget/budget.en.md"),
                status.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aSecondVersionInOneLanguageIsLeftOutWithAWarning() {
        Path root = Desk.copy(tmp);
        TestSites.write(root.resolve("content/2024/flood-copy.nl.md"),
                "---\ntitle: Kopie\ndate: 2024-05-01\nlanguage: nl\ntranslationKey: 2024/flood\n---\nTekst.\n");
        TranslationStatus status = Desk.fixedStatus(Desk.site(root));
        assertEquals(1, status.problems().size());
        assertTrue(status.problems().get(0).toString().startsWith("content/2024/flood.nl.md:4:11: warning: a second 'nl' version"
                + " of story '2024/flood' (the first is content/2024/flood-copy.nl.md)"), status.problems().get(0).toString());
        assertEquals(1, status.total().missing());
    }

    @Test
    void urlsMatchWhateverTheirSpelling() {
        assertTrue(TranslationStatus.sameUrl("https://example.org/nl/2024/a/", "http://EXAMPLE.org/nl/2024/a"));
        assertTrue(TranslationStatus.sameUrl("https://example.org/fa/%D8%AE%D8%A8%D8%B1/", "https://example.org/fa/خبر/"));
        assertFalse(TranslationStatus.sameUrl("https://example.org/nl/2024/a/", "https://example.org/nl/2024/b/"));
        assertFalse(TranslationStatus.sameUrl("not a url", "https://example.org/"));
    }

    @Test
    void nothingToCountOnAOneLanguageSite() {
        Path root = tmp.resolve("one");
        TestSites.write(root.resolve("site.yaml"), "title: One\nbaseURL: https://example.org/\nlanguages: {sv: {name: Svenska}}\n");
        TestSites.write(root.resolve("content/a.md"), "---\ntitle: A\ndate: 2024-01-01\nlanguage: sv\n---\nText.\n");
        TranslationStatus status = Desk.fixedStatus(Desk.site(root));
        assertEquals(List.of(), status.pairs());
        assertEquals(1.0, status.total().coverage());
    }
}
