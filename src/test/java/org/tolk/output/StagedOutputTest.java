package org.tolk.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;
import org.tolk.build.Build;
import org.tolk.build.BuildResult;
import org.tolk.check.Problem;

class StagedOutputTest {

    @Test
    void aBuildReplacesOnlyWhatTolkCreated(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        assertTrue(TestSites.build(site).written());
        assertTrue(Files.isRegularFile(site.resolve("site/.tolk-manifest")));
        // An article removed from content/ disappears from the output on the next build.
        Files.delete(site.resolve("content/f/third.en.md"));
        assertTrue(TestSites.build(site).written());
        assertFalse(Files.exists(site.resolve("site/en/2020/05/english-only")));
        assertTrue(Files.exists(site.resolve("site/en/2017/07/story/index.html")));
    }

    @Test
    void refusesAnOutputFolderWithFilesItDidNotCreate(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        assertTrue(TestSites.build(site).written());
        TestSites.write(site.resolve("site/CNAME"), "news.example.org\n");
        BuildResult refused = TestSites.build(site);
        assertFalse(refused.written());
        assertEquals(1, refused.problems().size());
        Problem problem = refused.problems().get(0);
        assertEquals("site", problem.path());
        assertTrue(problem.message().contains("holds 1 file(s) that Tolk did not create (CNAME)"), problem.message());
        assertTrue(problem.message().contains("--force"));
        assertTrue(Files.exists(site.resolve("site/CNAME")), "never deleted");

        BuildResult forced = Build.run(TestSites.options(site).withForce(true));
        assertTrue(forced.written());
        assertFalse(Files.exists(site.resolve("site/CNAME")), "moved aside with the old output");
        try (Stream<Path> siblings = Files.list(site)) {
            Path old = siblings.filter(p -> p.getFileName().toString().startsWith(".tolk-old-")).findFirst().orElseThrow();
            assertEquals("news.example.org\n", Files.readString(old.resolve("CNAME")), "kept, not deleted");
        }
    }

    @Test
    void refusesAFolderThatIsNotTolksOutput(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        TestSites.write(site.resolve("public/index.html"), "<p>hand-made</p>");
        BuildResult result = Build.run(TestSites.options(site).withOutput(site.resolve("public")));
        assertFalse(result.written());
        assertEquals("<p>hand-made</p>", Files.readString(site.resolve("public/index.html")));
    }

    @Test
    void refusesToWriteIntoTheSourcesOrOverTheSiteRoot(@TempDir Path dir) {
        Path site = TestSites.copy("basic", dir);
        for (String output : List.of("content", "content/a", ".", "..", "templates")) {
            BuildResult result = Build.run(TestSites.options(site).withOutput(site.resolve(output)).withForce(true));
            assertFalse(result.written(), output);
            assertTrue(result.problems().get(0).message().contains("choose another --output"), result.problems().toString());
        }
        assertTrue(Files.exists(site.resolve("content/a/story.nl.md")));
    }

    @Test
    void aStagingFolderLeftByAKilledBuildIsRemovedAndNothingElse(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        Path leftover = site.resolve(".tolk-staging-site-12345");
        TestSites.write(leftover.resolve("nl/index.html"), "half");
        TestSites.write(site.resolve(".tolk-notes.txt"), "mine");
        assertTrue(TestSites.build(site).written());
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(site.resolve(".tolk-notes.txt")));
    }
}
