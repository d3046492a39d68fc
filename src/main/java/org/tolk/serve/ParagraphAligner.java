package org.tolk.serve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pairs the blocks (paragraphs, headings, lists, quotes) of an original with those of its translation, so
 * that the translator's view can show them side by side even when the translation left a paragraph out,
 * added one, or merged or split two.
 *
 * <p>The method is Gale and Church's length-based alignment ("A program for aligning sentences in bilingual
 * corpora", Computational Linguistics 19(1), 1993), applied to blocks instead of sentences: a translated
 * block's length is roughly proportional to its original's, so the cost of pairing two runs of blocks is
 * how improbable their length difference is, plus how rare that kind of pairing is (1–1 is common, leaving
 * a block out is rare). Dynamic programming finds the cheapest pairing of the whole article. On top of
 * lengths, pairing blocks of different kinds (a heading with a paragraph) is penalised, which anchors the
 * alignment at headings.
 *
 * <p>Two departures from the paper, both for translations that leave something out. Leaving a block out
 * costs the same whatever its length (the paper's length term makes a long omitted paragraph so costly
 * that it is rather paired with the wrong one). And the length ratio between the languages is not taken
 * from the totals, which an omission skews, but chosen, among ratios around the totals' ratio, as the one
 * that gives the cheapest alignment.
 */
final class ParagraphAligner {
    /** A block to align: its kind ({@code p}, {@code heading}, {@code list}, …) and its length in characters. */
    record Block(String kind, int length) {
    }

    /**
     * One row of the side-by-side view: original blocks {@code [leftFrom, leftTo)} beside translated blocks
     * {@code [rightFrom, rightTo)}. A row with an empty side is a block without counterpart.
     */
    record Row(int leftFrom, int leftTo, int rightFrom, int rightTo) {
        boolean unmatched() {
            return leftFrom == leftTo || rightFrom == rightTo;
        }
    }

    // Gale & Church's variance of the length ratio. How often each kind of pairing occurs is set for
    // paragraphs of news translations rather than for the paper's sentences: a translator merges two
    // paragraphs about as rarely as leaving one out, so neither may be much cheaper than the other.
    private static final double VARIANCE = 6.8;
    private static final double ONE_ONE = -Math.log(0.89);
    private static final double ONE_NONE = -Math.log(0.01);
    private static final double TWO_ONE = -Math.log(0.02);
    private static final double KIND_MISMATCH = 6.0;

    private ParagraphAligner() {
    }

    static List<Row> align(List<Block> left, List<Block> right) {
        double totals = ratio(left, right);
        Alignment best = null;
        for (double factor = 0.6; factor <= 1.7; factor += 0.05) {
            Alignment candidate = align(left, right, totals * factor);
            if (best == null || candidate.cost() < best.cost() - 1e-9) {
                best = candidate;
            }
        }
        return best.rows();
    }

    private record Alignment(List<Row> rows, double cost) {
    }

    private static Alignment align(List<Block> left, List<Block> right, double ratio) {
        int n = left.size();
        int m = right.size();
        double[][] cost = new double[n + 1][m + 1];
        int[][] move = new int[n + 1][m + 1];   // how many left and right blocks the last row took: 10*left + right
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) continue;
                consider(cost, move, i, j, 1, 1, left, right, ratio, ONE_ONE);
                consider(cost, move, i, j, 1, 0, left, right, ratio, ONE_NONE);
                consider(cost, move, i, j, 0, 1, left, right, ratio, ONE_NONE);
                consider(cost, move, i, j, 2, 1, left, right, ratio, TWO_ONE);
                consider(cost, move, i, j, 1, 2, left, right, ratio, TWO_ONE);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            int a = move[i][j] / 10;
            int b = move[i][j] % 10;
            rows.add(new Row(i - a, i, j - b, j));
            i -= a;
            j -= b;
        }
        Collections.reverse(rows);
        return new Alignment(rows, cost[n][m]);
    }

    private static void consider(double[][] cost, int[][] move, int i, int j, int a, int b, List<Block> left,
                                 List<Block> right, double ratio, double prior) {
        if (i < a || j < b || cost[i - a][j - b] == Double.POSITIVE_INFINITY) {
            return;
        }
        int leftLength = 0;
        int rightLength = 0;
        String leftKind = null;
        String rightKind = null;
        boolean mixed = false;
        for (int k = i - a; k < i; k++) {
            leftLength += left.get(k).length();
            mixed |= leftKind != null && !leftKind.equals(left.get(k).kind());
            leftKind = left.get(k).kind();
        }
        for (int k = j - b; k < j; k++) {
            rightLength += right.get(k).length();
            mixed |= rightKind != null && !rightKind.equals(right.get(k).kind());
            rightKind = right.get(k).kind();
        }
        double c = prior + (a == 0 || b == 0 ? 0 : lengthCost(leftLength, rightLength, ratio));
        if (mixed || (leftKind != null && rightKind != null && !leftKind.equals(rightKind))) {
            c += KIND_MISMATCH;
        }
        double total = cost[i - a][j - b] + c;
        if (total < cost[i][j]) {
            cost[i][j] = total;
            move[i][j] = 10 * a + b;
        }
    }

    /** How many characters of translation one character of the original becomes, over the whole article. */
    private static double ratio(List<Block> left, List<Block> right) {
        double l = left.stream().mapToInt(Block::length).sum();
        double r = right.stream().mapToInt(Block::length).sum();
        return l == 0 || r == 0 ? 1 : r / l;
    }

    /** -log of the probability that a block of {@code l} characters is translated into {@code r} characters. */
    static double lengthCost(int l, int r, double ratio) {
        double mean = (l + r / ratio) / 2;
        if (mean == 0) {
            return 0;
        }
        double delta = (r - l * ratio) / Math.sqrt(mean * VARIANCE);
        double p = 2 * (1 - normal(Math.abs(delta)));
        return -Math.log(Math.max(p, 1e-12));
    }

    /** The standard normal distribution function, by Abramowitz and Stegun's formula 26.2.17 (error below 7.5e-8). */
    static double normal(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double d = 0.3989423 * Math.exp(-x * x / 2);
        double p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
        return x >= 0 ? 1 - p : p;
    }
}
