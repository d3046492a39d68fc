package org.tolk.render;

import org.tolk.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tolk.config.Language;
import org.tolk.content.Article;
import org.tolk.content.Source;
import org.tolk.site.Site;
import org.tolk.site.Urls;

/**
 * schema.org {@code NewsArticle} for an article page, with the translation relations search engines
 * understand: {@code translationOfWork} on a translation, {@code workTranslation} on its original,
 * {@code isBasedOn} for an outside source (https://schema.org/translationOfWork).
 */
final class JsonLd {
    private JsonLd() {
    }

    static String newsArticle(Article article, Site site, String absoluteImage) {
        Urls urls = site.urls();
        Language language = site.config().language(article.language()).orElseThrow();
        String url = urls.absolute(site.path(article));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("@id", url);
        json.put("url", url);
        json.put("mainEntityOfPage", url);
        json.put("headline", article.title());
        if (!article.summary().isEmpty()) {
            json.put("description", article.summary());
        }
        json.put("inLanguage", language.tag());
        json.put("datePublished", Feeds.format(article.date()));
        json.put("dateModified", Feeds.format(Feeds.lastChange(article)));
        if (!article.authors().isEmpty()) {
            json.put("author", people(article.authors()));
        }
        if (!article.translators().isEmpty()) {
            json.put("translator", people(article.translators()));
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", language.title());
        publisher.put("url", urls.absolute(urls.home(language, 1)));
        json.put("publisher", publisher);
        if (!absoluteImage.isEmpty()) {
            json.put("image", absoluteImage);
        }
        List<String> keywords = article.topics().stream()
                .map(key -> site.config().topics().get(key).in(language.key()).label()).toList();
        if (!keywords.isEmpty()) {
            json.put("keywords", keywords);
        }

        var original = site.group(article).original();
        if (original.isPresent() && original.get() != article && article.isTranslation()) {
            json.put("translationOfWork", reference(original.get(), site));
        } else if (article.source().isPresent() && !article.source().get().url().isEmpty() && article.isTranslation()) {
            json.put("translationOfWork", external(article.source().get()));
        }
        if (original.isPresent() && original.get() == article) {
            List<Object> translations = new ArrayList<>();
            site.translationsOf(article).forEach(t -> translations.add(reference(t, site)));
            json.put("workTranslation", translations);
        }
        article.source().filter(s -> !s.url().isEmpty()).ifPresent(s -> json.put("isBasedOn", external(s)));
        return Json.compact(json);
    }

    private static List<Object> people(List<String> names) {
        List<Object> people = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", name);
            people.add(person);
        }
        return people;
    }

    private static Map<String, Object> reference(Article article, Site site) {
        Map<String, Object> ref = new LinkedHashMap<>();
        String url = site.urls().absolute(site.path(article));
        ref.put("@type", "NewsArticle");
        ref.put("@id", url);
        ref.put("url", url);
        ref.put("headline", article.title());
        ref.put("inLanguage", site.config().language(article.language()).orElseThrow().tag());
        return ref;
    }

    private static Map<String, Object> external(Source source) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("@type", "CreativeWork");
        ref.put("url", source.url());
        if (!source.name().isEmpty()) {
            // Ordered: Map.of iterates in a different order in every JVM, and the output must not.
            Map<String, Object> publisher = new LinkedHashMap<>();
            publisher.put("@type", "Organization");
            publisher.put("name", source.name());
            ref.put("publisher", publisher);
        }
        if (!source.language().isEmpty()) {
            ref.put("inLanguage", source.language());
        }
        source.published().ifPresent(p -> ref.put("datePublished", Feeds.format(p)));
        return ref;
    }
}
