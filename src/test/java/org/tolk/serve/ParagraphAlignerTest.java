package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tolk.serve.ParagraphAligner.Block;
import org.tolk.serve.ParagraphAligner.Row;

/** Pairing an original's blocks with its translation's, by length and kind. */
class ParagraphAlignerTest {

    private static Block p(int length) {
        return new Block("p", length);
    }

    private static Block h(int length) {
        return new Block("heading", length);
    }

    @Test
    void aFaithfulTranslationPairsBlockForBlock() {
        List<Row> rows = ParagraphAligner.align(List.of(h(40), p(300), p(120), p(500)), List.of(h(36), p(280), p(130), p(450)));
        assertEquals(List.of(new Row(0, 1, 0, 1), new Row(1, 2, 1, 2), new Row(2, 3, 2, 3), new Row(3, 4, 3, 4)), rows);
    }

    @Test
    void aParagraphLeftOutOfTheTranslationIsARowWithAnEmptySide() {
        List<Row> rows = ParagraphAligner.align(List.of(p(300), p(420), p(150), p(500)), List.of(p(310), p(160), p(480)));
        assertEquals(List.of(new Row(0, 1, 0, 1), new Row(1, 2, 1, 1), new Row(2, 3, 1, 2), new Row(3, 4, 2, 3)), rows);
        assertTrue(rows.get(1).unmatched());
    }

    @Test
    void twoParagraphsMergedIntoOneArePairedTogether() {
        List<Row> rows = ParagraphAligner.align(List.of(p(200), p(250), p(240), p(400)), List.of(p(210), p(500), p(390)));
        assertEquals(List.of(new Row(0, 1, 0, 1), new Row(1, 3, 1, 2), new Row(3, 4, 2, 3)), rows);
    }

    @Test
    void headingsAnchorTheAlignmentWhereLengthsAloneWouldNot() {
        // Without kinds, the 60-character heading would pair with the 60-character paragraph.
        List<Row> rows = ParagraphAligner.align(List.of(p(60), h(60), p(300)), List.of(h(58), p(310)));
        assertEquals(List.of(new Row(0, 1, 0, 0), new Row(1, 2, 0, 1), new Row(2, 3, 1, 2)), rows);
    }

    @Test
    void aMissingTranslationLeavesEveryRowWithoutCounterpart() {
        List<Row> rows = ParagraphAligner.align(List.of(p(100), p(200)), List.of());
        assertEquals(List.of(new Row(0, 1, 0, 0), new Row(1, 2, 0, 0)), rows);
        assertEquals(List.of(), ParagraphAligner.align(List.of(), List.of()));
    }

    @Test
    void theNormalDistributionIsAccurate() {
        assertEquals(0.5, ParagraphAligner.normal(0), 1e-6);
        assertEquals(0.975, ParagraphAligner.normal(1.959964), 1e-6);
        assertEquals(0.025, ParagraphAligner.normal(-1.959964), 1e-6);
    }
}
