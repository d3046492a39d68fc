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
import java.util.Optional;

import org.tolk.check.Problems;
import org.tolk.config.SiteConfig;

/** Reads every file under {@code content/}: Markdown becomes {@link Article}s, anything else a {@link StaticFile}. */
public final class ContentReader {

    /** What the content folder holds, sorted by path so that later stages are deterministic. */
    public record Content(List<Article> articles, List<StaticFile> staticFiles) {
    }

    private ContentReader() {
    }

    public static Content read(SiteConfig config, Problems problems) {
        Path contentDir = config.contentDir();
        List<Path> markdown = new ArrayList<>();
        List<StaticFile> statics = new ArrayList<>();
        if (!Files.isDirectory(contentDir)) {
            problems.warning("content", 0, 0, "no content/ folder: the site has no articles yet");
            return new Content(List.of(), List.of());
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
                .map(file -> readArticle(config, contentDir, file, reader, problems))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Article::sourcePath))
                .toList();
        statics.sort(Comparator.comparing(StaticFile::sourcePath));
        return new Content(articles, List.copyOf(statics));
    }

    private static Optional<Article> readArticle(SiteConfig config, Path contentDir, Path file, ArticleReader reader,
                                                 Problems problems) {
        String sourcePath = relative(config.root(), file);
        try {
            return reader.read(sourcePath, relative(contentDir, file), Text.readUtf8(file), file, problems);
        } catch (Text.NotUtf8Exception e) {
            problems.error(sourcePath, e.line(), e.column(), e.getMessage());
        } catch (IOException e) {
            problems.error(sourcePath, 0, 0, "cannot read: " + e.getMessage());
        }
        return Optional.empty();
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
