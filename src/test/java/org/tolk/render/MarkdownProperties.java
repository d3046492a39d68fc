package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tolk.check.Problems;
import org.tolk.content.Article;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tolk's quicker ways through Flexmark (its scan for special characters, its text rendering with
 * placeholders) must not change a byte: every body comes out exactly as Flexmark alone renders it,
 * for random bodies made of Markdown's pieces and for every Markdown file of the sample and test sites.
 */
class MarkdownProperties {
    private static Markdown markdown;

    private static synchronized Markdown markdown() {
        if (markdown == null) {
            try {
                markdown = MarkdownTest.basicSiteMarkdown(Files.createTempDirectory("tolk-md"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return markdown;
    }

    private static void assertAsFlexmarkAlone(String language, String body) {
        Article article = MarkdownTest.article(language, body);
        assertEquals(markdown().renderWithFlexmarkAlone(article), markdown().render(article, new Problems()), body);
    }

    /** Pieces of news Markdown, with the characters where the quick ways could go wrong: escapes, entities, white space, NUL, CR. */
    private static final List<String> PIECES = List.of(
            "word", "Woord", "é", "ü", "—", "–", "“", "”", "‘", "’", "…", "«", "»", "متن", "فارسی", "😀", "\uFFFD",
            " ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "  \n", "\\\n", "\r\n", "\u0000", "\u0085", "\u2028", "\u2029",
            "*", "**", "_", "__", "`", "``", "~", "~~", "\\*", "\\\\", "\\", "&", "&amp;", "&copy;", "&#8212;", "&bogus;",
            "<", ">", "\"", "'", "--", "---", "...", "!", "[", "]", "(", ")", "|", "{", "}", "{.klasse}", "[^1]",
            "[link](https://example.org/a \"title\")", "[relative](../x/story.nl.md)", "![photo](photo.jpg)",
            "<span>", "</span>", "<b>x</b>", "<!-- note -->", "https://example.org/path", "www.example.org", "redactie@example.org",
            "\n# ", "\n## ", "\n### ", "\n- ", "\n* ", "\n+ ", "\n-", "\n+", "\n*", "\n1. ", "\n2) ", "\n> ", "\n    code", "\n```\ncode <x>\n```\n",
            "\n---\n", "\n| a | b |\n|---|---|\n| 1 | 2 |\n", "\n[^1]: note\n", "\n\n<div>\nblock\n</div>\n\n");

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.of(PIECES).list().ofMaxSize(60).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 1500)
    void randomBodiesComeOutAsFlexmarkAloneMakesThem(@ForAll("bodies") String body, @ForAll("languages") String language) {
        assertAsFlexmarkAlone(language, body);
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("en", "nl");
    }

    @Test
    void everyMarkdownFileOfTheSampleAndTestSitesComesOutAsFlexmarkAloneMakesIt() throws IOException {
        List<Path> files;
        try (Stream<Path> sample = Files.walk(Path.of("content")); Stream<Path> tests = Files.walk(Path.of("src/test/resources"))) {
            files = Stream.concat(sample, tests).filter(path -> path.toString().endsWith(".md")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
            String body = end < 0 ? text : text.substring(Math.min(text.length(), text.indexOf('\n', end + 1) + 1));
            assertAsFlexmarkAlone("en", body);
            compared++;
        }
        assertEquals(true, compared > 20, "Markdown files compared: " + compared);
    }
}
