package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tolk.serve.PreviewFixture.eventually;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tolk.TestSites;

/**
 * Changes on disk reach the browser: each test changes files the way an editor, a shell or git does and
 * waits for the preview to serve the result. Every test runs with file-system events and with polling.
 */
class WatcherTest {
    @TempDir
    Path temp;

    private PreviewFixture start(boolean poll) throws IOException {
        Path site = PreviewFixture.copy(temp);
        Preview.Settings settings = PreviewFixture.settings(site).withPolling(poll, Duration.ofMillis(100));
        return PreviewFixture.start(site, settings);
    }

    private static void awaitPage(PreviewFixture f, String path, String text) {
        eventually(path + " showing '" + text + "'", () -> f.get(path).body().contains(text));
    }

    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void anEditedArticleIsServedAfterTheRebuild(boolean poll) throws IOException {
        try (PreviewFixture f = start(poll)) {
            f.replace("content/2024/story/story.nl.md", "Een woordvoerder wilde", "Een woordvoerster wilde");
            awaitPage(f, "/nl/2024/03/story/", "Een woordvoerster wilde");
            Rebuild rebuild = f.awaitRebuildOf("content/2024/story/story.nl.md");
            assertTrue(rebuild.changed().contains("nl/2024/03/story/index.html"));
            assertEquals(List.of("content/2024/story/story.nl.md"), rebuild.sources());
        }
    }

    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void aNewArticleAppearsAndADeletedOneGoes(boolean poll) throws IOException {
        try (PreviewFixture f = start(poll)) {
            f.write("content/2024/new.en.md", "---\ntitle: Brand new\ndate: 2024-04-01T10:00:00Z\nlanguage: en\n---\nFresh text.\n");
            awaitPage(f, "/en/2024/04/new/", "Fresh text.");
            awaitPage(f, "/en/", "Brand new");

            Files.delete(f.site.resolve("content/2024/new.en.md"));
            eventually("the deleted article's page to be gone", () -> f.get("/en/2024/04/new/").statusCode() == 404);
            assertFalse(f.get("/en/").body().contains("Brand new"));
        }
    }

    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void aRenamedArticleMovesToItsNewUrl(boolean poll) throws IOException {
        try (PreviewFixture f = start(poll)) {
            Path from = f.site.resolve("content/2024/only-dutch.nl.md");
            Files.move(from, f.site.resolve("content/2024/alleen-nederlands.nl.md"));
            awaitPage(f, "/nl/2024/02/alleen-nederlands/", "alleen in het Nederlands");
            eventually("the old URL to be gone", () -> f.get("/nl/2024/02/only-dutch/").statusCode() == 404);
        }
    }

