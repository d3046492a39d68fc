package org.tolk.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /**
     * The output folder is made as any folder there would be (the umask's permissions), not private to its owner
     * as a JDK temporary folder is: a web server running as another user must be able to read the site.
     */
    @Test
    void theOutputFolderHasTheUsualPermissions(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path site = TestSites.copy("basic", dir);
        assertTrue(TestSites.build(site).written());
        Path plain = Files.createDirectory(site.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(site.resolve("site")));
    }

    /** Keeping every file at once (a rebuild after a body edit) when all are there; one rendered again replaces its kept copy. */
    @Test
    void keepsEveryFileAtOnceOnlyWhenAllAreThere(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        try (StagedOutput first = StagedOutput.open(out)) {
            first.write("a/index.html", "a".getBytes());
            first.write("b/index.html", "b".getBytes());
            first.commit();
        }
        StagedOutput.Listing present = new StagedOutput.Listing();
        assertTrue(StagedOutput.refusals(out, dir, List.of(), false, present).isEmpty());
        try (StagedOutput second = StagedOutput.open(out, false, present)) {
            assertTrue(second.reuseAll(List.of("a/index.html", "b/index.html")));
            second.write("b/index.html", "b2".getBytes());
            assertThrows(IOException.class, () -> second.write("b/index.html", "b3".getBytes()), "written twice");
            second.commit();
        }
        assertEquals("a", Files.readString(out.resolve("a/index.html")));
        assertEquals("b2", Files.readString(out.resolve("b/index.html")));

        // A file deleted by hand since: nothing is kept in bulk, so that the page is written again.
        Files.delete(out.resolve("a/index.html"));
        present = new StagedOutput.Listing();
        assertTrue(StagedOutput.refusals(out, dir, List.of(), false, present).isEmpty());
        try (StagedOutput third = StagedOutput.open(out, false, present)) {
            assertFalse(third.reuseAll(List.of("a/index.html", "b/index.html")));
        }
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

    /** The site's first build fails: neither an output folder nor a cache folder is left in the site. */
    @Test
    void aFailedFirstBuildLeavesNothingInTheSite(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        TestSites.write(site.resolve("content/bad.nl.md"), "---\ntitle: Zonder taal\n---\nTekst.\n");
        BuildResult result = Build.run(TestSites.options(site));
        assertFalse(result.written());
        try (Stream<Path> top = Files.list(site)) {
            assertEquals(List.of("content", "site.yaml"), top.map(p -> p.getFileName().toString()).sorted().toList());
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

    /** --force on a folder Tolk never wrote (no manifest): its files are moved aside, never deleted. */
    @Test
    void forcingAFolderThatIsNotTolksOutputMovesItsFilesAside(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        TestSites.write(site.resolve("public/index.html"), "<p>hand-made</p>");
        TestSites.write(site.resolve("public/notes/todo.txt"), "mine");
        BuildResult forced = Build.run(TestSites.options(site).withOutput(site.resolve("public")).withForce(true));
        assertTrue(forced.written(), forced.problems().toString());
        assertFalse(Files.readString(site.resolve("public/index.html")).contains("hand-made"));
        try (Stream<Path> siblings = Files.list(site)) {
            Path old = siblings.filter(p -> p.getFileName().toString().startsWith(".tolk-old-public-")).findFirst().orElseThrow();
            assertEquals("<p>hand-made</p>", Files.readString(old.resolve("index.html")));
            assertEquals("mine", Files.readString(old.resolve("notes/todo.txt")));
        }
        // The next build leaves them there too.
        assertTrue(Build.run(TestSites.options(site).withOutput(site.resolve("public"))).written());
        try (Stream<Path> siblings = Files.list(site)) {
            Path old = siblings.filter(p -> p.getFileName().toString().startsWith(".tolk-old-public-")).findFirst().orElseThrow();
            assertEquals("mine", Files.readString(old.resolve("notes/todo.txt")));
        }
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

    /** A rebuild that changes a few pages moves just those in: every other file stays the very same file. */
    @Test
    void aRebuildAfterOneEditReplacesOnlyTheFilesThatChanged(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        assertTrue(TestSites.build(site).written());
        Object outputFolder = Files.getAttribute(site.resolve("site"), "unix:ino");
        Object keptFile = Files.getAttribute(site.resolve("site/en/2017/07/story/index.html"), "unix:ino");
        Object editedFile = Files.getAttribute(site.resolve("site/nl/2019/03/only-nl/index.html"), "unix:ino");
        Path edited = site.resolve("content/c/only-nl.nl.md");
        TestSites.write(edited, Files.readString(edited) + "\nEen extra alinea.\n");

        assertTrue(TestSites.build(site).written());
        assertEquals(outputFolder, Files.getAttribute(site.resolve("site"), "unix:ino"), "updated in place, not swapped");
        assertEquals(keptFile, Files.getAttribute(site.resolve("site/en/2017/07/story/index.html"), "unix:ino"));
        assertFalse(editedFile.equals(Files.getAttribute(site.resolve("site/nl/2019/03/only-nl/index.html"), "unix:ino")));
        assertTrue(Files.readString(site.resolve("site/nl/2019/03/only-nl/index.html")).contains("Een extra alinea."));
        assertEquals(List.of(), stagedFolders(site));

        // A page no longer produced goes, with the folders it leaves empty; nothing else does.
        Files.delete(edited);
        assertTrue(TestSites.build(site).written());
        assertFalse(Files.exists(site.resolve("site/nl/2019/03/only-nl")));
        assertTrue(Files.exists(site.resolve("site/nl/2017/07/story/index.html")));
        assertFalse(Files.readString(site.resolve("site/" + StagedOutput.MANIFEST)).contains("only-nl"));
    }

    /** The journal is the moment of commit: a run killed while moving files in is finished by the next one. */
    @Test
    void anUpdateInterruptedAfterItsJournalIsFinishedByTheNextRun(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("site");
        TestSites.write(output.resolve("a/index.html"), "old a");
        TestSites.write(output.resolve("gone/index.html"), "old gone");
        TestSites.write(output.resolve("b.html"), "b");
        TestSites.write(output.resolve(StagedOutput.MANIFEST), "a/index.html\nb.html\ngone/index.html\n");
        // What a killed run left: one new file moved in already, the other still staged, the manifest not yet moved.
        Path staging = dir.resolve(".tolk-staging-site-42");
        TestSites.write(staging.resolve("c/index.html"), "new c");
        TestSites.write(output.resolve("a/index.html"), "new a");
        TestSites.write(staging.resolve(StagedOutput.MANIFEST), "a/index.html\nb.html\nc/index.html\n");
        TestSites.write(staging.resolve(".tolk-journal"), "+a/index.html\n+c/index.html\n-gone/index.html\n");
        TestSites.write(dir.resolve("notes.txt"), "mine");

        try (StagedOutput next = StagedOutput.open(output)) {
            assertEquals("new a", Files.readString(output.resolve("a/index.html")));
            assertEquals("new c", Files.readString(output.resolve("c/index.html")));
            assertEquals("b", Files.readString(output.resolve("b.html")));
            assertFalse(Files.exists(output.resolve("gone")));
            assertEquals("a/index.html\nb.html\nc/index.html\n", Files.readString(output.resolve(StagedOutput.MANIFEST)));
            assertFalse(Files.exists(staging));
            assertTrue(Files.exists(dir.resolve("notes.txt")));
        }
    }

    /** A build finishes a killed update before it looks over the output: the update's new files are Tolk's own. */
    @Test
    void aBuildAfterAnUpdateKilledWhileMovingFilesInFinishesItFirst(@TempDir Path dir) throws IOException {
        Path site = TestSites.copy("basic", dir);
        assertTrue(TestSites.build(site).written());
        Path output = site.resolve("site");
        // The killed update had written its journal and moved its one new file in.
        String manifest = Files.readString(output.resolve(StagedOutput.MANIFEST));
        Path staging = site.resolve(".tolk-staging-site-77");
        TestSites.write(staging.resolve(StagedOutput.MANIFEST), manifest + "extra/index.html\n");
        TestSites.write(staging.resolve(".tolk-journal"), "+extra/index.html\n");
        TestSites.write(output.resolve("extra/index.html"), "moved in before the kill");

        BuildResult result = TestSites.build(site);
        assertTrue(result.written(), result.problems().toString());
        assertFalse(Files.exists(output.resolve("extra")), "Tolk's own file, not produced by this build: removed");
        assertEquals(List.of(), stagedFolders(site));
    }

    /** An update that never got as far as its journal is thrown away: the output is the old site. */
    @Test
    void anUpdateKilledBeforeItsJournalLeavesTheOldSite(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("site");
        TestSites.write(output.resolve("a/index.html"), "old a");
        TestSites.write(output.resolve(StagedOutput.MANIFEST), "a/index.html\n");
        Path staging = dir.resolve(".tolk-staging-site-43");
        TestSites.write(staging.resolve("a/index.html"), "new a");
        TestSites.write(staging.resolve(".tolk-journal.tmp"), "+a/index.html\n");
        try (StagedOutput next = StagedOutput.open(output)) {
            assertEquals("old a", Files.readString(output.resolve("a/index.html")));
            assertFalse(Files.exists(staging));
        }
    }

    private static List<Path> stagedFolders(Path site) throws IOException {
        try (Stream<Path> siblings = Files.list(site)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(".tolk-")).filter(p -> !p.getFileName().toString().equals(".tolk")).toList();
        }
    }
}
