package org.tolk.build;

import java.io.PrintStream;

/**
 * Wall time of each stage of one build, printed to stderr when the JVM runs with {@code -Dtolk.timings}
 * (for example {@code TOLK_JAVA_OPTS=-Dtolk.timings ./tolk build}): for benchmarks and profiling notes,
 * never for users' output.
 */
final class StageTimes {
    private static final boolean ENABLED = System.getProperty("tolk.timings") != null;

    private final long start = System.nanoTime();
    private long last = start;
    private final StringBuilder line = new StringBuilder("tolk timings (ms):");

    /** Ends the stage that ran since the previous call. */
    void stage(String name) {
        if (!ENABLED) {
            return;
        }
        long now = System.nanoTime();
        line.append(' ').append(name).append('=').append((now - last) / 1_000_000);
        last = now;
    }

    void print(PrintStream err) {
        if (ENABLED) {
            err.println(line + " total=" + (System.nanoTime() - start) / 1_000_000);
        }
    }
}
