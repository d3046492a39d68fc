package org.tolk.cli;

import java.io.PrintWriter;

import org.tolk.build.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tolk} command: parses the command line and hands over to a subcommand. */
@Command(name = "tolk", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Tolk builds bilingual news sites from Markdown: every story in two (or more) languages, "
                + "linked to its translations.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, TranslateCommand.class, StatusCommand.class,
                DaemonCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'tolk COMMAND --help' for a command's options."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Invocation invocation;

    private Main(Invocation invocation) {
        this.invocation = invocation;
    }

    Invocation invocation() {
        return invocation;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs Tolk with the given streams and returns the exit code; tests call this instead of main. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Invocation.ofThisProcess(), args);
    }

    /** Runs Tolk as if from {@code invocation}'s working directory and terminal (the build daemon does). */
    public static int run(PrintWriter out, PrintWriter err, Invocation invocation, String... args) {
        CommandLine commandLine = new CommandLine(new Main(invocation));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean debug = parsed.originalArgs().contains("--debug");
            cmd.getErr().println("tolk: internal error: " + e + (debug ? "" : " (run again with --debug for details)"));
            if (debug) {
                e.printStackTrace(cmd.getErr());
            }
            return 70;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // A failed build never swapped its output in: say so, and how to give Java more memory.
            err.println("tolk: out of memory; nothing was written. Give Java more, e.g. TOLK_JAVA_OPTS=-Xmx2g ./tolk …"
                    + " or java -Xmx2g -jar tolk.jar …");
            return 70;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tolk " + Version.get() + " (Java " + Runtime.version() + ")"};
        }
    }
}
