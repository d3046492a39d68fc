package org.tolk.translate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tolk.check.Problems;
import org.tolk.config.ConfigLoader;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.content.ArticleReader;
import org.tolk.site.Urls;
import org.tolk.yaml.YamlMap;

/**
 * {@code tolk new site DIR}: a site that builds at once. It asks nothing: site.yaml gets the languages
 * asked for (two by default), the machine's time zone, a placeholder base URL and one topic; content/
 * gets one example story, original and translation, whose translation is tracked so that
 * {@code tolk status} has something to show from the start. The default theme is built into Tolk, so
 * no templates/ folder is needed; {@link Request#withTemplates} copies it for a newsroom that wants to
 * change it.
 */
public final class NewSite {
    /** Languages when none are asked for: two, because Tolk is about translation; English as the lingua franca of examples. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("en", "nl");
    public static final String DEFAULT_BASE_URL = "https://example.org/";
    private static final Pattern LANGUAGE_KEY = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    private static final String EXAMPLE_SLUG = "welcome";
    private static final String TOPIC = "news";

    /**
     * What to make.
     *
     * @param languages site.yaml's language keys, the first the default (and the example's original)
     * @param title     the site's title in every language; by default made from the folder's name
     */
    public record Request(Path dir, List<String> languages, Optional<String> title, String baseUrl, ZoneId timeZone,
                          boolean withTemplates, Instant now) {
    }

    /** What was made: the site's root, the example story's files (original first), how many template files were copied. */
    public record Created(Path root, List<Path> example, int templateFiles) {
    }

    /** A language's words for a new site: its name in itself, the topics path, the example article. */
    record Example(String name, String topicsPath, String topic, String title, String summary, String body) {
    }

    private NewSite() {
    }

