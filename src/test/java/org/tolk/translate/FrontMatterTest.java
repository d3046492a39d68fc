package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tolk.check.Problems;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.content.ArticleReader;

class FrontMatterTest {
    private static SiteConfig config;

    @BeforeAll
    static void loadConfig(@TempDir Path tmp) {
        config = Desk.site(Desk.copy(tmp)).config();
    }

    @Test
    void quotesOnlyWhatYamlNeeds() {
        assertEquals("Staking in de haven", FrontMatter.quote("Staking in de haven"));
        assertEquals("Café’s, “quotes” and (brackets)", FrontMatter.quote("Café’s, “quotes” and (brackets)"));
        assertEquals("\"CEO: \\\"we give nothing\\\"\"", FrontMatter.quote("CEO: \"we give nothing\""));
        assertEquals("\"no\"", FrontMatter.quote("no"));
        assertEquals("\"2024\"", FrontMatter.quote("2024"));
        assertEquals("\"#1 story\"", FrontMatter.quote("#1 story"));
        assertEquals("\"\"", FrontMatter.quote(""));
        assertEquals("\"two\\nlines\"", FrontMatter.quote("two\nlines"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CEO: \"we give nothing\"", "no", "null", "~", "- dash", "[list]", "{map}", "#hash", "a # comment",
            "trailing ", "back\\slash", "tab\there", "'single'", "* star", "& anchor", "! tag", "% percent", "@at", "`tick`",
            "وزیر: «نه»", "1.5", "0x1F", "yes", "Ünïcödé ✓", "emoji 🎉", "a\u2028b"})
    void whatItWritesReadsBackAsWritten(String title) {
        String text = new FrontMatter().field("title", title).date("date", ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Amsterdam")))
                .raw("language", "nl", null).list("topics", List.of("politics"), false).list("author", List.of(title, "B, C"), true)
                .field("summary", title, "a comment").end();
        Article article = read(text);
        assertEquals(title.strip(), article.title());
        assertEquals(title.strip(), article.summary());
        assertEquals(List.of(title, "B, C"), article.authors());
    }

    @Test
    void datesAtMidnightAreWrittenAsDays() {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        assertEquals("2024-03-02", FrontMatter.format(ZonedDateTime.of(2024, 3, 2, 0, 0, 0, 0, zone)));
        assertEquals("2024-03-02T09:30:00+01:00", FrontMatter.format(ZonedDateTime.of(2024, 3, 2, 9, 30, 0, 0, zone)));
        assertEquals("2024-07-02T09:30:00+02:00", FrontMatter.format(ZonedDateTime.of(2024, 7, 2, 9, 30, 0, 0, zone)));
    }

    @Test
    void blankFieldsReadAsAbsent() {
        Article article = read(new FrontMatter().field("title", "T").raw("date", "2024-01-01", null).raw("language", "nl", null)
                .blank("translator", "your name").blank("summary", "later").comment("source: {name: x}").end());
        assertEquals(List.of(), article.translators());
        assertEquals("", article.summary());
    }

    private static Article read(String text) {
        Problems problems = new Problems();
        return new ArticleReader(config).read("content/a.nl.md", "a.nl.md", text + "Body.\n", problems)
                .orElseThrow(() -> new AssertionError(problems.sorted() + "\n" + text));
    }
}
