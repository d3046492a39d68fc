package org.tolk.serve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds changes by looking at every source file's size, modification time and identity (inode) at a fixed
 * interval. For file systems that send no events (network shares, some container volumes: {@code --poll})
 * and for platforms where the JDK's own watch service polls only every few seconds. Looking at a few
 * thousand files takes a few milliseconds.
 */
final class PollingWatcher implements SourceWatcher {
    private record Stamp(long size, FileTime modified, Object identity) {
    }

    private final WatchScope scope;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private Map<Path, Stamp> last;

    PollingWatcher(WatchScope scope, Duration interval) {
        this.scope = scope;
        this.interval = interval;
    }

    @Override
    public String describe() {
        return "polling every " + interval.toMillis() + " ms";
    }

    @Override
    public void start(Consumer<Map<Path, Change>> onChange) {
        last = snapshot();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tolk-poller");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            Map<Path, Stamp> now = snapshot();
            Map<Path, Change> changed = new HashMap<>();
            for (Map.Entry<Path, Stamp> entry : now.entrySet()) {
                Stamp before = last.get(entry.getKey());
                if (!Objects.equals(before, entry.getValue())) {
                    changed.put(entry.getKey(), before == null ? Change.CREATED : Change.MODIFIED);
                }
            }
            for (Path path : last.keySet()) {
                if (!now.containsKey(path)) {
                    changed.put(path, Change.DELETED);
                }
            }
            last = now;
            if (!changed.isEmpty()) {
                onChange.accept(changed);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Map<Path, Stamp> snapshot() {
        Map<Path, Stamp> files = new HashMap<>();
        Path siteYaml = scope.root().resolve(org.tolk.config.ConfigLoader.FILE_NAME);
        stamp(siteYaml, files);
        for (Path folder : scope.folders()) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return dir.equals(folder) || scope.relevant(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && scope.relevant(file)) {
                            files.put(file, new Stamp(attrs.size(), attrs.lastModifiedTime(), attrs.fileKey()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;   // vanished while we looked: the next look sees it gone
                    }
                });
            } catch (IOException e) {
                // the folder vanished while we looked
            }
        }
        return files;
    }

    private static void stamp(Path file, Map<Path, Stamp> into) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            into.put(file, new Stamp(attrs.size(), attrs.lastModifiedTime(), attrs.fileKey()));
        } catch (IOException e) {
            // no such file: absent from the snapshot
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
