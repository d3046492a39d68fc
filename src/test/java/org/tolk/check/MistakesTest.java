package org.tolk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.build.Build;
import org.tolk.build.BuildResult;
import org.tolk.cli.Main;

/** The "mistakes" fixture plants 20 different mistakes; one run must report each, precisely, and write nothing. */
class MistakesTest {
    static final List<String> EXPECTED = List.of(
            "content/bad/cover.nl.md:5:8: error: missing image 'omslag.jpg': there is no content/bad/omslag.jpg (give a path relative to the article, or an http(s) URL)",
            "content/bad/draft.nl.md:5:8: error: 'draft' must be true or false, found 'maybe'",
            "content/bad/escape.nl.md:5:7: error: slug '../../etc' must be one URL segment of letters, digits, '-', '_' or '.' (no '/', '..' or reserved names); for example 'etc'",
            "content/bad/german.md:4:11: error: unknown language 'de': site.yaml defines nl, en",
            "content/bad/impossible.nl.md:3:7: error: date '2023-02-30' does not exist (Invalid date 'FEBRUARY 30')",
            "content/bad/latin1.nl.md:2:11: error: not valid UTF-8 text (first bad byte at line 2, column 11); save the file as UTF-8",
            "content/bad/mismatch.en.md:4:11: error: language is 'nl' but the file name says 'en': rename the file or correct the language",
            "content/bad/nodate.nl.md:3:6: error: 'date' is empty (for example: date: 2017-07-25T01:03:00+02:00)",
            "content/bad/notitle.nl.md:2:1: error: missing 'title' in front matter",
            "content/bad/same-url-1.nl.md:5:7: error: two pages at one URL /nl/2020/02/zelfde/: content/bad/same-url-1.nl.md and content/bad/same-url-2.nl.md (give one a different slug or date)",
            "content/bad/twin-b.nl.md:5:17: error: two 'nl' articles in translation group 'twins': this one and content/bad/twin-a.nl.md (a story has at most one article per language; give one a different translationKey)",
            "content/bad/words.nl.md:3:7: error: 'gisteren' is not a date; write it as 2017-07-25 or 2017-07-25T01:03:00+02:00",
            "content/bad/yaml.nl.md:6:1: error: invalid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence)",
            "content/ok/good.en.md:5:9: warning: unknown topic 'politcs': add it to 'topics' in site.yaml (did you mean 'politics'?); the article is not listed under it",
            "content/ok/good.en.md:6:1: error: unknown front-matter field 'auteur' (did you mean 'author'?)",
            "content/ok/good.nl.md:7:26: error: missing article '../missing/gone.nl.md': there is no content/missing/gone.nl.md",
            "content/ok/good.nl.md:7:71: error: missing image 'nergens.jpg': there is no content/ok/nergens.jpg",
            "site.yaml:9:1: error: unknown site.yaml key 'permalnk' (did you mean 'permalink'?)",
            "templates/home.ftlh:4:6: error: template error (rendering /en/ and 1 more): The following has evaluated to null or missing: headline",
            "templates/topics.ftlh:5:1: error: template does not parse: Encountered \"</@layout.page>\", but at this place only this can be closed: \"#list\". This usually because of wrong nesting of FreeMarker directives, like a missed or malformed end-tag somewhere. (Note that FreeMarker end-tags must have # or @ after the / character.)");

    @Test
    void everyPlantedMistakeIsReportedOnceAndPrecisely(@TempDir Path dir) {
        Path site = TestSites.copy("mistakes", dir);
        BuildResult result = TestSites.build(site);
        List<String> lines = result.problems().stream().map(Problem::toString).toList();
        assertEquals(EXPECTED.size(), 20);
        assertEquals(EXPECTED, lines);
        assertTrue(result.failed());
        assertFalse(result.written());
    }

    @Test
    void theCommandLinePrintsThemAllExitsOneAndLeavesThePreviousSiteAlone(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("mistakes", dir);
        // A good site published earlier into the same output folder.
        Path basic = TestSites.copy("basic", dir);
        assertTrue(Build.run(TestSites.options(basic).withOutput(site.resolve("site"))).written());
        Map<String, String> before = TestSites.snapshot(site.resolve("site"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "build", "--source", site.toString());

        assertEquals(1, exit);
        String printed = err.toString();
        for (String line : EXPECTED) {
            assertTrue(printed.contains(line.substring(0, line.indexOf(": ", line.indexOf(": ") + 1))), "missing: " + line);
        }
        assertTrue(printed.contains("19 errors, 1 warning"), printed);
        assertFalse(printed.contains("\tat "), "no stack trace: " + printed);
        assertFalse(printed.contains("Exception"), "no exception names: " + printed);
        assertEquals("", out.toString());
        assertEquals(before, TestSites.snapshot(site.resolve("site")));
        try (Stream<Path> siblings = Files.list(site)) {
            assertEquals(List.of(), siblings.filter(p -> p.getFileName().toString().startsWith(".tolk-")).toList(), "no staging left behind");
        }
    }

    @Test
    void checkReportsTheSameAndStrictTurnsWarningsIntoErrors(@TempDir Path dir) {
        Path site = TestSites.copy("basic", dir);
        TestSites.write(site.resolve("content/x/warned.en.md"), "---\ntitle: X\ndate: 2020-01-01\nlanguage: en\ntopics: [sports]\n---\nX\n");
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "check", "-s", site.toString()));
        assertTrue(err.toString().contains("content/x/warned.en.md:5:9: warning: unknown topic 'sports'"), err.toString());
        assertTrue(out.toString().startsWith("No problems found (1 warning)"), out.toString());
        StringWriter strictErr = new StringWriter();
        assertEquals(1, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(strictErr, true), "check", "--strict", "-s", site.toString()));
        assertTrue(strictErr.toString().contains("content/x/warned.en.md:5:9: error: unknown topic 'sports'"), strictErr.toString());
        assertFalse(Files.exists(site.resolve("site")), "check writes nothing");
    }
}
