package org.tolk.config;

import java.util.Map;

/**
 * A topic that articles can be filed under, with a label and URL slug per language.
 *
 * @param key    the key used in front matter ({@code censorship})
 * @param labels per language key; every configured language has one (the key is the fallback label)
 */
public record Topic(String key, Map<String, Label> labels) {

    public record Label(String label, String slug) {
    }

    public Label in(String languageKey) {
        return labels.get(languageKey);
    }
}
