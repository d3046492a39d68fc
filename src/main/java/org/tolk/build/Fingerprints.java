package org.tolk.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.tolk.config.ConfigLoader;
import org.tolk.config.SiteConfig;
import org.tolk.render.Fingerprint;

/** What every page of a build depends on, as one fingerprint: a change to any of it renders every page again. */
final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * site.yaml, every file under templates/ (templates and UI strings; of assets only their names), Tolk's
     * version and the options.
     */
    static long global(SiteConfig config, BuildOptions options) {
        long hash = Fingerprint.of(0, "Tolk " + Version.get() + " drafts=" + options.drafts() + " future=" + options.future()
                + " base=" + config.baseUrl());
        try {
            hash = Fingerprint.of(hash, Files.readAllBytes(config.root().resolve(ConfigLoader.FILE_NAME)));
            Path templates = config.templatesDir();
            if (Files.isDirectory(templates)) {
                try (Stream<Path> files = Files.walk(templates)) {
                    Path assets = templates.resolve("assets");
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        hash = Fingerprint.of(hash, templates.relativize(file).toString());
                        // Pages link to an asset by its name only: its bytes are the asset page's own input, so a
                        // style sheet edit rewrites the style sheet, not 20,000 pages.
                        if (!file.startsWith(assets)) {
                            hash = Fingerprint.of(hash, Files.readAllBytes(file));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hash;
    }
}
