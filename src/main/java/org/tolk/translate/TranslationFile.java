package org.tolk.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tolk.config.Language;
import org.tolk.config.SiteConfig;
import org.tolk.content.Article;
import org.tolk.content.Slugs;
import org.tolk.site.Urls;

/**
 * {@code tolk translate}: starts the translation of an article into another language of the site, as
 * a file next to the original ({@code NAME.LANG.md}) with its front matter filled in and the original's
 * text between two marker lines, for the translator to replace.
 *
 * <p>The new file is a draft, records the version of the original it starts from
 * ({@code translatedFrom}), and points to the original through {@code source}. A snapshot of that
 * version is kept (see {@link Snapshots}) so that later changes to the original can be shown.
 */
public final class TranslationFile {
    /** Starts the line before the original's text; an article that still holds it is unfinished. */
    public static final String MARKER = org.tolk.content.ArticleReader.ORIGINAL_TEXT_MARKER;
    /** The line after the original's text. */
    public static final String END_MARKER = "<!-- /tolk:original -->";

    private TranslationFile() {
    }

    /**
     * Writes the translation of {@code original} into {@code language}.
     *
     * @param slug the translation's own slug, also its file's name ({@code SLUG.LANG.md}); by default the
     *             original's file name is kept and only the language changes
     * @return the new file
     * @throws RefusedException when the language is wrong or the story has a version in it already
     */
    public static Path create(SiteContent site, Article original, String language, Optional<String> slug)
            throws RefusedException, IOException {
        SiteConfig config = site.config();
        Language target = config.language(language).orElseThrow(() -> new RefusedException(Names.unknownLanguage(language, config)));
        if (language.equals(original.language())) {
            List<String> others = config.languages().stream().map(Language::key).filter(k -> !k.equals(language)).toList();
            throw new RefusedException(original.sourcePath() + " is in " + target.name() + " already"
                    + (others.isEmpty() ? ", the site's only language" : ": translate it --to " + String.join(" or ", others)));
        }
        if (slug.isPresent() && !Slugs.isValid(slug.get())) {
            throw new RefusedException("--slug '" + slug.get() + "' is not a valid slug: use letters, digits and '-', for example '"
                    + Slugs.of(slug.get()) + "'");
        }
        Optional<Article> existing = site.articles().stream()
                .filter(a -> a.translationKey().equals(original.translationKey()) && a.language().equals(language))
                .findFirst();
        if (existing.isPresent()) {
            throw new RefusedException("the " + target.name() + " version of this story exists already: " + existing.get().sourcePath()
                    + " ('tolk status' tells whether it is stale)");
        }
        String base = slug.orElse(Names.baseName(original));
        Path file = site.file(original).resolveSibling(base + "." + language + ".md");
        String text = text(config, original, target, base);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new RefusedException(site.sourcePath(file) + " exists already: Tolk does not overwrite it"
                    + " (if it is not a translation of " + original.sourcePath() + ", rename it or give --slug)");
        }
        try {
            site.snapshots().save(ArticleText.of(original));
        } catch (IOException e) {
            // The snapshot only lets 'tolk status' say how much changed later; the translation is written.
        }
        return file;
    }

    static String text(SiteConfig config, Article original, Language target, String base) {
        Language from = config.language(original.language()).orElseThrow();
        FrontMatter front = new FrontMatter()
                .field("title", original.title(), "translate")
                .date("date", original.date())
                .raw("language", target.key(), null);
        // The key is implied by the file's name; it is written only when that would not give the original's.
        if (!Names.defaultKey(original.contentFolder(), base).equals(original.translationKey())) {
            front.field("translationKey", original.translationKey());
        }
        if (original.positions().containsKey("slug") && base.equals(Names.baseName(original))) {
            front.field("slug", original.slug());
        }
        if (!original.topics().isEmpty()) {
            front.list("topics", original.topics(), false);
        }
        if (!original.summary().isEmpty()) {
            front.field("summary", original.summary(), "translate");
        }
        if (!original.authors().isEmpty()) {
            front.list("author", original.authors(), true);
        }
        front.blank("translator", "your name");
        List<String[]> source = new ArrayList<>();
        source.add(new String[] {"name", from.title()});
        source.add(new String[] {"url", TranslationStatus.absoluteUrl(new Urls(config), original)});
        source.add(new String[] {"language", from.key()});
        front.map("source", source);
        if (!original.image().isEmpty()) {
            front.field("image", original.image());
        }
        front.raw("translatedFrom", ArticleText.of(original).hash(), "the original's version ('tolk status')")
                .raw("draft", "true", "delete this line to publish");
        String body = original.body().replaceFirst("^(?:[ \\t]*\\n)+", "").stripTrailing();
        return front.end() + "\n"
                + MARKER + " " + from.name() + " text of " + original.sourcePath() + ": replace it with the " + target.name()
                + " translation, then delete this line and the closing marker. -->\n\n"
                + (body.isEmpty() ? "" : body + "\n\n")
                + END_MARKER + "\n";
    }
}
