package org.tolk.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tolk.check.Problems;
import org.tolk.check.Suggestions;
import org.tolk.content.Text;
import org.tolk.yaml.YamlMap;

/** Reads site.yaml into a {@link SiteConfig}, reporting every mistake it finds rather than the first. */
public final class ConfigLoader {
    public static final String FILE_NAME = "site.yaml";

    private static final List<String> KEYS = List.of("title", "description", "baseURL", "defaultLanguage", "timeZone",
            "languages", "topics", "permalink", "pageSize", "untranslated", "feeds", "markdown");
    private static final List<String> LANGUAGE_KEYS = List.of("name", "locale", "direction", "topicsPath");
    private static final Pattern LANGUAGE_KEY = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern URL_SEGMENT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}_.-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("lang", "yyyy", "mm", "dd", "slug");
    /** Languages written right to left (ISO 639 codes), to warn when site.yaml forgets {@code direction: rtl}. */
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "fa", "he", "iw", "ur", "ps", "yi", "ji", "ckb", "dv", "sd", "ug", "syr");

    private ConfigLoader() {
    }

    public static Optional<SiteConfig> load(Path root, Problems problems) {
        Path file = root.resolve(FILE_NAME);
        String text;
        try {
            text = Text.readUtf8(file);
        } catch (NoSuchFileException e) {
            problems.error(FILE_NAME, 0, 0, "no site.yaml in " + root.toAbsolutePath().normalize()
                    + " (is --source the site's root folder? 'tolk new site DIR' makes one)");
            return Optional.empty();
        } catch (CharacterCodingException e) {
            problems.error(FILE_NAME, 0, 0, "not valid UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            problems.error(FILE_NAME, 0, 0, "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        return YamlMap.parse(text, new YamlMap.YamlSource(FILE_NAME, 1, problems))
                .flatMap(yaml -> new ConfigLoader.Reader(root, yaml, problems).read());
    }

    private record Reader(Path root, YamlMap yaml, Problems problems) {

        Optional<SiteConfig> read() {
            yaml.rejectUnknownKeys(KEYS, "site.yaml key");

            List<Language> languages = languages();
            List<String> keys = languages.stream().map(Language::key).toList();
            String defaultLanguage = yaml.string("defaultLanguage").orElse(keys.isEmpty() ? "" : keys.get(0));
            if (!keys.isEmpty() && !keys.contains(defaultLanguage)) {
                yaml.errorAt("defaultLanguage", "defaultLanguage '" + defaultLanguage + "' is not one of the languages "
                        + keys + Suggestions.didYouMean(defaultLanguage, keys));
            }
            URI baseUrl = baseUrl();
            ZoneId zone = timeZone();
            Map<String, Topic> topics = topics(keys);
            String permalink = permalink();
            int pageSize = pageSize();
            SiteConfig.Untranslated untranslated = choice(yaml, "untranslated", SiteConfig.Untranslated.class, SiteConfig.Untranslated.HIDE);
            SiteConfig.FeedContent feedContent = yaml.map("feeds")
                    .map(feeds -> {
                        feeds.rejectUnknownKeys(List.of("content"), "feeds key");
                        return choice(feeds, "content", SiteConfig.FeedContent.class, SiteConfig.FeedContent.FULL);
                    })
                    .orElse(SiteConfig.FeedContent.FULL);
            SiteConfig.HtmlPolicy html = yaml.map("markdown")
                    .map(markdown -> {
                        markdown.rejectUnknownKeys(List.of("html"), "markdown key");
                        return choice(markdown, "html", SiteConfig.HtmlPolicy.class, SiteConfig.HtmlPolicy.ALLOW);
                    })
                    .orElse(SiteConfig.HtmlPolicy.ALLOW);

            // A config with mistakes is still returned when it is usable (it has languages), so that one
            // run reports the content's problems too; the errors keep the build from writing.
            if (languages.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SiteConfig(root, baseUrl, defaultLanguage, zone, List.copyOf(languages),
                    topics, permalink, pageSize, untranslated, feedContent, html));
        }

        private List<Language> languages() {
            Optional<YamlMap> section = yaml.map("languages");
            if (section.isEmpty() || section.get().isEmpty()) {
                if (!yaml.has("languages") || section.isPresent()) {
                    yaml.errorAtKey("languages", "site.yaml needs 'languages' with at least one language, for example:"
                            + " languages: {en: {name: English, locale: en-GB}}");
                }
                return List.of();
            }
            YamlMap map = section.get();
            Map<String, String> titles = perLanguageText("title", map.keys());
            Map<String, String> descriptions = perLanguageText("description", map.keys());
            List<Language> languages = new ArrayList<>();
            for (String key : map.keys()) {
                if (!LANGUAGE_KEY.matcher(key).matches()) {
                    map.errorAtKey(key, "language key '" + key + "' must be a lower-case BCP-47 language code such as 'en', 'fa' or 'pt-br'"
                            + " (it is used in URLs and front matter)");
                    continue;
                }
                Optional<YamlMap> entry = map.map(key);
                YamlMap lang = entry.orElse(null);
                if (lang != null) {
                    lang.rejectUnknownKeys(LANGUAGE_KEYS, "language setting");
                }
                String name = lang == null ? key : lang.string("name").orElse(key);
                Locale locale = locale(lang, key);
                String base = locale.getLanguage();
                Direction direction = Direction.LTR;
                if (lang != null && lang.has("direction")) {
                    direction = choice(lang, "direction", Direction.class, Direction.LTR);
                } else if (RTL_LANGUAGES.contains(base)) {
                    (lang != null ? lang : map).warningAt(lang != null ? "name" : key, "'" + key + "' is written right to left:"
                            + " add 'direction: rtl' to this language (it defaults to ltr)");
                }
                String topicsPath = lang == null ? "topics" : lang.string("topicsPath").orElse("topics");
                if (!URL_SEGMENT.matcher(topicsPath).matches()) {
                    lang.errorAt("topicsPath", "topicsPath '" + topicsPath + "' must be one URL segment (letters, digits, '-', '_', '.')");
                }
                languages.add(new Language(key, name, locale, direction, topicsPath,
                        titles.getOrDefault(key, ""), descriptions.getOrDefault(key, "")));
            }
            return languages;
        }

        private Locale locale(YamlMap lang, String key) {
            String tag = lang == null ? key : lang.string("locale").orElse(key);
            try {
                Locale locale = new Locale.Builder().setLanguageTag(tag).build();
                if (locale.getLanguage().isEmpty()) {
                    throw new IllformedLocaleException("no language");
                }
                return locale;
            } catch (IllformedLocaleException e) {
                (lang != null ? lang : yaml).errorAt(lang != null ? "locale" : "languages",
                        "locale '" + tag + "' is not a BCP-47 language tag such as 'nl-NL', 'en-GB' or 'fa-IR'");
                return Locale.ROOT;
            }
        }

        /** A text given once for all languages, or per language key. */
        private Map<String, String> perLanguageText(String key, Set<String> languageKeys) {
            Map<String, String> result = new LinkedHashMap<>();
            if (!yaml.has(key)) {
                if (key.equals("title")) {
                    yaml.errorAtKey(key, "site.yaml needs a 'title', one for all languages or one per language");
                }
                return result;
            }
            if (yaml.isMap(key)) {
                YamlMap perLanguage = yaml.map(key).orElseThrow();
                for (String languageKey : perLanguage.keys()) {
                    if (!languageKeys.contains(languageKey)) {
                        perLanguage.errorAtKey(languageKey, key + " for unknown language '" + languageKey + "'"
                                + Suggestions.didYouMean(languageKey, languageKeys));
                    }
                    perLanguage.string(languageKey).ifPresent(v -> result.put(languageKey, v));
                }
                for (String languageKey : languageKeys) {
                    if (!result.containsKey(languageKey) && key.equals("title")) {
                        yaml.errorAt(key, "title has no text for language '" + languageKey + "'");
                    }
                }
            } else {
                yaml.string(key).ifPresent(v -> languageKeys.forEach(l -> result.put(l, v)));
            }
            return result;
        }

        private URI baseUrl() {
            String value = yaml.string("baseURL").orElse("");
            if (value.isBlank()) {
                yaml.errorAtKey("baseURL", "site.yaml needs a 'baseURL', the address where the site is published"
                        + " (for example https://news.example.org/)");
                return URI.create("http://localhost/");
            }
            return parseBaseUrl(value).orElseGet(() -> {
                yaml.errorAt("baseURL", "baseURL '" + value + "' is not an absolute http(s) URL such as https://news.example.org/");
                return URI.create("http://localhost/");
            });
        }

        private ZoneId timeZone() {
            String value = yaml.string("timeZone").orElse("UTC");
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                List<String> zones = new ArrayList<>(ZoneId.getAvailableZoneIds());
                yaml.errorAt("timeZone", "unknown time zone '" + value + "' (use an IANA name such as Europe/Amsterdam)"
                        + Suggestions.didYouMean(value, zones));
                return ZoneId.of("UTC");
            }
        }

        private Map<String, Topic> topics(List<String> languageKeys) {
            Map<String, Topic> topics = new LinkedHashMap<>();
            Optional<YamlMap> section = yaml.map("topics");
            if (section.isEmpty()) {
                return topics;
            }
            YamlMap map = section.get();
            for (String key : map.keys()) {
                if (!URL_SEGMENT.matcher(key).matches()) {
                    map.errorAtKey(key, "topic key '" + key + "' must be one URL segment (letters, digits, '-', '_')");
                    continue;
                }
                Map<String, Topic.Label> labels = new LinkedHashMap<>();
                Optional<YamlMap> perLanguage = map.isMap(key) ? map.map(key) : Optional.empty();
                if (!map.isMap(key)) {
                    // "economy: Economy" gives one label for every language.
                    String label = map.string(key).orElse(key);
                    languageKeys.forEach(l -> labels.put(l, new Topic.Label(label, key)));
                    topics.put(key, new Topic(key, Map.copyOf(labels)));
                    continue;
                }
                YamlMap languages = perLanguage.orElseThrow();
                languages.rejectUnknownKeys(languageKeys, "language for topic '" + key + "'");
                for (String languageKey : languageKeys) {
                    Topic.Label label = new Topic.Label(key, key);
                    if (languages.isMap(languageKey)) {
                        YamlMap spec = languages.map(languageKey).orElseThrow();
                        spec.rejectUnknownKeys(List.of("label", "slug"), "topic setting");
                        String slug = spec.string("slug").orElse(key);
                        if (!URL_SEGMENT.matcher(slug).matches()) {
                            spec.errorAt("slug", "topic slug '" + slug + "' must be one URL segment (letters, digits, '-', '_')");
                        }
                        label = new Topic.Label(spec.string("label").orElse(key), slug);
                    } else if (languages.has(languageKey)) {
                        label = new Topic.Label(languages.string(languageKey).orElse(key), key);
                    }
                    labels.put(languageKey, label);
                }
                topics.put(key, new Topic(key, Map.copyOf(labels)));
            }
            return topics;
        }

        private String permalink() {
            String value = yaml.string("permalink").orElse("/{lang}/{yyyy}/{mm}/{slug}/");
            if (!value.startsWith("/")) {
                yaml.errorAt("permalink", "permalink must start with '/' (for example /{lang}/{yyyy}/{mm}/{slug}/)");
            }
            if (!value.contains("{slug}")) {
                yaml.errorAt("permalink", "permalink must contain {slug}, or two articles would share one URL");
            }
            if (value.contains("..") || value.contains("//") || value.contains("\\")) {
                yaml.errorAt("permalink", "permalink must not contain '..', '//' or '\\'");
            }
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    yaml.errorAt("permalink", "unknown placeholder {" + m.group(1) + "} in permalink (known: {lang} {yyyy} {mm} {dd} {slug})"
                            + Suggestions.didYouMean(m.group(1), PLACEHOLDERS));
                }
            }
            return value;
        }

        private int pageSize() {
            String value = yaml.string("pageSize").orElse("20");
            try {
                int size = Integer.parseInt(value.trim());
                if (size >= 1) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            yaml.errorAt("pageSize", "pageSize must be a whole number of at least 1, found '" + value + "'");
            return 20;
        }
    }

    static <E extends Enum<E>> E choice(YamlMap yaml, String key, Class<E> type, E fallback) {
        Optional<String> value = yaml.string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(value.get().trim().toLowerCase(Locale.ROOT))) {
                return constant;
            }
            names.add(name);
        }
        yaml.errorAt(key, "'" + key + "' must be one of " + String.join(", ", names) + ", found '" + value.get() + "'");
        return fallback;
    }

    /** An absolute http(s) URL, normalised to end with '/'. */
    public static Optional<URI> parseBaseUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            if (!uri.isAbsolute() || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            String text = uri.toString();
            return Optional.of(URI.create(text.endsWith("/") ? text : text + "/"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
