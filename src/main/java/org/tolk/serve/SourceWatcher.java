package org.tolk.serve;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reports changed source files (absolute paths, already filtered by {@link WatchScope}) in batches, from its
 * own thread, each with how it changed. A batch may hold a folder rather than the files in it, when a whole
 * folder appeared or vanished.
 */
interface SourceWatcher extends AutoCloseable {

    /** How a path changed. */
    enum Change {
        CREATED, MODIFIED, DELETED;

        /**
         * Two changes of one path in a row, as one: created then deleted is nothing at all (a temporary
         * file of an editor or of {@code sed -i}); deleted then created is a modification (an atomic save).
         * Null means "no change".
         */
        static Change merge(Change first, Change then) {
            if (first == null) return then;
            if (first == CREATED) return then == DELETED ? null : CREATED;
            if (first == DELETED) return then == DELETED ? DELETED : MODIFIED;
            return then == DELETED ? DELETED : MODIFIED;
        }
    }

    /** Starts watching; {@code onChange} gets every batch of relevant changes. */
    void start(Consumer<Map<Path, Change>> onChange) throws IOException;

    /** Stops watching and waits for the watching thread to end. */
    @Override
    void close();

    /** A short description for the terminal ("file-system events", "polling every 300 ms"). */
    String describe();

    /**
     * The operating system's change notification where the JDK has one (inotify on Linux, the
     * ReadDirectoryChanges API on Windows); elsewhere, notably on macOS, where the JDK's watch service
     * only polls every few seconds, Tolk's own faster poller.
     */
    static SourceWatcher forPlatform(WatchScope scope, Duration pollInterval) throws IOException {
        try (WatchService probe = FileSystems.getDefault().newWatchService()) {
            if (probe.getClass().getName().contains("Polling")) {
                return new PollingWatcher(scope, pollInterval);
            }
        }
        return new NativeWatcher(scope);
    }
}
