package org.tolk.translate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.tolk.TestSites;
import org.tolk.check.Problems;
import org.tolk.content.Article;

/** The translate-desk fixture: a Dutch–English newsroom with a translation in every state. */
final class Desk {
    /** Taken as every file's modification time when a test wants the status not to depend on the clock. */
    static final Instant MODIFIED = Instant.parse("2026-05-29T10:00:00Z");

    private Desk() {
    }

    static Path copy(Path into) {
        return TestSites.copy("translate-desk", into);
    }

    static SiteContent site(Path root) {
        Problems problems = new Problems();
        return SiteContent.read(root, problems).orElseThrow(() -> new AssertionError(problems.sorted()));
    }

    /** The status with fixed modification times and no snapshots: the same on every machine. */
    static TranslationStatus fixedStatus(SiteContent site) {
        return TranslationStatus.of(site.config(), site.articles(), Snapshots.none(), a -> Optional.of(MODIFIED));
    }

    static Article article(SiteContent site, String sourcePath) {
        return site.article(site.root().resolve(sourcePath)).orElseThrow(() -> new AssertionError("no article " + sourcePath
                + ": " + site.problems()));
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void edit(Path file, String from, String to) {
        String text = text(file);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not contain " + from);
        }
        TestSites.write(file, text.replace(from, to));
    }
}
