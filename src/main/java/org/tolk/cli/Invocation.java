package org.tolk.cli;

import java.nio.file.Path;

/**
 * Where a command runs from and where its output goes: this process's own, or, in the build daemon, the
 * client's that sent the command.
 *
 * @param workingDirectory relative paths on the command line are resolved against it
 * @param terminal         whether output goes to a terminal (then long builds show a progress line)
 */
public record Invocation(Path workingDirectory, boolean terminal) {

    public static Invocation ofThisProcess() {
        return new Invocation(Path.of("").toAbsolutePath(), System.console() != null && !"true".equals(System.getenv("CI")));
    }
}
