package org.tolk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.tolk.build.Build;
import org.tolk.build.BuildOptions;
import org.tolk.build.BuildResult;
import org.tolk.check.Problems;
import org.tolk.check.Suggestions;
import org.tolk.config.ConfigLoader;
import org.tolk.config.SiteConfig;
import org.tolk.translate.NewArticle;
import org.tolk.translate.NewSite;
import org.tolk.translate.RefusedException;
import org.tolk.translate.SiteContent;
import org.tolk.translate.SiteRoot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tolk new site} and {@code tolk new article}. Without a subcommand picocli reports that one is missing. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Make a new site, or a new article in a site.",
        subcommands = {NewCommand.SiteCommand.class, NewCommand.ArticleCommand.class},
        footer = {"", "Run 'tolk new site --help' or 'tolk new article --help' for their options."})
final class NewCommand {

    @Command(name = "site", mixinStandardHelpOptions = true,
            description = {"Make a new site in DIR and build it: site.yaml (languages, time zone, one topic), content/ with an example"
                    + " story in every language, and a .gitignore. The default theme is built into Tolk, so the site needs no"
                    + " templates/ folder unless you want to change it (--with-templates)."},
            footer = {"", "Examples:", "  tolk new site news", "  tolk new site nieuws --languages nl,en,fa --title \"Iran Nieuws\""},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the site was made and built", "1:nothing was made, or its first build failed (the reason is printed)",
                    "2:wrong command-line options"})
    static final class SiteCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The new site's folder: it must not exist yet, or be empty.")
        Path dir;

        @Option(names = "--languages", split = ",", paramLabel = "LANG",
                description = "The site's languages as BCP-47 codes, the first the default (default: en,nl).")
        List<String> languages;

        @Option(names = "--title", paramLabel = "TITLE", description = "The site's title (default: made from DIR's name).")
        String title;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = NewSite.DEFAULT_BASE_URL,
                description = "Where the site will be published (default: ${DEFAULT-VALUE}).")
        String baseUrl;

        @Option(names = "--time-zone", paramLabel = "ZONE",
                description = "The newsroom's time zone, an IANA name such as Europe/Amsterdam (default: this computer's).")
        String timeZone;

        @Option(names = "--with-templates", description = "Copy Tolk's default templates into DIR/templates/, to change them.")
        boolean withTemplates;

        @Mixin
        ClockOptions clock;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            NewSite.Created created;
            Instant moment;
            try {
                moment = clock.instant();
                NewSite.Request request = new NewSite.Request(dir,
                        languages == null ? NewSite.DEFAULT_LANGUAGES : languages, Optional.ofNullable(title), baseUrl,
                        zone(timeZone), withTemplates, moment);
                created = NewSite.create(request);
            } catch (RefusedException e) {
                err.println("tolk new site: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("tolk new site: cannot write the site: " + e.getMessage());
                return 1;
            }
            BuildResult result = Build.run(BuildOptions.defaults(created.root()));
            Reporter.problems(result, err, false);
            Problems problems = new Problems();
            SiteConfig config = ConfigLoader.load(created.root(), problems).orElseThrow();
            String names = config.languages().stream().map(l -> l.name()).collect(Collectors.joining(", "));
            String shown = SiteRoot.shown(created.root());
            if (result.failed()) {
                err.println("tolk new site: made " + shown + "/, but its first build failed; please report this as a bug in Tolk");
                return 1;
            }
            out.println("Made a new site in " + shown + "/ (" + names + ")"
                    + (created.templateFiles() > 0 ? " with " + created.templateFiles() + " template files in templates/" : "")
                    + ", and built it into " + SiteRoot.shown(result.output()) + "/ (" + Reporter.plural(result.htmlPages(), "page") + ").");
            String first = config.languages().get(0).key();
            String year = String.valueOf(moment.atZone(config.timeZone()).getYear());
            out.println();
            out.println("Next:");
            if (!created.root().equals(Path.of("").toAbsolutePath())) {
                out.println("  cd " + shown);
            }
            List<String[]> steps = new java.util.ArrayList<>();
            steps.add(new String[] {"tolk new article \"My first story\" --lang " + first, "write a story"});
            if (config.languages().size() > 1) {
                steps.add(new String[] {"tolk translate content/" + year + "/my-first-story." + first + ".md --to "
                        + config.languages().get(1).key(), "start its translation"});
            }
            steps.add(new String[] {"tolk status", "see what needs translating"});
            steps.add(new String[] {"tolk serve", "preview the site as you write"});
            int width = steps.stream().mapToInt(step -> step[0].length()).max().orElse(0);
            for (String[] step : steps) {
                out.println("  " + step[0] + " ".repeat(width - step[0].length()) + "   # " + step[1]);
            }
            return 0;
        }
    }

    @Command(name = "article", mixinStandardHelpOptions = true,
            description = {"Write a new article, content/YYYY/SLUG.LANG.md, with complete front matter: the title, the date and time"
                    + " now in the site's time zone, the language, topics, and fields to fill in. The slug is made from the"
                    + " title, accents folded (\"Café in Teheran\" → cafe-in-teheran). The article is a draft until you delete"
                    + " that line. Prints the new file's path, so that you can open it: $EDITOR \"$(tolk new article …)\"."},
            footer = {"", "Example:", "  tolk new article \"Rial falls to a record low\" --lang en --topics economy,iran"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the article was written", "1:nothing was written (the reason is printed)", "2:wrong command-line options"})
    static final class ArticleCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "TITLE", description = "The article's title (quotes are optional).")
        List<String> title;

        @Option(names = {"-l", "--lang"}, paramLabel = "LANG", description = "The article's language (default: the site's defaultLanguage).")
        String lang;

        @Option(names = "--topics", split = ",", paramLabel = "TOPIC", description = "Topic keys from site.yaml, separated by commas.")
        List<String> topics;

        @Option(names = "--slug", paramLabel = "SLUG", description = "The file's and URL's name (default: made from the title).")
        String slug;

        @Option(names = {"-s", "--source"}, paramLabel = "DIR",
                description = "The site's root folder (default: the nearest folder upwards with a site.yaml).")
        Path source;

        @Mixin
        ClockOptions clock;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Path root = SiteRoot.find(Optional.ofNullable(source), Path.of(""));
                Problems problems = new Problems();
                Optional<SiteConfig> config = SiteContent.config(root, problems);
                if (config.isEmpty()) {
                    problems.sorted().forEach(err::println);
                    err.println("tolk new article: nothing was written: site.yaml has errors");
                    return 1;
                }
                Path file = NewArticle.create(config.get(), new NewArticle.Request(String.join(" ", title),
                        lang == null ? config.get().defaultLanguage() : lang,
                        topics == null ? List.of() : topics.stream().map(String::strip).filter(t -> !t.isEmpty()).toList(),
                        Optional.ofNullable(slug), clock.instant()));
                spec.commandLine().getOut().println(SiteRoot.shown(file));
                return 0;
            } catch (RefusedException e) {
                err.println("tolk new article: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("tolk new article: cannot write the article: " + e.getMessage());
                return 1;
            }
        }
    }

    static ZoneId zone(String name) throws RefusedException {
        if (name == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new RefusedException("unknown time zone '" + name + "': use an IANA name such as Europe/Amsterdam"
                    + Suggestions.didYouMean(name, ZoneId.getAvailableZoneIds()));
        }
    }
}
