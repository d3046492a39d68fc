package org.tolk.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tolk.config.SiteConfig;
import org.tolk.content.ContentReader;
import org.tolk.content.Slugs;

/**
 * {@code tolk new article}: a new article file, {@code content/YYYY/SLUG.LANG.md}, with complete front
 * matter: the title, the date and time now in the site's time zone, the language, topics, and the
 * optional fields left for the writer. New articles are drafts until the writer deletes that line.
 */
public final class NewArticle {
    /** What may follow the slug in a file name: {@code .md} or a language and {@code .md}. */
    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("(\\.[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?\\.md");

    /**
     * What to write.
     *
     * @param slug the file's and URL's name; by default made from the title (accents folded: "Café" → "cafe")
     * @param now  the article's date; made a time in the site's zone, to the second
     */
    public record Request(String title, String language, List<String> topics, Optional<String> slug, Instant now) {
    }

    private NewArticle() {
    }

    /** Writes the article and returns its file. */
    public static Path create(SiteConfig config, Request request) throws RefusedException, IOException {
        String title = request.title().strip();
        if (title.isEmpty()) {
            throw new RefusedException("the title is empty: give the article's title in quotes, for example \"Rial falls to a record low\"");
        }
        if (config.language(request.language()).isEmpty()) {
            throw new RefusedException(Names.unknownLanguage(request.language(), config));
        }
        for (String topic : request.topics()) {
            if (!config.topics().containsKey(topic)) {
                throw new RefusedException(Names.unknownTopic(topic, config.topics().keySet()));
            }
        }
        String slug = request.slug().orElseGet(() -> Slugs.of(title));
        if (!Slugs.isValid(slug)) {
            throw new RefusedException(request.slug().isPresent()
                    ? "--slug '" + slug + "' is not a valid slug: use letters, digits and '-', for example '" + Slugs.of(slug) + "'"
                    : "the title gives the slug '" + slug + "', which cannot be a URL: choose one with --slug");
        }
        ZonedDateTime date = request.now().atZone(config.timeZone()).truncatedTo(ChronoUnit.SECONDS);
        Path folder = config.contentDir().resolve(String.format("%04d", date.getYear()));
        String fileName = slug + "." + request.language() + ".md";
        Path file = folder.resolve(fileName);
        Optional<Path> sibling = otherVersion(folder, slug, fileName);
        if (sibling.isPresent()) {
            throw new RefusedException(relative(config, sibling.get()) + " exists: a new " + fileName + " beside it would become its"
                    + " translation. To translate it, run: tolk translate " + relative(config, sibling.get()) + " --to "
                    + request.language() + "; for a story of its own, choose another --slug");
        }
        Files.createDirectories(folder);
        try {
            Files.writeString(file, text(title, date, request), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new RefusedException(relative(config, file) + " exists already: Tolk does not overwrite it"
                    + " (choose another title, or a slug with --slug)");
        }
        return file;
    }

    static String text(String title, ZonedDateTime date, Request request) {
        return new FrontMatter()
                .field("title", title)
                .date("date", date)
                .raw("language", request.language(), null)
                .list("topics", request.topics(), false)
                .blank("summary", "one or two sentences for listings and feeds")
                .blank("author", "your name; several: [Name, Name]")
                .raw("draft", "true", "delete this line to publish")
                .comment("When the article translates another publication's story:")
                .comment("translator: Your Name")
                .comment("source: {name: The Publication, url: \"https://…\", language: fa}")
                .end() + "\n";
    }

    /** A file of the same name in another language: the new article would join its story by accident. */
    private static Optional<Path> otherVersion(Path folder, String slug, String fileName) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return !name.equals(fileName) && name.startsWith(slug + ".")
                        && LANGUAGE_SUFFIX.matcher(name.substring(slug.length())).matches();
            }).sorted().findFirst();
        }
    }

    private static String relative(SiteConfig config, Path file) {
        return ContentReader.relative(config.root().toAbsolutePath().normalize(), file.toAbsolutePath().normalize());
    }
}
