package org.tolk.serve;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tolk.check.Problem;

/**
 * The preview's terminal: one line per rebuild (when, what changed, what it rewrote, how long it took), and
 * the problems in the {@code path:line:column: error: message} form that terminals and editors link to.
 * Errors are printed after every rebuild that still has them; a warning only the first time it appears.
 */
public final class TerminalLog {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean debug;
    private Set<Problem> warned = new HashSet<>();
    private boolean failing;

    public TerminalLog(PrintWriter out, PrintWriter err, boolean debug) {
        this.out = out;
        this.err = err;
        this.debug = debug;
    }

    /** Reports the first build: its problems, then a summary line. */
    public synchronized void first(Rebuild build) {
        problems(build.problems());
        if (build.failed()) {
            out.println("The site has " + plural(build.errorCount(), "error") + "; serving what could be built. "
                    + "Fix and save: the preview rebuilds by itself.");
        } else {
            out.println("Built " + plural(build.changed().stream().filter(p -> p.endsWith(".html")).count(), "page")
                    + " and " + plural(build.files() - build.pagesChanged(), "other file") + " in " + build.duration().toMillis() + " ms.");
        }
        failing = build.failed();
        crash(build);
        out.flush();
    }

    /** Reports a rebuild after a change, as one line (plus its problems). */
    public synchronized void rebuild(Rebuild build) {
        String line = CLOCK.format(LocalTime.now()) + "  " + sources(build.sources()) + " → ";
        long ms = build.duration().toMillis();
        if (build.failed()) {
            line += plural(build.errorCount(), "error") + (build.swapped() ? "" : ", still serving the last good build")
                    + " (" + ms + " ms)";
            out.println(line);
            problems(build.problems());
        } else {
            String fixed = failing ? "fixed; " : "";
            if (build.changed().isEmpty()) {
                line += fixed + "no page changed (" + ms + " ms)";
            } else if (build.cssOnly()) {
                line += fixed + "style sheet" + (build.changed().size() == 1 ? "" : "s") + " swapped in place, rebuilt in " + ms + " ms";
            } else {
                long pages = build.pagesChanged();
                long other = build.changed().size() - pages;
                line += fixed + plural(pages, "page") + (other > 0 ? " and " + plural(other, "other file") : "")
                        + " rewritten" + churn(build) + " in " + ms + " ms";
            }
            out.println(line);
            problems(build.problems());
        }
        failing = build.failed();
        crash(build);
        out.flush();
    }

    private static String churn(Rebuild build) {
        long added = build.added().size();
        long removed = build.removed().size();
        if (added == 0 && removed == 0) return "";
        return " (" + (added > 0 ? added + " new" : "") + (added > 0 && removed > 0 ? ", " : "")
                + (removed > 0 ? removed + " gone" : "") + ")";
    }

    private void problems(List<Problem> problems) {
        Set<Problem> now = new HashSet<>();
        for (Problem problem : problems) {
            if (problem.isError()) {
                err.println(problem);
            } else {
                now.add(problem);
                if (!warned.contains(problem)) {
                    err.println(problem);
                }
            }
        }
        warned = now;
        err.flush();
    }

    private void crash(Rebuild build) {
        if (build.crash() != null && debug) {
            build.crash().printStackTrace(err);
            err.flush();
        }
    }

    /** {@code content/a.nl.md}, {@code content/a.nl.md and content/a.en.md}, {@code content/a.nl.md and 4 more}. */
    static String sources(List<String> sources) {
        if (sources.isEmpty() || sources.contains("")) {
            return "many files changed";
        }
        if (sources.size() == 1) return sources.get(0);
        if (sources.size() == 2) return sources.get(0) + " and " + sources.get(1);
        return sources.get(0) + " and " + (sources.size() - 1) + " more";
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
