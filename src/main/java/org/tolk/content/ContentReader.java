package org.tolk.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
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
     * @param states size and modification time of every file read, by source path
     */
    public record Content(List<Article> articles, List<StaticFile> staticFiles, Map<String, FileState> states) {

        public FileState state(String sourcePath) {
            return states.get(sourcePath);
        }
    }

    private ContentReader() {
    }

    public static Content read(SiteConfig config, Problems problems) {
        return read(config, problems, ReadCache.NONE);
    }

    /** Reads the content folder, taking unchanged articles from {@code cache}. */
    public static Content read(SiteConfig config, Problems problems, ReadCache cache) {
        Path contentDir = config.contentDir();
        Map<String, FileState> states = new ConcurrentHashMap<>();
        List<Path> markdown = new ArrayList<>();
        List<StaticFile> statics = new ArrayList<>();
        if (!Files.isDirectory(contentDir)) {
            problems.warning("content", 0, 0, "no content/ folder: the site has no articles yet");
            return new Content(List.of(), List.of(), Map.of());
        }
        try {
            Files.walkFileTree(contentDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // Hidden folders (.git, editor state) are never content.
                    return !dir.equals(contentDir) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file) || !attrs.isRegularFile() || isEditorLeftover(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    states.put(relative(config.root(), file), new FileState(attrs.size(), attrs.lastModifiedTime().toMillis()));
                    if (file.getFileName().toString().endsWith(".md")) {
                        markdown.add(file);
                    } else {
                        String relative = relative(contentDir, file);
                        statics.add(new StaticFile(relative(config.root(), file), relative));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.error(relative(config.root(), file), 0, 0, "cannot read: " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.error("content", 0, 0, "cannot read the content folder: " + e.getMessage());
        }

        ArticleReader reader = new ArticleReader(config);
        List<Article> articles = markdown.parallelStream()
                .map(file -> {
                    String sourcePath = relative(config.root(), file);
                    FileState state = states.get(sourcePath);
                    ReadCache.Read read = cache.previous(sourcePath, state)
                            .orElseGet(() -> readArticle(config, contentDir, file, reader));
                    cache.remember(sourcePath, state, read);
                    problems.addAll(read.problems());
                    return read.article();
                })
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Article::sourcePath))
                .toList();
        statics.sort(Comparator.comparing(StaticFile::sourcePath));
        return new Content(articles, List.copyOf(statics), Map.copyOf(states));
    }

    private static ReadCache.Read readArticle(SiteConfig config, Path contentDir, Path file, ArticleReader reader) {
        String sourcePath = relative(config.root(), file);
        Problems problems = new Problems();
        Optional<Article> article = Optional.empty();
        try {
            article = reader.read(sourcePath, relative(contentDir, file), Text.readUtf8(file), file, problems);
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
