package org.tolk.serve;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.tolk.check.Problem;

/**
 * What one rebuild of the preview did, for the browsers (what to reload) and the terminal (one line).
 *
 * @param number   the build's number; the served generation has it when {@link #swapped}
 * @param sources  the source files whose change caused it, relative to the site root ({@code content/a.nl.md});
 *                 empty for the first build
 * @param problems every problem the build found; with errors, the last good pages stay served
 * @param swapped  whether the browsers now get this build's pages: false when it had errors and a good build
 *                 is being served (the preview keeps showing what last worked, with the errors over it)
 * @param changed  output paths whose bytes differ from what was served before: added, modified and removed
 * @param added    output paths that were not served before (a subset of {@code changed})
 * @param removed  output paths that are no longer served (a subset of {@code changed})
 * @param files    how many files the preview now serves
 * @param crash    an unexpected failure inside Tolk (a bug, not a mistake in the site), or null
 */
public record Rebuild(long number, List<String> sources, Duration duration, List<Problem> problems, boolean swapped,
                      Set<String> changed, Set<String> added, Set<String> removed, int files, Throwable crash) {

    public boolean failed() {
        return crash != null || problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    /** Only style sheets changed: browsers swap them in place instead of reloading the page. */
    public boolean cssOnly() {
        return !changed.isEmpty() && changed.stream().allMatch(p -> p.endsWith(".css"));
    }

    /** HTML pages among {@link #changed}: what a page load shows, as opposed to feeds, images or style sheets. */
    public long pagesChanged() {
        return changed.stream().filter(p -> p.endsWith(".html")).count();
    }
}
