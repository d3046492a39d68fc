package org.tolk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;

class NewCommandTest {
    private static final String NOW = "2026-03-14T09:26:53Z";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run tolk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void newSiteMakesAndBuildsASite() {
        Path dir = tmp.resolve("news");
        Run run = tolk("new", "site", dir.toString(), "--time-zone", "Europe/Amsterdam", "--now", NOW);
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("Made a new site in " + dir + "/ (English, Nederlands), and built it into " + dir.resolve("site")
                + "/ ("), run.out());
        assertTrue(run.out().endsWith("""
                Next:
                  cd %s
                  tolk new article "My first story" --lang en                # write a story
                  tolk translate content/2026/my-first-story.en.md --to nl   # start its translation
                  tolk status                                                # see what needs translating
                  tolk serve                                                 # preview the site as you write
                """.formatted(dir)), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("site/en/2026/03/welcome/index.html")));
    }

    @Test
    void newSiteWithLanguagesTitleAndTemplates() throws Exception {
        Path dir = tmp.resolve("nieuws");
        Run run = tolk("new", "site", dir.toString(), "--languages", "nl,en,fa", "--title", "Iran Nieuws", "--base-url",
                "https://news.example.org/", "--time-zone", "Europe/Amsterdam", "--with-templates", "--now", NOW);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("(Nederlands, English, فارسی) with "), run.out());
        assertTrue(run.out().contains(" template files in templates/"), run.out());
        String yaml = Files.readString(dir.resolve("site.yaml"), StandardCharsets.UTF_8);
        assertTrue(yaml.contains("title: Iran Nieuws "), yaml);
        assertTrue(yaml.contains("baseURL: https://news.example.org/ "), yaml);
        assertTrue(yaml.contains("  fa: {name: فارسی, locale: fa, direction: rtl, topicsPath: mozoo}\n"), yaml);
        assertTrue(Files.isRegularFile(dir.resolve("templates/article.ftlh")));
    }

    @Test
    void newSiteRefusals() {
        Path used = tmp.resolve("used");
        TestSites.write(used.resolve("a.txt"), "mine");
        Run run = tolk("new", "site", used.toString());
        assertEquals(1, run.code());
        assertEquals("tolk new site: " + used + " is not empty: Tolk makes a new site only in a new or empty folder\n", run.err());

        run = tolk("new", "site", tmp.resolve("x").toString(), "--time-zone", "Europe/Amsterdm");
        assertEquals(1, run.code());
        assertEquals("tolk new site: unknown time zone 'Europe/Amsterdm': use an IANA name such as Europe/Amsterdam"
                + " (did you mean 'Europe/Amsterdam'?)\n", run.err());

        run = tolk("new", "site", tmp.resolve("x").toString(), "--base-url", "example.org");
        assertEquals(1, run.code());
        assertEquals("tolk new site: --base-url 'example.org' is not an absolute http(s) URL such as https://news.example.org/\n", run.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void newArticlePrintsItsPath() throws Exception {
        Path root = TestSites.copy("translate-desk", tmp);
        Run run = tolk("new", "article", "Café", "in", "Teheran", "--lang", "nl", "--topics", "economy,politics",
                "--source", root.toString(), "--now", "2025-06-30T22:30:00Z");
        assertEquals(0, run.code(), run.err());
        Path file = root.resolve("content/2025/cafe-in-teheran.nl.md");
        assertEquals(file + "\n", run.out());
        assertEquals("", run.err());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("---\ntitle: Café in Teheran\ndate: 2025-07-01T00:30:00+02:00\nlanguage: nl\ntopics: [economy, politics]\n"), text);
    }

    @Test
    void newArticleInTheDefaultLanguage() {
        Path root = TestSites.copy("translate-desk", tmp);
        Run run = tolk("new", "article", "Een verhaal", "-s", root.toString(), "--now", NOW);
        assertEquals(0, run.code(), run.err());
        assertEquals(root.resolve("content/2026/een-verhaal.nl.md") + "\n", run.out());
    }

    @Test
    void newArticleRefusals() {
        Path root = TestSites.copy("translate-desk", tmp);
        Run run = tolk("new", "article", "Overstroming", "--topics", "wether", "-s", root.toString());
        assertEquals(1, run.code());
        assertEquals("tolk new article: unknown topic 'wether': site.yaml defines politics, economy\n", run.err());
        assertEquals("", run.out());

        assertEquals(0, tolk("new", "article", "Twice", "-s", root.toString(), "--now", NOW).code());
        run = tolk("new", "article", "Twice", "-s", root.toString(), "--now", NOW);
        assertEquals(1, run.code());
        assertEquals("tolk new article: content/2026/twice.nl.md exists already: Tolk does not overwrite it"
                + " (choose another title, or a slug with --slug)\n", run.err());

        run = tolk("new", "article", "Anything", "-s", tmp.resolve("nowhere").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("tolk new article: no site.yaml in " + tmp.resolve("nowhere")), run.err());

        TestSites.write(root.resolve("site.yaml"), "title: T\nbaseURL: https://example.org/\nlanguages: {nl: {nmae: Nederlands}}\n");
        run = tolk("new", "article", "Anything", "-s", root.toString());
        assertEquals(1, run.code());
        assertEquals("site.yaml:3:18: error: unknown language setting 'nmae' (did you mean 'name'?)\n"
                + "tolk new article: nothing was written: site.yaml has errors\n", run.err());
    }

    @Test
    void helpAndUsage() {
        Run help = tolk("new", "article", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tolk new article "), help.out());
        assertTrue(help.out().contains("--topics=TOPIC[,TOPIC...]"), help.out());

        Run site = tolk("new", "site", "--help");
        assertEquals(0, site.code());
        assertTrue(site.out().contains("--with-templates"), site.out());
        assertFalse(site.out().contains("--now"), "test-only options stay hidden");

        Run bare = tolk("new");
        assertEquals(2, bare.code());
        assertTrue(bare.err().startsWith("Missing required subcommand"), bare.err());

        Run main = tolk("--help");
        for (String command : new String[] {"new", "translate", "status"}) {
            assertTrue(main.out().contains("\n  " + command + " "), main.out());
        }
    }
}
