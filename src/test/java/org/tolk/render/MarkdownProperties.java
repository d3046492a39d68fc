package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.check.Problems;
import org.tolk.content.Article;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tolk's quicker ways through Flexmark (its scan for special characters, its text rendering with
 * placeholders) and around it ({@link PlainMarkdown}) must not change a byte: every body comes out exactly
 * as Flexmark alone renders it, for random bodies made of Markdown's pieces, random bodies of the plain
 * shape and its near misses, every Markdown file of the sample and test sites, and a generated corpus.
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

    /** Renders {@code body} both ways and compares the HTML, the paths looked up and the problems reported. */
    private static void assertAsFlexmarkAlone(String language, String body) {
        Article article = MarkdownTest.article(language, body);
        Problems expectedProblems = new Problems();
        Markdown.Rendered expected = markdown().renderWithFlexmarkAlone(article, expectedProblems);
        Problems problems = new Problems();
        Markdown.Rendered rendered = markdown().renderTracked(article, problems);
        assertEquals(expected.html(), rendered.html(), body);
        assertEquals(expected.lookups(), rendered.lookups(), body);
        assertEquals(expectedProblems.sorted(), problems.sorted(), body);
    }

    /**
     * Bodies that a review found {@link PlainMarkdown} rendering unlike Flexmark (or reporting their links
     * unlike it): each of them failed this test before it was mended.
     */
    @Test
    void bodiesThatOnceCameOutUnlikeFlexmarkNowComeOutAsItMakesThem() {
        for (String body : List.of(
                "[a](missing.md) and [b](missing.md)\n",           // one problem per URL, at its first link
                "[a](b) [c](d) [e](b)\n",
                "a <span data-src=\"a/story.en.md\">x</span>\n",   // raw HTML URLs are resolved wherever the pattern finds them
                "a <span x-href=\"/x\">x</span>\n",
                "a <abbr title=\"see href='missing.md'\">x</abbr>\n",
                "[a](javascript:alert)\n",                         // Flexmark renders the text of a javascript: link alone
                "a [b](javascript:x) c\n",
                "[ a](c)\n", "[a ](c)\n", "[ ](c)\n", "[*a* ](c)\n", "[ **a**](c)\n",  // Flexmark trims link text
                "a <b title=\"\r\">c</b>\n",                      // a line break inside a tag
                "a <b title=\"x\u000By\">c</b>\n",
                "*a [b* *c](u) d*\n")) {                           // emphasis closes within the link it opened in
            assertAsFlexmarkAlone("en", body);
            assertAsFlexmarkAlone("nl", body);
        }
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

    /** Whether Tolk renders {@code body} without Flexmark. */
    private static boolean plain(String body) {
        return PlainMarkdown.render(body, body.toCharArray(), true, (url, offset) -> url) != null;
    }

    private static final List<String> WORDS = List.of("word", "Woord", "déjà-vu", "coöperation", "2017", "a", "I", "متن", "فارسی",
            "“quoted”", "‘single’", "—", "–", "(aside)", "end.", "why?", "so!", "list:", "semi;", "x,", "50%", "a+b", "a=b", "#tag",
            "e-mail", "U.N.", "café");
    /** Words that a delimiter beside them makes ambiguous, or that start something at a line's start. */
    private static final List<String> RARE_WORDS = List.of("#tag", "@name", "😀", "non\u00A0breaking", "\u0301accent", "1.", "+1", "=", "x\u00A0");
    private static final List<String> NEAR_MISSES = List.of("'", "\"", "...", ". . .", "--", "***", "_w_", "`c`", "&amp;", "\\*",
            "<b>", "a*b", " * ", "![x](y)", "[x]", "[x][y]", "[x](y \"t\")", "<http://x.org>", "<!-- c -->", "<a href=\"x\">", "~~s~~",
            "{.c}", "|", "\t", "  ", "\r", "*", "**", "[", "]", ">", "<", "&", "\u2028", "\u0000", "x\\", "*x **y* z**", "**x *y** z*");
    private static final List<String> URLS = List.of("/en/2017/07/story/", "https://example.org/a/b", "../x/story.nl.md", "a.nl.md",
            "#frag", "/nl/ë/", "?q=1", "a_b*c", "https://example.org/a?b=c+d&e=f", "mailto:x@example.org", "b%20c.jpg");

    /** A random body of the plain shape: paragraphs, headings, lists and quotes; now and then a near miss. */
    private static String plainShaped(java.util.Random random) {
        StringBuilder body = new StringBuilder();
        int blocks = 1 + random.nextInt(4);
        for (int b = 0; b < blocks; b++) {
            if (b > 0) {
                body.append(random.nextInt(12) == 0 ? "\n" : "\n\n");
            }
            switch (random.nextInt(6)) {
                case 0 -> body.append("#".repeat(1 + random.nextInt(random.nextInt(8) == 0 ? 7 : 3))).append(random.nextInt(15) == 0 ? "" : " ")
                        .append(inline(random, 1 + random.nextInt(4), true));
                case 1 -> {
                    int items = 1 + random.nextInt(4);
                    for (int i = 0; i < items; i++) {
                        body.append(i == 0 ? "" : random.nextInt(15) == 0 ? "\n\n" : "\n")
                                .append(random.nextInt(20) == 0 ? "* " : "- ").append(inline(random, 1 + random.nextInt(6), false));
                    }
                }
                case 2 -> {
                    int lines = 1 + random.nextInt(4);
                    for (int i = 0; i < lines; i++) {
                        body.append(i == 0 ? "" : "\n").append(switch (random.nextInt(6)) {
                            case 0 -> ">";
                            case 1 -> "> - " + inline(random, 3, false);
                            default -> "> " + inline(random, 1 + random.nextInt(8), false);
                        });
                    }
                }
                default -> {
                    int lines = 1 + random.nextInt(3);
                    for (int i = 0; i < lines; i++) {
                        body.append(i == 0 ? "" : "\n").append(inline(random, 1 + random.nextInt(8), false));
                    }
                }
            }
        }
        if (random.nextInt(4) != 0) {
            body.append('\n');
        }
        return body.toString();
    }

    private static String inline(java.util.Random random, int words, boolean heading) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(random.nextInt(30) == 0 ? "\n" : " ");
            }
            String word = random.nextInt(25) == 0 ? RARE_WORDS.get(random.nextInt(RARE_WORDS.size())) : WORDS.get(random.nextInt(WORDS.size()));
            int kind = heading ? random.nextInt(30) == 0 ? 9 : 0 : random.nextInt(16);
            text.append(switch (kind) {
                case 1 -> "*" + word + "*";
                case 2 -> "**" + word + " " + WORDS.get(random.nextInt(WORDS.size())) + "**";
                case 3 -> "[" + word + (random.nextInt(3) == 0 ? " *" + word + "*" : "") + "](" + URLS.get(random.nextInt(URLS.size())) + ")";
                case 4 -> random.nextBoolean() ? "<abbr title=\"" + word + " Union\">" + word + "</abbr>" : "<span class=\"x\" data-n=\"1\">" + word + "</span>";
                case 5 -> "**" + word + " *" + word + "* " + word + "**";
                case 6 -> random.nextInt(3) == 0 ? "*[" + word + "](/en/x/)*" : "(see: [" + word + "](/en/x/))";
                case 7 -> switch (random.nextInt(6)) {   // runs of three asterisks, opening and closing
                    case 0 -> "***" + word + "***";
                    case 1 -> "**" + word + " *" + word + "***";
                    case 2 -> "*" + word + " **" + word + "***";
                    case 3 -> "***" + word + "* " + word + "**";
                    case 4 -> "***" + word + "** " + word + "*";
                    default -> "***" + word + "** " + word + "**";
                };
                case 9 -> NEAR_MISSES.get(random.nextInt(NEAR_MISSES.size()));
                default -> random.nextInt(80) == 0 ? NEAR_MISSES.get(random.nextInt(NEAR_MISSES.size())) : word;
            });
        }
        return text.toString();
    }

    @Test
    void randomBodiesOfThePlainShapeComeOutAsFlexmarkAloneMakesThem() {
        java.util.Random random = new java.util.Random(20261129);
        int rendered = 0;
        int bodies = 6000;
        for (int i = 0; i < bodies; i++) {
            String body = plainShaped(random);
            assertAsFlexmarkAlone(i % 2 == 0 ? "en" : "nl", body);
            rendered += plain(body) ? 1 : 0;
        }
        // Both ways are taken often: the comparison tests the plain way, and its refusals.
        assertEquals(true, rendered > bodies / 10 && rendered < bodies * 9 / 10, "bodies rendered without Flexmark: " + rendered + " of " + bodies);
    }

    /** The benchmark's corpus generator writes what news articles are like: nearly all of them are of the plain shape. */
    @Test
    void aGeneratedCorpusComesOutAsFlexmarkAloneMakesIt(@TempDir Path temp) throws Exception {
        Path generator = Path.of("").toAbsolutePath().getParent().resolve("shared/bench/gen_corpus.py");
        Assumptions.assumeTrue(Files.isRegularFile(generator), "no corpus generator at " + generator);
        Process generate = new ProcessBuilder("python3", generator.toString(), "--stories", "300", "--out", temp.resolve("corpus").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("gen.log").toFile()).start();
        assertEquals(0, generate.waitFor(), () -> readQuietly(temp.resolve("gen.log")));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(temp.resolve("corpus/content"))) {
            files = walk.filter(path -> path.toString().endsWith(".md")).sorted().toList();
        }
        int rendered = 0;
        for (Path file : files) {
            String body = bodyOf(file);
            assertAsFlexmarkAlone(file.getFileName().toString().endsWith(".nl.md") ? "nl" : "en", body);
            rendered += plain(body) ? 1 : 0;
        }
        assertEquals(600, files.size());
        assertEquals(true, rendered > files.size() * 9 / 10, "articles rendered without Flexmark: " + rendered + " of " + files.size());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String bodyOf(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        int end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
        return end < 0 ? text : text.substring(Math.min(text.length(), text.indexOf('\n', end + 1) + 1));
    }

    @Test
    void everyMarkdownFileOfTheSampleAndTestSitesComesOutAsFlexmarkAloneMakesIt() throws IOException {
        List<Path> files;
        try (Stream<Path> sample = Files.walk(Path.of("content")); Stream<Path> tests = Files.walk(Path.of("src/test/resources"))) {
            files = Stream.concat(sample, tests).filter(path -> path.toString().endsWith(".md")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            assertAsFlexmarkAlone("en", bodyOf(file));
            compared++;
        }
        assertEquals(true, compared > 20, "Markdown files compared: " + compared);
    }
}
