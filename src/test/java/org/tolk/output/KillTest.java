package org.tolk.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;

/** kill -9 in the middle of writing: the previous site must be exactly as it was. */
class KillTest {

    @Test
    void aBuildKilledWhileWritingLeavesThePreviousSiteIntact(@TempDir Path dir) throws Exception {
        Path site = TestSites.copy("basic", dir);
        assertTrue(TestSites.build(site).written());
        Map<String, String> before = TestSites.snapshot(site.resolve("site"));

        // Enough articles that writing takes a while; each run of the test kills at the first sign of staging.
        for (int i = 0; i < 800; i++) {
            TestSites.write(site.resolve("content/bulk/story-" + i + ".en.md"), "---\ntitle: Story " + i
                    + "\ndate: 2021-01-01T10:00:00\nlanguage: en\ntopics: [politics]\n---\n" + "Words. ".repeat(400) + "\n");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process build = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.tolk.cli.Main",
                "build", "--source", site.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        boolean killed = false;
        while (System.nanoTime() < deadline && build.isAlive()) {
            if (stagedFiles(site) > 50) {
                build.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
                killed = true;
                break;
            }
            Thread.sleep(5);
        }
        build.waitFor();
        assertTrue(killed, "the build finished before it could be killed: " + Files.readString(dir.resolve("build.log")));

        assertEquals(before, TestSites.snapshot(site.resolve("site")));
        // The next build cleans up the staging folder and publishes the new site.
        assertTrue(TestSites.build(site).written());
        assertEquals(0, stagedFiles(site));
        assertTrue(Files.exists(site.resolve("site/en/2021/01/story-799/index.html")));
    }

    private static long stagedFiles(Path site) throws Exception {
        try (Stream<Path> siblings = Files.list(site)) {
            for (Path staging : siblings.filter(p -> p.getFileName().toString().startsWith(".tolk-staging-")).toList()) {
                try (Stream<Path> files = Files.walk(staging)) {
                    return files.filter(f -> f.toString().endsWith(".html")).count();
                } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

}
