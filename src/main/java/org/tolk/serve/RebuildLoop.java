package org.tolk.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Turns bursts of file changes into rebuilds, one at a time, on one thread.
 *
 * <p>Editors save in several steps (write a temporary file, rename it, touch the folder), and a
 * {@code git checkout} changes hundreds of files in a row: a rebuild starts once no change has arrived for
 * {@code quiet}, or {@code maxWait} after the first change of a burst that does not stop. Changes that
 * arrive during a rebuild are collected and rebuilt together right after it.
 */
final class RebuildLoop implements AutoCloseable {
    private final PreviewSite site;
    private final Duration quiet;
    private final Duration maxWait;
    private final Consumer<Rebuild> listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Map<Path, SourceWatcher.Change> pending = new HashMap<>();
    private final Thread thread;
    private long firstAt;
    private long lastAt;
    private boolean closed;

    RebuildLoop(PreviewSite site, Duration quiet, Duration maxWait, Consumer<Rebuild> listener) {
        this.site = site;
        this.quiet = quiet;
        this.maxWait = maxWait;
        this.listener = listener;
        this.thread = new Thread(this::loop, "tolk-rebuild");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Called by the watcher with changed paths; returns at once. A temporary file that came and went within
     * one burst cancels out, and if nothing else changed, there is no rebuild.
     */
    void changed(Map<Path, SourceWatcher.Change> changes) {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (pending.isEmpty()) {
                firstAt = now;
            }
            lastAt = now;
            changes.forEach((path, change) -> NativeWatcher.add(pending, path, change));
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            Set<Path> batch;
            lock.lock();
            try {
                while (!closed && pending.isEmpty()) {
                    arrived.await();
                }
                while (!closed) {
                    long now = System.nanoTime();
                    long due = Math.min(lastAt + quiet.toNanos(), firstAt + maxWait.toNanos());
                    if (now >= due) {
                        break;
                    }
                    arrived.awaitNanos(due - now);
                }
                if (closed) {
                    return;
                }
                if (pending.isEmpty()) {
                    continue;   // only temporary files came and went
                }
                batch = Set.copyOf(pending.keySet());
                pending.clear();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            Rebuild rebuild = site.rebuild(batch);
            try {
                listener.accept(rebuild);
            } catch (RuntimeException e) {
                // A failing listener (a browser that went away mid-write) must not stop the rebuilds.
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
