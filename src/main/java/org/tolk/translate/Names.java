package org.tolk.translate;

import java.util.Collection;

import org.tolk.check.Suggestions;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;

/** Small shared wording and naming rules of the translator's commands. */
final class Names {
    private Names() {
    }

    /** The file name without {@code .md} and without the language suffix: {@code telegram.nl.md} → {@code telegram}. */
    static String baseName(Article article) {
        String name = article.contentPath().substring(article.contentPath().lastIndexOf('/') + 1);
        String stem = name.substring(0, name.length() - ".md".length());
        String suffix = "." + article.language();
        return stem.endsWith(suffix) && stem.length() > suffix.length() ? stem.substring(0, stem.length() - suffix.length()) : stem;
    }

    /** The translationKey a file gets when front matter gives none: its folder under content/ and its base name. */
    static String defaultKey(String contentFolder, String baseName) {
        return contentFolder.isEmpty() ? baseName : contentFolder + "/" + baseName;
    }

    /** "'xx' is not a language of this site (site.yaml has nl, en; did you mean 'nl'?)" */
    static String unknownLanguage(String given, SiteConfig config) {
        var keys = config.languages().stream().map(l -> l.key()).toList();
        return "'" + given + "' is not a language of this site: site.yaml has " + String.join(", ", keys)
                + Suggestions.didYouMean(given, keys);
    }

    static String unknownTopic(String given, Collection<String> topics) {
        return topics.isEmpty()
                ? "unknown topic '" + given + "': site.yaml defines no topics yet (add them under 'topics')"
                : "unknown topic '" + given + "': site.yaml defines " + String.join(", ", topics) + Suggestions.didYouMean(given, topics);
    }
}
