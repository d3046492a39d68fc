package org.tolk.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import org.tolk.content.Text;

/**
 * Copies of originals as they were when a translation was made or marked current, in
 * {@code .tolk/translations/<hash>.txt}, so that {@code tolk status} can say how much of an original
 * changed since, and the preview which paragraphs.
 *
 * <p>Content-addressed: the file name is the version's hash, so translations made from the same
 * version share one file and a file is never rewritten. The folder is a local cache (git-ignored by
 * default); without it Tolk still knows that a translation is stale, only not how much changed.
 */
public final class Snapshots {
    /** Where snapshots live, relative to the site root. */
    public static final String FOLDER = ".tolk/translations";

    private final Path dir;

    private Snapshots(Path dir) {
        this.dir = dir;
    }

    public static Snapshots of(Path siteRoot) {
        return new Snapshots(siteRoot.resolve(FOLDER));
    }

    /** A store that holds nothing and writes nowhere (for computing status without a site folder). */
    public static Snapshots none() {
        return new Snapshots(null);
    }

    /** The text of the version with this front-matter hash, if a snapshot of it is here and intact. */
    public Optional<ArticleText> find(String hash) {
        Optional<Path> file = file(hash);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            ArticleText text = ArticleText.parse(Text.readUtf8(file.get()));
            // A hand-edited or truncated snapshot would report wrong changes: trust only an exact one.
            return text.hash().equals(hash.strip()) ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            // Missing or unreadable: the snapshot is a cache, and without it only "how much" is unknown.
            return Optional.empty();
        }
    }

    /** When the snapshot of this version was first saved: about when the translation was made. */
    public Optional<Instant> savedAt(String hash) {
        try {
            Optional<Path> file = file(hash);
            return file.isPresent() && Files.isRegularFile(file.get())
                    ? Optional.of(Files.getLastModifiedTime(file.get()).toInstant()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Saves {@code text} unless a snapshot of it exists already. */
    public void save(ArticleText text) throws IOException {
        if (dir == null) {
            return;
        }
        Path file = file(text.hash()).orElseThrow();
        if (Files.isRegularFile(file)) {
            return;
        }
        Files.createDirectories(dir);
        // Written under a temporary name and moved, so that a reader never sees half a snapshot.
        Path temporary = org.tolk.output.Temporary.file(dir, ".snapshot-", ".tmp");
        try {
            Files.writeString(temporary, text.canonical(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The file for a hash; empty for anything that is not a well-formed hash, so front matter cannot name other files. */
    private Optional<Path> file(String hash) {
        if (dir == null) {
            return Optional.empty();
        }
        return ArticleText.hashDigits(hash).map(digits -> dir.resolve(digits + ".txt"));
    }
}
