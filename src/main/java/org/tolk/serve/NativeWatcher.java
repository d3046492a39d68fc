package org.tolk.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches the sources with the JDK's {@link WatchService}, which on Linux is inotify. The service watches
 * single folders, so every folder under content/ and templates/ is registered, and folders that appear later
 * (created, or moved in with their files) are registered as they appear. The site root is watched too, for
 * site.yaml and for content/ or templates/ being created or replaced (a {@code git checkout}).
 */
final class NativeWatcher implements SourceWatcher {
    private final WatchScope scope;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private WatchService service;
    private Thread thread;

    NativeWatcher(WatchScope scope) {
        this.scope = scope;
    }

    @Override
    public String describe() {
        return "file-system events";
    }

    @Override
    public void start(Consumer<Map<Path, Change>> onChange) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        register(scope.root());
        for (Path folder : scope.folders()) {
            registerTree(folder, null);
        }
        thread = new Thread(() -> loop(onChange), "tolk-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Consumer<Map<Path, Change>> onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                Map<Path, Change> batch = new HashMap<>();
                // Drain whatever else is already queued, so that one save is one batch.
                do {
                    handle(key, batch);
                    key = service.poll();
                } while (key != null);
                if (!batch.isEmpty()) {
                    onChange.accept(batch);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the preview is stopping
        }
    }

    private void handle(WatchKey key, Map<Path, Change> batch) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                // The kernel dropped events: anything may have changed, including new folders.
                add(batch, scope.root(), Change.MODIFIED);
                for (Path top : scope.folders()) {
                    registerTree(top, null);
                }
                continue;
            }
            if (folder == null) {
                continue;
            }
            Path changed = folder.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS) && inScope(changed)) {
                // A new folder: watch it, and count the files already in it (moved in, or written before we looked).
                registerTree(changed, batch);
            }
            if (scope.relevant(changed)) {
                add(batch, changed, event.kind() == ENTRY_CREATE ? Change.CREATED
                        : event.kind() == ENTRY_DELETE ? Change.DELETED : Change.MODIFIED);
            }
        }
        if (!key.reset()) {
            folders.remove(key);   // the folder was deleted or moved away
        }
    }

    static void add(Map<Path, Change> batch, Path path, Change change) {
        Change merged = Change.merge(batch.get(path), change);
        if (merged == null) {
            batch.remove(path);
        } else {
            batch.put(path, merged);
        }
    }

    private boolean inScope(Path path) {
        return scope.folders().stream().anyMatch(path::startsWith);
    }

    private void register(Path folder) {
        try {
            WatchKey key = folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            folders.put(key, folder);
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            // gone already, or not a folder: its parent's event reports it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder + ": " + e.getMessage(), e);
        }
    }

    private void registerTree(Path top, Map<Path, Change> found) {
        if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(top) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (found != null && scope.relevant(file)) {
                        add(found, file, Change.CREATED);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + top + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            // nothing left to do
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
