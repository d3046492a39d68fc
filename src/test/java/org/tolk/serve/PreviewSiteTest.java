package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
     * The watcher names a folder moved in or out as the folder alone: the preview must find the files that went
     * with it, and a hidden folder stays out, as in a full build.
     */
    @Test
    void aFolderMovedAwayAndBackIsSeenWithEverythingInIt() throws IOException {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        Path folder = root.resolve("content/2024/story");
        Path away = temp.resolve("elsewhere");
        java.nio.file.Files.move(folder, away);
        Rebuild gone = site.rebuild(Set.of(folder));
        assertTrue(gone.removed().contains("nl/2024/03/story/index.html"), gone.removed().toString());
        assertEqualsFullBuild(root, site);

        Path renamed = root.resolve("content/2024/verhaal");
        java.nio.file.Files.move(away, renamed);
        Rebuild back = site.rebuild(Set.of(renamed));
        assertTrue(back.added().contains("nl/2024/03/story/index.html"), back.added().toString());
        assertTrue(back.added().contains("2024/verhaal/photo.svg"), back.added().toString());
        assertEqualsFullBuild(root, site);

        Path hidden = root.resolve("content/.drafts");
        TestSites.write(hidden.resolve("secret.nl.md"), "---\ntitle: Geheim\ndate: 2024-01-01\nlanguage: nl\n---\nNiet publiceren.\n");
        // The folder alone (as when it is moved in whole), then with its file: Set.of has no fixed order.
        site.rebuild(Set.of(hidden));
        assertEqualsFullBuild(root, site);
        site.rebuild(Set.of(hidden, hidden.resolve("secret.nl.md")));
        assertEqualsFullBuild(root, site);
    }

    @Test
    void anEditRendersOnlyWhatItAffectsAndKeepsEveryOtherPageAsItWas() {
        Path root = PreviewFixture.copy(temp);
        agedBy(root, Duration.ofHours(1));   // saved long ago: outside the cache's racy-file window
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        Generation before = site.served();
        TestSites.write(root.resolve("content/2024/story/story.nl.md"),
                read(root, "content/2024/story/story.nl.md").replace("title: Telegram weigert", "title: Telegram zegt nee en weigert"));
        Rebuild rebuild = site.rebuild(Set.of(root.resolve("content/2024/story/story.nl.md")));
        Generation after = site.served();
        assertTrue(rebuild.changed().contains("nl/2024/03/story/index.html"));
        // Kept, not rendered again: the very same bytes in memory, even on the first edit after start-up.
        assertSame(before.file("nl/2024/02/only-dutch/index.html").orElseThrow(), after.file("nl/2024/02/only-dutch/index.html").orElseThrow());
        assertSame(before.file("assets/tolk.css").orElseThrow(), after.file("assets/tolk.css").orElseThrow());
        // The English version's language switcher names the Dutch title, so it is rendered again, to the same bytes.
        assertNotSame(before.file("en/2024/03/story/index.html").orElseThrow(), after.file("en/2024/03/story/index.html").orElseThrow());
        assertEqualsFullBuild(root, site);
    }

    @Test
    void aRebuildWithNothingChangedRendersNothingEvenRightAfterStartUp() {
        Path root = PreviewFixture.copy(temp);
        agedBy(root, Duration.ofHours(1));
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        Generation before = site.served();
        Rebuild again = site.rebuild(Set.of(root.resolve("content/2024/only-dutch.nl.md")));
        assertTrue(again.changed().isEmpty());
        for (Map.Entry<String, ServedFile> file : before.files().entrySet()) {
            assertSame(file.getValue(), site.served().file(file.getKey()).orElseThrow(), file.getKey());
        }
    }

    /**
     * The cache's racy-file rule: a file saved again within the clock's resolution, at the same size, keeps its
     * modification time. Saved within two seconds of the rebuild before, it is compared by content, so the
     * edit is not missed.
     */
    @Test
    void aSameSizeEditThatKeepsTheFileTimeIsSeenWhenItFollowsTheLastRebuildClosely() throws IOException {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        Path file = root.resolve("content/2024/only-dutch.nl.md");
        site.rebuild(Set.of());
        // Saved just before a rebuild (a second ahead, so that a slow machine stays inside the window)...
        java.nio.file.attribute.FileTime time = java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(1));
        java.nio.file.Files.setLastModifiedTime(file, time);
        site.rebuild(Set.of(file));
        // ...and saved again at the same size and, as far as the file system can tell, at the same time.
        String text = read(root, "content/2024/only-dutch.nl.md");
        String edited = text.replace("Dit bericht bestaat", "Het bericht bestaat");
        assertEquals(text.length(), edited.length());
        TestSites.write(file, edited);
        java.nio.file.Files.setLastModifiedTime(file, time);
        Rebuild rebuild = site.rebuild(Set.of(file));
        assertTrue(rebuild.changed().contains("nl/2024/02/only-dutch/index.html"), rebuild.changed().toString());
        assertEqualsFullBuild(root, site);
    }

    @Test
    void afterABuildWithErrorsTheNextRebuildStartsFromTheLastGoodOne() {
        Path root = PreviewFixture.copy(temp);
        agedBy(root, Duration.ofHours(1));
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        Path file = root.resolve("content/2024/story/story.en.md");
        String original = read(root, "content/2024/story/story.en.md");
        TestSites.write(file, original.replace("title: Telegram", "title: [Telegram"));
        assertTrue(site.rebuild(Set.of(file)).failed());
        TestSites.write(file, original.replace("title: Telegram refuses", "title: Telegram declines"));
        Rebuild fixed = site.rebuild(Set.of(file));
        assertFalse(fixed.failed(), fixed.problems().toString());
        assertTrue(fixed.changed().contains("en/2024/03/story/index.html"));
        assertEqualsFullBuild(root, site);
    }

    /**
     * Design rule: whatever the preview serves after any sequence of edits is byte-identical to a full build
     * of the same files. Rebuilds are incremental, so this compares them with a full build after every step:
     * edits to articles, a same-size edit (a date), a style sheet, a new article, a deleted one, a renamed
     * one, a broken file and its fix, the UI strings and site.yaml.
     */
    @Test
    void afterRandomEditsThePreviewServesExactlyWhatAFullBuildWrites() throws IOException {
        Path root = PreviewFixture.copy(temp);
        PreviewSite site = site(root);
        site.rebuild(Set.of());
        Random random = new Random(42);
        String[] files = {"content/2024/story/story.nl.md", "content/2024/story/story.en.md", "content/2024/only-dutch.nl.md",
                "templates/assets/tolk.css"};
        for (int i = 0; i < 40; i++) {
            String file = files[random.nextInt(files.length)];
            Path changed = root.resolve(file);
            int kind = random.nextInt(9);
            if (!java.nio.file.Files.exists(changed)) {
                kind = 6;   // gone: bring it back
            }
            String text = java.nio.file.Files.exists(changed) ? read(root, file) : "";
            switch (kind) {
                case 0 -> TestSites.write(changed, text + (file.endsWith(".css") ? "\n/* edit " + i + " */\n" : "\nEdit " + i + ".\n"));
                case 1 -> TestSites.write(changed, text.contains("2024-0") ? text.replace("2024-0", "2023-0") : text.replace("2023-0", "2024-0"));
                case 2 -> TestSites.write(changed, text.replace("\n\n", "\n\nInserted paragraph " + i + ".\n\n"));
                case 3 -> {   // a new article in the same story's folder, linking to the edited one
                    changed = root.resolve("content/2024/new-" + i + ".nl.md");
                    TestSites.write(changed, "---\ntitle: Nieuw " + i + "\ndate: 2024-02-0" + (1 + i % 9) + "T10:00:00+01:00\nlanguage: nl\n"
                            + "topics: [politics]\n---\nNieuw artikel " + i + ".\n");
                }
                case 4 -> {   // delete a file (an article comes back at kind 6)
                    if (!file.endsWith(".css")) {
                        saved.put(file, text);
                        java.nio.file.Files.delete(changed);
                    }
                }
                case 5 -> {   // a YAML mistake, fixed at the next step
                    if (!file.endsWith(".css")) {
                        TestSites.write(changed, text.replaceFirst("title: ", "title: ["));
                        site.rebuild(Set.of(changed));
                        TestSites.write(changed, text);
                    }
                }
                case 6 -> TestSites.write(changed, saved.getOrDefault(file, text));
                case 7 -> {   // site.yaml: every page depends on it
                    changed = root.resolve("site.yaml");
                    String yaml = read(root, "site.yaml");
                    TestSites.write(changed, yaml.contains("# edit") ? yaml.replaceAll("# edit \\d+\n", "") : yaml + "# edit " + i + "\n");
                }
                default -> {   // an edit that does not change the bytes: nothing to render
                    TestSites.write(changed, text);
                }
            }
            site.rebuild(Set.of(changed));
            assertEqualsFullBuild(root, site);
        }
    }

    private final Map<String, String> saved = new java.util.HashMap<>();

    /** The served files are exactly, byte for byte, those of a full build of the same files. */
    private static void assertEqualsFullBuild(Path root, PreviewSite site) {
        MemorySink full = new MemorySink();
        List<Problem> problems = Build.renderInto(TestSites.options(root).withBaseUrl("http://127.0.0.1:1234/"), full).problems();
        assertFalse(problems.stream().anyMatch(Problem::isError), problems.toString());
        assertEquals(problems, site.problems());
        Map<String, ServedFile> served = new TreeMap<>(site.served().files());
        assertEquals(new TreeMap<>(full.files()).keySet(), served.keySet());
        for (Map.Entry<String, ServedFile> entry : full.files().entrySet()) {
            assertArrayEquals(bytes(entry.getValue()), bytes(served.get(entry.getKey())), entry.getKey());
        }
    }

    /** Sets every file's modification time {@code age} into the past, as for a site that was not just copied. */
    private static void agedBy(Path root, Duration age) {
        java.nio.file.attribute.FileTime then = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(age));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(root)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.setLastModifiedTime(file, then);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ServedFile file) {
        try (InputStream in = file.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
