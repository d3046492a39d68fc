package org.tolk.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** This user's running build daemons, for {@code tolk daemon}: what they say of themselves, and stopping them. */
public final class Daemons {
    private Daemons() {
    }

    /** One line per daemon that answers. */
    public static List<String> status() {
        return askAll(Wire.STATUS);
    }

    /** Stops every daemon of this user (of any Tolk jar); one line per daemon stopped. */
    public static List<String> stopAll() {
        return askAll(Wire.STOP);
    }

    private static List<String> askAll(byte kind) {
        List<String> answers = new ArrayList<>();
        Optional<Path> folder = Place.userFolder();
        if (folder.isEmpty()) {
            return answers;
        }
        try (Stream<Path> files = Files.list(folder.get())) {
            for (Path socket : files.filter(file -> file.getFileName().toString().endsWith(".sock")).sorted().toList()) {
                Client.ask(socket, kind).ifPresent(answer -> answers.add(answer.strip()));
            }
        } catch (IOException e) {
            // nothing to list
        }
        return answers;
    }
}
