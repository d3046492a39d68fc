package org.tolk.translate;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Tolk's default theme, as the jar carries it under {@code /org/tolk/templates/}: copied into a new
 * site's {@code templates/} by {@code tolk new site --with-templates}, for a newsroom that wants to
 * change its layout. (A site without the folder uses the built-in theme, file by file.)
 */
final class BuiltInTemplates {
    static final String RESOURCE = "org/tolk/templates";

    private BuiltInTemplates() {
    }

    /** Copies every file of the built-in theme into {@code target}; returns how many. */
    static int copyTo(Path target) throws IOException {
        List<String> names = names();
        for (String name : names) {
            Path file = target.resolve(name);
            Files.createDirectories(file.getParent());
            try (InputStream in = BuiltInTemplates.class.getResourceAsStream("/" + RESOURCE + "/" + name)) {
                if (in == null) {
                    throw new IOException("Tolk's built-in template " + name + " is missing from its jar");
                }
                Files.copy(in, file);
            }
        }
        return names.size();
    }

    /** Paths of the theme's files relative to its folder, sorted. */
    static List<String> names() throws IOException {
        URL url = BuiltInTemplates.class.getResource("/" + RESOURCE);
        if (url == null) {
            throw new IOException("Tolk's built-in templates are missing from its jar");
        }
        List<String> names = new ArrayList<>();
        if (url.getProtocol().equals("jar")) {
            // Read through the jar's own entries rather than a zip FileSystem: the renderer may have that
            // open, and a second one on the same jar cannot be opened at the same time.
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(RESOURCE + "/")) {
                        names.add(entry.getName().substring(RESOURCE.length() + 1));
                    }
                }
            }
        } else {
            try {
                Path root = Paths.get(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> names.add(root.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
                }
            } catch (URISyntaxException e) {
                throw new IOException("cannot list Tolk's built-in templates: " + e.getMessage(), e);
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }
}
