package org.tolk.site;

import java.util.List;
import java.util.Optional;

import org.tolk.content.Article;

/**
 * Articles that share a translationKey: one story in several languages, at most one article per language.
 *
 * @param articles in the order of the site's languages
 */
public record TranslationGroup(String key, List<Article> articles) {

    public Optional<Article> in(String language) {
        return articles.stream().filter(a -> a.language().equals(language)).findFirst();
    }

    /** The other languages' versions of {@code article}. */
    public List<Article> translationsOf(Article article) {
        return articles.stream().filter(a -> a != article).toList();
    }

    /**
     * The original of the story: the version that others translate. An article with no {@code source}
     * and no translator is taken to be the original; else the earliest one.
     */
    public Article original() {
        return articles.stream()
                .filter(a -> a.translators().isEmpty())
                .findFirst()
                .orElseGet(() -> articles.stream().min(java.util.Comparator.comparing(Article::date)).orElseThrow());
    }
}
