package org.tolk.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;

/** Nothing assumes the sample's languages: an English–German site and a site with a language Tolk has no strings for. */
class AnyLanguagesTest {

    private static Path site(Path dir, String languages, String second, String secondLocale) {
        Path site = dir.resolve("site-" + second);
        TestSites.write(site.resolve("site.yaml"), "title: {en: World News, " + second + ": Weltnachrichten}\n"
                + "baseURL: https://example.org/\ndefaultLanguage: en\nlanguages:\n" + languages
                + "topics:\n  politics: {en: Politics, " + second + ": {label: Politik, slug: politik}}\n");
        TestSites.write(site.resolve("content/story/story.en.md"), "---\ntitle: \"A \\\"quoted\\\" story\"\ndate: 2017-07-25\n"
                + "language: en\ntopics: [politics]\n---\nShe said \"yes\".\n");
        TestSites.write(site.resolve("content/story/story." + second + ".md"), "---\ntitle: Eine Geschichte\ndate: 2017-07-25\n"
                + "language: " + second + "\ntopics: [politics]\ntranslator: Anna\n---\nSie sagte \"ja\".\n");
        return site;
    }

    @Test
    void englishAndGerman(@TempDir Path dir) {
        Path site = site(dir, "  en: {name: English, locale: en-GB}\n  de: {name: Deutsch, locale: de-DE, topicsPath: themen}\n", "de", "de-DE");
        BuildResult result = TestSites.build(site);
        assertEquals(List.of(), result.problems());
        Document de = TestSites.html(site, "de/2017/07/story/index.html");
        assertEquals("de-DE", de.selectFirst("html").attr("lang"));
        assertEquals("Dienstag, 25. Juli 2017", de.selectFirst("main time").text());
        assertEquals("Read in English", de.selectFirst("main a[hreflang=en-GB]").text());
        assertEquals("Auf Deutsch lesen", TestSites.html(site, "en/2017/07/story/index.html").selectFirst("main a[hreflang=de-DE]").text());
        // German quotation marks in German text, English ones in English text.
        assertTrue(de.selectFirst(".article-body").text().contains("„ja“"), de.selectFirst(".article-body").text());
        assertTrue(TestSites.html(site, "en/2017/07/story/index.html").selectFirst(".article-body").text().contains("“yes”"));
        assertEquals("Politik", TestSites.html(site, "de/themen/politik/index.html").selectFirst("h1").text().split(" ")[0]);
    }

    @Test
    void aLanguageWithoutATableOfStringsFallsBackToEnglishAndNamesItself(@TempDir Path dir) {
        Path site = site(dir, "  en: {name: English, locale: en-GB}\n  sv: {name: Svenska, locale: sv-SE}\n", "sv", "sv-SE");
        BuildResult result = TestSites.build(site);
        assertEquals(List.of(), result.problems());
        // The link to the Swedish version says "Svenska", not the English fallback "Read in English".
        assertEquals("Svenska", TestSites.html(site, "en/2017/07/story/index.html").selectFirst("main a[hreflang=sv-SE]").text());
        Document sv = TestSites.html(site, "sv/2017/07/story/index.html");
        assertEquals("tisdag 25 juli 2017", sv.selectFirst("main time").text());
        assertTrue(sv.text().contains("Skip to main content"), "English UI strings as the fallback");
    }
}
