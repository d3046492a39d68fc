package org.tolk.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tolk.TestSites;
import org.tolk.build.Build;
import org.tolk.build.BuildOptions;
import org.tolk.build.BuildResult;

/**
 * Incremental is an optimisation, never a different answer: after every step of a random sequence of
 * edits, renames and deletions, the incremental build's output is byte for byte a clean build's.
 */
class IncrementalBuildTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomEditsGiveTheSameSiteAsACleanBuild(long seed, @TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        Random random = new Random(seed);
        assertTrue(TestSites.build(site).written());
        for (int step = 0; step < 12; step++) {
            String edit = Edits.apply(site, random);
            BuildResult incremental = TestSites.build(site);
            BuildResult clean = Build.run(TestSites.options(site).withOutput(dir.resolve("clean")).withClean(true));
            assertEquals(clean.failed(), incremental.failed(), edit + ": " + incremental.problems() + " / " + clean.problems());
            if (incremental.written()) {
                assertSameFiles(dir.resolve("clean"), site.resolve("site"), "after step " + step + " (" + edit + ")");
            }
        }
    }

    private static void assertSameFiles(Path expectedFolder, Path actualFolder, String when) {
        var expected = TestSites.snapshot(expectedFolder);
        var actual = TestSites.snapshot(actualFolder);
        var differing = new java.util.TreeSet<String>();
        expected.forEach((file, hash) -> { if (!hash.equals(actual.get(file))) differing.add(file); });
        actual.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(differing::add);
        assertEquals(java.util.Set.of(), differing, "files that differ from a clean build " + when);
    }

    /** Builds {@code site} with {@code options} incrementally and from scratch, and compares the two. */
    private static BuildResult buildAndCompareWithClean(Path site, Path dir, BuildOptions options) {
        BuildResult incremental = Build.run(options);
        assertTrue(incremental.written(), incremental.problems().toString());
        assertTrue(Build.run(options.withOutput(dir.resolve("clean")).withClean(true)).written());
        assertSameFiles(dir.resolve("clean"), site.resolve("site"), "");
        return incremental;
    }

    /*
     * A rebuild after edits to articles' bodies alone looks only at the pages showing those articles. What else
     * can change beside such an edit must still reach the output: the three tests below pin each.
     */

    @Test
    void aBodyEditBesideAReplacedImageCopiesTheNewImage(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(dir);
        Path story = site.resolve("content/a/story.nl.md");
        Files.writeString(story, Files.readString(story) + "\nEen nieuwe alinea.\n");
        Files.writeString(site.resolve("content/a/photo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>new</title></svg>\n");
        buildAndCompareWithClean(site, dir, TestSites.options(site));
        assertTrue(TestSites.text(site, "nl/2017/07/story/index.html").contains("Een nieuwe alinea."));
        assertTrue(TestSites.text(site, "a/photo.svg").contains("<title>new</title>"));
    }

    @Test
    void aBodyEditBesideAStyleSheetEditWritesTheNewStyleSheet(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(dir, "body { color: #000; }\n");
        Path story = site.resolve("content/a/story.nl.md");
        Files.writeString(story, Files.readString(story) + "\nEen nieuwe alinea.\n");
        TestSites.write(site.resolve("templates/assets/tolk.css"), "body { color: #111; }\n");
        buildAndCompareWithClean(site, dir, TestSites.options(site));
        assertEquals("body { color: #111; }\n", TestSites.text(site, "assets/tolk.css"));
    }

    @Test
    void aBodyEditAfterAStoryFellDuePublishesTheStory(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(dir);
        Path story = site.resolve("content/a/story.nl.md");
        Files.writeString(story, Files.readString(story) + "\nEen nieuwe alinea.\n");
        // content/e/future.en.md is dated 2099-01-01: by then it is published.
        BuildResult later = buildAndCompareWithClean(site, dir, TestSites.options(site).withNow(java.time.Instant.parse("2099-06-01T00:00:00Z")));
        assertTrue(Files.exists(site.resolve("site/en/2099/01/future/index.html")), later.toString());
    }

    @Test
    void anUnchangedSiteRendersOnlyWhatDependsOnEverything(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        BuildResult first = TestSites.build(site);
        assertEquals(first.files(), first.rendered());
        Edits.age(site);
        TestSites.build(site);
        BuildResult second = TestSites.build(site);
        // Everything is kept, the sitemap and robots.txt too.
        assertEquals(0, second.rendered(), "rendered " + second.rendered() + " of " + second.files());
        assertEquals(TestSites.snapshot(site.resolve("site")).size(), first.files() + 1, "plus the manifest");
    }

    @Test
    void oneEditedArticleRendersItsPageAndTheListingsItIsIn(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(dir);
        Path story = site.resolve("content/a/story.nl.md");
        Files.writeString(story, Files.readString(story) + "\nEen nieuwe alinea.\n");
        BuildResult result = TestSites.build(site);
        // The article and its translation's page (which names it), the listing pages and feeds it is on;
        // nothing else (not the sitemap: the edit changed no address or date).
        assertEquals(6, result.rendered());
        assertTrue(TestSites.text(site, "nl/2017/07/story/index.html").contains("Een nieuwe alinea."));
        // The feed's other bodies come from the cache; this one is new.
        assertTrue(TestSites.text(site, "nl/feed.xml").contains("Een nieuwe alinea."));
    }

    @Test
    void aTemplateChangeRendersEveryPage(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        BuildResult first = TestSites.build(site);
        TestSites.write(site.resolve("templates/i18n/en.yaml"), "latest: Newest first\n");
        BuildResult second = TestSites.build(site);
        assertTrue(second.rendered() >= first.files() - 2, second.rendered() + " of " + second.files());
        assertTrue(TestSites.text(site, "en/index.html").contains("Newest first"));
    }

    /** The cache is written while pages render; a build that then fails leaves the previous cache file as it was. */
    @Test
    void aFailedBuildLeavesTheCacheAsItWasAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(dir);
        Path cacheFile = CacheFile.location(site, site.resolve("site"));
        byte[] before = Files.readAllBytes(cacheFile);
        Path story = site.resolve("content/a/story.nl.md");
        // A broken link is found only while rendering, after the cache has started to be written.
        Files.writeString(story, Files.readString(story) + "\nZie [dit](missing.nl.md).\n");
        BuildResult failed = TestSites.build(site);
        assertTrue(failed.problems().stream().anyMatch(p -> p.message().contains("missing article")), failed.problems().toString());
        assertArrayEquals(before, Files.readAllBytes(cacheFile));
        try (Stream<Path> files = Files.list(cacheFile.getParent())) {
            assertEquals(List.of(cacheFile), files.toList());
        }
    }

    @Test
    void aStyleSheetEditRewritesOnlyTheStyleSheet(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(dir, "body { color: #000; }\n");
        TestSites.write(site.resolve("templates/assets/tolk.css"), "body { color: #111; }\n");
        BuildResult result = TestSites.build(site);
        assertEquals(1, result.rendered(), result.rendered() + " of " + result.files());
        assertEquals("body { color: #111; }\n", TestSites.text(site, "assets/tolk.css"));
    }

    @Test
    void savingACacheDeletesTheCachesNoBuildCanUse(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        Path gone = dir.resolve("gone");
        Path kept = dir.resolve("kept");
        assertTrue(Build.run(TestSites.options(site).withOutput(gone)).written());
        assertTrue(Build.run(TestSites.options(site).withOutput(kept)).written());
        try (Stream<Path> files = Files.walk(gone)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        Path cacheFolder = CacheFile.location(site, gone).getParent();
        TestSites.write(cacheFolder.resolve("build-00ff.bin"), "damaged");
        TestSites.write(cacheFolder.resolve("notes.txt"), "not Tolk's");

        assertTrue(TestSites.build(site).written());

        assertTrue(Files.exists(CacheFile.location(site, site.resolve("site"))));
        assertTrue(Files.exists(CacheFile.location(site, kept)), "its output folder is still there");
        assertFalse(Files.exists(CacheFile.location(site, gone)), "its output folder is gone");
        assertFalse(Files.exists(cacheFolder.resolve("build-00ff.bin")));
        assertTrue(Files.exists(cacheFolder.resolve("notes.txt")), "never deletes what it did not create");
    }

    @Test
    void aDamagedCacheIsIgnored(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        TestSites.build(site);
        Files.write(CacheFile.location(site, site.resolve("site")), new byte[] {1, 2, 3});
        BuildResult result = TestSites.build(site);
        assertTrue(result.written());
        assertEquals(result.files(), result.rendered());
    }

    /**
     * The basic site, built, its sources then dated back and built again: the state of a site between an
     * author's edits, with a cache that trusts every file's time.
     */
    /**
     * One JVM building two sites in turn, as the build daemon does: what it keeps of the last build (see
     * Build's lastBuild) is that build's alone, never another site's.
     */
    @Test
    void aBodyEditIsBuiltFromItsOwnSiteAfterAnotherSitesBuild(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(Files.createDirectory(dir.resolve("one")));
        Path other = TestSites.copy("basic", Files.createDirectory(dir.resolve("two")));
        Path title = other.resolve("content/a/story.nl.md");
        Files.writeString(title, Files.readString(title).replaceFirst("(?m)^title: .*$", "title: Een andere titel"));
        assertTrue(TestSites.build(other).written());

        Path story = site.resolve("content/a/story.nl.md");
        Files.writeString(story, Files.readString(story) + "\nEen nieuwe alinea.\n");
        BuildResult rebuilt = buildAndCompareWithClean(site, dir, TestSites.options(site));
        assertTrue(rebuilt.rendered() < rebuilt.files() / 2, "a bodies-only rebuild: " + rebuilt);
        assertTrue(TestSites.text(site, "nl/2017/07/story/index.html").contains("Een nieuwe alinea."));
    }

    /**
     * The cache is saved after the output is put in place. A build killed in between leaves the previous cache
     * beside the newer output; if the edit is then undone (the file back as it was, time and all), that cache's
     * fingerprints match again, but the pages on disk are the newer ones. The output's manifest names the build
     * it holds, and a cache of another build is not believed.
     */
    @Test
    void aCacheThatDoesNotDescribeTheOutputIsNotBelieved(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(Files.createDirectory(dir.resolve("one")));
        Path cacheFile;
        try (var files = Files.list(site.resolve(".tolk/cache"))) {
            cacheFile = files.filter(f -> f.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        Path oldCache = Files.copy(cacheFile, dir.resolve("old-cache.bin"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Path story = site.resolve("content/a/story.nl.md");
        Path oldStory = Files.copy(story, dir.resolve("story.nl.md"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);

        Files.writeString(story, Files.readString(story) + "\nEen nieuwe alinea.\n");
        assertTrue(TestSites.build(site).written());
        assertTrue(TestSites.text(site, "nl/2017/07/story/index.html").contains("Een nieuwe alinea."));
        // As if that build had been killed before it saved its cache, then the edit undone.
        Files.copy(oldCache, cacheFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(oldStory, story, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);

        buildAndCompareWithClean(site, dir, TestSites.options(site));
        assertFalse(TestSites.text(site, "nl/2017/07/story/index.html").contains("Een nieuwe alinea."));
    }

    /** A build that changed nothing leaves the output folder as it was, so the cache still describes it. */
    @Test
    void buildAfterBuildWithNothingChangedRendersNothing(@TempDir Path dir) throws IOException {
        Path site = builtWithAgedSources(dir);
        for (int i = 0; i < 2; i++) {
            BuildResult again = TestSites.build(site);
            assertTrue(again.written());
            assertEquals(0, again.rendered(), "build " + (i + 2) + " after the first: " + again);
        }
    }

    private static Path builtWithAgedSources(Path dir) throws IOException {
        return builtWithAgedSources(dir, null);
    }

    /** As {@link #builtWithAgedSources(Path)}, with a style sheet of the site's own in templates/assets/ if not null. */
    private static Path builtWithAgedSources(Path dir, String styleSheet) throws IOException {
        Path site = TestSites.copy("basic", dir);
        if (styleSheet != null) {
            TestSites.write(site.resolve("templates/assets/tolk.css"), styleSheet);
        }
        TestSites.build(site);
        Edits.age(site);
        TestSites.build(site);
        return site;
    }

    /** The kinds of change authors, translators and designers make. */
    static final class Edits {
        private Edits() {
        }

        static String apply(Path site, Random random) throws IOException {
            List<Path> articles = articles(site);
            Path article = articles.get(random.nextInt(articles.size()));
            String text = Files.readString(article);
            String name = site.relativize(article).toString();
            switch (random.nextInt(11)) {
                case 0 -> {
                    Files.writeString(article, text + "\nA new paragraph " + random.nextInt(1000) + ".\n");
                    return "body of " + name;
                }
                case 1 -> {
                    Files.writeString(article, text.replaceFirst("(?m)^title: .*$", "title: New title " + random.nextInt(1000)));
                    return "title of " + name;
                }
                case 2 -> {
                    Files.writeString(article, text.replaceFirst("(?m)^date: .*$", "date: 20" + (10 + random.nextInt(15)) + "-0"
                            + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)));
                    return "date of " + name;
                }
                case 3 -> {
                    String topics = random.nextBoolean() ? "topics: [economy]" : "topics: [politics, economy]";
                    Files.writeString(article, text.contains("topics:") ? text.replaceFirst("(?m)^topics: .*$", topics)
                            : text.replaceFirst("(?m)^language:", topics + "\nlanguage:"));
                    return "topics of " + name;
                }
                case 4 -> {
                    Files.writeString(article, text.contains("draft: true") ? text.replace("draft: true\n", "")
                            : text.replaceFirst("(?m)^language:", "draft: true\nlanguage:"));
                    return "draft flag of " + name;
                }
                case 5 -> {
                    Path target = site.resolve("content/moved/" + article.getFileName());
                    Files.createDirectories(target.getParent());
                    if (!Files.exists(target)) {
                        Files.move(article, target);
                    }
                    return "moved " + name;
                }
                case 6 -> {
                    if (articles.size() > 3) {
                        Files.delete(article);
                    }
                    return "deleted " + name;
                }
                case 7 -> {
                    int n = random.nextInt(1000);
                    String language = random.nextBoolean() ? "nl" : "en";
                    TestSites.write(site.resolve("content/new/story-" + n + "." + language + ".md"), "---\ntitle: Story " + n
                            + "\ndate: 2021-0" + (1 + random.nextInt(9)) + "-11\nlanguage: " + language
                            + "\ntopics: [politics]\n---\nSee [the first story](../a/story." + language + ".md).\n");
                    return "added story " + n;
                }
                case 8 -> {
                    String yaml = Files.readString(site.resolve("site.yaml"));
                    Files.writeString(site.resolve("site.yaml"), yaml.replaceFirst("pageSize: \\d+", "pageSize: " + (1 + random.nextInt(4))));
                    return "page size";
                }
                case 9 -> {
                    // Changes the sitemap's lastmod and the feeds' <updated>, but no address.
                    String updated = "updated: 2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                    Files.writeString(article, text.contains("updated:") ? text.replaceFirst("(?m)^updated: .*$", updated)
                            : text.replaceFirst("(?m)^language:", updated + "\nlanguage:"));
                    return "updated date of " + name;
                }
                default -> {
                    TestSites.write(site.resolve("templates/i18n/nl.yaml"), "latest: Laatste nieuws " + random.nextInt(100) + "\n");
                    return "UI string";
                }
            }
        }

        static List<Path> articles(Path site) throws IOException {
            try (Stream<Path> files = Files.walk(site.resolve("content"))) {
                return new ArrayList<>(files.filter(f -> f.toString().endsWith(".md")).sorted().toList());
            }
        }

        /** Makes every source file look older than the racy window, as files are between builds in real use. */
        static void age(Path site) throws IOException {
            long old = System.currentTimeMillis() - 60_000;
            try (Stream<Path> files = Files.walk(site)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(old));
                }
            }
        }
    }
}
