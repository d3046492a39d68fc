package org.tolk.cli;

import java.util.List;

import org.tolk.daemon.Daemons;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Show or stop Tolk's build daemons.",
                "'tolk build' hands builds to a daemon, a Java process that stays up between builds so that a rebuild "
                        + "does not wait for Java to start and warm up. It is started by the first build, stops by itself "
                        + "after 30 idle minutes or when Tolk is updated, and is never used on CI, with --no-daemon or "
                        + "with TOLK_DAEMON=off."},
        subcommands = {DaemonCommand.Status.class, DaemonCommand.Stop.class})
final class DaemonCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One line per daemon that answered, or that none runs. */
    private static void print(List<String> answers, CommandSpec spec) {
        var out = spec.commandLine().getOut();
        if (answers.isEmpty()) {
            out.println("No build daemon is running.");
        }
        answers.forEach(out::println);
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "List this user's running build daemons.")
    static final class Status implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            print(Daemons.status(), spec);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop this user's build daemons (they finish the build they are running first).")
    static final class Stop implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            print(Daemons.stopAll(), spec);
        }
    }
}