    public static Created create(Request request) throws RefusedException, IOException {
        List<String> languages = validLanguages(request.languages());
        if (ConfigLoader.parseBaseUrl(request.baseUrl()).isEmpty()) {
            throw new RefusedException("--base-url '" + request.baseUrl() + "' is not an absolute http(s) URL such as https://news.example.org/");
        }
        Path dir = request.dir().toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RefusedException(request.dir() + " is a file: give the name of a new folder for the site");
        }
        if (Files.exists(dir) && !isEmptyFolder(dir)) {
            throw new RefusedException(request.dir() + " is not empty: Tolk makes a new site only in a new or empty folder"
                    + (Files.isRegularFile(dir.resolve(ConfigLoader.FILE_NAME)) ? " (it holds a site already)" : ""));
        }
        String title = request.title().map(String::strip).filter(t -> !t.isEmpty()).orElseGet(() -> titleFrom(dir));
        List<Example> examples = languages.stream().map(NewSite::example).toList();

        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), siteYaml(title, request, languages, examples), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(".gitignore"), "# Tolk's output and its local cache of translation snapshots\n/site/\n/.tolk/\n",
                StandardCharsets.UTF_8);
        Problems problems = new Problems();
        SiteConfig config = ConfigLoader.load(dir, problems)
                .orElseThrow(() -> new IllegalStateException("the new site.yaml does not load: " + problems.sorted()));

        ZonedDateTime date = request.now().atZone(config.timeZone()).truncatedTo(ChronoUnit.MINUTES);
        String folder = String.format("%04d", date.getYear());
        List<Path> files = new ArrayList<>();
        Example first = examples.get(0);
        String originalText = new FrontMatter()
                .field("title", first.title())
                .date("date", date)
                .raw("language", languages.get(0), null)
                .list("topics", List.of(TOPIC), false)
                .field("summary", first.summary())
                .end() + "\n" + first.body().stripTrailing() + "\n";
        Article original = write(config, folder, languages.get(0), originalText, files);
        ArticleText originalVersion = ArticleText.of(original);
        Snapshots.of(dir).save(originalVersion);
        for (int i = 1; i < languages.size(); i++) {
            Example example = examples.get(i);
            String text = new FrontMatter()
                    .field("title", example.title())
                    .date("date", date)
                    .raw("language", languages.get(i), null)
                    .list("topics", List.of(TOPIC), false)
                    .field("summary", example.summary())
                    .field("translator", "Tolk")
                    .map("source", List.of(new String[] {"name", config.language(languages.get(0)).orElseThrow().title()},
                            new String[] {"url", TranslationStatus.absoluteUrl(new Urls(config), original)},
                            new String[] {"language", languages.get(0)}))
                    .raw("translatedFrom", originalVersion.hash(), null)
                    .end() + "\n" + example.body().stripTrailing() + "\n";
            write(config, folder, languages.get(i), text, files);
        }
        int templates = request.withTemplates() ? BuiltInTemplates.copyTo(config.templatesDir()) : 0;
        return new Created(dir, List.copyOf(files), templates);
    }

    private static Article write(SiteConfig config, String folder, String language, String text, List<Path> files) throws IOException {
        String contentPath = folder + "/" + EXAMPLE_SLUG + "." + language + ".md";
        Path file = config.contentDir().resolve(contentPath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        files.add(file);
        Problems problems = new Problems();
        return new ArticleReader(config).read("content/" + contentPath, contentPath, text, problems)
                .orElseThrow(() -> new IllegalStateException("the example article does not read: " + problems.sorted()));
    }

    private static List<String> validLanguages(List<String> given) throws RefusedException {
        List<String> languages = given.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (languages.isEmpty()) {
            throw new RefusedException("--languages needs at least one language code, for example --languages en,nl");
        }
        Set<String> seen = new HashSet<>();
        for (String language : languages) {
            if (!LANGUAGE_KEY.matcher(language).matches()) {
                throw new RefusedException("'" + language + "' is not a language code: use lower-case BCP-47 codes such as en, nl, fa or pt-br");
            }
            if (!seen.add(language)) {
                throw new RefusedException("--languages names '" + language + "' twice");
            }
        }
        return languages;
    }

    /** Empty, or holding only a fresh repository ({@code git init news && tolk new site news}). */
    private static boolean isEmptyFolder(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(".git"));
        }
    }

    /** "my-news" → "My News": a placeholder the newsroom will replace. */
    static String titleFrom(Path dir) {
        String name = dir.getFileName() == null ? "News" : dir.getFileName().toString();
        String title = Stream.of(name.split("[-_ .]+")).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
                .collect(Collectors.joining(" "));
        return title.isEmpty() ? "News" : title;
    }

    static String siteYaml(String title, Request request, List<String> languages, List<Example> examples) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# A Tolk site. Tolk's README describes every key (\"site.yaml\").\n");
        yaml.append(line("title: " + FrontMatter.quote(title), "one for all languages, or one each: {" + languages.get(0) + ": …}"));
        yaml.append(line("baseURL: " + request.baseUrl(), "where the site will be published"));
        yaml.append("defaultLanguage: ").append(languages.get(0)).append('\n');
        yaml.append(line("timeZone: " + request.timeZone().getId(), "dates written without an offset are in this zone"));
        yaml.append("languages:\n");
        for (int i = 0; i < languages.size(); i++) {
            Example example = examples.get(i);
            yaml.append("  ").append(languages.get(i)).append(": {name: ").append(FrontMatter.quote(example.name()))
                    .append(", locale: ").append(languages.get(i))
                    .append(isRightToLeft(example.name()) ? ", direction: rtl" : "")
                    .append(", topicsPath: ").append(FrontMatter.quote(example.topicsPath())).append("}\n");
        }
        yaml.append("topics:\n  ").append(TOPIC).append(": {");
        for (int i = 0; i < languages.size(); i++) {
            yaml.append(i == 0 ? "" : ", ").append(languages.get(i)).append(": ").append(FrontMatter.quote(examples.get(i).topic()));
        }
        yaml.append("}\n");
        yaml.append("permalink: \"/{lang}/{yyyy}/{mm}/{slug}/\"\n");
        yaml.append("pageSize: 20\n");
        return yaml.toString();
    }

    private static String line(String text, String comment) {
        return text + " ".repeat(Math.max(2, 36 - text.length())) + "# " + comment + "\n";
    }

    /** Whether a language's own name is written right to left: the first letter's direction tells. */
    static boolean isRightToLeft(String name) {
        for (int i = 0; i < name.length(); i++) {
            byte direction = Character.getDirectionality(name.charAt(i));
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
        }
        return false;
    }

    /**
     * The example's words in {@code language}, from Tolk's table for it; for a language without one, the
     * English text under the language's own name as Java knows it ("Svenska").
     */
    static Example example(String language) {
        String base = Locale.forLanguageTag(language).getLanguage();
        Optional<Example> own = load(base);
        if (own.isPresent()) {
            return own.get();
        }
        Example english = load("en").orElseThrow(() -> new IllegalStateException("Tolk's English example is missing"));
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayLanguage(locale);
        name = name.isEmpty() || name.equals(base) ? language : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        return new Example(name, "topics", english.topic(), english.title(), english.summary(), english.body());
    }

    private static Optional<Example> load(String language) {
        String resource = "/org/tolk/translate/examples/" + language + ".yaml";
        try (InputStream in = NewSite.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Problems problems = new Problems();
            YamlMap yaml = YamlMap.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new YamlMap.YamlSource(resource, 1, problems)).orElseThrow();
            return Optional.of(new Example(yaml.string("name").orElseThrow(), yaml.string("topicsPath").orElseThrow(),
                    yaml.string("topic").orElseThrow(), yaml.string("title").orElseThrow(), yaml.string("summary").orElseThrow(),
                    yaml.string("body").orElseThrow()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
