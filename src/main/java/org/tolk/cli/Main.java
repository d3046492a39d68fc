package org.tolk.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import org.tolk.build.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tolk} command: parses the command line and hands over to a subcommand. */
@Command(name = "tolk", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Tolk builds bilingual news sites from Markdown: every story in two (or more) languages, "
                + "linked to its translations.",
        footer = {"", "Run 'tolk COMMAND --help' for a command's options."})
public final class Main implements Runnable {
    /** The subcommands, in the order {@code tolk --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(BuildCommand.class, CheckCommand.class, ServeCommand.class,
            NewCommand.class, TranslateCommand.class, StatusCommand.class, DaemonCommand.class, CommandLine.HelpCommand.class);

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
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
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

    /**
     * The subcommands {@code args} need: the one they name, or all of them (for help, and to suggest one for a
     * mistyped name). Picocli reads a command's annotations and builds its options when it is added, and
     * building them all was a tenth of a second of every build's start.
     */
    private static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (subcommand != CommandLine.HelpCommand.class
                        && (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0]))) {
                    return List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
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
