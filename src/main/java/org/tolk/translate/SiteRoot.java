package org.tolk.translate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.tolk.config.ConfigLoader;

/** Finding the site a command works on, and showing its files to the user. */
public final class SiteRoot {
    private SiteRoot() {
    }

    /**
     * The site's root: {@code source} when given, else the nearest folder from {@code start} upwards that
     * holds site.yaml, so that a translator can work from inside {@code content/2024/}.
     */
    public static Path find(Optional<Path> source, Path start) throws RefusedException {
        if (source.isPresent()) {
            Path root = source.get().toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve(ConfigLoader.FILE_NAME))) {
                throw new RefusedException("no site.yaml in " + root + " (is --source the site's root folder? 'tolk new site DIR' makes one)");
            }
            return root;
        }
        Path from = start.toAbsolutePath().normalize();
        for (Path dir = Files.isDirectory(from) ? from : from.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ConfigLoader.FILE_NAME))) {
                return dir;
            }
        }
        throw new RefusedException("no site.yaml in " + from + " or the folders above it: run Tolk in a site's folder,"
                + " give it with --source DIR, or make one with 'tolk new site DIR'");
    }

    public static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /** A file as the user can type it: relative to the working folder when inside it, else absolute. */
    public static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path path = file.toAbsolutePath().normalize();
        return path.startsWith(cwd) && !path.equals(cwd) ? cwd.relativize(path).toString().replace(java.io.File.separatorChar, '/')
                : path.toString();
    }

    /**
     * A path given on the command line. Relative paths are read from the working folder when that finds
     * a file inside the site, else from the site's root: so {@code content/2024/a.nl.md} works from the
     * site's folder and, with --source, from anywhere.
     */
    public static Path resolve(Path given, Optional<Path> root) {
        Path fromHere = given.toAbsolutePath().normalize();
        if (given.isAbsolute() || root.isEmpty() || fromHere.startsWith(root.get()) && Files.exists(fromHere)) {
            return fromHere;
        }
        Path fromRoot = root.get().resolve(given).normalize();
        return Files.exists(fromRoot) || !Files.exists(fromHere) ? fromRoot : fromHere;
    }
}
