package org.tolk.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.check.Problem;
import org.tolk.check.Problems;
import org.tolk.config.ConfigLoader;
import org.tolk.config.SiteConfig;

class ArticleReaderTest {
    static SiteConfig config;

    @BeforeAll
    static void loadConfig(@TempDir Path dir) {
        config = ConfigLoader.load(TestSites.copy("basic", dir), new Problems()).orElseThrow();
    }

    private record Read(Optional<Article> article, List<String> problems) {
    }

    private static Read read(String path, String text) {
        Problems problems = new Problems();
        Optional<Article> article = new ArticleReader(config).read("content/" + path, path, text, problems);
        return new Read(article, problems.sorted().stream().map(Problem::toString).toList());
    }

    @Test
    void readsFrontMatterAndBody() {
        Read read = read("2017/telegram/telegram.nl.md", """
                ---
                title: "CEO van “Telegram”: wij geven niets"
                date: 2017-07-25T01:03:00+02:00
                language: nl
                topics: [politics, economy]
                author: [Sara de Vries, Ali Rezaei]
                translator: John Smith
                source: {name: IranWire, url: https://iranwire.com/x, language: fa, published: 2017-07-24}
                summary: Een samenvatting.
                ---
                Eerste alinea.
                """);
        assertEquals(List.of(), read.problems());
        Article article = read.article().orElseThrow();
        assertEquals("CEO van “Telegram”: wij geven niets", article.title());
        assertEquals(ZonedDateTime.parse("2017-07-25T01:03+02:00[Europe/Amsterdam]"), article.date());
        assertEquals(List.of("politics", "economy"), article.topics());
        assertEquals(List.of("Sara de Vries", "Ali Rezaei"), article.authors());
        assertEquals(List.of("John Smith"), article.translators());
        assertEquals("IranWire", article.source().orElseThrow().name());
        assertEquals("fa", article.source().orElseThrow().language());
        assertEquals("2017/telegram/telegram", article.translationKey());
        assertEquals("telegram", article.slug());
        assertEquals("Eerste alinea.\n", article.body());
        assertEquals(11, article.bodyLine());
    }

    @Test
    void aDateWithoutOffsetIsInTheSiteTimeZone() {
        Article article = read("a.en.md", "---\ntitle: A\ndate: 2021-05-02T09:30:00\nlanguage: en\n---\n").article().orElseThrow();
        assertEquals(ZonedDateTime.parse("2021-05-02T09:30+02:00[Europe/Amsterdam]"), article.date());
        Article day = read("b.en.md", "---\ntitle: B\ndate: 2021-01-02\nlanguage: en\n---\n").article().orElseThrow();
        assertEquals(ZonedDateTime.parse("2021-01-02T00:00+01:00[Europe/Amsterdam]"), day.date());
    }

    @Test
    void reportsEveryMistakeOfAFileWithPositions() {
        Read read = read("x/bad.nl.md", """
                ---
                titel: Typo
                date: 2017-02-30
                language: en
                topics: [politcs]
                draft: maybe
                slug: ../../etc
                ---
                Body.
                """);
        assertTrue(read.article().isEmpty());
        assertEquals(List.of(
                "content/x/bad.nl.md:2:1: error: missing 'title' in front matter",
                "content/x/bad.nl.md:2:1: error: unknown front-matter field 'titel' (did you mean 'title'?)",
                "content/x/bad.nl.md:3:7: error: date '2017-02-30' does not exist (Invalid date 'FEBRUARY 30')",
                "content/x/bad.nl.md:4:11: error: language is 'en' but the file name says 'nl': rename the file or correct the language",
                "content/x/bad.nl.md:5:9: warning: unknown topic 'politcs': add it to 'topics' in site.yaml (did you mean 'politics'?); the article is not listed under it",
                "content/x/bad.nl.md:6:8: error: 'draft' must be true or false, found 'maybe'",
                "content/x/bad.nl.md:7:7: error: slug '../../etc' must be one URL segment of letters, digits, '-', '_' or '.' (no '/', '..' or reserved names); for example 'etc'"),
                read.problems());
    }

    @Test
    void unknownLanguageSuggestsTheClosest() {
        assertEquals(List.of("content/a.md:4:11: error: unknown language 'nk': site.yaml defines nl, en (did you mean 'nl'?)"),
                read("a.md", "---\ntitle: A\ndate: 2020-01-01\nlanguage: nk\n---\n").problems());
    }

    @Test
    void emptyAndMissingRequiredFields() {
        assertEquals(List.of(
                        "content/a.md:2:1: error: missing 'language' in front matter (one of: nl, en)",
                        "content/a.md:2:8: error: 'title' is empty",
                        "content/a.md:3:7: error: 'date' must be a single value, found a list"),
                read("a.md", "---\ntitle: \"\"\ndate: [2020-01-01]\n---\n").problems());
    }

    @Test
    void missingFrontMatter() {
        assertEquals(List.of("content/a.md:1:1: error: no front matter: an article starts with a line '---', then title, date and language, then another '---'"),
                read("a.md", "# Just markdown\n").problems());
        assertEquals(List.of("content/a.md:1:1: error: front matter is not closed: add a line '---' after it"),
                read("a.md", "---\ntitle: A\n").problems());
    }

    @Test
    void invalidYamlIsReportedAtTheFileLine() {
        List<String> problems = read("a.md", "---\ntitle: A\ndate: 2020-01-01\nlanguage: [nl\n---\n").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("content/a.md:5:1: error: invalid YAML"), problems.get(0));
    }

    @Test
    void billionLaughsIsAnErrorNotAHang() {
        String yaml = "---\ntitle: A\ndate: 2020-01-01\nlanguage: nl\nextra:\n  a: &a [x, x, x, x, x, x, x, x, x]\n"
                + "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n";
        Read read = read("a.nl.md", yaml);
        assertTrue(read.article().isEmpty());
        assertTrue(read.problems().get(0).contains("error: invalid YAML"), read.problems().toString());
    }

    @Test
    void aPublishedTranslationThatStillHoldsTheOriginalIsAWarning() {
        String text = "---\ntitle: A\ndate: 2020-01-01\nlanguage: en\n---\n\n<!-- tolk:original Dutch text -->\nTekst.\n<!-- /tolk:original -->\n";
        assertEquals(List.of("content/a.en.md:7:1: warning: this published article still holds the original's text that 'tolk translate'"
                        + " left to be replaced: translate it and remove the tolk:original markers, or mark the article draft: true"),
                read("a.en.md", text).problems());
        assertEquals(List.of(), read("a.en.md", text.replace("language: en", "language: en\ndraft: true")).problems());
    }

    @Test
    void slugsFromFileNamesAreFolded() {
        Article article = read("2024/Café Noir.nl.md", "---\ntitle: A\ndate: 2020-01-01\nlanguage: nl\n---\n").article().orElseThrow();
        assertEquals("cafe-noir", article.slug());
        assertEquals("2024/Café Noir", article.translationKey());
    }
}
