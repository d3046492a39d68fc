package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.build.Build;
import org.tolk.check.Problem;

/** Rebuilding without a server: what a rebuild reports as changed, and what stays served when a build fails. */
class PreviewSiteTest {
    @TempDir
    Path temp;

    private PreviewSite site(Path root) {
        return new PreviewSite(TestSites.options(root).withBaseUrl("http://127.0.0.1:1234/"));
    }

    @Test
    void theFirstBuildServesEveryFileAndCountsAllAsNew() {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        Rebuild first = site.rebuild(Set.of());
        assertFalse(first.failed(), first.problems().toString());
        assertTrue(first.swapped());
        assertEquals(first.files(), first.added().size());
        assertTrue(site.served().file("nl/2024/03/story/index.html").isPresent());
        assertTrue(site.served().file("2024/story/photo.svg").orElseThrow() instanceof ServedFile.Copy, "images are not copied into memory");
        assertTrue(site.served().file("nl/2024/01/draft/index.html").isEmpty(), "drafts only with --drafts");
    }

    @Test
    void anEditedTitleChangesItsPageListingsAndFeedsButNotUnrelatedPages() {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        TestSites.write(root.resolve("content/2024/story/story.nl.md"),
                read(root, "content/2024/story/story.nl.md").replace("title: Telegram weigert", "title: Telegram zegt nee en weigert"));
        Rebuild rebuild = site.rebuild(Set.of(root.resolve("content/2024/story/story.nl.md")));
        assertEquals(java.util.List.of("content/2024/story/story.nl.md"), rebuild.sources());
        assertTrue(rebuild.changed().contains("nl/2024/03/story/index.html"));
        assertTrue(rebuild.changed().contains("nl/index.html"));
        assertTrue(rebuild.changed().contains("nl/feed.xml"));
        assertFalse(rebuild.changed().contains("nl/2024/02/only-dutch/index.html"));
        assertFalse(rebuild.changed().contains("assets/tolk.css"));
        assertFalse(rebuild.cssOnly());
        assertTrue(rebuild.added().isEmpty() && rebuild.removed().isEmpty());
        assertEquals(rebuild.number(), site.changedSince("nl/2024/03/story/index.html", rebuild.number() - 1));
        assertEquals(0, site.changedSince("nl/2024/02/only-dutch/index.html", rebuild.number() - 1));
    }

    @Test
    void aStyleSheetEditIsCssOnly() {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        TestSites.write(root.resolve("templates/assets/tolk.css"), "body { background-color: rgb(1, 2, 3); }\n");
        Rebuild rebuild = site.rebuild(Set.of(root.resolve("templates/assets/tolk.css")));
        assertEquals(Set.of("assets/tolk.css"), rebuild.changed());
        assertTrue(rebuild.cssOnly());
        assertTrue(site.cssChangedSince(rebuild.number() - 1));
        assertFalse(site.anythingChangedSince(rebuild.number() - 1));
    }

    @Test
    void aBuildWithErrorsKeepsTheLastGoodPagesServedAndFixingItComesBackClean() {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        Generation good = site.served();
        String original = read(root, "content/2024/story/story.en.md");
        TestSites.write(root.resolve("content/2024/story/story.en.md"), original.replace("title: Telegram", "title: [Telegram"));

        Rebuild broken = site.rebuild(Set.of(root.resolve("content/2024/story/story.en.md")));
        assertTrue(broken.failed());
        assertFalse(broken.swapped());
        assertTrue(broken.changed().isEmpty());
        Problem problem = broken.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals("content/2024/story/story.en.md", problem.path());
        assertTrue(problem.line() > 1, "the YAML error's own line");
        assertEquals(good, site.served(), "the last good generation is still served");
        assertEquals(broken.number(), site.number());

        TestSites.write(root.resolve("content/2024/story/story.en.md"), original);
        Rebuild fixed = site.rebuild(Set.of(root.resolve("content/2024/story/story.en.md")));
        assertFalse(fixed.failed());
        assertTrue(fixed.swapped());
        assertTrue(fixed.changed().isEmpty(), "back to exactly what was served: no browser reloads");
        assertTrue(site.problems().isEmpty());
    }

    @Test
    void withoutAnyGoodBuildTheLatestPartialBuildIsServed() {
        Path root = PreviewFixture.copy(temp);
        TestSites.write(root.resolve("content/2024/only-dutch.nl.md"), "---\ntitle: [broken\n---\nx\n");
        PreviewSite site = site(root);
        Rebuild first = site.rebuild(Set.of());
        assertTrue(first.failed());
        assertTrue(first.swapped(), "something to look at while the error is being fixed");
        assertTrue(site.served().file("nl/2024/03/story/index.html").isPresent());
        assertFalse(site.served().good());
    }

    @Test
    void aRemovedArticleIsReportedGoneAndARenamedOneAsMoved() {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        TestSites.write(root.resolve("content/2024/only-dutch.nl.md"),
                read(root, "content/2024/only-dutch.nl.md").replace("language: nl", "language: nl\nslug: nieuwe-naam"));
        Rebuild renamed = site.rebuild(Set.of(root.resolve("content/2024/only-dutch.nl.md")));
        assertEquals(Set.of("nl/2024/02/only-dutch/index.html"), renamed.removed());
        assertEquals(Set.of("nl/2024/02/nieuwe-naam/index.html"), renamed.added());
    }

    /**
     * Design rule: whatever the preview serves after any sequence of edits is byte-identical to a full build
     * of the same files. Today's rebuild is a full build, so this guards the seam the incremental build
     * (issue 6) will fill.
     */
    @Test
    void afterRandomEditsThePreviewServesExactlyWhatAFullBuildWrites() throws IOException {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        Random random = new Random(42);
        String[] files = {"content/2024/story/story.nl.md", "content/2024/story/story.en.md", "content/2024/only-dutch.nl.md",
                "templates/assets/tolk.css"};
        for (int i = 0; i < 12; i++) {
            String file = files[random.nextInt(files.length)];
            String text = read(root, file);
            String edited = switch (random.nextInt(3)) {
                case 0 -> text + (file.endsWith(".css") ? "\n/* edit " + i + " */\n" : "\nEdit " + i + ".\n");
                case 1 -> text.replace("2024-0", "2023-0");
                default -> text.replace("\n\n", "\n\nInserted paragraph " + i + ".\n\n");
            };
            TestSites.write(root.resolve(file), edited);
            site.rebuild(Set.of(root.resolve(file)));
        }
        MemorySink full = new MemorySink();
        Build.renderInto(TestSites.options(root).withBaseUrl("http://127.0.0.1:1234/"), full);
        Map<String, ServedFile> served = new TreeMap<>(site.served().files());
        assertEquals(new TreeMap<>(full.files()).keySet(), served.keySet());
        for (Map.Entry<String, ServedFile> entry : full.files().entrySet()) {
            assertArrayEquals(bytes(entry.getValue()), bytes(served.get(entry.getKey())), entry.getKey());
        }
    }

    private static byte[] bytes(ServedFile file) throws IOException {
        try (InputStream in = file.open()) {
            return in.readAllBytes();
        }
    }

    private static String read(Path root, String file) {
        try {
            return java.nio.file.Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
