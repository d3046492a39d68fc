package org.tolk.translate;

import org.tolk.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.tolk.check.Problem;
import org.tolk.config.Language;
import org.tolk.config.SiteConfig;

/**
 * {@code tolk status} as text for people (a table per language pair, then what needs doing) and as
 * JSON for scripts. Pure functions of a {@link TranslationStatus}; the command prints them.
 */
public final class StatusReport {
    private static final Pattern SHELL_SAFE = Pattern.compile("[\\p{L}\\p{N}_./@%+=:,-]+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);

    /**
     * How to show the status.
     *
     * @param now     the moment "3 days ago" is counted from
     * @param to      only pairs into this language, if given
     * @param verbose also list untracked translations
     * @param shown   how a site path ({@code content/…}) is shown: relative to where the user is, so that
     *                the commands suggested can be pasted as they are
     */
    public record Options(Instant now, Optional<String> to, boolean verbose, Function<String, String> shown) {
    }

    private final TranslationStatus status;
    private final SiteConfig config;
    private final Options options;
    private final Predicate<String> target;

    public StatusReport(TranslationStatus status, SiteConfig config, Options options) {
        this.status = status;
        this.config = config;
        this.options = options;
        this.target = language -> options.to().map(language::equals).orElse(true);
    }

    public List<TranslationStatus.Pair> pairs() {
        return status.pairs().stream().filter(p -> target.test(p.to())).toList();
    }

    public TranslationStatus.Pair total() {
        return TranslationStatus.sum(pairs());
    }

    public List<TranslationStatus.Translation> stale() {
        return status.stale().stream().filter(t -> target.test(t.to())).toList();
    }

    public List<TranslationStatus.Missing> missing() {
        return status.missing().stream().filter(m -> target.test(m.language())).toList();
    }

    private List<TranslationStatus.Translation> drafts() {
        return status.drafts().stream().filter(t -> target.test(t.to())).toList();
    }

    private List<TranslationStatus.Translation> untracked() {
        return status.untracked().stream().filter(t -> target.test(t.to())).toList();
    }

    private List<TranslationStatus.Translation> unfinished() {
        return status.unfinished().stream().filter(t -> target.test(t.to())).toList();
    }

    /** The report for people. */
    public String text() {
        StringBuilder out = new StringBuilder();
        List<String> languages = config.languages().stream().map(Language::key).toList();
        if (languages.size() < 2) {
            return "The site has one language (" + String.join("", languages) + "): there is nothing to translate.\n";
        }
        long draftOriginals = status.stories().stream().filter(s -> s.original().draft()).count();
        out.append("Translations of ").append(plural(status.stories().size(), "story", "stories"))
                .append(" in ").append(String.join(", ", languages))
                .append(draftOriginals == 0 ? "" : " (" + draftOriginals + " with a draft original, not counted)").append('\n');
        List<TranslationStatus.Pair> pairs = pairs();
        if (pairs.isEmpty()) {
            out.append("\nNo story has a version to translate").append(options.to().map(t -> " into " + t).orElse("")).append(".\n");
            return out.toString();
        }
        table(out, pairs);
        staleSection(out);
        unfinishedSection(out);
        missingSection(out);
        draftsSection(out);
        untrackedSection(out);
        TranslationStatus.Pair total = total();
        if (total.stale() + total.missing() + total.drafts() + total.untracked() == 0 && unfinished().isEmpty()) {
            out.append("\nEvery story is translated, and every translation matches its original.\n");
        }
        return out.toString();
    }

    private void table(StringBuilder out, List<TranslationStatus.Pair> pairs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"from → to", "stories", "translated", "stale", "untracked", "drafts", "missing", "coverage"});
        for (TranslationStatus.Pair pair : pairs) {
            rows.add(row(pair.from() + " → " + pair.to(), pair));
        }
        if (pairs.size() > 1) {
            rows.add(row("total", total()));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.append('\n');
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                // The first column reads left to right; numbers line up on the right.
                line.append(i == 0 ? pad(row[i], widths[i]) : "  " + " ".repeat(widths[i] - row[i].length()) + row[i]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String[] row(String label, TranslationStatus.Pair pair) {
        return new String[] {label, String.valueOf(pair.stories()), String.valueOf(pair.translated()), String.valueOf(pair.stale()),
                String.valueOf(pair.untracked()), String.valueOf(pair.drafts()), String.valueOf(pair.missing()), percent(pair.coverage())};
    }

    private void staleSection(StringBuilder out) {
        List<TranslationStatus.Translation> stale = stale();
        if (stale.isEmpty()) {
            return;
        }
        out.append("\nStale (").append(stale.size()).append("): the original changed after the translation was made\n");
        for (TranslationStatus.Translation t : stale) {
            out.append("  ").append(options.shown().apply(t.article().sourcePath())).append('\n');
            out.append("      original ").append(options.shown().apply(t.original().sourcePath())).append(" changed ")
                    .append(t.originalChanged().map(this::when).orElse("at an unknown time"))
                    .append(": ").append(t.changes().map(StatusReport::describe)
                            .orElse("how much is not known (no snapshot of the version translated)"))
                    .append('\n');
            out.append("      when it is up to date: tolk status --mark-current ").append(shell(options.shown().apply(t.article().sourcePath())))
                    .append('\n');
        }
    }

    private void unfinishedSection(StringBuilder out) {
        List<TranslationStatus.Translation> unfinished = unfinished();
        if (unfinished.isEmpty()) {
            return;
        }
        out.append("\nUnfinished (").append(unfinished.size())
                .append("): published, but still holding the original's text between the tolk:original markers\n");
        unfinished.forEach(t -> out.append("  ").append(options.shown().apply(t.article().sourcePath())).append('\n'));
    }

    private void missingSection(StringBuilder out) {
        List<TranslationStatus.Missing> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        out.append("\nMissing (").append(missing.size()).append("): stories with no version in a language, newest first\n");
        List<String[]> rows = new ArrayList<>();
        for (TranslationStatus.Missing m : missing) {
            String path = options.shown().apply(m.original().sourcePath());
            rows.add(new String[] {path + " → " + m.language(), "tolk translate " + shell(path) + " --to " + m.language()});
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        rows.forEach(r -> out.append("  ").append(pad(r[0], width)).append("   ").append(r[1]).append('\n'));
    }

    private void draftsSection(StringBuilder out) {
        List<TranslationStatus.Translation> drafts = drafts();
        if (drafts.isEmpty()) {
            return;
        }
        out.append("\nDrafts (").append(drafts.size()).append("): translations marked draft: true\n");
        for (TranslationStatus.Translation t : drafts) {
            List<String> notes = new ArrayList<>();
            notes.add(t.from() + " → " + t.to());
            if (t.unfinished()) {
                notes.add("still holds the original's text");
            }
            if (t.state() == TranslationStatus.State.STALE) {
                notes.add("the original changed since it was begun");
            }
            out.append("  ").append(options.shown().apply(t.article().sourcePath())).append("  (").append(String.join("; ", notes)).append(")\n");
        }
    }

    private void untrackedSection(StringBuilder out) {
        List<TranslationStatus.Translation> untracked = untracked();
        if (untracked.isEmpty()) {
            return;
        }
        out.append("\nUntracked (").append(untracked.size()).append("): ")
                .append(untracked.size() == 1 ? "a translation that records" : "translations that record")
                .append(" no translatedFrom, so Tolk cannot tell whether ")
                .append(untracked.size() == 1 ? "it is" : "they are").append(" stale.\n")
                .append("Once a translation matches its original, record that with\n")
                .append("  tolk status --mark-current PATH     (a translation, or a folder for all translations in it)\n");
        if (options.verbose()) {
            untracked.forEach(t -> out.append("  ").append(options.shown().apply(t.article().sourcePath()))
                    .append("  (").append(t.from()).append(" → ").append(t.to()).append(")\n"));
        } else {
            out.append("(--verbose lists them)\n");
        }
    }

    /** "the title and 2 of 9 paragraphs", "1 of 4 paragraphs", "the title". */
    static String describe(Changes changes) {
        List<String> parts = new ArrayList<>();
        if (changes.titleChanged()) {
            parts.add("the title");
        }
        if (changes.changed() > 0) {
            parts.add(changes.changed() + " of " + plural(changes.outOf(), "paragraph", "paragraphs") + " ("
                    + percent(changes.share()) + ")");
        }
        return parts.isEmpty() ? "only the order of paragraphs" : String.join(" and ", parts);
    }

    private String when(Instant changed) {
        ZoneId zone = config.timeZone();
        return ago(Duration.between(changed, options.now())) + " (" + DAY.format(changed.atZone(zone)) + ")";
    }

    /** "3 days ago": rounded down to the largest unit that fits, as a person would say it. */
    static String ago(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (minutes < 1) {
            return "just now";
        }
        if (hours < 1) {
            return plural(minutes, "minute", "minutes") + " ago";
        }
        if (days < 1) {
            return plural(hours, "hour", "hours") + " ago";
        }
        if (days < 14) {
            return plural(days, "day", "days") + " ago";
        }
        if (days < 60) {
            return plural(days / 7, "week", "weeks") + " ago";
        }
        if (days < 730) {
            return plural(days / 30, "month", "months") + " ago";
        }
        return plural(days / 365, "year", "years") + " ago";
    }

    /** The report for scripts: every pair, translation and missing version, with site paths. */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("languages", config.languages().stream().map(Language::key).toList());
        root.put("pairs", pairs().stream().map(p -> counts(p, true)).toList());
        root.put("total", counts(total(), false));
        List<Object> translations = new ArrayList<>();
        for (TranslationStatus.Translation t : status.translations()) {
            if (!target.test(t.to())) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("path", t.article().sourcePath());
            item.put("original", t.original().sourcePath());
            item.put("from", t.from());
            item.put("to", t.to());
            item.put("state", t.state().label());
            item.put("draft", t.draft());
            item.put("unfinished", t.unfinished());
            item.put("translatedFrom", t.article().translatedFrom().isEmpty() ? null : t.article().translatedFrom());
            item.put("originalChanged", t.originalChanged().map(Instant::toString).orElse(null));
            item.put("staleSeconds", t.originalChanged().map(c -> Math.max(0, Duration.between(c, options.now()).getSeconds())).orElse(null));
            item.put("changes", t.changes().map(StatusReport::changes).orElse(null));
            translations.add(item);
        }
        root.put("translations", translations);
        root.put("missing", missing().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("original", m.original().sourcePath());
            item.put("from", m.from());
            item.put("to", m.language());
            return item;
        }).toList());
        root.put("problems", status.problems().stream().map(Problem::toString).toList());
        return Json.pretty(root);
    }

    private static Map<String, Object> counts(TranslationStatus.Pair pair, boolean withLanguages) {
        Map<String, Object> counts = new LinkedHashMap<>();
        if (withLanguages) {
            counts.put("from", pair.from());
            counts.put("to", pair.to());
        }
        counts.put("stories", pair.stories());
        counts.put("translated", pair.translated());
        counts.put("stale", pair.stale());
        counts.put("untracked", pair.untracked());
        counts.put("drafts", pair.drafts());
        counts.put("missing", pair.missing());
        counts.put("coverage", pair.coverage());
        return counts;
    }

    private static Map<String, Object> changes(Changes changes) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", changes.titleChanged());
        item.put("paragraphs", changes.paragraphs());
        item.put("changed", changes.changed());
        item.put("removed", changes.removed());
        item.put("share", changes.share());
        item.put("changedParagraphs", changes.changedParagraphs());
        return item;
    }

    /** A whole percentage that never rounds up to 100 while something is missing. */
    static String percent(double share) {
        return (share >= 1 ? 100 : (int) Math.floor(share * 100)) + "%";
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** A path as a shell word: as is when safe, else in single quotes. */
    static String shell(String path) {
        return SHELL_SAFE.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
