package org.tolk.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tolk.content.Article;
import org.tolk.content.Text;

/**
 * {@code tolk status --mark-current PATH}: records in a translation's front matter that it matches its
 * original's current version ({@code translatedFrom: <hash>}), after the translator brought it up to
 * date, or to start tracking a translation made before Tolk did.
 *
 * <p>Only that one line of the file changes (or is added before the closing {@code ---}); comments,
 * order and line endings stay as the translator left them.
 */
public final class MarkCurrent {
    private static final Pattern FIELD = Pattern.compile("translatedFrom[ \\t]*:.*");

    /**
     * One translation marked.
     *
     * @param changed false when it recorded the current version already (nothing was written)
     */
    public record Marked(Article translation, Article original, String hash, boolean changed) {
    }

    private MarkCurrent() {
    }

    /**
     * Marks the translations at {@code paths}: translation files, or folders for every translation in
     * them. Every path is checked before any file is written, so a mistake in one leaves all as they were.
     */
    public static List<Marked> mark(SiteContent site, List<Path> paths) throws RefusedException, IOException {
        TranslationStatus status = site.status();
        Map<String, TranslationStatus.Translation> chosen = new LinkedHashMap<>();
        for (Path path : paths) {
            for (TranslationStatus.Translation translation : translations(site, status, path)) {
                chosen.putIfAbsent(translation.article().sourcePath(), translation);
            }
        }
        List<Marked> marked = new ArrayList<>();
        for (TranslationStatus.Translation translation : chosen.values()) {
            ArticleText original = ArticleText.of(translation.original());
            String hash = original.hash();
            site.snapshots().save(original);
            boolean changed = !hash.equals(translation.article().translatedFrom());
            if (changed) {
                Path file = site.file(translation.article());
                write(file, withTranslatedFrom(Text.readUtf8(file), hash));
            }
            marked.add(new Marked(translation.article(), translation.original(), hash, changed));
        }
        return marked;
    }

    private static List<TranslationStatus.Translation> translations(SiteContent site, TranslationStatus status, Path path)
            throws RefusedException {
        String shown = site.sourcePath(path);
        if (!Files.exists(path)) {
            throw new RefusedException(path + ": no such file or folder");
        }
        if (shown.startsWith("..")) {
            throw new RefusedException(path + " is outside the site (" + site.root().toAbsolutePath().normalize() + ")");
        }
        if (Files.isDirectory(path)) {
            String prefix = shown.isEmpty() ? "" : shown + "/";
            List<TranslationStatus.Translation> inside = status.translations().stream()
                    .filter(t -> t.article().sourcePath().startsWith(prefix)).toList();
            if (inside.isEmpty()) {
                throw new RefusedException("no translations in " + (shown.isEmpty() ? "the site" : shown + "/")
                        + ": every article there is an original");
            }
            return inside;
        }
        Optional<Article> article = site.article(path);
        if (article.isEmpty()) {
            List<String> problems = site.problemsOf(path).stream().filter(p -> p.isError()).map(Object::toString).toList();
            throw new RefusedException(problems.isEmpty()
                    ? shown + " is not an article of the site (articles are .md files under content/)"
                    : shown + " cannot be read as an article; fix it first:\n" + String.join("\n", problems));
        }
        Optional<TranslationStatus.Translation> translation = status.translation(article.get());
        if (translation.isEmpty()) {
            Optional<TranslationStatus.Story> story = status.story(article.get());
            List<String> others = story.map(s -> s.articles().stream().filter(a -> a != article.get())
                    .map(Article::sourcePath).toList()).orElse(List.of());
            throw new RefusedException(shown + " is the original of its story, not a translation"
                    + (others.isEmpty() ? " (the story has no other version)"
                    : "; mark its translation" + (others.size() > 1 ? "s" : "") + " instead: "
                    + others.stream().collect(Collectors.joining(" "))));
        }
        return List.of(translation.get());
    }

    /** {@code text} with its front matter's {@code translatedFrom} set to {@code hash}, all else unchanged. */
    static String withTranslatedFrom(String text, String hash) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().equals("---")) {
                close = i;
                break;
            }
        }
        if (lines.isEmpty() || !lines.get(0).stripTrailing().equals("---") || close < 0) {
            throw new IllegalArgumentException("no front matter");
        }
        String field = "translatedFrom: " + hash;
        for (int i = 1; i < close; i++) {
            if (FIELD.matcher(lines.get(i)).matches()) {
                lines.set(i, field);
                // A value continued on indented lines (a block scalar) belongs to the old field.
                while (i + 1 < close && !lines.get(i + 1).isEmpty() && Character.isWhitespace(lines.get(i + 1).charAt(0))) {
                    lines.remove(i + 1);
                    close--;
                }
                return String.join(newline, lines);
            }
        }
        lines.add(close, field);
        return String.join(newline, lines);
    }

    /** Replaces {@code file} in one step, so that a preview or editor never reads half of it. */
    private static void write(Path file, String text) throws IOException {
        Path temporary = org.tolk.output.Temporary.file(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
