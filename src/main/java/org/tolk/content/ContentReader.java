package org.tolk.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.tolk.check.Problems;
import org.tolk.config.SiteConfig;

/** Reads every file under {@code content/}: Markdown becomes {@link Article}s, anything else a {@link StaticFile}. */
public final class ContentReader {

    /**
     * What the content folder holds, sorted by path so that later stages are deterministic.
     *
     * @param articles the articles, sorted by source path
     * @param states   size and modification time of every file read, by source path, sorted
     */
    public record Content(List<Article> articles, List<StaticFile> staticFiles, java.util.SortedMap<String, FileState> states) {

        public FileState state(String sourcePath) {
            return states.get(sourcePath);
        }

        /** The article read from {@code sourcePath}, if it is one; {@link #articles} is sorted by source path. */
        public Optional<Article> article(String sourcePath) {
            int low = 0;
            int high = articles.size() - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = articles.get(middle).sourcePath().compareTo(sourcePath);
                if (order == 0) {
                    return Optional.of(articles.get(middle));
                }
                if (order < 0) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return Optional.empty();
        }

        /** Lets go of the file bytes kept for the articles' bodies (see {@link #read(SiteConfig, java.util.SortedMap, Problems, ReadCache, boolean)}). */
        public void forgetKeptBodies() {
            for (Article article : articles) {
                article.markdown().forget();
            }
        }
    }

    private ContentReader() {
    }

    public static Content read(SiteConfig config, Problems problems) {
        return read(config, problems, ReadCache.NONE);
    }

    /** Reads the content folder, taking unchanged articles from {@code cache}. */
    public static Content read(SiteConfig config, Problems problems, ReadCache cache) {
        return read(config, list(config, problems), problems, cache, false);
    }

    /**
     * The files of the content folder with their size and time, by source path (sorted); null if there is no
     * content folder. The first half of {@link #read}, which a build can start while it loads its cache.
     */
    public static java.util.SortedMap<String, FileState> list(SiteConfig config, Problems problems) {
        return list(config.root(), problems);
    }

    /** {@link #list(SiteConfig, Problems)} of the site at {@code root}, which needs nothing of site.yaml. */
    public static java.util.SortedMap<String, FileState> list(Path root, Problems problems) {
        Path contentDir = SiteConfig.contentDir(root);
        if (!Files.isDirectory(contentDir)) {
            problems.warning("content", 0, 0, "no content/ folder: the site has no articles yet");
            return null;
        }
        Map<String, FileState> states = new ConcurrentHashMap<>();
        list(root, contentDir, states, problems);
        return new java.util.TreeMap<>(states);
    }

    /**
     * Reads the articles of a {@link #list listing}, taking unchanged ones from {@code cache}. With
     * {@code keepBodies}, the bytes read serve each body's first use instead of a second read of its file (up to
     * {@link ArticleReader#KEPT_BYTES_LIMIT}); the caller lets go of them ({@link Content#forgetKeptBodies}) before
     * the articles can outlive the files' versions they were read from.
     */
    public static Content read(SiteConfig config, java.util.SortedMap<String, FileState> listing, Problems problems,
                               ReadCache cache, boolean keepBodies) {
        if (listing == null) {
            return new Content(List.of(), List.of(), java.util.Collections.emptySortedMap());
        }
        return readListed(config, listing, problems, cache, keepBodies);
    }

