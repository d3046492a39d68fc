package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ChangesTest {
    private static ArticleText text(String title, String... paragraphs) {
        return ArticleText.of(title, String.join("\n\n", paragraphs));
    }

    @Test
    void anEditedParagraphIsOneChange() {
        Changes changes = text("T", "a", "B", "c", "d").changesSince(text("T", "a", "b", "c", "d"));
        assertEquals(List.of(1), changes.changedParagraphs());
        assertEquals(1, changes.removed());
        assertEquals(1, changes.changed());
        assertEquals(4, changes.outOf());
        assertEquals(0.25, changes.share());
        assertFalse(changes.titleChanged());
    }

    @Test
    void anInsertedParagraphDoesNotMarkTheOnesAfterIt() {
        Changes changes = text("T", "a", "new", "b", "c").changesSince(text("T", "a", "b", "c"));
        assertEquals(List.of(1), changes.changedParagraphs());
        assertEquals(0, changes.removed());
        assertEquals(1, changes.changed());
        assertEquals(4, changes.outOf());
    }

    @Test
    void aRemovedParagraphCountsThoughNoCurrentOneChanged() {
        Changes changes = text("T", "a", "c").changesSince(text("T", "a", "b", "c"));
        assertEquals(List.of(), changes.changedParagraphs());
        assertEquals(1, changes.removed());
        assertEquals(1, changes.changed());
        assertEquals(3, changes.outOf());
        assertFalse(changes.isEmpty());
    }

    @Test
    void aNewTitleAlone() {
        Changes changes = text("New", "a").changesSince(text("Old", "a"));
        assertTrue(changes.titleChanged());
        assertEquals(0, changes.changed());
        assertEquals(0.0, changes.share());
    }

    @Test
    void movedParagraphsAreChanges() {
        Changes changes = text("T", "b", "a").changesSince(text("T", "a", "b"));
        assertEquals(1, changes.changed());
    }

    @Test
    void aRewriteChangesEverything() {
        Changes changes = text("T", "x", "y").changesSince(text("T", "a", "b", "c"));
        assertEquals(List.of(0, 1), changes.changedParagraphs());
        assertEquals(3, changes.changed());
        assertEquals(1.0, changes.share());
    }

    @Test
    void longTextsAreComparedToo() {
        List<String> old = IntStream.range(0, 3000).mapToObj(i -> "paragraph " + i).toList();
        List<String> edited = IntStream.range(0, 3000).mapToObj(i -> i % 2 == 0 ? "paragraph " + i : "edited " + i)
                .collect(Collectors.toList());
        Changes changes = text("T", edited.toArray(String[]::new)).changesSince(text("T", old.toArray(String[]::new)));
        assertEquals(1500, changes.changed());
        assertEquals(0.5, changes.share());
    }
}
