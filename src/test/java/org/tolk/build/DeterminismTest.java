package org.tolk.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.TestSites;

/**
 * The same sources give the same bytes in every run: another JVM (with its own hash seeds and thread
 * timing) and one thread or many must all write the sample site identically.
 */
class DeterminismTest {

    /**
     * Three other JVMs, one of them single-threaded. Hash seeds are random per JVM, so a hash-order bug
     * (Map.of, Set.of) slips past one comparison half the time, past three one time in eight.
     */
    @Test
    void otherProcessesWriteTheSameBytes(@TempDir Path dir) throws Exception {
        Path here = TestSites.sample(dir.resolve("here"));
        assertTrue(TestSites.build(here).written());
        var expected = TestSites.snapshot(here.resolve("site"));

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<Process> builds = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path there = TestSites.sample(dir.resolve("there" + i));
            builds.add(new ProcessBuilder(javaBin, "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + (i + 1),
                    "-cp", System.getProperty("java.class.path"), "org.tolk.cli.Main", "build", "--source", there.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("build" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(0, builds.get(i).waitFor(), Files.readString(dir.resolve("build" + i + ".log")));
            var actual = TestSites.snapshot(dir.resolve("there" + i).resolve("sample/site"));
            var differing = new java.util.TreeSet<String>();
            expected.forEach((file, hash) -> {
                if (!hash.equals(actual.get(file))) differing.add(file);
            });
            assertEquals(java.util.Set.of(), differing, "process " + i);
            assertEquals(expected.keySet(), actual.keySet());
        }
    }
}
