package org.tolk.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.tolk.check.Problems;
import org.tolk.check.Suggestions;
import org.tolk.config.SiteConfig;
import org.tolk.yaml.YamlMap;

/**
 * Turns one Markdown file's text into an {@link Article}: splits off the front matter, checks every
 * field against the closed schema of content-format.md, and reports all mistakes with their position.
 */
public final class ArticleReader {
    public static final List<String> FIELDS = List.of("title", "date", "language", "topics", "translationKey", "slug",
            "summary", "author", "translator", "source", "updated", "draft", "image", "translatedFrom", "extra");
    /** Opens the block of an original's text that {@code tolk translate} leaves for the translator to replace. */
    public static final String ORIGINAL_TEXT_MARKER = "<!-- tolk:original";

    private static final List<String> SOURCE_FIELDS = List.of("name", "url", "language", "published");

    /**
     * How many bytes of the files it read a build's reader keeps for their bodies (see {@link Body}): a site of
     * 1,000 stories (14 MB) is read once; a larger one reads the rest again when rendering it, so that memory
     * stays bounded whatever the archive's size.
     */
    static final long KEPT_BYTES_LIMIT = 64L << 20;

    private final SiteConfig config;
    private final Set<String> languageKeys;
    private final long keptBytesLimit;
    private final java.util.concurrent.atomic.AtomicLong keptBytes = new java.util.concurrent.atomic.AtomicLong();

    /** A reader that keeps no file's bytes: each body is read from its file when it is used. */
    public ArticleReader(SiteConfig config) {
        this(config, 0);
    }

    ArticleReader(SiteConfig config, long keptBytesLimit) {
        this.config = config;
        this.keptBytesLimit = keptBytesLimit;
        this.languageKeys = new java.util.LinkedHashSet<>(config.languages().stream().map(l -> l.key()).toList());
    }

    /** The file name parts: {@code telegram.nl.md} → base {@code telegram}, language {@code nl}. */
    record FileName(String base, String language) {
        static FileName of(String fileName, Set<String> languages) {
            String stem = fileName.substring(0, fileName.length() - ".md".length());
            int dot = stem.lastIndexOf('.');
            if (dot > 0 && languages.contains(stem.substring(dot + 1))) {
                return new FileName(stem.substring(0, dot), stem.substring(dot + 1));
            }
            return new FileName(stem, null);
        }
    }

    /** Reads an article, or returns empty after reporting why it cannot be one. */
    public Optional<Article> read(String sourcePath, String contentPath, String text, Problems sink) {
        return read(sourcePath, contentPath, text, null, sink);
    }

    /**
     * Reads an article whose body stays in {@code file} and is read again when it is rendered; with a
     * null file, the body is kept in memory.
     */
    public Optional<Article> read(String sourcePath, String contentPath, String text, Path file, Problems sink) {
        String normalised = normalise(text);
        return read(sourcePath, contentPath, normalised, file == null ? null : Body.inFile(file), markerLine(normalised), sink);
    }

    /**
     * Reads the article in {@code bytes}, the contents of {@code file}, where its body stays: only the
     * front matter is decoded. The body is checked to be UTF-8 and searched for the original's text that
     * {@code tolk translate} leaves, in its bytes; it is decoded when it is rendered. The same as reading
     * the file's text, for a fraction of the cost: bodies are most of a file, and with typographic quotes
     * in them, slow to decode. Until this reader has kept its limit of bytes, it keeps {@code bytes}
     * for the body's first use, which then need not read the file again.
     *
     * @throws Text.NotUtf8Exception if the file is not UTF-8, locating its first bad byte
     */
    public Optional<Article> read(String sourcePath, String contentPath, byte[] bytes, Path file, Problems sink)
            throws Text.NotUtf8Exception {
        int bodyStart = frontMatterEnd(bytes);
        if (bodyStart < 0) {
            // No front matter, or not closed: a mistake, reported as for any text.
            return read(sourcePath, contentPath, Text.decodeUtf8(bytes), file, sink);
        }
        String head = Text.decodeUtf8(bytes, bodyStart);
        int marker = Text.find(bytes, bodyStart, bytes.length, ORIGINAL_TEXT_MARKER_BYTES);
        if (marker == Text.NOT_UTF8) {
            // Throws, locating the bad byte in the whole file.
            return read(sourcePath, contentPath, Text.decodeUtf8(bytes), file, sink);
        }
        int markerLine = marker < 0 ? -1 : 1 + count(bytes, (byte) '\n', 0, marker);
        boolean keep = keptBytes.addAndGet(bytes.length) <= keptBytesLimit;
        return read(sourcePath, contentPath, normalise(head), keep ? Body.inFile(file, bytes) : Body.inFile(file), markerLine, sink);
    }

