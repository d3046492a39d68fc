package org.tolk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.tolk.check.Problem;
import org.tolk.check.Problems;
import org.tolk.content.Article;
import org.tolk.translate.RefusedException;
import org.tolk.translate.SiteContent;
import org.tolk.translate.SiteRoot;
import org.tolk.translate.TranslationFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Start the translation of an article into another language of the site.",
                "",
                "Writes NAME.LANG.md next to the original, as a draft: the same story (translationKey), date, topics and"
                        + " author; 'translator' left for you; 'source' pointing to the original; 'translatedFrom' recording"
                        + " the version of the original it starts from; and the original's text between two marker lines,"
                        + " to replace with the translation. Prints the new file's path.",
                "",
                "When the original changes later, 'tolk status' reports the translation as stale."},
        footer = {"", "Example:", "  tolk translate content/2024/rial.nl.md --to en"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the translation was written", "1:nothing was written (the reason is printed)", "2:wrong command-line options"})
final class TranslateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "The original: an article's .md file under content/.")
    Path path;

    @Option(names = "--to", required = true, paramLabel = "LANG", description = "The language to translate into: a key of site.yaml's languages.")
    String to;

    @Option(names = "--slug", paramLabel = "SLUG",
            description = "The translation's own slug and file name (SLUG.LANG.md), for a URL in its language (default: the original's name).")
    String slug;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR",
            description = "The site's root folder (default: the nearest folder above PATH with a site.yaml).")
    Path source;

    @Option(names = "--debug", hidden = true, description = "Show Java stack traces for internal errors.")
    boolean debug;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            Optional<Path> given = Optional.ofNullable(source);
            Path file = SiteRoot.resolve(path, given.map(SiteRoot::absolute));
            Path root = SiteRoot.find(given, file);
            Problems problems = new Problems();
            Optional<SiteContent> site = SiteContent.read(root, problems);
            if (site.isEmpty()) {
                problems.sorted().forEach(err::println);
                err.println("tolk translate: nothing was written: site.yaml has errors");
                return 1;
            }
            Article original = original(site.get(), file);
            Path written = TranslationFile.create(site.get(), original, to, Optional.ofNullable(slug));
            spec.commandLine().getOut().println(SiteRoot.shown(written));
            err.println("Replace the text between the markers with the translation, fill in 'translator',"
                    + " and delete 'draft: true' when it is ready.");
            return 0;
        } catch (RefusedException e) {
            err.println("tolk translate: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("tolk translate: cannot write the translation: " + e.getMessage());
            return 1;
        }
    }

    private static Article original(SiteContent site, Path file) throws RefusedException {
        if (!Files.isRegularFile(file)) {
            throw new RefusedException(SiteRoot.shown(file) + ": no such file");
        }
        String sourcePath = site.sourcePath(file);
        if (!sourcePath.startsWith("content/") || !sourcePath.endsWith(".md")) {
            throw new RefusedException(SiteRoot.shown(file) + " is not an article: articles are .md files under "
                    + SiteRoot.shown(site.config().contentDir()) + "/");
        }
        Optional<Article> article = site.article(file);
        if (article.isEmpty()) {
            List<String> errors = site.problemsOf(file).stream().filter(Problem::isError).map(Problem::toString).toList();
            throw new RefusedException(errors.isEmpty()
                    ? SiteRoot.shown(file) + " is not read as an article (Tolk skips hidden files and editors' backups)"
                    : SiteRoot.shown(file) + " cannot be read as an article; fix it first:\n" + String.join("\n", errors));
        }
        return article.get();
    }
}
