package org.tolk.site;

import java.time.Instant;

import org.tolk.content.Article;

/**
 * Which articles are published: drafts and articles dated in the future are left out unless asked for.
 *
 * @param now the moment that decides what "future" means (a parameter so that builds are reproducible in tests)
 */
public record Inclusion(boolean drafts, boolean future, Instant now) {

    public boolean includes(Article article) {
        return (drafts || !article.draft()) && (future || !article.date().toInstant().isAfter(now));
    }
}