    /** vim, IntelliJ, VS Code (atomic save): write a temporary file beside the real one, then rename it over. */
    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void anAtomicSaveIsOneChangeOfTheRealFile(boolean poll) throws IOException {
        try (PreviewFixture f = start(poll)) {
            Path real = f.site.resolve("content/2024/story/story.en.md");
            Path temporary = f.site.resolve("content/2024/story/story.en.md.tmp");
            Files.writeString(temporary, Files.readString(real).replace("A spokesman would not", "A spokeswoman would not"));
            Files.move(temporary, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            awaitPage(f, "/en/2024/03/story/", "A spokeswoman would not");
            Rebuild rebuild = f.awaitRebuildOf("content/2024/story/story.en.md");
            assertEquals(List.of("content/2024/story/story.en.md"), rebuild.sources(), "the temporary file is not a change");
        }
    }

    /** {@code sed -i} and some editors write a temporary file with an unremarkable name and rename it over. */
    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void aTemporaryFileThatComesAndGoesIsNotReported(boolean poll) throws IOException {
        try (PreviewFixture f = start(poll)) {
            Path real = f.site.resolve("content/2024/story/story.en.md");
            Path temporary = f.site.resolve("content/2024/story/sedX4fQ2a");
            Files.writeString(temporary, Files.readString(real).replace("to talk to family", "to call family"));
            Files.move(temporary, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            awaitPage(f, "/en/2024/03/story/", "to call family");
            for (Rebuild rebuild : f.rebuilds) {
                assertFalse(rebuild.sources().contains("content/2024/story/sedX4fQ2a"), rebuild.sources().toString());
            }
        }
    }

    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void editorLeftoversAloneTriggerNoRebuild(boolean poll) throws IOException, InterruptedException {
        try (PreviewFixture f = start(poll)) {
            f.write("content/2024/story/.story.nl.md.swp", "swap");
            f.write("content/2024/story/story.nl.md~", "backup");
            f.write("content/2024/story/#story.nl.md#", "autosave");
            f.write("content/.git/index", "git");
            // Then a real change: the rebuild it causes must be the first one, and only about it.
            f.replace("content/2024/only-dutch.nl.md", "bestaat alleen", "bestaat voorlopig alleen");
            awaitPage(f, "/nl/2024/02/only-dutch/", "bestaat voorlopig alleen");
            f.awaitRebuildOf("content/2024/only-dutch.nl.md");
            assertEquals(List.of("content/2024/only-dutch.nl.md"), f.rebuilds.get(0).sources());
        }
    }

    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void aFolderMovedInWithArticlesIsWatchedAndBuilt(boolean poll) throws IOException {
        try (PreviewFixture f = start(poll)) {
            Path outside = temp.resolve("incoming");
            TestSites.write(outside.resolve("deep/er.en.md"), "---\ntitle: Moved in\ndate: 2024-05-01T10:00:00Z\nlanguage: en\n---\nFrom outside.\n");
            Files.move(outside, f.site.resolve("content/2025"));
            awaitPage(f, "/en/2024/05/er/", "From outside.");
            // The new folders are watched too.
            f.replace("content/2025/deep/er.en.md", "From outside.", "From outside, edited.");
            awaitPage(f, "/en/2024/05/er/", "From outside, edited.");
        }
    }

    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void siteYamlTemplatesAndAssetsAreWatched(boolean poll) throws IOException {
        try (PreviewFixture f = start(poll)) {
            f.replace("site.yaml", "title: {nl: Proefkrant", "title: {nl: Oefenkrant");
            awaitPage(f, "/nl/", "Oefenkrant");

            f.write("templates/assets/tolk.css", "body { background-color: rgb(1, 2, 3); }\n");
            awaitPage(f, "/assets/tolk.css", "rgb(1, 2, 3)");
            assertTrue(f.awaitRebuildOf("templates/assets/tolk.css").cssOnly());

            f.write("templates/404.ftlh", "<#-- a site's own 404 page -->\n<!doctype html><html><head><title>Weg</title></head><body>Nergens te vinden</body></html>\n");
            eventually("the site's new 404 template", () -> f.get("/missing/").body().contains("Nergens te vinden"));
            assertEquals(404, f.get("/missing/").statusCode());
        }
    }

    @ParameterizedTest(name = "poll={0}")
    @ValueSource(booleans = {false, true})
    void aBurstOfChangesIsOneRebuild(boolean poll) throws IOException {
        Path site = PreviewFixture.copy(temp);
        // Long quiet period, so that the burst ends well within it however slow the machine.
        Preview.Settings settings = new Preview.Settings(TestSites.options(site), "127.0.0.1", 0, 1, poll,
                Duration.ofMillis(100), Duration.ofMillis(poll ? 600 : 400), Duration.ofSeconds(20));
        try (PreviewFixture f = PreviewFixture.start(site, settings)) {
            for (int i = 0; i < 20; i++) {
                f.write("content/2024/burst-" + i + ".en.md", "---\ntitle: Burst " + i + "\ndate: 2024-06-01T10:00:00Z\nlanguage: en\n---\nBurst.\n");
            }
            eventually("all twenty articles", () -> f.rebuilds.stream().mapToInt(r -> r.sources().size()).sum() >= 20);
            assertEquals(200, f.get("/en/2024/06/burst-19/").statusCode());
            assertTrue(f.rebuilds.size() <= 2, "debounced into one rebuild (two at most), not " + f.rebuilds.size());
            assertEquals(20, f.rebuilds.stream().mapToInt(r -> r.sources().size()).sum());
        }
    }
}
