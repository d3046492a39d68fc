package org.tolk.translate;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.tolk.check.Problem;
import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.content.Position;
import org.tolk.site.Urls;

/**
 * Where every story stands in every language: which version is the original, which translations are
 * current, stale or untracked, which are drafts, which languages are missing; counted per language pair.
 *
 * <p><b>Which version is the original.</b> A story's original is the version the others are (or will
 * be) translated from. An article is a translation within the site when it records {@code translatedFrom}
 * or when its {@code source} points to another version of the story (by URL, else by language). Of the
 * versions that are not, the original is the one without a translator, else the earliest, else the one
 * in the default language, else the first in site.yaml's order. So a story whose every version was
 * translated from an outside publication is led by one of them, and counted under that language.
 *
 * <p><b>Stale.</b> A translation is stale when the content hash it records differs from the hash of
 * the version it was made from ({@link ArticleText#hash()}); untracked when it records none.
 *
 * <p>Computed from articles as read (drafts and future articles included), without building the site.
 */
public final class TranslationStatus {

    public enum State {
        /** Made from the original's current version. */
        CURRENT,
        /** Made from an older version: the original's title or body changed since. */
        STALE,
        /** Records no {@code translatedFrom}: whether it is current cannot be known. */
        UNTRACKED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One story: the articles sharing a translationKey, at most one per language, in site.yaml's language order. */
    public record Story(String key, Article original, List<Article> articles) {
    }

    /**
     * One translation and how it stands.
     *
     * @param original        the version it is translated from
     * @param unfinished      still holds the original's text between the markers {@code tolk translate} writes
     * @param originalChanged for a stale translation, when the original last changed (its {@code updated}
     *                        date if that is later than the translation, else the file's modification time)
     * @param changes         for a stale translation, what changed in the original, if a snapshot of the
     *                        version it was made from is at hand
     */
    public record Translation(Article article, Article original, State state, boolean unfinished,
                              Optional<Instant> originalChanged, Optional<Changes> changes) {
        public String from() {
            return original.language();
        }

        public String to() {
            return article.language();
        }

        public boolean draft() {
            return article.draft();
        }

        /**
         * The original's paragraphs (Markdown blocks, as {@link ArticleText#paragraphs()} splits them) that
         * are new or edited since the translation was made: what a side-by-side view highlights. Empty
         * when the translation is current, or when no snapshot says what changed.
         */
        public List<String> changedOriginalParagraphs() {
            if (changes.isEmpty()) {
                return List.of();
            }
            List<String> paragraphs = ArticleText.of(original).paragraphs();
            return changes.get().changedParagraphs().stream().map(paragraphs::get).toList();
        }
    }

    /** A language in which a story has no version yet. */
    public record Missing(Article original, String language) {
        public String from() {
            return original.language();
        }
    }

    /**
     * Counts for stories translated from one language into another.
     *
     * @param translated published translations (not drafts): current, stale or untracked
     * @param stale      published translations made from an older version of the original
     * @param untracked  published translations that record no {@code translatedFrom}
     * @param drafts     translations marked {@code draft: true}
     * @param missing    stories with no version at all in {@code to} (stories whose original is a draft are not counted)
     */
    public record Pair(String from, String to, int translated, int stale, int untracked, int drafts, int missing) {
        public int stories() {
            return translated + drafts + missing;
        }

        /** The share of stories published in the target language, 0 to 1; 1 when there is nothing to translate. */
        public double coverage() {
            return stories() == 0 ? 1 : (double) translated / stories();
        }

        Pair plus(Pair other) {
            return new Pair(from, to, translated + other.translated, stale + other.stale, untracked + other.untracked,
                    drafts + other.drafts, missing + other.missing);
        }
    }

    private final List<Story> stories;
    private final List<Translation> translations;
    private final List<Missing> missing;
    private final List<Pair> pairs;
    private final List<Problem> problems;
    private final Map<String, Translation> bySourcePath;

    private TranslationStatus(List<Story> stories, List<Translation> translations, List<Missing> missing, List<Pair> pairs,
                              List<Problem> problems) {
        this.stories = List.copyOf(stories);
        this.translations = List.copyOf(translations);
        this.missing = List.copyOf(missing);
        this.pairs = List.copyOf(pairs);
        this.problems = List.copyOf(problems);
        Map<String, Translation> index = new HashMap<>();
        translations.forEach(t -> index.put(t.article().sourcePath(), t));
        this.bySourcePath = Map.copyOf(index);
    }

    /**
     * Computes the status of {@code articles}.
     *
     * @param snapshots    where to find the versions translations were made from, for {@link Translation#changes()}
     * @param lastModified when an article's file was last changed, if known
     */
    public static TranslationStatus of(SiteConfig config, List<Article> articles, Snapshots snapshots,
                                       Function<Article, Optional<Instant>> lastModified) {
        return new Computation(config, snapshots, lastModified).run(articles);
    }

    /** Every story, by translationKey. */
    public List<Story> stories() {
        return stories;
    }

    /** Every translation, sorted by path. */
    public List<Translation> translations() {
        return translations;
    }

