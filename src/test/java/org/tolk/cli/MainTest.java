package org.tolk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tolk.cli.NewCommandTest.tolk;

import org.junit.jupiter.api.Test;
import org.tolk.cli.NewCommandTest.Run;

/** The {@code tolk} command itself: its list of commands, help, and a mistyped command (Main adds only the subcommand a run names). */
class MainTest {
    @Test
    void helpListsEveryCommandInOrder() {
        for (Run help : new Run[] {tolk("--help"), tolk()}) {
            assertEquals(0, help.code());
            int at = 0;
            for (String command : new String[] {"build", "check", "serve", "new", "translate", "status", "daemon", "help"}) {
                int next = help.out().indexOf("\n  " + command + " ", at);
                assertTrue(next > at, command + " listed after the one before it: " + help.out());
                at = next;
            }
        }
    }

    @Test
    void aMistypedCommandIsAnErrorWithASuggestion() {
        Run run = tolk("biuld");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("Did you mean: tolk build?"), run.err());
    }

    @Test
    void helpForACommandShowsItsUsage() {
        Run help = tolk("help", "build");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tolk build "), help.out());
        Run option = tolk("build", "--help");
        assertEquals(0, option.code());
        assertEquals(help.out(), option.out());
    }
}
