package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;

class NewArticleTest {
    /** 23:30 in UTC on New Year's Eve is already the next year in Amsterdam: the site's zone decides. */
    private static final Instant NEW_YEAR = Instant.parse("2024-12-31T23:30:00Z");

    @TempDir
    Path tmp;

    @Test
    void writesCompleteFrontMatterInTheSitesTimeZone() throws Exception {
        Path root = Desk.copy(tmp);
        SiteConfig config = Desk.site(root).config();
        Path file = NewArticle.create(config, new NewArticle.Request("Café in Teheran: prijzen stijgen", "nl",
                List.of("economy"), Optional.empty(), NEW_YEAR));
        assertEquals(root.resolve("content/2025/cafe-in-teheran-prijzen-stijgen.nl.md"), file);
        assertEquals("""
                ---
                title: "Café in Teheran: prijzen stijgen"
                date: 2025-01-01T00:30:00+01:00
                language: nl
                topics: [economy]
                summary:                    # one or two sentences for listings and feeds
                author:                     # your name; several: [Name, Name]
                draft: true                 # delete this line to publish
                # When the article translates another publication's story:
                # translator: Your Name
                # source: {name: The Publication, url: "https://…", language: fa}
                ---

                """, Desk.text(file));
        Article article = Desk.article(Desk.site(root), "content/2025/cafe-in-teheran-prijzen-stijgen.nl.md");
        assertEquals("Café in Teheran: prijzen stijgen", article.title());
        assertEquals(NEW_YEAR, article.date().toInstant());
        assertEquals("cafe-in-teheran-prijzen-stijgen", article.slug());
        assertEquals(List.of(), article.authors());
        assertTrue(article.draft());
    }

    @Test
    void refusesToOverwrite() throws Exception {
        SiteConfig config = Desk.site(Desk.copy(tmp)).config();
        NewArticle.Request request = new NewArticle.Request("Twice", "en", List.of(), Optional.empty(), NEW_YEAR);
        Path file = NewArticle.create(config, request);
        TestSites.write(file, "mine\n");
        assertEquals("content/2025/twice.en.md exists already: Tolk does not overwrite it (choose another title, or a slug with --slug)",
                assertThrows(RefusedException.class, () -> NewArticle.create(config, request)).getMessage());
        assertEquals("mine\n", Desk.text(file));
    }

    @Test
    void refusesToJoinAnotherStoryByAccident() throws Exception {
        Path root = Desk.copy(tmp);
        SiteConfig config = Desk.site(root).config();
        TestSites.write(root.resolve("content/2025/rial.en.md"), "---\ntitle: Rial\ndate: 2025-01-01\nlanguage: en\n---\n");
        assertEquals("content/2025/rial.en.md exists: a new rial.nl.md beside it would become its translation. To translate it, run:"
                        + " tolk translate content/2025/rial.en.md --to nl; for a story of its own, choose another --slug",
                assertThrows(RefusedException.class, () -> NewArticle.create(config,
                        new NewArticle.Request("Rial", "nl", List.of(), Optional.empty(), NEW_YEAR))).getMessage());
        Path own = NewArticle.create(config, new NewArticle.Request("Rial", "nl", List.of(), Optional.of("rial-valt"), NEW_YEAR));
        assertEquals(root.resolve("content/2025/rial-valt.nl.md"), own);
    }

    @Test
    void refusesUnknownLanguagesTopicsAndBadSlugs() {
        SiteConfig config = Desk.site(Desk.copy(tmp)).config();
        assertEquals("'nk' is not a language of this site: site.yaml has nl, en (did you mean 'nl'?)", refusal(config,
                new NewArticle.Request("T", "nk", List.of(), Optional.empty(), NEW_YEAR)));
        assertEquals("unknown topic 'economie': site.yaml defines politics, economy (did you mean 'economy'?)", refusal(config,
                new NewArticle.Request("T", "nl", List.of("economie"), Optional.empty(), NEW_YEAR)));
        assertEquals("--slug '../etc' is not a valid slug: use letters, digits and '-', for example 'etc'", refusal(config,
                new NewArticle.Request("T", "nl", List.of(), Optional.of("../etc"), NEW_YEAR)));
        assertEquals("the title gives the slug 'con', which cannot be a URL: choose one with --slug", refusal(config,
                new NewArticle.Request("Con", "nl", List.of(), Optional.empty(), NEW_YEAR)));
        assertTrue(refusal(config, new NewArticle.Request("  ", "nl", List.of(), Optional.empty(), NEW_YEAR)).startsWith("the title is empty"));
    }

    @Test
    void lettersOfOtherScriptsStayInTheSlug() throws Exception {
        Path root = tmp.resolve("fa");
        TestSites.write(root.resolve("site.yaml"), "title: T\nbaseURL: https://example.org/\ntimeZone: Asia/Tehran\n"
                + "languages: {fa: {name: فارسی, direction: rtl}, en: {name: English}}\n");
        SiteConfig config = Desk.site(root).config();
        Path file = NewArticle.create(config, new NewArticle.Request("قیمت دلار", "fa", List.of(), Optional.empty(), NEW_YEAR));
        assertEquals(root.resolve("content/2025/قیمت-دلار.fa.md"), file);
        assertTrue(Desk.text(file).contains("date: 2025-01-01T03:00:00+03:30\n"));
    }

    private static String refusal(SiteConfig config, NewArticle.Request request) {
        return assertThrows(RefusedException.class, () -> NewArticle.create(config, request)).getMessage();
    }
}
