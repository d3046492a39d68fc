package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.check.Problems;
import org.tolk.config.Language;
import org.tolk.content.Article;
import org.tolk.content.Body;
import org.tolk.site.Site;

/**
 * Bodies rendered as Flexmark renders them: the scan for special characters reads a body's characters
 * from an array and a table; these pin what comes out for the characters and blocks where that could differ.
 */
class MarkdownTest {
    static Markdown markdown;

    @BeforeAll
    static void site(@TempDir Path dir) {
        markdown = basicSiteMarkdown(dir);
    }

    /** Markdown as the "basic" test site, copied into {@code dir}, renders it. */
    static Markdown basicSiteMarkdown(Path dir) {
        Site site = MemoryBuild.site(TestSites.copy("basic", dir));
        Map<String, Strings> strings = new LinkedHashMap<>();
        for (Language language : site.config().languages()) {
            strings.put(language.key(), Strings.load(language, site.config().templatesDir(), new Problems()));
        }
        return new Markdown(site, strings);
    }

    /** An article of the "basic" test site in {@code language}, content/a.LANG.md, with {@code body}. */
    static Article article(String language, String body) {
        return new Article("content/a." + language + ".md", "a." + language + ".md", language, "A",
                ZonedDateTime.parse("2020-01-01T00:00Z"), Optional.empty(), List.of(), "a", "a", "", List.of(), List.of(),
                Optional.empty(), false, "", "", Map.of(), Body.of(body), 5, Map.of());
    }

    private static String render(String body) {
        return markdown.render(article("en", body), new Problems());
    }

    static final List<String> BODIES = List.of(
            "Plain text, “quoted” and 'single' -- dashes... done.\n",
            "A NUL \u0000 in text, and a written \uFFFD.\n",
            "Line one\nline two *emphasis* and __strong__\nline three `code` end.\n",
            "> A quote\n> over *two* lines\n\n- a list\n  continued [link](https://example.org/x)\n- two\n",
            "Specials: \\* & &amp; < > \" ! [ ] ` ~ | { } @ www. example: a@b.c\n",
            "Non-ASCII after specials: *é* _ü_ «x» ‘y’ — متن *فارسی*\n",
            "Hard  \nbreak and\\\nbackslash break.\n",
            "# Heading\n\nText with <span>inline html</span> and <!-- comment -->.\n",
            "Footnote[^1] and ~~strike~~ and {.attr}\n\n[^1]: The note.\n",
            "| a | b |\n|---|---|\n| 1 | *2* |\n",
            "\u0000*\u0000*\u0000\n",
            "Emoji 😀 *around* 😀.\n");

    /** What {@link #BODIES} rendered to with Flexmark's own scan, reading the body's String through its sequences. */
    static final List<String> EXPECTED = List.of(
            "<p>Plain text, “quoted” and ‘single’ &ndash; dashes&hellip; done.</p>\n",
            "<p>A NUL \uFFFD in text, and a written \uFFFD.</p>\n",
            "<p>Line one\nline two <em>emphasis</em> and <strong>strong</strong>\nline three <code>code</code> end.</p>\n",
            "<blockquote>\n<p>A quote\nover <em>two</em> lines</p>\n</blockquote>\n<ul>\n<li>a list\ncontinued <a href=\"https://example.org/x\">link</a></li>\n<li>two</li>\n</ul>\n",
            "<p>Specials: * &amp; &amp; &lt; &gt; &quot; ! [ ] ` ~ | { } @ www. example: <a href=\"mailto:a@b.c\">a@b.c</a></p>\n",
            "<p>Non-ASCII after specials: <em>é</em> <em>ü</em> «x» ‘y’ — متن <em>فارسی</em></p>\n",
            "<p>Hard<br />\nbreak and<br />\nbackslash break.</p>\n",
            "<h2 id=\"heading\">Heading</h2>\n<p>Text with <span>inline html</span> and <!-- comment -->.</p>\n",
            "<p class=\"attr\">Footnote<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup> and <del>strike</del> and</p>\n<div class=\"footnotes\">\n<hr />\n<ol>\n<li id=\"fn-1\">\n<p>The note.</p>\n<a href=\"#fnref-1\" class=\"footnote-backref\">&#8617;</a>\n</li>\n</ol>\n</div>\n",
            "<table>\n<thead>\n<tr><th>a</th><th>b</th></tr>\n</thead>\n<tbody>\n<tr><td>1</td><td><em>2</em></td></tr>\n</tbody>\n</table>\n",
            "<p>\uFFFD<em>\uFFFD</em>\uFFFD</p>\n",
            "<p>Emoji 😀 <em>around</em> 😀.</p>\n");

    @Test
    void specialCharactersNulAndBlocksComeOutAsFlexmarkMakesThem() {
        assertEquals(EXPECTED.size(), BODIES.size());
        for (int i = 0; i < BODIES.size(); i++) {
            assertEquals(EXPECTED.get(i), render(BODIES.get(i)), BODIES.get(i));
        }
    }

    /** Bare addresses are linked wherever they are, however long their parts; addresses already links are left alone. */
    @Test
    void bareAddressesAreLinked() {
        assertEquals("<p>Schrijf naar <a href=\"mailto:redactie@example.org\">redactie@example.org</a>.</p>\n",
                render("Schrijf naar redactie@example.org."));
        assertEquals("<p>Mail <a href=\"mailto:a@b.c\">a@b.c</a></p>\n", render("Mail a@b.c"));
        assertEquals("<p>Zie <a href=\"https://nieuws.example.org/een/lang/pad\">https://nieuws.example.org/een/lang/pad</a></p>\n",
                render("Zie https://nieuws.example.org/een/lang/pad"));
        assertEquals("<p>Zie <a href=\"http://www.voorbeeldnieuwsdienst.nl\">www.voorbeeldnieuwsdienst.nl</a></p>\n",
                render("Zie www.voorbeeldnieuwsdienst.nl"));
        assertEquals("<p>Geen adres: 3 @ 4 en @redactie.</p>\n", render("Geen adres: 3 @ 4 en @redactie."));
    }
}
