package org.tolk.site;

import org.tolk.content.Article;

/**
 * An article as a listing in one language shows it.
 *
 * @param foreign true when the article is in another language and has no version in the listing's
 *                language (listed because site.yaml says {@code untranslated: list})
 */
public record Entry(Article article, boolean foreign) {
}
