package org.tolk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tolk.build.Build;
import org.tolk.build.BuildOptions;
import org.tolk.build.BuildResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site into the output folder. The previous output is replaced only when the whole build succeeds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site was built", "1:the input has errors; the output folder was left as it was", "2:wrong command-line options"})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where to write the site (default: site, inside the source folder).")
    Path output;

    @Option(names = "--force", description = "Replace an output folder even if it holds files Tolk did not create.")
    boolean force;

    @Option(names = "--clean", description = "Ignore the build cache (.tolk/cache/): read and render every page.")
    boolean clean;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        BuildOptions options = site.toBuildOptions().withForce(force).withClean(clean);
        if (output != null) {
            options = options.withOutput(output.toAbsolutePath());
        }
        BuildResult result;
        try (Progress progress = new Progress(options.progress(), err, Progress.terminal())) {
            result = Build.run(options);
        }
        Reporter.problems(result, err, false);
        if (result.failed()) {
            err.println("Nothing was written: " + (result.output().toFile().exists() ? "the output folder is as it was." : "there was no output folder."));
            return 1;
        }
        out.println(Reporter.summary(result, shown(options, result.output())));
        return 0;
    }

    private static String shown(BuildOptions options, Path output) {
        Path cwd = Path.of("").toAbsolutePath();
        Path out = output.toAbsolutePath().normalize();
        return (out.startsWith(cwd) ? cwd.relativize(out).toString() : out.toString()) + "/";
    }
}
