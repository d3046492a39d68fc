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
     * The version the others were translated from: the one article of the group that is not marked as a
     * translation (no {@code translator}, no {@code translatedFrom}). Empty when there is no such single
     * article (every version translates an outside source, or the newsroom wrote several versions itself).
     */
    public Optional<Article> original() {
        List<Article> untranslated = articles.stream()
                .filter(a -> !a.isTranslation()).toList();
        return untranslated.size() == 1 && articles.size() > 1 ? Optional.of(untranslated.get(0)) : Optional.empty();
    }
}
