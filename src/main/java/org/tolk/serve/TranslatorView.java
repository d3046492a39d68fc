package org.tolk.serve;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.tolk.build.BuildOptions;
import org.tolk.cache.BuildCache;
import org.tolk.check.Problems;
import org.tolk.config.ConfigLoader;
import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.content.Body;
import org.tolk.content.ContentReader;
import org.tolk.render.Markdown;
import org.tolk.render.Strings;
import org.tolk.site.Inclusion;
import org.tolk.site.Site;
import org.tolk.site.SiteBuilder;
import org.tolk.site.TranslationGroup;
import org.tolk.translate.ArticleText;
import org.tolk.translate.Changes;
import org.tolk.translate.SiteContent;
import org.tolk.translate.TranslationStatus;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The translator's view at {@code /_tolk/}: every translation group with its languages, the articles that
 * lack a translation marked, and for each article a side-by-side page with the original and the
 * translation paragraph by paragraph ({@link ParagraphAligner} pairs them).
 *
 * <p>Stale translations (issue 7) are marked as {@code tolk status} reports them ({@link TranslationStatus}):
 * a translation whose {@code translatedFrom} is not the hash of its original's current version. On the
 * side-by-side page of a stale translation, the original's paragraphs that are new or edited since are
 * highlighted, when a snapshot of the version it was made from is at hand ({@code .tolk/translations/}).
 *
 * <p>It reads the site model (translation groups, the original of each) itself, when a translator's page is
 * asked for and the sources changed since it last did, so that the rebuilds the browser waits for do not
 * pay for it; with a cache of its own, it reads again only the files that changed. It shows what the preview shows: drafts and future articles only with {@code --drafts} and
 * {@code --future}, and says how many it leaves out.
 */
