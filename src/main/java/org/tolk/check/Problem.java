package org.tolk.check;

import java.util.Comparator;

/**
 * One mistake in a site's input, at a place a user can jump to.
 *
 * @param path   path relative to the site root, with forward slashes ({@code content/2017/a.nl.md})
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 */
public record Problem(String path, int line, int column, Severity severity, String message) {

    /** Sorted by file, then position, so that a run's report reads top to bottom like the files. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public static Problem error(String path, int line, int column, String message) {
        return new Problem(path, line, column, Severity.ERROR, message);
    }

    public static Problem warning(String path, int line, int column, String message) {
        return new Problem(path, line, column, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The {@code path:line:column: severity: message} form that editors and CI logs link to. */
    @Override
    public String toString() {
        return path + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": " + severity.label() + ": " + message;
    }
}
