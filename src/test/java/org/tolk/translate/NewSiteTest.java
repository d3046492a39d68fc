package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.build.BuildResult;
import org.tolk.config.Direction;
import org.tolk.config.SiteConfig;

class NewSiteTest {
    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");

    @TempDir
    Path tmp;

    private static NewSite.Request request(Path dir, List<String> languages) {
        return new NewSite.Request(dir, languages, Optional.empty(), NewSite.DEFAULT_BASE_URL, ZoneId.of("Europe/Amsterdam"), false, NOW);
    }

    @Test
    void makesASiteThatBuildsAtOnce() throws Exception {
        Path dir = tmp.resolve("my-news");
        NewSite.Created created = NewSite.create(request(dir, NewSite.DEFAULT_LANGUAGES));
        assertEquals(List.of(dir.resolve("content/2026/welcome.en.md"), dir.resolve("content/2026/welcome.nl.md")), created.example());
        assertEquals("""
                # A Tolk site. Tolk's README describes every key ("site.yaml").
                title: My News                      # one for all languages, or one each: {en: …}
                baseURL: https://example.org/       # where the site will be published
                defaultLanguage: en
                timeZone: Europe/Amsterdam          # dates written without an offset are in this zone
                languages:
                  en: {name: English, locale: en, topicsPath: topics}
                  nl: {name: Nederlands, locale: nl, topicsPath: onderwerpen}
                topics:
                  news: {en: News, nl: Nieuws}
                permalink: "/{lang}/{yyyy}/{mm}/{slug}/"
                pageSize: 20
                """, Desk.text(dir.resolve("site.yaml")));
        assertFalse(Files.exists(dir.resolve("templates")), "the built-in theme needs no copy");
        assertEquals("# Tolk's output and its local cache of translation snapshots\n/site/\n/.tolk/\n", Desk.text(dir.resolve(".gitignore")));

        BuildResult result = TestSites.build(dir);
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/en/2026/03/welcome/index.html")));
        assertTrue(Files.isRegularFile(dir.resolve("site/nl/2026/03/welcome/index.html")));
        assertTrue(TestSites.html(dir, "nl/2026/03/welcome/index.html").title().contains("Welkom op je nieuwe nieuwssite"));
    }

    @Test
    void theExampleTranslationIsTrackedFromTheStart() throws Exception {
        Path dir = tmp.resolve("news");
        NewSite.create(request(dir, NewSite.DEFAULT_LANGUAGES));
        SiteContent site = Desk.site(dir);
        TranslationStatus status = site.status();
        assertEquals(List.of(new TranslationStatus.Pair("en", "nl", 1, 0, 0, 0, 0)), status.pairs());

        Desk.edit(dir.resolve("content/2026/welcome.en.md"), "This is an example article.", "This is an edited example article.");
        TranslationStatus edited = Desk.site(dir).status();
        TranslationStatus.Translation stale = edited.stale().get(0);
        assertEquals(List.of(0), stale.changes().orElseThrow().changedParagraphs(), "the snapshot came with the site");
    }

    @Test
    void anyLanguagesInTheirOwnWords() throws Exception {
        Path dir = tmp.resolve("akhbar");
        NewSite.create(request(dir, List.of("fa", "de", "sv")));
        SiteConfig config = Desk.site(dir).config();
        assertEquals("fa", config.defaultLanguage());
        assertEquals(List.of("فارسی", "Deutsch", "Svenska"), config.languages().stream().map(l -> l.name()).toList());
        assertEquals(Direction.RTL, config.language("fa").orElseThrow().direction());
        assertEquals(Direction.LTR, config.language("sv").orElseThrow().direction());
        assertEquals("mozoo", config.language("fa").orElseThrow().topicsPath());
        assertTrue(Desk.text(dir.resolve("content/2026/welcome.de.md")).contains("title: Willkommen auf Ihrer neuen Nachrichtenseite"));
        // No table for Swedish: the English example stands in.
        assertTrue(Desk.text(dir.resolve("content/2026/welcome.sv.md")).contains("title: Welcome to your new news site"));
        assertEquals(List.of(new TranslationStatus.Pair("fa", "de", 1, 0, 0, 0, 0), new TranslationStatus.Pair("fa", "sv", 1, 0, 0, 0, 0)),
                Desk.site(dir).status().pairs());
        BuildResult result = TestSites.build(dir);
        assertTrue(result.problems().isEmpty(), result.problems().toString());
    }

    @Test
    void oneLanguageIsASiteToo() throws Exception {
        Path dir = tmp.resolve("solo");
        NewSite.Created created = NewSite.create(request(dir, List.of("en")));
        assertEquals(1, created.example().size());
        assertFalse(TestSites.build(dir).failed());
    }

    @Test
    void copiesTheDefaultTemplatesWhenAsked() throws Exception {
        Path dir = tmp.resolve("themed");
        NewSite.Created created = NewSite.create(new NewSite.Request(dir, List.of("nl", "en"), Optional.of("Iran Nieuws"),
                "https://news.example.org/", ZoneId.of("Europe/Amsterdam"), true, NOW));
        assertTrue(created.templateFiles() >= 7, String.valueOf(created.templateFiles()));
        for (String template : List.of("layout.ftlh", "article.ftlh", "home.ftlh", "topic.ftlh", "topics.ftlh", "chooser.ftlh", "404.ftlh")) {
            assertTrue(Files.isRegularFile(dir.resolve("templates").resolve(template)), template);
        }
        assertTrue(Desk.text(dir.resolve("site.yaml")).contains("title: Iran Nieuws "));
        BuildResult result = TestSites.build(dir);
        assertTrue(result.problems().isEmpty(), result.problems().toString());
    }

    @Test
    void refusesAFolderInUseAndBadLanguages() throws Exception {
        Path used = tmp.resolve("used");
        TestSites.write(used.resolve("notes.txt"), "mine");
        assertEquals(used + " is not empty: Tolk makes a new site only in a new or empty folder",
                assertThrows(RefusedException.class, () -> NewSite.create(request(used, NewSite.DEFAULT_LANGUAGES))).getMessage());
        Files.createDirectories(tmp.resolve("repo/.git"));
        NewSite.create(request(tmp.resolve("repo"), NewSite.DEFAULT_LANGUAGES));
        assertTrue(Files.isRegularFile(tmp.resolve("repo/site.yaml")), "a fresh git repository is empty enough");

        assertEquals("'EN' is not a language code: use lower-case BCP-47 codes such as en, nl, fa or pt-br",
                assertThrows(RefusedException.class, () -> NewSite.create(request(tmp.resolve("x"), List.of("EN", "nl")))).getMessage());
        assertEquals("--languages names 'nl' twice",
                assertThrows(RefusedException.class, () -> NewSite.create(request(tmp.resolve("x"), List.of("nl", "nl")))).getMessage());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written when the request is refused");
    }
}
