package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkCurrentTest {
    @TempDir
    Path tmp;

    @Test
    void replacesTheFieldAndNothingElse() {
        String text = "---\ntitle: A   # comment stays\ntranslatedFrom: sha256:0000000000000000\ndraft: true\n---\nBody: translatedFrom: x\n";
        assertEquals("---\ntitle: A   # comment stays\ntranslatedFrom: sha256:1111111111111111\ndraft: true\n---\nBody: translatedFrom: x\n",
                MarkCurrent.withTranslatedFrom(text, "sha256:1111111111111111"));
    }

    @Test
    void addsTheFieldBeforeTheClosingFence() {
        assertEquals("---\ntitle: A\ntranslatedFrom: sha256:1111111111111111\n---\n\nBody.\n",
                MarkCurrent.withTranslatedFrom("---\ntitle: A\n---\n\nBody.\n", "sha256:1111111111111111"));
    }

    @Test
    void keepsWindowsLineEndings() {
        assertEquals("---\r\ntitle: A\r\ntranslatedFrom: sha256:1111111111111111\r\n---\r\nBody.\r\n",
                MarkCurrent.withTranslatedFrom("---\r\ntitle: A\r\n---\r\nBody.\r\n", "sha256:1111111111111111"));
    }

    @Test
    void replacesAValueWrittenOnSeveralLines() {
        assertEquals("---\ntranslatedFrom: sha256:1111111111111111\ntitle: A\n---\n",
                MarkCurrent.withTranslatedFrom("---\ntranslatedFrom: >\n  sha256:0000\n  0000\ntitle: A\n---\n", "sha256:1111111111111111"));
    }

    @Test
    void leavesANestedFieldOfTheSameNameAlone() {
        assertEquals("---\nextra:\n  translatedFrom: mine\ntranslatedFrom: sha256:1111111111111111\n---\n",
                MarkCurrent.withTranslatedFrom("---\nextra:\n  translatedFrom: mine\n---\n", "sha256:1111111111111111"));
    }

    @Test
    void startsTrackingAnUntrackedTranslation() throws Exception {
        Path root = Desk.copy(tmp);
        Path election = root.resolve("content/2024/election/election.nl.md");
        List<MarkCurrent.Marked> marked = MarkCurrent.mark(Desk.site(root), List.of(election));
        assertEquals(1, marked.size());
        assertTrue(marked.get(0).changed());
        assertEquals("content/2024/election/election.en.md", marked.get(0).original().sourcePath());
        String hash = ArticleText.of(Desk.article(Desk.site(root), "content/2024/election/election.en.md")).hash();
        assertEquals(hash, marked.get(0).hash());
        assertTrue(Desk.text(election).contains("translator: Marieke van Dijk\ntranslatedFrom: " + hash + "\n---\n"));
        assertTrue(Files.isRegularFile(root.resolve(".tolk/translations/" + hash.substring("sha256:".length()) + ".txt")));
    }

    @Test
    void aFolderMarksEveryTranslationInIt() throws Exception {
        Path root = Desk.copy(tmp);
        List<MarkCurrent.Marked> marked = MarkCurrent.mark(Desk.site(root), List.of(root.resolve("content/2024")));
        assertEquals(List.of("content/2024/budget/budget.en.md", "content/2024/election/election.nl.md",
                        "content/2024/market/market.en.md", "content/2024/strike/strike.en.md"),
                marked.stream().map(m -> m.translation().sourcePath()).toList());
        assertEquals(List.of(false, true, false, true), marked.stream().map(MarkCurrent.Marked::changed).toList());
        TranslationStatus status = Desk.fixedStatus(Desk.site(root));
        assertEquals(0, status.total().stale());
        assertEquals(1, status.total().untracked(), "only content/2023/parallel is left");
    }

    @Test
    void anAlreadyCurrentTranslationIsNotRewritten() throws Exception {
        Path root = Desk.copy(tmp);
        Path budget = root.resolve("content/2024/budget/budget.en.md");
        String before = Desk.text(budget);
        List<MarkCurrent.Marked> marked = MarkCurrent.mark(Desk.site(root), List.of(budget));
        assertFalse(marked.get(0).changed());
        assertEquals(before, Desk.text(budget));
    }

    @Test
    void refusesAnOriginalAndChangesNothing() {
        Path root = Desk.copy(tmp);
        Path strike = root.resolve("content/2024/strike/strike.en.md");
        String before = Desk.text(strike);
        RefusedException refused = assertThrows(RefusedException.class, () -> MarkCurrent.mark(Desk.site(root),
                List.of(strike, root.resolve("content/2024/strike/strike.nl.md"))));
        assertEquals("content/2024/strike/strike.nl.md is the original of its story, not a translation; mark its translation"
                + " instead: content/2024/strike/strike.en.md", refused.getMessage());
        assertEquals(before, Desk.text(strike), "nothing is marked when one path is refused");
    }

    @Test
    void refusesWhatIsNotATranslation() {
        Path root = Desk.copy(tmp);
        SiteContent site = Desk.site(root);
        assertEquals("content/2024/flood.nl.md is the original of its story, not a translation (the story has no other version)",
                assertThrows(RefusedException.class, () -> MarkCurrent.mark(site, List.of(root.resolve("content/2024/flood.nl.md")))).getMessage());
        assertEquals("content/2024/budget/chart.svg is not an article of the site (articles are .md files under content/)",
                assertThrows(RefusedException.class, () -> MarkCurrent.mark(site, List.of(root.resolve("content/2024/budget/chart.svg")))).getMessage());
        assertTrue(assertThrows(RefusedException.class, () -> MarkCurrent.mark(site, List.of(root.resolve("content/nope.md"))))
                .getMessage().endsWith("content/nope.md: no such file or folder"));
        org.tolk.TestSites.write(root.resolve("content/2022/solo.nl.md"), "---\ntitle: Solo\ndate: 2022-01-01\nlanguage: nl\n---\nTekst.\n");
        assertEquals("no translations in content/2022/: every article there is an original",
                assertThrows(RefusedException.class, () -> MarkCurrent.mark(Desk.site(root), List.of(root.resolve("content/2022")))).getMessage());
    }
}
