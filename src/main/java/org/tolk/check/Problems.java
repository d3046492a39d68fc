package org.tolk.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the problems of a build. Thread-safe, because articles are read and rendered in parallel;
 * {@link #sorted()} gives a deterministic order whatever the thread count.
 */
public final class Problems {
    private final ConcurrentLinkedQueue<Problem> all = new ConcurrentLinkedQueue<>();

    public void add(Problem problem) {
        all.add(problem);
    }

    public void addAll(Iterable<Problem> problems) {
        problems.forEach(all::add);
    }

    public void error(String path, int line, int column, String message) {
        add(Problem.error(path, line, column, message));
    }

    public void warning(String path, int line, int column, String message) {
        add(Problem.warning(path, line, column, message));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
        return all.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return all.size() - errorCount();
    }

    public List<Problem> sorted() {
        List<Problem> list = new ArrayList<>(all);
        list.sort(Problem.ORDER);
        return List.copyOf(list);
    }
}