    /** Missing versions, newest story first. */
    public List<Missing> missing() {
        return missing;
    }

    /** Counts per language pair, in site.yaml's language order; only pairs that have stories. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** All pairs added up. */
    public Pair total() {
        return sum(pairs);
    }

    static Pair sum(List<Pair> pairs) {
        return pairs.stream().reduce(new Pair("", "", 0, 0, 0, 0, 0), Pair::plus);
    }

    /** Things worth fixing that the status found (a malformed {@code translatedFrom}, two versions in one language). */
    public List<Problem> problems() {
        return problems;
    }

    /** How {@code article} stands as a translation; empty for an original. */
    public Optional<Translation> translation(Article article) {
        return Optional.ofNullable(bySourcePath.get(article.sourcePath()));
    }

    public Optional<Story> story(Article article) {
        return stories.stream().filter(s -> s.articles().contains(article)).findFirst();
    }

    /** Published translations that are stale, the longest-stale first. */
    public List<Translation> stale() {
        return translations.stream().filter(t -> !t.draft() && t.state() == State.STALE)
                .sorted(Comparator.comparing((Translation t) -> t.originalChanged().orElse(Instant.MAX))
                        .thenComparing(t -> t.article().sourcePath()))
                .toList();
    }

    public List<Translation> drafts() {
        return translations.stream().filter(Translation::draft).toList();
    }

    public List<Translation> untracked() {
        return translations.stream().filter(t -> !t.draft() && t.state() == State.UNTRACKED).toList();
    }

    /** Published translations that still hold the original's text between Tolk's markers. */
    public List<Translation> unfinished() {
        return translations.stream().filter(t -> !t.draft() && t.unfinished()).toList();
    }

    private static final class Computation {
        private final SiteConfig config;
        private final Urls urls;
        private final Snapshots snapshots;
        private final Function<Article, Optional<Instant>> lastModified;
        private final List<String> order;
        private final List<Problem> problems = new ArrayList<>();

        Computation(SiteConfig config, Snapshots snapshots, Function<Article, Optional<Instant>> lastModified) {
            this.config = config;
            this.urls = new Urls(config);
            this.snapshots = snapshots;
            this.lastModified = lastModified;
            this.order = config.languages().stream().map(Language::key).toList();
        }

        TranslationStatus run(List<Article> articles) {
            // Stories are independent, and hashing every original's text is the work: in parallel,
            // gathered in key order so that the result never depends on thread timing.
            List<Assessed> assessed = groups(articles).values().parallelStream().map(this::assess).toList();
            List<Story> stories = new ArrayList<>();
            List<Translation> translations = new ArrayList<>();
            List<Missing> missing = new ArrayList<>();
            Map<String, Pair> pairs = new TreeMap<>();
            for (Assessed story : assessed) {
                stories.add(story.story());
                problems.addAll(story.problems());
                for (Translation translation : story.translations()) {
                    translations.add(translation);
                    count(pairs, translation.from(), translation.to(), translation.draft() ? 0 : 1,
                            !translation.draft() && translation.state() == State.STALE ? 1 : 0,
                            !translation.draft() && translation.state() == State.UNTRACKED ? 1 : 0,
                            translation.draft() ? 1 : 0, 0);
                }
                for (Missing m : story.missing()) {
                    missing.add(m);
                    count(pairs, m.from(), m.language(), 0, 0, 0, 0, 1);
                }
            }
            translations.sort(Comparator.comparing(t -> t.article().sourcePath()));
            missing.sort(Comparator.comparing((Missing m) -> m.original().date()).reversed()
                    .thenComparing(m -> m.original().sourcePath()).thenComparing(m -> order.indexOf(m.language())));
            problems.sort(Problem.ORDER);
            return new TranslationStatus(stories, translations, missing, List.copyOf(pairs.values()), problems);
        }

        /** One story worked out: its translations, its missing languages, and what was wrong. */
        private record Assessed(Story story, List<Translation> translations, List<Missing> missing, List<Problem> problems) {
        }

        private Assessed assess(List<Article> group) {
            Story story = story(group);
            List<Translation> translations = new ArrayList<>();
            List<Problem> found = new ArrayList<>();
            for (Article article : story.articles()) {
                if (article != story.original()) {
                    translations.add(translation(article, translatedFrom(article, story), found));
                }
            }
            List<Missing> missing = new ArrayList<>();
            if (!story.original().draft()) {
                for (String language : order) {
                    if (story.articles().stream().noneMatch(a -> a.language().equals(language))) {
                        missing.add(new Missing(story.original(), language));
                    }
                }
            }
            return new Assessed(story, translations, missing, found);
        }

        /** Articles by translationKey; a second article of one language in a story is left out (the build reports it). */
        private Map<String, List<Article>> groups(List<Article> articles) {
            Map<String, List<Article>> groups = new TreeMap<>();
            List<Article> sorted = articles.stream().sorted(Comparator.comparing(Article::sourcePath)).toList();
            for (Article article : sorted) {
                List<Article> group = groups.computeIfAbsent(article.translationKey(), k -> new ArrayList<>());
                Optional<Article> same = group.stream().filter(a -> a.language().equals(article.language())).findFirst();
                if (same.isPresent()) {
                    Position at = article.position("language");
                    problems.add(Problem.warning(article.sourcePath(), at.line(), at.column(), "a second '" + article.language()
                            + "' version of story '" + article.translationKey() + "' (the first is " + same.get().sourcePath()
                            + "): left out of the translation status"));
                } else {
                    group.add(article);
                }
            }
            groups.values().forEach(group -> group.sort(Comparator.comparing(a -> order.indexOf(a.language()))));
            return groups;
        }

