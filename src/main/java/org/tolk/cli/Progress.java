package org.tolk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A progress line on the terminal for builds that take longer than a second; silent when output is
 * not a terminal (CI logs) and for quick builds.
 */
final class Progress implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final PrintWriter err;
    private volatile boolean shown;

    Progress(LongAdder pages, PrintWriter err, boolean enabled) {
        this.err = err;
        if (!enabled) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tolk-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            shown = true;
            long done = pages.sum();
            err.print("\r\u001b[K" + (done == 0 ? "Reading content…" : "Rendering: " + done + " pages done"));
            err.flush();
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            if (shown) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
