package org.tolk.cli;

import java.util.concurrent.Callable;

import org.tolk.build.Build;
import org.tolk.build.BuildResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the site for mistakes without writing anything: runs every stage of a build but the last.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed unless --strict)", "1:errors found", "2:wrong command-line options"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--strict", description = "Treat warnings as errors (for a newsroom's CI).")
    boolean strict;

    @Override
    public Integer call() {
        BuildResult result = Build.run(site.toBuildOptions().withWrite(false));
        Reporter.problems(result, spec.commandLine().getErr(), strict);
        boolean failed = result.failed() || (strict && !result.problems().isEmpty());
        if (!failed) {
            spec.commandLine().getOut().println("No problems found" + (result.problems().isEmpty() ? "" : " (" + Reporter.plural(result.warningCount(), "warning") + ")")
                    + " in " + Reporter.time(result.duration()) + ".");
        }
        return failed ? 1 : 0;
    }
}
