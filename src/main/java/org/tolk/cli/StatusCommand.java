package org.tolk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.tolk.check.Problem;
import org.tolk.check.Problems;
import org.tolk.translate.MarkCurrent;
import org.tolk.translate.RefusedException;
import org.tolk.translate.SiteContent;
import org.tolk.translate.SiteRoot;
import org.tolk.translate.StatusReport;
import org.tolk.translate.TranslationStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show which translations are missing or out of date.",
                "",
                "Per language pair (original's language → translation's language): how many stories are translated,"
                        + " stale, untracked, drafts or missing, and the coverage; then the stale and missing articles, with"
                        + " the commands that deal with them.",
                "",
                "A translation is stale when its original's title or text changed after it was made: 'tolk translate' and"
                        + " --mark-current record the original's version in the translation's 'translatedFrom'. A translation"
                        + " without it is untracked."},
        footer = {"", "Examples:", "  tolk status", "  tolk status --to en --fail-on-stale --fail-on-missing   (in CI)",
                "  tolk status --mark-current content/2024/rial.en.md", "  tolk status --json | jq '.translations[] | select(.state == \"stale\")'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (and no --fail-on-… condition holds)", "1:a --fail-on-missing or --fail-on-stale condition holds",
                "2:wrong command-line options, the site cannot be read, or --mark-current was refused"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR",
            description = "The site's root folder (default: the nearest folder upwards with a site.yaml).")
    Path source;

    @Option(names = "--json", description = "Print the status as JSON, for scripts.")
    boolean json;

    @Option(names = "--to", paramLabel = "LANG", description = "Only translations into this language.")
    String to;

    @Option(names = {"-v", "--verbose"}, description = "Also list the untracked translations.")
    boolean verbose;

    @Option(names = "--fail-on-missing", description = "Exit with 1 when a story has no version in a language.")
    boolean failOnMissing;

    @Option(names = "--fail-on-stale", description = "Exit with 1 when a published translation is stale.")
    boolean failOnStale;

    @Option(names = "--mark-current", arity = "1..*", paramLabel = "PATH",
            description = "Record that these translations match their originals' current versions, instead of showing the status."
                    + " PATH is a translation's file, or a folder for every translation in it.")
    List<Path> markCurrent;

    @Mixin
    ClockOptions clock;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Optional<Path> given = Optional.ofNullable(source);
            Path root = SiteRoot.find(given, Path.of(""));
            Problems problems = new Problems();
            Optional<SiteContent> read = SiteContent.read(root, problems);
            if (read.isEmpty()) {
                problems.sorted().forEach(err::println);
                err.println("tolk status: site.yaml has errors");
                return 2;
            }
            SiteContent site = read.get();
            if (markCurrent != null) {
                return mark(site, out);
            }
            if (to != null && site.config().language(to).isEmpty()) {
                throw new RefusedException("--to: '" + to + "' is not a language of this site: site.yaml has "
                        + String.join(", ", site.config().languages().stream().map(l -> l.key()).toList()));
            }
            List<Problem> errors = site.errors();
            errors.forEach(err::println);
            if (!errors.isEmpty()) {
                long files = errors.stream().map(Problem::path).distinct().count();
                err.println(Reporter.plural(files, "file") + " could not be read and " + (files == 1 ? "is" : "are")
                        + " left out of the status ('tolk check' shows every problem)");
            }
            TranslationStatus status = site.status();
            status.problems().forEach(err::println);
            StatusReport report = new StatusReport(status, site.config(),
                    new StatusReport.Options(clock.instant(), Optional.ofNullable(to), verbose,
                            sourcePath -> SiteRoot.shown(root.resolve(sourcePath))));
            out.print(json ? report.json() : report.text());
            out.flush();
            return failures(report, err) ? 1 : 0;
        } catch (RefusedException e) {
            err.println("tolk status: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("tolk status: cannot write: " + e.getMessage());
            return 2;
        }
    }

    private int mark(SiteContent site, PrintWriter out) throws RefusedException, IOException {
        Optional<Path> root = Optional.of(site.root().toAbsolutePath().normalize());
        List<Path> paths = markCurrent.stream().map(p -> SiteRoot.resolve(p, root)).toList();
        for (MarkCurrent.Marked marked : MarkCurrent.mark(site, paths)) {
            out.println(SiteRoot.shown(site.file(marked.translation())) + ": " + (marked.changed() ? "now current with " : "already current with ")
                    + SiteRoot.shown(site.file(marked.original())) + " (" + marked.hash() + ")");
        }
        return 0;
    }

    private boolean failures(StatusReport report, PrintWriter err) {
        TranslationStatus.Pair total = report.total();
        boolean failed = false;
        if (failOnMissing && total.missing() > 0) {
            err.println("tolk status: " + Reporter.plural(total.missing(), "missing translation") + " (--fail-on-missing)");
            failed = true;
        }
        if (failOnStale && total.stale() > 0) {
            err.println("tolk status: " + Reporter.plural(total.stale(), "stale translation") + " (--fail-on-stale)");
            failed = true;
        }
        return failed;
    }
}
