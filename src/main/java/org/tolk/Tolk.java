package org.tolk;

import java.util.OptionalInt;

import org.tolk.cli.Main;
import org.tolk.daemon.Client;

/**
 * The jar's entry point. A build goes to the build daemon when there is one to be had (a rebuild then
 * skips a fresh JVM's start-up and warm-up); everything else, and every build the daemon cannot take,
 * runs here. Kept apart from {@link Main} so that handing a build over loads none of the command-line
 * machinery.
 */
public final class Tolk {
    private Tolk() {
    }

    public static void main(String[] args) {
        if (Client.wanted(args, System.getenv())) {
            OptionalInt code = Client.build(args);
            if (code.isPresent()) {
                System.exit(code.getAsInt());
            }
        }
        Main.main(args);
    }
}