    /** @param body where the body is, or null if it is the rest of {@code normalised} */
    private Optional<Article> read(String sourcePath, String contentPath, String normalised, Body body, int markerLine,
                                   Problems sink) {
        // Problems of this file only, so that "did this file have errors?" is not confused by other threads.
        Problems problems = new Problems();
        try {
            return read(sourcePath, contentPath, normalised, body, markerLine, problems, problems);
        } finally {
            sink.addAll(problems.sorted());
        }
    }

    private static String normalise(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
    }

    /** The line of the body's first tolk:original marker in a (normalised) text, or -1 if it has none. */
    private static int markerLine(String normalised) {
        int marker = normalised.indexOf(ORIGINAL_TEXT_MARKER, bodyStartOffset(normalised));
        return marker < 0 ? -1 : 1 + count(normalised, '\n', 0, marker);
    }

    private static final byte[] ORIGINAL_TEXT_MARKER_BYTES = ORIGINAL_TEXT_MARKER.getBytes(StandardCharsets.US_ASCII);

    private static int bodyStartOffset(String normalised) {
        int close = findClosingFence(normalised);
        return close < 0 ? normalised.length() : close;
    }

    /** The Markdown after the front matter of an article's (normalised) text; all of it if there is none. */
    static String bodyOf(String normalised) {
        if (!normalised.startsWith("---\n")) {
            return normalised;
        }
        int close = findClosingFence(normalised);
        if (close < 0) {
            return "";
        }
        int bodyStart = normalised.indexOf('\n', close + 1);
        return bodyStart < 0 ? "" : normalised.substring(bodyStart + 1);
    }

    /**
     * Where {@link #bodyOf} finds the body in the text of a file with these bytes: the first byte after
     * the front matter's closing line; the file's end if the front matter is not closed or nothing follows
     * it; the first byte after the byte-order mark if there is no front matter.
     */
    static int bodyOffset(byte[] bytes) {
        int end = frontMatterEnd(bytes);
        if (end >= 0) {
            return end;
        }
        int start = Text.byteOrderMarkLength(bytes);
        return openingFenceEnd(bytes, start) < 0 ? start : bytes.length;
    }

    /**
     * The first byte after the front matter's closing line in a file's bytes (the file's end if no line
     * follows it), found as {@link #findClosingFence} finds it in the file's text; -1 if there is no front
     * matter or it is not closed. A line break, '-' and '\r' are single bytes in UTF-8, and no other
     * character's bytes look like them.
     */
    private static int frontMatterEnd(byte[] bytes) {
        int from = openingFenceEnd(bytes, Text.byteOrderMarkLength(bytes));
        if (from < 0) {
            return -1;
        }
        int n = bytes.length;
        while (true) {
            int at = indexOf(bytes, FENCE_BYTES, from);
            if (at < 0) {
                return -1;
            }
            int end = at + FENCE_BYTES.length;
            int lineEnd = indexOf(bytes, (byte) '\n', end);
            if (isBlank(bytes, end, lineEnd < 0 ? n : lineEnd)) {
                return lineEnd < 0 ? n : lineEnd + 1;
            }
            from = end;
        }
    }

    private static final byte[] FENCE_BYTES = {'\n', '-', '-', '-'};

    /** The line break that ends the opening line "---" at {@code start}, or -1 if there is none. */
    private static int openingFenceEnd(byte[] bytes, int start) {
        int n = bytes.length;
        if (n - start < 4 || bytes[start] != '-' || bytes[start + 1] != '-' || bytes[start + 2] != '-') {
            return -1;
        }
        if (bytes[start + 3] == '\n') {
            return start + 3;
        }
        return bytes[start + 3] == '\r' && n - start >= 5 && bytes[start + 4] == '\n' ? start + 4 : -1;
    }

