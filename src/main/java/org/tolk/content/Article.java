package org.tolk.content;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One article as its author wrote it: validated front matter plus the Markdown body.
 *
 * @param sourcePath     path relative to the site root, with '/' ({@code content/2017/telegram.nl.md})
 * @param contentPath    path relative to {@code content/} ({@code 2017/telegram.nl.md})
 * @param date           publication time in the site's time zone
 * @param translationKey articles sharing it are translations of each other
 * @param markdown       the Markdown after the front matter (read when needed: {@link #body()})
 * @param bodyLine       the file's line on which {@link #body()} starts, to report Markdown problems in place
 * @param positions      where each front-matter field's value is (for problems found later, e.g. {@code topics[1]})
 * @param translatedFrom content hash of the original this translation was made from ({@code tolk translate}
 *                       writes it), or empty; when the original's hash differs, the translation is stale
 * @param extra          the free-form {@code extra:} map, handed to templates as is
 */
public record Article(String sourcePath, String contentPath, String language, String title, ZonedDateTime date,
                      Optional<ZonedDateTime> updated, List<String> topics, String translationKey, String slug,
                      String summary, List<String> authors, List<String> translators, Optional<Source> source,
                      boolean draft, String image, String translatedFrom, Map<String, Object> extra, Body markdown, int bodyLine,
                      Map<String, Position> positions) {

    /** The Markdown after the front matter. Read from the file each time: call it once per use. */
    public String body() {
        return markdown.text();
    }

    /** Whether this article says it is a translation: it names a translator, or records its original's version. */
    public boolean isTranslation() {
        return !translators.isEmpty() || !translatedFrom.isEmpty();
    }

    /**
     * Whether {@code other} is this article with at most its body changed: the same file, with the same front
     * matter where it was. Then the site's structure (addresses, listings, translations) cannot have changed.
     */
    public boolean sameFrontMatter(Article other) {
        return sourcePath.equals(other.sourcePath) && contentPath.equals(other.contentPath) && language.equals(other.language)
                && title.equals(other.title) && date.equals(other.date) && updated.equals(other.updated)
                && topics.equals(other.topics) && translationKey.equals(other.translationKey) && slug.equals(other.slug)
                && summary.equals(other.summary) && authors.equals(other.authors) && translators.equals(other.translators)
                && source.equals(other.source) && draft == other.draft && image.equals(other.image)
                && translatedFrom.equals(other.translatedFrom) && java.util.Objects.equals(extra, other.extra)
                && bodyLine == other.bodyLine && positions.equals(other.positions);
    }

    public Position position(String field) {
        return positions.getOrDefault(field, Position.START);
    }

    /** The article's folder relative to {@code content/} ("" at the top), for resolving relative links. */
    public String contentFolder() {
        int slash = contentPath.lastIndexOf('/');
        return slash < 0 ? "" : contentPath.substring(0, slash);
    }
}
