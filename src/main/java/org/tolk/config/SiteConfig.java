package org.tolk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed form of site.yaml.
 *
 * @param root            the site's root folder (where site.yaml is)
 * @param baseUrl         absolute URL of the published site; always ends with '/'
 * @param languages       in site.yaml order; never empty
 * @param topics          by key, in site.yaml order
 * @param permalink       article URL pattern with {lang} {yyyy} {mm} {dd} {slug}
 * @param untranslated    whether listings in one language also list articles that exist only in another
 */
public record SiteConfig(Path root, URI baseUrl, String defaultLanguage, ZoneId timeZone,
                         List<Language> languages, Map<String, Topic> topics, String permalink, int pageSize,
                         Untranslated untranslated, FeedContent feedContent, HtmlPolicy markdownHtml) {

    /** What a listing in one language does with an article that exists only in another. */
    public enum Untranslated { HIDE, LIST }

    /** Whether Atom feeds carry whole articles or their summaries. */
    public enum FeedContent { FULL, SUMMARY }

    /** What happens to raw HTML inside Markdown. */
    public enum HtmlPolicy { ALLOW, ESCAPE, SANITIZE }

    public Optional<Language> language(String key) {
        return languages.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    public Language defaultLanguageConfig() {
        return language(defaultLanguage).orElseThrow();
    }

    /** The path part of the base URL, always starting and ending with '/' ({@code /nieuws/}). */
    public String basePath() {
        String path = baseUrl.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    public Path contentDir() {
        return contentDir(root);
    }

    /** The content folder of the site at {@code root}: known before site.yaml is read, so listing it can start at once. */
    public static Path contentDir(Path root) {
        return root.resolve("content");
    }

    public Path templatesDir() {
        return root.resolve("templates");
    }

    public SiteConfig withBaseUrl(URI newBaseUrl) {
        return new SiteConfig(root, newBaseUrl, defaultLanguage, timeZone, languages, topics, permalink, pageSize,
                untranslated, feedContent, markdownHtml);
    }
}
