package org.tolk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.check.Problem;
import org.tolk.check.Problems;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Optional<SiteConfig> load(String yaml, Problems problems) {
        TestSites.write(dir.resolve("site.yaml"), yaml);
        return ConfigLoader.load(dir, problems);
    }

    private List<String> problems(String yaml) {
        Problems problems = new Problems();
        load(yaml, problems);
        return problems.sorted().stream().map(Problem::toString).toList();
    }

    @Test
    void readsTheContentFormatExample() {
        Problems problems = new Problems();
        SiteConfig config = load("""
                title: {nl: "Iran Nieuws", en: "Iran News"}
                baseURL: https://news.example.org/nieuws
                defaultLanguage: nl
                timeZone: Europe/Amsterdam
                languages:
                  nl: {name: Nederlands, locale: nl-NL, topicsPath: onderwerpen}
                  en: {name: English,    locale: en-GB, topicsPath: topics}
                topics:
                  iran: {nl: Iran, en: Iran}
                  censorship: {nl: {label: Censuur, slug: censuur}, en: Censorship}
                permalink: "/{lang}/{yyyy}/{mm}/{slug}/"
                pageSize: 20
                """, problems).orElseThrow();
        assertEquals(List.of(), problems.sorted());
        assertEquals(List.of("nl", "en"), config.languages().stream().map(Language::key).toList());
        assertEquals("nl-NL", config.language("nl").orElseThrow().tag());
        assertEquals("Iran News", config.language("en").orElseThrow().title());
        assertEquals("https://news.example.org/nieuws/", config.baseUrl().toString());
        assertEquals("/nieuws/", config.basePath());
        assertEquals(ZoneId.of("Europe/Amsterdam"), config.timeZone());
        assertEquals(new Topic.Label("Censuur", "censuur"), config.topics().get("censorship").in("nl"));
        assertEquals(new Topic.Label("Censorship", "censorship"), config.topics().get("censorship").in("en"));
        assertEquals(20, config.pageSize());
        assertEquals(Direction.LTR, config.language("nl").orElseThrow().direction());
    }

    @Test
    void norwegianIsALanguageNotABoolean() {
        // YAML 1.1 would read the key `no` as false; Tolk reads every scalar as written.
        SiteConfig config = load("""
                title: Nytt
                baseURL: https://example.no/
                languages:
                  no: {name: Norsk, locale: nb-NO}
                  en: {name: English, locale: en-GB}
                """, new Problems()).orElseThrow();
        assertEquals("no", config.defaultLanguage());
        assertEquals("nb-NO", config.language("no").orElseThrow().tag());
    }

    @Test
    void rightToLeftLanguages() {
        SiteConfig config = load("""
                title: {en: News, fa: اخبار}
                baseURL: https://example.org/
                languages:
                  en: {name: English, locale: en-GB}
                  fa: {name: فارسی, locale: fa-IR, direction: rtl, topicsPath: mozoo}
                """, new Problems()).orElseThrow();
        assertEquals(Direction.RTL, config.language("fa").orElseThrow().direction());
        assertEquals("mozoo", config.language("fa").orElseThrow().topicsPath());
    }

    @Test
    void forgettingDirectionForPersianIsAWarning() {
        assertEquals(List.of("site.yaml:4:14: warning: 'fa' is written right to left: add 'direction: rtl' to this language (it defaults to ltr)"),
                problems("""
                        title: News
                        baseURL: https://example.org/
                        languages:
                          fa: {name: فارسی, locale: fa-IR}
                        """));
    }

    @Test
    void reportsEveryMistakeWithItsPosition() {
        assertEquals(List.of(
                "site.yaml:1:8: error: title has no text for language 'en'",
                "site.yaml:2:10: error: baseURL 'news.example.org' is not an absolute http(s) URL such as https://news.example.org/",
                "site.yaml:3:18: error: defaultLanguage 'de' is not one of the languages [nl, en]",
                "site.yaml:4:11: error: unknown time zone 'Europe/Amsterdan' (use an IANA name such as Europe/Amsterdam) (did you mean 'Europe/Amsterdam'?)",
                "site.yaml:6:34: error: locale 'nl_NL' is not a BCP-47 language tag such as 'nl-NL', 'en-GB' or 'fa-IR'",
                "site.yaml:8:11: error: pageSize must be a whole number of at least 1, found 'twenty'",
                "site.yaml:9:1: error: unknown site.yaml key 'permalnk' (did you mean 'permalink'?)"),
                problems("""
                        title: {nl: Nieuws}
                        baseURL: news.example.org
                        defaultLanguage: de
                        timeZone: Europe/Amsterdan
                        languages:
                          nl: {name: Nederlands, locale: nl_NL}
                          en: {name: English}
                        pageSize: twenty
                        permalnk: /{lang}/{slug}/
                        """));
    }

    @Test
    void invalidYamlIsReportedAtItsLine() {
        List<String> problems = problems("""
                title: News
                baseURL: https://example.org/
                languages:
                  en: {name: English
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("site.yaml:5:"), problems.get(0));
        assertTrue(problems.get(0).contains("error: invalid YAML"), problems.get(0));
    }

    @Test
    void aMissingSiteYamlIsAnErrorNotACrash() {
        Problems problems = new Problems();
        assertFalse(ConfigLoader.load(dir, problems).isPresent());
        assertTrue(problems.sorted().get(0).toString().startsWith("site.yaml:1:1: error: no site.yaml in"));
    }

    @Test
    void permalinkMustKeepArticlesApart() {
        assertEquals(List.of("site.yaml:4:12: error: permalink must contain {slug}, or two articles would share one URL",
                        "site.yaml:4:12: error: unknown placeholder {year} in permalink (known: {lang} {yyyy} {mm} {dd} {slug})"),
                problems("""
                        title: News
                        baseURL: https://example.org/
                        languages: {en: {name: English}}
                        permalink: /{lang}/{year}/
                        """));
    }
}
