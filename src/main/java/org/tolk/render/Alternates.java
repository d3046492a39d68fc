package org.tolk.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tolk.config.Language;
import org.tolk.content.Article;
import org.tolk.site.Page;
import org.tolk.site.Site;

/**
 * Which pages are the same page in other languages: the one place that decides hreflang links, the
 * language switcher and the sitemap's alternates, so the three can never disagree.
 *
 * <p>Google's rule: each version lists every version, itself included, and the links must be
 * reciprocal; {@code x-default} names the page for readers whose language the site does not have.
 */
public final class Alternates {

    /** One version of a page. */
    public record Version(Language language, String path) {
    }

    /**
     * @param versions  in site.yaml language order, the page itself included; empty for pages that have
     *                  no language versions (a later page of a paginated listing, the 404 page)
     * @param xDefault  site path for hreflang="x-default", or empty
     */
    public record Set(List<Version> versions, Optional<String> xDefault) {
        static final Set NONE = new Set(List.of(), Optional.empty());
    }

    private Alternates() {
    }

    public static Set of(Page page, Site site) {
        List<Version> versions = new ArrayList<>();
        if (page instanceof Page.ArticlePage a) {
            for (Article version : site.group(a.article()).articles()) {
                versions.add(new Version(site.config().language(version.language()).orElseThrow(), site.path(version)));
            }
            return withDefault(versions, site);
        }
        if (page instanceof Page.HomePage h) {
            if (h.pager().number() > 1) {
                return Set.NONE;
            }
            site.config().languages().forEach(l -> versions.add(new Version(l, site.urls().home(l, 1))));
            return new Set(versions, Optional.of(site.urls().root()));
        }
        if (page instanceof Page.TopicPage t) {
            if (t.pager().number() > 1) {
                return Set.NONE;
            }
            for (Language l : site.config().languages()) {
                if (site.count(l, t.topic()) > 0) {
                    versions.add(new Version(l, site.urls().topic(l, t.topic(), 1)));
                }
            }
            return withDefault(versions, site);
        }
        if (page instanceof Page.TopicsPage) {
            site.config().languages().forEach(l -> versions.add(new Version(l, site.urls().topics(l))));
            return withDefault(versions, site);
        }
        if (page instanceof Page.ChooserPage) {
            site.config().languages().forEach(l -> versions.add(new Version(l, site.urls().home(l, 1))));
            return new Set(versions, Optional.of(site.urls().root()));
        }
        return Set.NONE;
    }

    private static Set withDefault(List<Version> versions, Site site) {
        Optional<String> xDefault = versions.stream()
                .filter(v -> v.language().key().equals(site.config().defaultLanguage()))
                .map(Version::path)
                .findFirst();
        return new Set(List.copyOf(versions), xDefault);
    }
}
