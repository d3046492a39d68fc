package org.tolk.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusReportTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path tmp;

    private StatusReport report(Optional<String> to, boolean verbose) {
        SiteContent site = Desk.site(Desk.copy(tmp));
        return new StatusReport(Desk.fixedStatus(site), site.config(), new StatusReport.Options(NOW, to, verbose, p -> p));
    }

    @Test
    void aTablePerLanguagePairThenWhatNeedsDoing() {
        assertEquals("""
                Translations of 7 stories in nl, en (1 with a draft original, not counted)

                  from → to  stories  translated  stale  untracked  drafts  missing  coverage
                  nl → en          5           3      1          1       1        1       60%
                  en → nl          1           1      0          1       0        0      100%
                  total            6           4      1          2       1        1       66%

                Stale (1): the original changed after the translation was made
                  content/2024/strike/strike.en.md
                      original content/2024/strike/strike.nl.md changed 3 days ago (2026-05-29): how much is not known (no snapshot of the version translated)
                      when it is up to date: tolk status --mark-current content/2024/strike/strike.en.md

                Missing (1): stories with no version in a language, newest first
                  content/2024/flood.nl.md → en   tolk translate content/2024/flood.nl.md --to en

                Drafts (1): translations marked draft: true
                  content/2024/market/market.en.md  (nl → en; still holds the original's text)

                Untracked (2): translations that record no translatedFrom, so Tolk cannot tell whether they are stale.
                Once a translation matches its original, record that with
                  tolk status --mark-current PATH     (a translation, or a folder for all translations in it)
                (--verbose lists them)
                """, report(Optional.empty(), false).text());
    }

    @Test
    void aPublishedTranslationThatStillHoldsTheOriginalIsUnfinished() {
        Path root = Desk.copy(tmp);
        Desk.edit(root.resolve("content/2024/market/market.en.md"), "draft: true\n", "");
        SiteContent site = Desk.site(root);
        String text = new StatusReport(Desk.fixedStatus(site), site.config(), new StatusReport.Options(NOW, Optional.empty(), false, p -> p)).text();
        assertTrue(text.contains("""

                Unfinished (1): published, but still holding the original's text between the tolk:original markers
                  content/2024/market/market.en.md

                """), text);
        assertTrue(text.contains("  nl → en          5           4      1          1       0        1       80%\n"), text);
    }

    @Test
    void onlyOneTargetLanguage() {
        String text = report(Optional.of("nl"), true).text();
        assertTrue(text.contains("""
                  from → to  stories  translated  stale  untracked  drafts  missing  coverage
                  en → nl          1           1      0          1       0        0      100%

                Untracked (1): a translation that records no translatedFrom, so Tolk cannot tell whether it is stale.
                Once a translation matches its original, record that with
                  tolk status --mark-current PATH     (a translation, or a folder for all translations in it)
                  content/2024/election/election.nl.md  (en → nl)
                """), text);
    }

    @Test
    void jsonForScripts() {
        String json = report(Optional.empty(), false).json();
        assertTrue(json.startsWith("""
                {
                  "languages": [
                    "nl",
                    "en"
                  ],
                  "pairs": [
                    {
                      "from": "nl",
                      "to": "en",
                      "stories": 5,
                      "translated": 3,
                      "stale": 1,
                      "untracked": 1,
                      "drafts": 1,
                      "missing": 1,
                      "coverage": 0.6
                    },
                """), json);
        assertTrue(json.contains("""
                    {
                      "path": "content/2024/strike/strike.en.md",
                      "original": "content/2024/strike/strike.nl.md",
                      "from": "nl",
                      "to": "en",
                      "state": "stale",
                      "draft": false,
                      "unfinished": false,
                      "translatedFrom": "sha256:0000000000000000",
                      "originalChanged": "2026-05-29T10:00:00Z",
                      "staleSeconds": 266400,
                      "changes": null
                    }
                """), json);
        assertTrue(json.contains("""
                  "missing": [
                    {
                      "original": "content/2024/flood.nl.md",
                      "from": "nl",
                      "to": "en"
                    }
                  ],
                  "problems": []
                }
                """), json);
    }

    @Test
    void howLongAsAPersonWouldSayIt() {
        assertEquals("just now", StatusReport.ago(Duration.ofSeconds(59)));
        assertEquals("1 minute ago", StatusReport.ago(Duration.ofSeconds(60)));
        assertEquals("5 hours ago", StatusReport.ago(Duration.ofMinutes(5 * 60 + 59)));
        assertEquals("1 day ago", StatusReport.ago(Duration.ofHours(47)));
        assertEquals("13 days ago", StatusReport.ago(Duration.ofDays(13)));
        assertEquals("2 weeks ago", StatusReport.ago(Duration.ofDays(14)));
        assertEquals("3 months ago", StatusReport.ago(Duration.ofDays(95)));
        assertEquals("2 years ago", StatusReport.ago(Duration.ofDays(800)));
        assertEquals("just now", StatusReport.ago(Duration.ofSeconds(-30)), "a clock that is a little behind");
    }

    @Test
    void describesChanges() {
        assertEquals("the title and 2 of 9 paragraphs (22%)", StatusReport.describe(new Changes(true, 9, 9, java.util.List.of(1, 4), 2)));
        assertEquals("the title", StatusReport.describe(new Changes(true, 3, 3, java.util.List.of(), 0)));
        assertEquals("99%", StatusReport.percent(0.999));
        assertEquals("100%", StatusReport.percent(1));
    }

    @Test
    void pathsAreQuotedForTheShellWhenNeeded() {
        assertEquals("content/2024/a.nl.md", StatusReport.shell("content/2024/a.nl.md"));
        assertEquals("content/قیمت-دلار.fa.md", StatusReport.shell("content/قیمت-دلار.fa.md"));
        assertEquals("'my site/content/a b.md'", StatusReport.shell("my site/content/a b.md"));
        assertEquals("'it'\\''s.md'", StatusReport.shell("it's.md"));
    }
}
