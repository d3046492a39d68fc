package org.tolk.serve;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Finds, among the rendered blocks of an original that the side-by-side page shows, those that hold the
 * paragraphs of its Markdown that changed since a translation was made.
 *
 * <p>The translation status names changed paragraphs of the Markdown (blocks between blank lines, see
 * {@link org.tolk.translate.ArticleText}); the page shows the top-level blocks of the rendered HTML. The two
 * mostly pair one to one, but not always: a list whose items are separated by blank lines is several
 * paragraphs and one block, and footnote definitions end up together at the bottom. So each paragraph is
 * rendered on its own and looked for, by its text, among the blocks, in document order: each paragraph is
 * searched from the block where the one before it was found, so that a short paragraph ("Update:") is
 * not matched with a block far ahead of its place. Every paragraph takes part in the walk, changed or
 * not, as an anchor. A paragraph found nowhere (its text differs in context, as with a footnote
 * reference) is not highlighted: the highlight is an aid, and the page says how many paragraphs changed.
 */
final class ChangedBlocks {
    /** A key shorter than this is matched only as a block's whole text, not as a part of one. */
    private static final int SHORTEST_PART = 12;

    private ChangedBlocks() {
    }

    /**
     * @param blocks     the rendered blocks, as HTML, in order ({@link TranslatorView#blocks})
     * @param paragraphs every Markdown paragraph of the same body rendered on its own, as HTML, in order
     * @param changed    indexes into {@code paragraphs} of those that changed
     * @return indexes into {@code blocks} of those that hold a changed paragraph
     */
    static Set<Integer> of(List<String> blocks, List<String> paragraphs, Set<Integer> changed) {
        List<Key> blockKeys = blocks.stream().map(ChangedBlocks::key).toList();
        Set<Integer> found = new TreeSet<>();
        int cursor = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            Key key = key(paragraphs.get(i));
            if (key.isEmpty()) {
                continue;   // renders to nothing on its own (a link reference definition): nothing to show
            }
            int at = find(blockKeys, key, cursor);
            if (at < 0) {
                continue;
            }
            cursor = at;
            if (changed.contains(i)) {
                found.add(at);
            }
        }
        return found;
    }

    private static int find(List<Key> blocks, Key key, int from) {
        for (int j = from; j < blocks.size(); j++) {
            if (blocks.get(j).holds(key)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * What identifies a piece of HTML: its text with whitespace collapsed, and its images and other
     * elements without text (for a paragraph that is only an image).
     */
    private record Key(String text, String media) {
        boolean isEmpty() {
            return text.isEmpty() && media.isEmpty();
        }

        boolean holds(Key part) {
            if (!part.text.isEmpty()) {
                return text.equals(part.text) || part.text.length() >= SHORTEST_PART && text.contains(part.text);
            }
            return !part.media.isEmpty() && media.contains(part.media);
        }
    }

    private static Key key(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder media = new StringBuilder();
        body.select("img, hr, iframe, video, audio").forEach(e -> media.append(e.outerHtml()));
        return new Key(body.text().strip(), media.toString());
    }
}
