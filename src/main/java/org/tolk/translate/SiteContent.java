package org.tolk.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tolk.check.Problem;
import org.tolk.check.Problems;
import org.tolk.config.ConfigLoader;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.content.ContentReader;

/**
 * A site's configuration and articles as read from disk, for the translator's commands: they need
 * every article (to find a story's other versions) but never render one.
 *
 * @param problems what reading the articles found (an article with errors is left out of {@link #articles})
 */
public record SiteContent(SiteConfig config, List<Article> articles, List<Problem> problems) {

    /** Reads site.yaml and every article under content/; empty, with the reasons in {@code problems}, when site.yaml has errors. */
    public static Optional<SiteContent> read(Path root, Problems problems) {
        return config(root, problems).map(SiteContent::read);
    }

    /**
     * Reads site.yaml; empty when it has any error, even one the loader could read past: a command that
     * writes files must not guess what a broken configuration meant.
     */
    public static Optional<SiteConfig> config(Path root, Problems problems) {
        Optional<SiteConfig> config = ConfigLoader.load(root, problems);
        return problems.hasErrors() ? Optional.empty() : config;
    }

    public static SiteContent read(SiteConfig config) {
        Problems problems = new Problems();
        List<Article> articles = ContentReader.read(config, problems).articles();
        return new SiteContent(config, articles, problems.sorted());
    }

    public Path root() {
        return config.root();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The article in {@code file} (any form of path to it), if it was read without errors. */
    public Optional<Article> article(Path file) {
        String sourcePath = sourcePath(file);
        return articles.stream().filter(a -> a.sourcePath().equals(sourcePath)).findFirst();
    }

    /** Problems of one file: why it is not among the articles. */
    public List<Problem> problemsOf(Path file) {
        String sourcePath = sourcePath(file);
        return problems.stream().filter(p -> p.path().equals(sourcePath)).toList();
    }

    /** {@code file}'s path relative to the site root, with '/', as articles and problems name it. */
    public String sourcePath(Path file) {
        return ContentReader.relative(root().toAbsolutePath().normalize(), file.toAbsolutePath().normalize());
    }

    public Path file(Article article) {
        return root().resolve(article.sourcePath());
    }

    public Snapshots snapshots() {
        return Snapshots.of(root());
    }

    /** The status of every translation, with the files' modification times as the fallback for "changed when". */
    public TranslationStatus status() {
        return TranslationStatus.of(config, articles, snapshots(), this::modified);
    }

    private Optional<Instant> modified(Article article) {
        try {
            return Optional.of(Files.getLastModifiedTime(file(article)).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