    /**
     * The content folder after the files or folders {@code changed} (absolute paths under {@code content/})
     * were created, modified, moved or deleted since {@code previous} was read: only they are looked at on
     * disk, the rest of the listing is {@code previous}'s. For the preview, whose watcher names every change;
     * anything it could not name (a dropped event) it reports as the whole folder, which is then listed anew.
     */
    public static Content update(Content previous, Collection<Path> changed, SiteConfig config, Problems problems,
                                 ReadCache cache) {
        // Watchers name absolute paths; the configured folders may be relative.
        Path root = config.root().toAbsolutePath().normalize();
        Path contentDir = config.contentDir().toAbsolutePath().normalize();
        // Sorted, so that articles come out in source order without sorting them again.
        java.util.TreeMap<String, FileState> states = new java.util.TreeMap<>(previous.states());
        for (Path path : changed) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!absolute.startsWith(contentDir) || absolute.equals(contentDir)) {
                // Not a single file or folder of content/: list it all again.
                states.clear();
                if (Files.isDirectory(contentDir)) {
                    list(root, contentDir, states, problems);
                }
                continue;
            }
            String sourcePath = relative(root, absolute);
            if (states.remove(sourcePath) == null) {
                // Not a file we had: perhaps a folder, gone or moved with everything in it.
                String folder = sourcePath + "/";
                states.keySet().removeIf(p -> p.startsWith(folder));
            }
            if (isHiddenIn(contentDir, absolute)) {
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isDirectory()) {
                    list(root, absolute, states, problems);
                } else {
                    accept(root, absolute, attributes, states);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // deleted: already forgotten
            } catch (IOException e) {
                problems.error(sourcePath, 0, 0, "cannot read: " + e.getMessage());
            }
        }
        return readListed(config, states, problems, cache, false);
    }

    /** Lists the files under {@code folder} (content/ or a folder in it) into {@code states}. */
    private static void list(Path root, Path folder, Map<String, FileState> states, Problems problems) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // Hidden folders (.git, editor state) are never content.
                    return !dir.equals(folder) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    accept(root, file, attrs, states);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.error(relative(root, file), 0, 0, "cannot read: " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.error("content", 0, 0, "cannot read the content folder: " + e.getMessage());
        }
    }

    /** Records a file of the content folder, unless it is hidden, not a regular file, or an editor's leftover. */
    private static void accept(Path root, Path file, BasicFileAttributes attrs, Map<String, FileState> states) {
        if (isHidden(file) || !attrs.isRegularFile() || isEditorLeftover(file)) {
            return;
        }
        states.put(relative(root, file), new FileState(attrs.size(), attrs.lastModifiedTime().toMillis()));
    }

    /**
     * Whether a path of content/ is hidden or lies in a hidden folder ({@link #list} skips both): a hidden
     * folder named by the watcher must not be listed, whatever order the changes come in.
     */
    private static boolean isHiddenIn(Path contentDir, Path path) {
        for (Path p = path; p != null && p.startsWith(contentDir) && !p.equals(contentDir); p = p.getParent()) {
            if (isHidden(p)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the articles among the listed files (taking unchanged ones from {@code cache}); the others are static files. */
    private static Content readListed(SiteConfig config, java.util.SortedMap<String, FileState> states, Problems problems,
                                      ReadCache cache, boolean keepBodies) {
        Path contentDir = config.contentDir();
        String contentPrefix = relative(config.root(), contentDir) + "/";
        List<String> markdown = new ArrayList<>();
        List<StaticFile> statics = new ArrayList<>();
        for (String sourcePath : states.keySet()) {
            if (sourcePath.endsWith(".md")) {
                markdown.add(sourcePath);
            } else {
                statics.add(new StaticFile(sourcePath, sourcePath.substring(contentPrefix.length())));
            }
        }
        ArticleReader reader = keepBodies ? new ArticleReader(config, ArticleReader.KEPT_BYTES_LIMIT) : new ArticleReader(config);
        Article[] read = new Article[markdown.size()];
        org.tolk.parallel.Parallel.forEach(markdown.size(), i -> {
            String sourcePath = markdown.get(i);
            FileState state = states.get(sourcePath);
            ReadCache.Read result = cache.previous(sourcePath, state)
                    .orElseGet(() -> readArticle(config, contentDir, config.root().resolve(sourcePath), reader));
            cache.remember(sourcePath, state, result);
            problems.addAll(result.problems());
            read[i] = result.article().orElse(null);
        });
        // In source order, as the listing is sorted; without the files that are no article.
        List<Article> articles = java.util.Arrays.stream(read).filter(java.util.Objects::nonNull).toList();
        return new Content(articles, List.copyOf(statics), java.util.Collections.unmodifiableSortedMap(states));
    }

    private static ReadCache.Read readArticle(SiteConfig config, Path contentDir, Path file, ArticleReader reader) {
        String sourcePath = relative(config.root(), file);
        Problems problems = new Problems();
        Optional<Article> article = Optional.empty();
        try {
            article = reader.read(sourcePath, relative(contentDir, file), Files.readAllBytes(file), file, problems);
        } catch (Text.NotUtf8Exception e) {
            problems.error(sourcePath, e.line(), e.column(), e.getMessage());
        } catch (IOException e) {
            problems.error(sourcePath, 0, 0, "cannot read: " + e.getMessage());
        }
        return new ReadCache.Read(article, problems.sorted());
    }

    static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /** Backup and swap files that editors leave beside the file being edited. */
    static boolean isEditorLeftover(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp") || name.startsWith("#");
    }

    /** A path relative to {@code base}, always with '/', as problems and URLs use it. */
    public static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
