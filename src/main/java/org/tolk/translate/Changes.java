package org.tolk.translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How an original changed between the version a translation was made from and its current version,
 * paragraph by paragraph.
 *
 * @param titleChanged      whether the title differs
 * @param paragraphs        paragraphs in the current version
 * @param previous          paragraphs in the version the translation was made from
 * @param changedParagraphs 0-based indexes of the current version's paragraphs that are new or edited
 *                          (what a side-by-side view highlights)
 * @param removed           paragraphs of the previous version that are gone
 */
public record Changes(boolean titleChanged, int paragraphs, int previous, List<Integer> changedParagraphs, int removed) {
    /** Above this many cells the exact alignment is skipped for a cheaper one (see {@link #align}). */
    private static final long MAX_TABLE = 4_000_000L;

    public Changes {
        changedParagraphs = List.copyOf(changedParagraphs);
    }

    /**
     * Paragraphs that differ: the larger of "new or edited" and "removed", so that editing one paragraph
     * counts once, not as one removed and one added.
     */
    public int changed() {
        return Math.max(changedParagraphs.size(), removed);
    }

    /** Of how many paragraphs {@link #changed()} is counted: the longer of the two versions. */
    public int outOf() {
        return Math.max(paragraphs, previous);
    }

    /** The share of paragraphs that differ, 0 to 1. */
    public double share() {
        return outOf() == 0 ? (titleChanged ? 1 : 0) : (double) changed() / outOf();
    }

    public boolean isEmpty() {
        return !titleChanged && changed() == 0;
    }

    static Changes between(ArticleText older, ArticleText newer) {
        boolean[] kept = align(older.paragraphs(), newer.paragraphs());
        List<Integer> changed = new ArrayList<>();
        int keptCount = 0;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                keptCount++;
            } else {
                changed.add(i);
            }
        }
        return new Changes(!older.title().equals(newer.title()), newer.paragraphs().size(), older.paragraphs().size(),
                changed, older.paragraphs().size() - keptCount);
    }

    /**
     * Which of {@code newer}'s paragraphs are kept from {@code older}: a longest common subsequence, so
     * that moving text around counts as a change but inserting a paragraph does not mark all that follow.
     * Common head and tail are matched first (an edit usually touches a few paragraphs in the middle);
     * a middle too large for the table is matched paragraph by paragraph, ignoring order.
     */
    private static boolean[] align(List<String> older, List<String> newer) {
        boolean[] kept = new boolean[newer.size()];
        int head = 0;
        while (head < older.size() && head < newer.size() && older.get(head).equals(newer.get(head))) {
            kept[head] = true;
            head++;
        }
        int tail = 0;
        while (tail < older.size() - head && tail < newer.size() - head
                && older.get(older.size() - 1 - tail).equals(newer.get(newer.size() - 1 - tail))) {
            kept[newer.size() - 1 - tail] = true;
            tail++;
        }
        List<String> a = older.subList(head, older.size() - tail);
        List<String> b = newer.subList(head, newer.size() - tail);
        if ((long) (a.size() + 1) * (b.size() + 1) > MAX_TABLE) {
            Map<String, Integer> available = new HashMap<>();
            a.forEach(p -> available.merge(p, 1, Integer::sum));
            for (int j = 0; j < b.size(); j++) {
                if (available.getOrDefault(b.get(j), 0) > 0) {
                    available.merge(b.get(j), -1, Integer::sum);
                    kept[head + j] = true;
                }
            }
            return kept;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                kept[head + j] = true;
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return kept;
    }
}
