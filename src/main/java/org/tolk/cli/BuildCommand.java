package org.tolk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tolk.build.Build;
import org.tolk.build.BuildOptions;
import org.tolk.build.BuildResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
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

    // Read by the jar's entry point (org.tolk.Tolk) before any of this runs; declared here for --help and so
    // that it is no error.
    @Option(names = "--no-daemon", description = "Build in this process instead of Tolk's build daemon "
            + "(also TOLK_DAEMON=off; never used on CI).")
    boolean noDaemon;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        // Relative paths are the caller's: in the build daemon, its client's working directory, not the daemon's.
        Path workingDirectory = main.invocation().workingDirectory();
        BuildOptions options = site.toBuildOptions(workingDirectory).withForce(force).withClean(clean);
        if (output != null) {
            options = options.withOutput(workingDirectory.resolve(output));
        }
        BuildResult result;
        try (Progress progress = new Progress(options.progress(), err, main.invocation().terminal())) {
            result = Build.run(options);
        }
        Reporter.problems(result, err, false);
        if (result.failed()) {
            err.println("Nothing was written: " + (result.output().toFile().exists() ? "the output folder is as it was." : "there was no output folder."));
            return 1;
        }
        out.println(Reporter.summary(result, shown(result.output())));
        return 0;
    }

    private String shown(Path output) {
        Path cwd = main.invocation().workingDirectory();
        Path out = output.toAbsolutePath().normalize();
        return (out.startsWith(cwd) ? cwd.relativize(out).toString() : out.toString()) + "/";
    }
}
