package org.tolk.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.tolk.check.Problems;
import org.tolk.config.Language;
import org.tolk.content.Text;
import org.tolk.yaml.YamlMap;

/**
 * The UI strings of one language ("Read in English", "Onderwerpen"), found in this order: the site's
 * {@code templates/i18n/KEY.yaml}, Tolk's table for the locale's language, Tolk's English table.
 * So a site may add a language Tolk has no table for, or change one word of ours.
 */
public final class Strings {
    private static final String BUILT_IN = "/org/tolk/strings/";

    private final Locale locale;
    private final Map<String, String> table;
    private final Map<String, MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Results of {@link #format} by key and arguments: most calls repeat one ("Made with Tolk" on every page,
     * "only in English" on every listed entry of that language), and each would otherwise wait for the format's lock.
     */
    private final Map<java.util.List<Object>, String> formatted = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MOST_REMEMBERED = 10_000;

    private Strings(Locale locale, Map<String, String> table) {
        this.locale = locale;
        this.table = Map.copyOf(table);
    }

    /** Loads the table for {@code language}, reporting problems in the site's own file. */
    public static Strings load(Language language, Path templatesDir, Problems problems) {
        Map<String, String> english = builtIn("en", problems);
        Map<String, String> own = new HashMap<>(builtIn(language.locale().getLanguage(), problems));
        Path file = templatesDir.resolve("i18n").resolve(language.key() + ".yaml");
        if (Files.isRegularFile(file)) {
            own.putAll(siteTable(file, "templates/i18n/" + language.key() + ".yaml", english.keySet(), problems));
        }
        if (!own.containsKey("readInThisLanguage")) {
            // No table speaks this language: the link to its versions shows the language's own name
            // ("Svenska") rather than the English fallback "Read in English".
            own.put("readInThisLanguage", language.name());
        }
        Map<String, String> table = new HashMap<>(english);
        table.putAll(own);
        return new Strings(language.locale(), table);
    }

    private static Map<String, String> siteTable(Path file, String path, java.util.Set<String> known, Problems problems) {
        Map<String, String> table = new HashMap<>();
        try {
            YamlMap.parse(Text.readUtf8(file), new YamlMap.YamlSource(path, 1, problems)).ifPresent(yaml -> {
                for (String key : yaml.keys()) {
                    yaml.string(key).ifPresent(value -> table.put(key, value));
                }
            });
        } catch (Text.NotUtf8Exception e) {
            problems.error(path, e.line(), e.column(), e.getMessage());
        } catch (IOException e) {
            problems.error(path, 0, 0, "cannot read: " + e.getMessage());
        }
        return table;
    }

    private static Map<String, String> builtIn(String language, Problems problems) {
        try (InputStream in = Strings.class.getResourceAsStream(BUILT_IN + language + ".yaml")) {
            if (in == null) {
                return Map.of();
            }
            Map<String, String> table = new LinkedHashMap<>();
            YamlMap.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new YamlMap.YamlSource("(built-in) strings/" + language + ".yaml", 1, problems))
                    .ifPresent(yaml -> yaml.keys().forEach(key -> yaml.string(key).ifPresent(v -> table.put(key, v))));
            return table;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Locale locale() {
        return locale;
    }

    /** The string for {@code key}, or the key itself in brackets so that a missing string is visible, not blank. */
    public String get(String key) {
        String value = table.get(key);
        return value == null ? "[" + key + "]" : value;
    }

    public boolean has(String key) {
        return table.containsKey(key);
    }

    /** The string for {@code key} with {@code {0}}, {@code {1}} … filled in, numbers formatted in this locale. */
    public String format(String key, Object... arguments) {
        java.util.List<Object> call = new java.util.ArrayList<>(arguments.length + 1);
        call.add(key);
        java.util.Collections.addAll(call, arguments);
        String result = formatted.get(call);
        if (result != null) {
            return result;
        }
        // Parsing a message format (and making its number formats) costs more than formatting with it:
        // each is parsed once. A MessageFormat is not thread-safe, so formatting holds its lock.
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(get(k), locale));
        synchronized (format) {
            result = format.format(arguments);
        }
        if (formatted.size() < MOST_REMEMBERED) {
            formatted.put(call, result);
        }
        return result;
    }
}