        private Story story(List<Article> group) {
            List<Article> candidates = group.stream().filter(a -> !isTranslation(a, group)).toList();
            Article original = (candidates.isEmpty() ? group : candidates).stream()
                    .min(Comparator.comparing((Article a) -> !a.translators().isEmpty())
                            .thenComparing(Article::date)
                            .thenComparing(a -> !a.language().equals(config.defaultLanguage()))
                            .thenComparing(a -> order.indexOf(a.language())))
                    .orElseThrow();
            return new Story(group.get(0).translationKey(), original, List.copyOf(group));
        }

        private boolean isTranslation(Article article, List<Article> group) {
            return !article.translatedFrom().isEmpty() || sourceIn(article, group).isPresent();
        }

        private Article translatedFrom(Article article, Story story) {
            return sourceIn(article, story.articles()).orElse(story.original());
        }

        /** The version of the story that {@code article}'s {@code source} names: by URL, else by language. */
        private Optional<Article> sourceIn(Article article, List<Article> group) {
            if (article.source().isEmpty()) {
                return Optional.empty();
            }
            String url = article.source().get().url();
            String language = article.source().get().language();
            List<Article> others = group.stream().filter(a -> a != article).toList();
            if (!url.isEmpty()) {
                Optional<Article> byUrl = others.stream().filter(a -> sameUrl(url, absoluteUrl(a))).findFirst();
                if (byUrl.isPresent()) {
                    return byUrl;
                }
            }
            return language.isEmpty() ? Optional.empty() : others.stream().filter(a -> a.language().equals(language)).findFirst();
        }

        private String absoluteUrl(Article article) {
            return TranslationStatus.absoluteUrl(urls, article);
        }

        private Translation translation(Article article, Article original, List<Problem> found) {
            boolean unfinished = article.body().contains(TranslationFile.MARKER);
            String recorded = article.translatedFrom();
            if (recorded.isEmpty()) {
                return new Translation(article, original, State.UNTRACKED, unfinished, Optional.empty(), Optional.empty());
            }
            ArticleText current = ArticleText.of(original);
            if (current.hash().equals(recorded)) {
                return new Translation(article, original, State.CURRENT, unfinished, Optional.empty(), Optional.empty());
            }
            if (!ArticleText.isHash(recorded)) {
                Position at = article.position("translatedFrom");
                found.add(Problem.warning(article.sourcePath(), at.line(), at.column(), "translatedFrom '" + recorded
                        + "' is not a content hash written by Tolk (sha256: and 16 hex digits), so the translation counts as stale;"
                        + " once it matches the original, run: tolk status --mark-current " + article.sourcePath()));
            }
            Optional<Changes> changes = snapshots.find(recorded).map(current::changesSince);
            return new Translation(article, original, State.STALE, unfinished, changedAt(original, recorded), changes);
        }

        /**
         * When the original last changed. Its {@code updated} date says so, unless it is older than the
         * translation (a newsroom edit that forgot to bump it); then the file's modification time, which
         * after a fresh clone is only the clone's time, but is the best Tolk knows without git.
         */
        private Optional<Instant> changedAt(Article original, String recorded) {
            Optional<Instant> updated = original.updated().map(ZonedDateTime::toInstant);
            Optional<Instant> translatedAt = snapshots.savedAt(recorded);
            if (updated.isPresent() && (translatedAt.isEmpty() || updated.get().isAfter(translatedAt.get()))) {
                return updated;
            }
            return lastModified.apply(original);
        }

        private void count(Map<String, Pair> pairs, String from, String to, int translated, int stale, int untracked,
                           int drafts, int missing) {
            // Keyed so that the TreeMap sorts pairs in site.yaml's language order.
            String key = String.format("%04d-%04d", order.indexOf(from), order.indexOf(to));
            pairs.merge(key, new Pair(from, to, translated, stale, untracked, drafts, missing), Pair::plus);
        }
    }

    /** The published address of {@code article}, as a translation's {@code source: url} names its original. */
    static String absoluteUrl(Urls urls, Article article) {
        return urls.absolute(urls.article(article.language(), article.date(), article.slug()));
    }

    /** Whether two URLs name the same page: same host and path, ignoring scheme, percent-encoding and a final '/'. */
    static boolean sameUrl(String a, String b) {
        try {
            URI x = new URI(a.strip());
            URI y = new URI(b.strip());
            return x.getHost() != null && x.getHost().equalsIgnoreCase(String.valueOf(y.getHost()))
                    && trimSlash(x.getPath()).equals(trimSlash(y.getPath()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String trimSlash(String path) {
        String p = path == null ? "" : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
