package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.cli.Main;

/** {@code tolk serve} on the command line: its help, and its answers to mistakes (no stack traces). */
class ServeCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpExplainsTheOptionsAndTheTranslatorsView() {
        Run help = run("serve", "--help");
        assertEquals(0, help.code());
        for (String option : new String[] {"--port", "--bind", "--drafts", "--future", "--poll", "/_tolk/"}) {
            assertTrue(help.out().contains(option), option + " in\n" + help.out());
        }
    }

    @Test
    void aFolderWithoutSiteYamlIsAClearErrorNotAStackTrace(@TempDir Path empty) {
        Run run = run("serve", "--source", empty.toString(), "--port", "0");
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("tolk serve: no site.yaml in "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aPortOutOfRangeIsRefused(@TempDir Path empty) {
        Run run = run("serve", "--source", empty.toString(), "--port", "70000");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--port"), run.err());
    }

    @Test
    void theTerminalShowsOneLinePerRebuild() {
        StringWriter out = new StringWriter();
        TerminalLog log = new TerminalLog(new PrintWriter(out, true), new PrintWriter(out, true), false);
        log.rebuild(new Rebuild(2, java.util.List.of("content/a.nl.md"), java.time.Duration.ofMillis(42), java.util.List.of(), true,
                java.util.Set.of("nl/a/index.html", "nl/index.html", "nl/feed.xml"), java.util.Set.of(), java.util.Set.of(), 30, null));
        assertTrue(out.toString().matches("\\d\\d:\\d\\d:\\d\\d  content/a.nl.md → 2 pages and 1 other file rewritten in 42 ms\\R"),
                out.toString());

        out.getBuffer().setLength(0);
        org.tolk.check.Problem problem = org.tolk.check.Problem.error("content/a.nl.md", 3, 8, "invalid YAML");
        log.rebuild(new Rebuild(3, java.util.List.of("content/a.nl.md"), java.time.Duration.ofMillis(40), java.util.List.of(problem),
                false, java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), 30, null));
        assertTrue(out.toString().contains("content/a.nl.md → 1 error, still serving the last good build (40 ms)"), out.toString());
        assertTrue(out.toString().contains("content/a.nl.md:3:8: error: invalid YAML"), out.toString());

        out.getBuffer().setLength(0);
        log.rebuild(new Rebuild(4, java.util.List.of("content/a.nl.md", "content/b.nl.md", "content/c.nl.md"),
                java.time.Duration.ofMillis(41), java.util.List.of(), true, java.util.Set.of("assets/tolk.css"),
                java.util.Set.of(), java.util.Set.of(), 30, null));
        assertTrue(out.toString().contains("content/a.nl.md and 2 more → fixed; style sheet swapped in place, rebuilt in 41 ms"), out.toString());
    }
}