    /** Whether the text of {@code bytes} from {@code from} to {@code to} is blank, as {@link String#isBlank} says. */
    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        byte first = part[0];
        int last = bytes.length - part.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int count(byte[] bytes, byte b, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                count++;
            }
        }
        return count;
    }

    private static int count(String text, char c, int from, int to) {
        int count = 0;
        for (int i = text.indexOf(c, from); i >= 0 && i < to; i = text.indexOf(c, i + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Reads the article in {@code normalised}, the text of a file with line breaks normalised, or only its
     * front matter (up to and with its closing line) if the body is {@code stored} (null: in {@code normalised}).
     */
    private Optional<Article> read(String sourcePath, String contentPath, String normalised, Body stored, int markerLine,
                                   Problems problems, Problems local) {
        if (!normalised.startsWith("---\n") && !normalised.equals("---")) {
            problems.error(sourcePath, 1, 1, "no front matter: an article starts with a line '---', then title, date"
                    + " and language, then another '---'");
            return Optional.empty();
        }
        int close = findClosingFence(normalised);
        if (close < 0) {
            problems.error(sourcePath, 1, 1, "front matter is not closed: add a line '---' after it");
            return Optional.empty();
        }
        String yamlText = normalised.substring(4, close);
        Body body = stored == null ? Body.of(bodyOf(normalised)) : stored;
        int bodyLine = 2 + count(yamlText, '\n', 0, yamlText.length()) + 1;

        Optional<YamlMap> parsed = YamlMap.parse(yamlText, new YamlMap.YamlSource(sourcePath, 2, problems));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YamlMap yaml = parsed.get();
        yaml.rejectUnknownKeys(FIELDS, "front-matter field");
        Map<String, Position> positions = new LinkedHashMap<>();
        for (String key : yaml.keys()) {
            int[] at = yaml.valuePosition(key);
            positions.put(key, new Position(at[0], at[1]));
        }

        String fileName = contentPath.substring(contentPath.lastIndexOf('/') + 1);
        FileName name = FileName.of(fileName, languageKeys);

        String title = required(yaml, "title", sourcePath, problems);
        String dateText = required(yaml, "date", sourcePath, problems);
        String language = required(yaml, "language", sourcePath, problems);
        if (language != null && !languageKeys.contains(language)) {
            yaml.errorAt("language", "unknown language '" + language + "': site.yaml defines " + String.join(", ", languageKeys)
                    + Suggestions.didYouMean(language, languageKeys));
        } else if (language != null && name.language() != null && !name.language().equals(language)) {
            yaml.errorAt("language", "language is '" + language + "' but the file name says '" + name.language()
                    + "': rename the file or correct the language");
        }

        var date = dateText == null ? null : Dates.parse(dateText, config.timeZone());
        if (date != null && date.value().isEmpty()) {
            yaml.errorAt("date", date.error());
        }
        var updated = yaml.string("updated").map(v -> Dates.parse(v, config.timeZone()));
        if (updated.isPresent() && updated.get().value().isEmpty()) {
            yaml.errorAt("updated", "updated: " + updated.get().error());
        }
        List<String> topics = topics(yaml, positions);
        String translationKey = yaml.string("translationKey").map(String::trim).orElse(null);
        if (translationKey != null && translationKey.isEmpty()) {
            yaml.errorAt("translationKey", "translationKey is empty: remove it or give the key shared with the translations");
        }
        if (translationKey == null || translationKey.isEmpty()) {
            String folder = contentPath.contains("/") ? contentPath.substring(0, contentPath.lastIndexOf('/') + 1) : "";
            translationKey = folder + name.base();
        }
        String slug = yaml.string("slug").map(String::trim).orElse(null);
        if (slug != null) {
            if (!Slugs.isValid(slug)) {
                yaml.errorAt("slug", "slug '" + slug + "' must be one URL segment of letters, digits, '-', '_' or '.'"
                        + " (no '/', '..' or reserved names); for example '" + Slugs.of(slug) + "'");
            }
        } else {
            slug = Slugs.of(name.base());
        }
        boolean draft = bool(yaml, "draft");
        if (!draft && markerLine >= 0) {
            problems.warning(sourcePath, markerLine, 1, "this published article still holds the original's text that"
                    + " 'tolk translate' left to be replaced: translate it and remove the tolk:original markers,"
                    + " or mark the article draft: true");
        }
        Optional<Source> source = source(yaml);

        if (local.hasErrors() || title == null || date == null || language == null || date.value().isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> extra = yaml.isMap("extra") ? (Map<String, Object>) yaml.plain("extra") : Map.of();
        if (yaml.has("extra") && !yaml.isMap("extra")) {
            yaml.errorAt("extra", "'extra' must be a mapping of your own keys to values");
        }
        return Optional.of(new Article(sourcePath, contentPath, language, title.strip(), date.value().get(),
                updated.flatMap(Dates.Parsed::value), topics, translationKey, slug,
                yaml.string("summary").map(String::strip).orElse(""),
                yaml.strings("author"), yaml.strings("translator"), source, draft,
                yaml.string("image").map(String::strip).orElse(""),
                yaml.string("translatedFrom").map(String::strip).orElse(""), extra, body, bodyLine, Map.copyOf(positions)));
    }

    private static int findClosingFence(String text) {
        int from = 3;
        while (true) {
            int at = text.indexOf("\n---", from);
            if (at < 0) {
                return -1;
            }
            int end = at + 4;
            if (end == text.length() || text.charAt(end) == '\n' || text.substring(end, text.indexOf('\n', end) < 0
                    ? text.length() : text.indexOf('\n', end)).isBlank()) {
                return at + 1;
            }
            from = end;
        }
    }

    private String required(YamlMap yaml, String key, String path, Problems problems) {
        if (!yaml.has(key)) {
            problems.error(path, yaml.isEmpty() ? 2 : yaml.line(), yaml.isEmpty() ? 1 : yaml.column(),
                    "missing '" + key + "' in front matter" + hint(key));
            return null;
        }
        Optional<String> value = yaml.string(key);
        if (value.isPresent() && !value.get().isBlank()) {
            return value.get();
        }
        if (yaml.isScalar(key)) {
            yaml.errorAt(key, "'" + key + "' is empty" + hint(key));
        }
        return null;
    }

    private String hint(String key) {
        return switch (key) {
            case "date" -> " (for example: date: 2017-07-25T01:03:00+02:00)";
            case "language" -> " (one of: " + String.join(", ", config.languages().stream().map(l -> l.key()).toList()) + ")";
            default -> "";
        };
    }

    private List<String> topics(YamlMap yaml, Map<String, Position> positions) {
        List<String> topics = yaml.strings("topics");
        List<String> result = new ArrayList<>();
        for (String topic : topics) {
            String key = topic.trim();
            if (!config.topics().containsKey(key)) {
                yaml.warningAt("topics", "unknown topic '" + key + "': add it to 'topics' in site.yaml"
                        + Suggestions.didYouMean(key, config.topics().keySet()) + "; the article is not listed under it");
                continue;
            }
            if (!result.contains(key)) {
                result.add(key);
            }
        }
        return List.copyOf(result);
    }

    private static boolean bool(YamlMap yaml, String key) {
        Optional<String> value = yaml.string(key);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                yaml.errorAt(key, "'" + key + "' must be true or false, found '" + value.get() + "'");
                yield false;
            }
        };
    }

    private Optional<Source> source(YamlMap yaml) {
        if (!yaml.has("source")) {
            return Optional.empty();
        }
        if (!yaml.isMap("source")) {
            // "source: IranWire" is the short form: the name alone.
            return yaml.string("source").map(name -> new Source(name.strip(), "", "", Optional.empty()));
        }
        YamlMap source = yaml.map("source").orElseThrow();
        source.rejectUnknownKeys(SOURCE_FIELDS, "source field");
        String url = source.string("url").map(String::strip).orElse("");
        if (!url.isEmpty() && !(url.startsWith("http://") || url.startsWith("https://"))) {
            source.errorAt("url", "source url must be an absolute http(s) address, found '" + url + "'");
        }
        var published = source.string("published").map(v -> Dates.parse(v, config.timeZone()));
        if (published.isPresent() && published.get().value().isEmpty()) {
            source.errorAt("published", "published: " + published.get().error());
        }
        return Optional.of(new Source(source.string("name").map(String::strip).orElse(""), url,
                source.string("language").map(String::strip).orElse(""), published.flatMap(Dates.Parsed::value)));
    }
}
