package org.tolk.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.tolk.translate.RefusedException;

import picocli.CommandLine.Option;

/** Hidden options of the commands that write dated files or report ages: the moment taken as now, and --debug. */
final class ClockOptions {
    @Option(names = "--now", hidden = true, paramLabel = "INSTANT", description = "The moment taken as now (for tests).")
    String now;

    @Option(names = "--debug", hidden = true, description = "Show Java stack traces for internal errors.")
    boolean debug;

    /** The moment taken as now: --now if given, else the clock's. */
    Instant instant() throws RefusedException {
        if (now == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(now);
        } catch (DateTimeParseException e) {
            throw new RefusedException("--now '" + now + "' is not an instant such as 2026-06-01T12:00:00Z");
        }
    }
}