final class TranslatorView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PreviewSite preview;
    private final Configuration templates;
    private volatile Snapshot snapshot;

    /**
     * The site model as of one build, or only the reason there is none (site.yaml does not load).
     *
     * @param published the configuration with the site's own base URL (the site's has the preview's), against
     *                  which a translation's {@code source: url} names its original
     * @param articles  every article read, drafts and future ones included, as {@code tolk status} counts them
     */
    private record Snapshot(long build, Site site, Map<String, Strings> strings, Markdown markdown,
                            int hiddenDrafts, int hiddenFuture, SiteConfig published, List<Article> articles) {

        /** The translation status of {@code articles} (all of them, or one story's). */
        TranslationStatus status(List<Article> of) {
            return new SiteContent(published, of, List.of()).status();
        }
    }

    TranslatorView(PreviewSite preview) {
        this.preview = preview;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new ClassTemplateLoader(TranslatorView.class, "/org/tolk/serve"));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setNumberFormat("computer");
        this.templates = cfg;
    }

    private Snapshot snapshot() {
        long build = preview.number();
        Snapshot current = snapshot;
        if (current != null && current.build() == build) {
            return current;
        }
        synchronized (this) {
            if (snapshot != null && snapshot.build() == build) {
                return snapshot;
            }
            snapshot = load(build, preview.options());
            return snapshot;
        }
    }

    /**
     * How each article file was read for the last snapshot, so that the next one (after every rebuild, while
     * a translator's page is open) reads only the files that changed. Guarded by this view's lock.
     */
    private BuildCache.Snapshot reads = BuildCache.Snapshot.EMPTY;
    private static final String READS = "(translator's view)";

    private Snapshot load(long build, BuildOptions options) {
        Problems ignored = new Problems();   // the preview reports the build's problems; this is a second reading
        Optional<SiteConfig> config = ConfigLoader.load(options.source(), ignored);
        if (config.isEmpty()) {
            return new Snapshot(build, null, Map.of(), null, 0, 0, null, List.of());
        }
        SiteConfig published = config.get();
        SiteConfig siteConfig = published;
        if (options.baseUrl().isPresent()) {
            Optional<java.net.URI> base = ConfigLoader.parseBaseUrl(options.baseUrl().get());
            if (base.isPresent()) {
                siteConfig = siteConfig.withBaseUrl(base.get());
            }
        }
        BuildCache cache = new BuildCache(reads, 0, READS);
        long startedAt = System.currentTimeMillis();
        ContentReader.Content content = ContentReader.read(siteConfig, ignored, cache);
        reads = cache.snapshot(startedAt, READS, "");
        Inclusion inclusion = new Inclusion(options.drafts(), options.future(), options.now());
        Site site = SiteBuilder.build(siteConfig, content, List.of(), inclusion, ignored);
        Map<String, Strings> strings = new LinkedHashMap<>();
        for (Language language : siteConfig.languages()) {
            strings.put(language.key(), Strings.load(language, siteConfig.templatesDir(), ignored));
        }
        int drafts = 0;
        int future = 0;
        for (Article article : content.articles()) {
            if (!inclusion.includes(article)) {
                if (article.draft() && !options.drafts()) drafts++;
                else future++;
            }
        }
        return new Snapshot(build, site, strings, new Markdown(site, strings), drafts, future, published, content.articles());
    }

    /** The list of translation groups. */
    String index() {
        Snapshot s = snapshot();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Translator’s view");
        if (s.site() == null) {
            model.put("broken", true);
            return render("translator-index.ftlh", model);
        }
        Site site = s.site();
        List<Language> languages = site.config().languages();
        model.put("broken", false);
        model.put("siteTitle", site.config().defaultLanguageConfig().title());
        model.put("hiddenDrafts", s.hiddenDrafts());
        model.put("hiddenFuture", s.hiddenFuture());

        List<TranslationGroup> groups = new ArrayList<>(site.groups().values());
        groups.sort(Comparator.comparing((TranslationGroup g) -> newest(g).date()).reversed()
                .thenComparing(TranslationGroup::key));
        Map<String, Integer> missing = new LinkedHashMap<>();
        languages.forEach(l -> missing.put(l.key(), 0));
        TranslationStatus status = s.status(s.articles());
        List<Map<String, Object>> rows = new ArrayList<>();
        int complete = 0;
        int staleCount = 0;
        for (TranslationGroup group : groups) {
            Article original = leftSide(group, site);
            Article marked = group.original().orElse(null);
            List<Map<String, Object>> cells = new ArrayList<>();
            boolean whole = true;
            boolean stale = false;
            for (Language language : languages) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("language", language.key());
                Optional<Article> article = group.in(language.key());
                cell.put("present", article.isPresent());
                cell.put("compareUrl", compareUrl(group.key(), language.key().equals(original.language())
                        ? otherLanguage(group, languages, original) : language.key()));
                if (article.isPresent()) {
                    Article a = article.get();
                    cell.put("title", a.title());
                    cell.put("url", site.urls().href(site.path(a)));
                    cell.put("original", a == marked);
                    cell.put("draft", a.draft());
                    cell.put("translators", String.join(", ", a.translators()));
                    cell.put("path", a.sourcePath());
                    cell.put("tag", language.tag());
                    cell.put("dir", language.direction().name().toLowerCase(java.util.Locale.ROOT));
                    Optional<TranslationStatus.Translation> translation = status.translation(a);
                    cell.put("state", translation.map(t -> t.state().label()).orElse(""));
                    cell.put("stateNote", translation.map(t -> stateNote(t, site.config().timeZone())).orElse(""));
                    if (translation.isPresent() && translation.get().state() == TranslationStatus.State.STALE) {
                        stale = true;
                        staleCount++;
                    }
                } else {
                    whole = false;
                    missing.merge(language.key(), 1, Integer::sum);
                }
                cells.add(cell);
            }
            if (whole) complete++;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", group.key());
            row.put("date", DAY.format(newest(group).date()));
            row.put("complete", whole);
            row.put("stale", stale);
            row.put("cells", cells);
            rows.add(row);
        }
        List<Map<String, Object>> languageViews = new ArrayList<>();
        for (Language language : languages) {
            Map<String, Object> view = language(language);
            view.put("missing", missing.get(language.key()));
            languageViews.add(view);
        }
        model.put("languages", languageViews);
        model.put("groups", rows);
        model.put("complete", complete);
        model.put("incomplete", rows.size() - complete);
        model.put("stale", staleCount);
        return render("translator-index.ftlh", model);
    }

    /**
     * The side-by-side page of one group: its original on the left, its version in {@code languageKey} on
     * the right (or a note that there is none yet). Empty if there is no such group.
     */
    Optional<String> compare(String key, String languageKey) {
        Snapshot s = snapshot();
        if (s.site() == null || key == null) {
            return Optional.empty();
        }
        Site site = s.site();
        TranslationGroup group = site.groups().get(key);
        if (group == null) {
            return Optional.empty();
        }
        List<Language> languages = site.config().languages();
        Article original = leftSide(group, site);
        String rightKey = languageKey != null && site.config().language(languageKey).isPresent()
                && !languageKey.equals(original.language()) ? languageKey : otherLanguage(group, languages, original);
        if (rightKey == null) {
            rightKey = original.language();   // a one-language site: nothing to compare with
        }
        Language leftLanguage = site.config().language(original.language()).orElseThrow();
        Language rightLanguage = site.config().language(rightKey).orElseThrow();
        Optional<Article> translation = rightKey.equals(original.language()) ? Optional.empty() : group.in(rightKey);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", original.title() + " – side by side");
        model.put("key", key);
        model.put("left", side(site, s, original, leftLanguage));
        model.put("right", translation.map(a -> side(site, s, a, rightLanguage)).orElse(null));
        Map<String, Object> rightLanguageView = language(rightLanguage);
        model.put("rightLanguage", rightLanguageView);
        model.put("suggestedPath", suggestedPath(original, rightKey));

        TranslationStatus storyStatus = s.status(storyOf(s, original));
        Optional<TranslationStatus.Translation> status = translation.flatMap(storyStatus::translation);
        model.put("status", status.map(t -> statusView(t, original, site.config().timeZone())).orElse(null));

        List<Map<String, Object>> tabs = new ArrayList<>();
        for (Language language : languages) {
            if (language.key().equals(original.language())) continue;
            Map<String, Object> tab = language(language);
            tab.put("present", group.in(language.key()).isPresent());
            tab.put("stale", group.in(language.key()).flatMap(storyStatus::translation)
                    .map(t -> t.state() == TranslationStatus.State.STALE).orElse(false));
            tab.put("current", language.key().equals(rightKey));
            tab.put("url", compareUrl(key, language.key()));
            tabs.add(tab);
        }
        model.put("tabs", tabs);

        List<String> leftBlocks = blocks(s.markdown().render(original, new Problems()));
        Set<Integer> changedBlocks = status.map(t -> changedBlocks(s, t, original, leftBlocks)).orElse(Set.of());
        List<String> rightBlocks = translation.map(a -> blocks(s.markdown().render(a, new Problems()))).orElse(List.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        int unmatched = 0;
        if (translation.isEmpty()) {
            for (int i = 0; i < leftBlocks.size(); i++) {
                rows.add(row(List.of(leftBlocks.get(i)), List.of(), i + 1, 0, false));
            }
        } else {
            List<ParagraphAligner.Row> aligned = ParagraphAligner.align(measure(leftBlocks), measure(rightBlocks));
            for (ParagraphAligner.Row r : aligned) {
                boolean changed = changedBlocks.stream().anyMatch(b -> b >= r.leftFrom() && b < r.leftTo());
                rows.add(row(leftBlocks.subList(r.leftFrom(), r.leftTo()), rightBlocks.subList(r.rightFrom(), r.rightTo()),
                        r.leftFrom() + 1, r.rightFrom() + 1, changed));
                if (r.unmatched()) unmatched++;
            }
        }
        model.put("rows", rows);
        model.put("leftCount", leftBlocks.size());
        model.put("rightCount", rightBlocks.size());
        model.put("unmatched", unmatched);
        model.put("changedBlocks", changedBlocks.size());
        return Optional.of(render("translator-compare.ftlh", model));
    }

    /** Every version of {@code article}'s story as read, drafts included: what its translation status depends on. */
    private static List<Article> storyOf(Snapshot s, Article article) {
        return s.articles().stream().filter(a -> a.translationKey().equals(article.translationKey())).toList();
    }

    /** A short account of how a translation stands, for the list's tooltip and the side-by-side page. */
    private static String stateNote(TranslationStatus.Translation t, ZoneId zone) {
        return switch (t.state()) {
            case CURRENT -> "made from the original's current version";
            case UNTRACKED -> "records no translatedFrom, so whether it is current is not known";
            case STALE -> {
                StringBuilder note = new StringBuilder("the original changed since the translation was made");
                if (t.changes().isPresent()) {
                    Changes c = t.changes().get();
                    String paragraphs = c.changed() + " of " + c.outOf() + (c.outOf() == 1 ? " paragraph" : " paragraphs");
                    note.append(": ").append(c.changed() > 0 && c.titleChanged() ? paragraphs + " and the title"
                            : c.changed() > 0 ? paragraphs : "the title");
                }
                t.originalChanged().ifPresent(at -> note.append(" (last change ").append(DAY.format(at.atZone(zone))).append(')'));
                yield note.toString();
            }
        };
    }

    private static Map<String, Object> statusView(TranslationStatus.Translation t, Article left, ZoneId zone) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", t.state().label());
        view.put("note", stateNote(t, zone));
        view.put("known", t.changes().isPresent());
        view.put("titleChanged", t.changes().map(Changes::titleChanged).orElse(false));
        view.put("changed", t.changes().map(Changes::changedParagraphs).map(List::size).orElse(0));
        view.put("markCurrent", "tolk status --mark-current " + t.article().sourcePath());
        // The status may take another version as the original (a translation whose source names it): say so.
        view.put("from", t.original().sourcePath().equals(left.sourcePath()) ? "" : t.original().sourcePath());
        return view;
    }

    /** The blocks of the original, as shown on the left, that hold paragraphs changed since the translation. */
    private static Set<Integer> changedBlocks(Snapshot s, TranslationStatus.Translation t, Article original, List<String> blocks) {
        if (t.state() != TranslationStatus.State.STALE || t.changes().isEmpty()
                || !t.original().sourcePath().equals(original.sourcePath())) {
            return Set.of();
        }
        List<String> paragraphs = ArticleText.of(original).paragraphs();
        List<String> alone = paragraphs.stream()
                .map(p -> s.markdown().render(withBody(original, p), new Problems()))
                .toList();
        return ChangedBlocks.of(blocks, alone, Set.copyOf(t.changes().get().changedParagraphs()));
    }

    /** {@code article} with another body: to render one paragraph of it as it renders within the article (links, quotes). */
    private static Article withBody(Article a, String body) {
        return new Article(a.sourcePath(), a.contentPath(), a.language(), a.title(), a.date(), a.updated(), a.topics(),
                a.translationKey(), a.slug(), a.summary(), a.authors(), a.translators(), a.source(), a.draft(), a.image(),
                a.translatedFrom(), a.extra(), Body.of(body), a.bodyLine(), a.positions());
    }

    private static Map<String, Object> row(List<String> left, List<String> right, int leftNumber, int rightNumber,
                                           boolean leftChanged) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("leftChanged", leftChanged);
        row.put("left", String.join("\n", left));
        row.put("right", String.join("\n", right));
        row.put("leftEmpty", left.isEmpty());
        row.put("rightEmpty", right.isEmpty());
        row.put("leftNumbers", numbers(leftNumber, left.size()));
        row.put("rightNumbers", numbers(rightNumber, right.size()));
        return row;
    }

    private static String numbers(int first, int count) {
        return count == 0 ? "" : count == 1 ? "¶" + first : "¶" + first + "–" + (first + count - 1);
    }

    private static Map<String, Object> side(Site site, Snapshot s, Article article, Language language) {
        Map<String, Object> side = language(language);
        side.put("title", article.title());
        side.put("summary", article.summary());
        side.put("path", article.sourcePath());
        side.put("url", site.urls().href(site.path(article)));
        side.put("date", DAY.format(article.date()));
        side.put("authors", String.join(", ", article.authors()));
        side.put("translators", String.join(", ", article.translators()));
        side.put("draft", article.draft());
        return side;
    }

    private static Map<String, Object> language(Language language) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", language.key());
        view.put("name", language.name());
        view.put("tag", language.tag());
        view.put("dir", language.direction().name().toLowerCase(java.util.Locale.ROOT));
        return view;
    }

    /** The first language, in site.yaml order, other than the original's: missing ones first, as they need work. */
    private static String otherLanguage(TranslationGroup group, List<Language> languages, Article original) {
        String present = null;
        for (Language language : languages) {
            if (language.key().equals(original.language())) continue;
            if (group.in(language.key()).isEmpty()) return language.key();
            if (present == null) present = language.key();
        }
        return present;
    }

    /** Where a new translation would go: beside the original, with the other language's suffix. */
    private static String suggestedPath(Article original, String language) {
        String path = original.sourcePath();
        String suffix = "." + original.language() + ".md";
        String base = path.endsWith(suffix) ? path.substring(0, path.length() - suffix.length())
                : path.substring(0, path.length() - ".md".length());
        return base + "." + language + ".md";
    }

    /**
     * The version shown on the left: the group's original (the one version without a translator), or when
     * that cannot be told, the version in the site's default language, or else the earliest.
     */
    static Article leftSide(TranslationGroup group, Site site) {
        return group.original()
                .or(() -> group.in(site.config().defaultLanguage()))
                .orElseGet(() -> group.articles().stream().min(Comparator.comparing(Article::date)).orElseThrow());
    }

    private static Article newest(TranslationGroup group) {
        return group.articles().stream().max(Comparator.comparing(Article::date)).orElseThrow();
    }

    static String compareUrl(String key, String language) {
        return "/_tolk/compare?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + (language == null ? "" : "&lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8));
    }

    /** An article body's top-level blocks, as HTML: paragraphs, headings, lists, quotes, tables, the footnotes. */
    static List<String> blocks(String html) {
        List<String> blocks = new ArrayList<>();
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            if (node instanceof Element element) {
                blocks.add(element.outerHtml());
            } else if (node instanceof TextNode text && !text.isBlank()) {
                blocks.add("<p>" + text.outerHtml() + "</p>");
            }
        }
        return blocks;
    }

    private static List<ParagraphAligner.Block> measure(List<String> blocks) {
        List<ParagraphAligner.Block> measured = new ArrayList<>();
        for (String block : blocks) {
            Element element = Jsoup.parseBodyFragment(block).body().child(0);
            String tag = element.tagName();
            String kind = tag.matches("h[1-6]") ? "heading" : tag.equals("ul") || tag.equals("ol") ? "list" : tag;
            measured.add(new ParagraphAligner.Block(kind, Math.max(1, element.text().length())));
        }
        return measured;
    }

    private String render(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            templates.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("translator's view template " + name + ": " + e.getMessage(), e);
        }
    }
}
