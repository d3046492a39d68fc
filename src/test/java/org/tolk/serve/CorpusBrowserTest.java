package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;

/**
 * The "must show": on the 1,000-story benchmark corpus (shared/bench/gen_corpus.py), how long after
 * a Markdown file is saved the edited page is on screen in the browser. The figure is printed, not asserted
 * (tests never depend on the machine's speed); docs/serve.md quotes it. Skipped where the corpus generator
 * or python3 is missing.
 */
class CorpusBrowserTest {
    static final Path GENERATOR = Path.of("").toAbsolutePath().getParent().resolve("shared/bench/gen_corpus.py");

    @TempDir
    Path temp;

    @Test
    void anEditToOneArticleOfAThousandStoriesIsOnScreenSoonAfterItIsSaved() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(GENERATOR), "no corpus generator at " + GENERATOR);
        Path corpus = temp.resolve("corpus1000");
        Process generate = new ProcessBuilder("python3", GENERATOR.toString(), "--stories", "1000", "--out", corpus.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("gen.log").toFile()).start();
        Assumptions.assumeTrue(generate.waitFor() == 0, "gen_corpus.py failed: " + Files.readString(temp.resolve("gen.log")));
        // Dated an hour back, as a site's files are unless a script wrote them all a moment ago: files changed
        // within two seconds of a build are compared by content (BuildCache's racy-file rule), and the first
        // edit would render their pages again. The measurement is of editing a site, not of that.
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, anHourAgo);
            }
        }

        Path article;
        try (Stream<Path> files = Files.walk(corpus.resolve("content"))) {
            article = files.filter(p -> p.toString().endsWith(".en.md")).sorted().findFirst().orElseThrow();
        }
        try (Browser browser = Browser.start();
             PreviewFixture f = PreviewFixture.start(corpus, PreviewFixture.settings(TestSites.options(corpus)))) {
            String relative = corpus.relativize(article).toString().replace('\\', '/');
            // The corpus's permalink is /{lang}/{yyyy}/{mm}/{slug}/, the slug its file name.
            String text0 = Files.readString(article);
            java.util.regex.Matcher date = java.util.regex.Pattern.compile("(?m)^date: (\\d{4})-(\\d{2})").matcher(text0);
            assertTrue(date.find(), "a date in " + relative);
            String slug = article.getFileName().toString().replace(".en.md", "");
            String url = "/en/" + date.group(1) + "/" + date.group(2) + "/" + slug + "/";
            browser.driver.get(f.url(url).toString());

            List<Long> visible = new ArrayList<>();
            List<Long> rebuilt = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String marker = "Edit number " + i + " of the corpus test.";
                String text = Files.readString(article);
                int body = text.indexOf("\n---\n", 4) + 5;
                long saved = System.currentTimeMillis();
                Files.writeString(article, text.substring(0, body) + marker + "\n\n" + text.substring(body));
                browser.await("edit " + i + " on screen", d -> browser.bodyText().contains(marker));
                visible.add(browser.visibleAt() - saved);
                rebuilt.add(f.awaitRebuildOf(relative).duration().toMillis());
                f.rebuilds.clear();
            }
            List<Long> sorted = new ArrayList<>(visible);
            sorted.sort(null);
            System.out.printf(Locale.ROOT, "[tolk serve] 1,000-story corpus (%d files served): save → visible %s ms"
                            + " (median %d ms); rebuild alone %s ms%n",
                    f.preview.site().served().files().size(), visible, sorted.get(sorted.size() / 2), rebuilt);
            assertTrue(visible.stream().allMatch(ms -> ms > 0), "measured after the save: " + visible);
        }
    }

}
