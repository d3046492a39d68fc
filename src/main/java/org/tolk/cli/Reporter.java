package org.tolk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.tolk.build.BuildResult;
import org.tolk.check.Problem;

/** How results reach the terminal: problems one per line ({@code path:line:column: error: message}), then counts. */
final class Reporter {
    private Reporter() {
    }

    static void problems(BuildResult result, PrintWriter err, boolean strict) {
        for (Problem problem : result.problems()) {
            err.println(strict && !problem.isError()
                    ? new Problem(problem.path(), problem.line(), problem.column(), org.tolk.check.Severity.ERROR, problem.message())
                    : problem);
        }
        if (!result.problems().isEmpty()) {
            long errors = strict ? result.problems().size() : result.errorCount();
            long warnings = strict ? 0 : result.warningCount();
            err.println(plural(errors, "error") + ", " + plural(warnings, "warning"));
        }
    }

    static String summary(BuildResult result, String outputShown) {
        StringJoiner perLanguage = new StringJoiner(", ");
        for (Map.Entry<String, Integer> entry : result.pagesPerLanguage().entrySet()) {
            perLanguage.add((entry.getKey().isEmpty() ? "other" : entry.getKey()) + " " + entry.getValue());
        }
        double seconds = result.duration().toNanos() / 1e9;
        String kept = result.rendered() < result.files()
                ? String.format(Locale.ROOT, "; %d rendered, %d unchanged", result.rendered(), result.files() - result.rendered()) : "";
        return String.format(Locale.ROOT, "Built %s (%s) and %s into %s in %s (%.0f pages/s%s)",
                plural(result.htmlPages(), "page"), perLanguage, plural(result.files() - result.htmlPages(), "other file"),
                outputShown, time(result.duration()), seconds > 0 ? result.htmlPages() / seconds : 0.0, kept);
    }

    static String time(Duration duration) {
        long ms = duration.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
