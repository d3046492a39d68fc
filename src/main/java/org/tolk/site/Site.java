package org.tolk.site;

import java.util.List;
import java.util.Map;

import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.config.Topic;
import org.tolk.content.Article;

/**
 * The whole site as it will be published: which articles appear, how they pair up as translations,
 * which topics each language lists, and every page to write. Built once by {@link SiteBuilder};
 * templates only read it.
 *
 * @param articles     the published articles, newest first
 * @param groups       translation groups by key, only published articles
 * @param articlePaths site path of every published article, by its source path
 * @param linkTargets  site path of every article and static file, by its path relative to content/,
 *                     for rewriting relative links in Markdown
 * @param topicCounts  per language key, per topic key: how many articles the topic page lists
 * @param pages        every file to write, sorted by path
 */
public record Site(SiteConfig config, Urls urls, List<Article> articles, Map<String, TranslationGroup> groups,
                   Map<String, String> articlePaths, Map<String, String> linkTargets,
                   Map<String, Map<String, Integer>> topicCounts, List<Page> pages) {

    public String path(Article article) {
        return articlePaths.get(article.sourcePath());
    }

    public TranslationGroup group(Article article) {
        return groups.get(article.translationKey());
    }

    /** The published translations of {@code article}, in the order of the site's languages. */
    public List<Article> translationsOf(Article article) {
        TranslationGroup group = group(article);
        return group == null ? List.of() : group.translationsOf(article);
    }

    /** Topics that have at least one article in {@code language}, in site.yaml order. */
    public List<Topic> topicsIn(Language language) {
        Map<String, Integer> counts = topicCounts.getOrDefault(language.key(), Map.of());
        return config.topics().values().stream().filter(t -> counts.getOrDefault(t.key(), 0) > 0).toList();
    }

    public int count(Language language, Topic topic) {
        return topicCounts.getOrDefault(language.key(), Map.of()).getOrDefault(topic.key(), 0);
    }
}
