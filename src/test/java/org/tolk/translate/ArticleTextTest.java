package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void theHashIsPinned() {
        // translatedFrom values in every site depend on this exact form: changing the canonical text
        // or the digest would make every translation in every site stale at once.
        ArticleText text = ArticleText.of("Staking in de haven", "Havenarbeiders leggen het werk neer.\n\nDe staking duurt drie dagen.\n");
        assertEquals("Staking in de haven\n\nHavenarbeiders leggen het werk neer.\n\nDe staking duurt drie dagen.\n", text.canonical());
        assertEquals("sha256:9a97069a113c0db6", text.hash());
    }

    @Test
    void lineEndingsTrailingWhitespaceAndBlankLinesDoNotChangeTheVersion() {
        String hash = ArticleText.of("Title", "One\ntwo.\n\nThree.\n").hash();
        assertEquals(hash, ArticleText.of("Title", "One\r\ntwo.\r\n\r\nThree.\r\n").hash());
        assertEquals(hash, ArticleText.of("Title  ", "\n\nOne   \ntwo.\t\n\n\n\n   \nThree.").hash());
        assertEquals(hash, ArticleText.of(" Title", "One\ntwo.\n\nThree.\n\n\n").hash());
    }

    @Test
    void composedAndDecomposedAccentsAreTheSameText() {
        assertEquals(ArticleText.of("Caf\u00e9", "Cr\u00e8me.").hash(), ArticleText.of("Cafe\u0301", "Cre\u0300me.").hash());
    }

    @Test
    void titleAndBodyChangesAreNewVersions() {
        ArticleText text = ArticleText.of("Title", "One.\n\nTwo.");
        assertNotEquals(text.hash(), ArticleText.of("Title!", "One.\n\nTwo.").hash());
        assertNotEquals(text.hash(), ArticleText.of("Title", "One.\n\nTwo!").hash());
        // Joining two paragraphs is a change of text, not of layout.
        assertNotEquals(text.hash(), ArticleText.of("Title", "One.\nTwo.").hash());
        // Indentation is meaning in Markdown (code, nested lists).
        assertNotEquals(ArticleText.of("T", "- a\n  - b").hash(), ArticleText.of("T", "- a\n- b").hash());
    }

    @Test
    void aTitleOnSeveralLinesIsOneLine() {
        assertEquals("A long title", ArticleText.of("A long\n  title", "").title());
    }

    @Test
    void paragraphsAreBlocksBetweenBlankLines() {
        assertEquals(List.of("# Heading", "First line\nsecond line", "> quote"),
                ArticleText.of("T", "# Heading\n\nFirst line\nsecond line  \n\n\n> quote\n").paragraphs());
    }

    @Test
    void theCanonicalFormReadsBack() {
        ArticleText text = ArticleText.of("Titel", "Een.\n\n```\ncode\n```\n\nTwee.");
        assertEquals(text, ArticleText.parse(text.canonical()));
        assertEquals(ArticleText.of("Only a title", ""), ArticleText.parse(ArticleText.of("Only a title", "").canonical()));
    }

    @Test
    void recognisesHashesAsWritten() {
        assertTrue(ArticleText.isHash("sha256:0123456789abcdef"));
        assertTrue(ArticleText.isHash(" sha256:0123456789abcdef "));
        assertFalse(ArticleText.isHash("sha256:0123456789ABCDEF"));
        assertFalse(ArticleText.isHash("sha256:../../etc/pass"));
        assertFalse(ArticleText.isHash("0123456789abcdef"));
        assertEquals("0123456789abcdef", ArticleText.hashDigits("sha256:0123456789abcdef").orElseThrow());
    }
}
