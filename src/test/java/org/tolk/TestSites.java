package org.tolk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.tolk.build.Build;
import org.tolk.build.BuildOptions;
import org.tolk.build.BuildResult;

/** Fixture sites under src/test/resources/sites/, copied into a temporary folder so tests may change them. */
public final class TestSites {
    /** Builds see this as "now", so that which articles are in the future never depends on the day tests run. */
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private TestSites() {
    }

    public static Path copy(String name, Path into) {
        try {
            Path source = Paths.get(TestSites.class.getResource("/sites/" + name).toURI());
            Path target = into.resolve(name);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path destination = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(file, destination);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository's own sample site (site.yaml, content/, templates/ at the project root). */
    public static Path sample(Path into) {
        Path root = Path.of("").toAbsolutePath();
        Path target = into.resolve("sample");
        try {
            for (String part : new String[] {"site.yaml", "content", "templates"}) {
                Path source = root.resolve(part);
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.toList()) {
                        Path destination = target.resolve(root.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(destination);
                        } else {
                            Files.createDirectories(destination.getParent());
                            Files.copy(file, destination);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static BuildOptions options(Path site) {
        return BuildOptions.defaults(site).withNow(NOW);
    }

    public static BuildResult build(Path site) {
        return Build.run(options(site));
    }

    public static Document html(Path site, String file) {
        try {
            Path path = site.resolve("site").resolve(file);
            return Jsoup.parse(Files.readString(path, StandardCharsets.UTF_8), "https://example.org/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path site, String file) {
        try {
            return Files.readString(site.resolve("site").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code folder} with its SHA-256, to compare a folder before and after. */
    public static java.util.Map<String, String> snapshot(Path folder) {
        java.util.Map<String, String> hashes = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                hashes.put(folder.relativize(file).toString(), java.util.HexFormat.of().formatHex(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
