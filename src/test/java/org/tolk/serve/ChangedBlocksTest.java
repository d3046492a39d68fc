package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Placing the Markdown paragraphs that changed among the rendered blocks that the side-by-side page shows. */
class ChangedBlocksTest {

    @Test
    void paragraphsThatAreBlocksOneToOneMarkTheirBlock() {
        List<String> html = List.of("<p>The strike lasts three days.</p>", "<h2 id=\"why\">Why</h2>", "<p>Employers refuse the demands.</p>");
        assertEquals(Set.of(1, 2), ChangedBlocks.of(html, html, Set.of(1, 2)));
    }

    @Test
    void anItemOfAListWithBlankLinesBetweenItsItemsMarksTheWholeList() {
        List<String> blocks = List.of("<p>The main points of the agreement:</p>",
                "<ul>\n<li><p>wages rise by seven percent</p></li>\n<li><p>no forced redundancies</p></li>\n<li><p>a new pension scheme</p></li>\n</ul>",
                "<p>The unions will vote on Friday.</p>");
        List<String> paragraphs = List.of("<p>The main points of the agreement:</p>", "<ul>\n<li>wages rise by seven percent</li>\n</ul>",
                "<ul>\n<li>no forced redundancies</li>\n</ul>", "<ul>\n<li>a new pension scheme</li>\n</ul>", "<p>The unions will vote on Friday.</p>");
        assertEquals(Set.of(1), ChangedBlocks.of(blocks, paragraphs, Set.of(2)));
    }

    @Test
    void anImageAloneInItsParagraphIsFoundByTheImage() {
        List<String> html = List.of("<p>Before the photo.</p>", "<p><img src=\"/2024/a/harbour.jpg\" alt=\"\"></p>", "<p>After the photo.</p>");
        assertEquals(Set.of(1), ChangedBlocks.of(html, html, Set.of(1)));
    }

    @Test
    void aShortParagraphIsNotTakenForPartOfALongerBlock() {
        List<String> html = List.of("<p>Update: the minister has resigned, her office says.</p>", "<p>Update</p>");
        assertEquals(Set.of(1), ChangedBlocks.of(html, html, Set.of(1)));
    }

    @Test
    void repeatedTextIsPlacedInDocumentOrder() {
        List<String> html = List.of("<p>— a spokesperson for the union</p>", "<p>The talks resume on Monday.</p>",
                "<p>— a spokesperson for the union</p>");
        assertEquals(Set.of(2), ChangedBlocks.of(html, html, Set.of(2)));
    }

    @Test
    void aParagraphThatRendersDifferentlyOnItsOwnIsLeftOutWithoutDisturbingTheOthers() {
        // A footnote reference renders as a number in the article and as text on its own.
        List<String> blocks = List.of("<p>The figure comes from the ministry<sup id=\"fnref-1\"><a href=\"#fn-1\">1</a></sup>.</p>",
                "<p>Employers refuse the demands.</p>", "<div class=\"footnotes\"><ol><li><p>Annual report 2023.</p></li></ol></div>");
        List<String> paragraphs = List.of("<p>The figure comes from the ministry[^1].</p>", "<p>Employers refuse the demands.</p>", "");
        assertEquals(Set.of(1), ChangedBlocks.of(blocks, paragraphs, Set.of(0, 1, 2)));
    }
}
