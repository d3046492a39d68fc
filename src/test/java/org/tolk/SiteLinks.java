package org.tolk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Follows every internal link of a generated site to the file that serves it. */
public final class SiteLinks {
    private SiteLinks() {
    }

    /**
     * Every link on every HTML page (a, link, img, script, source) that points into the site and names
     * no file that exists, as "page → link".
     *
     * @param basePath the base URL's path ("/" or "/nieuws/")
     * @param origin   the base URL's scheme and host, so absolute links to the site are checked too
     */
    public static List<String> broken(Path output, String origin, String basePath) {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Document html = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
                for (Element element : html.select("a[href], link[href], img[src], script[src], source[src]")) {
                    String link = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                    if (link.startsWith(origin)) {
                        link = link.substring(origin.length());
                    }
                    if (!link.startsWith("/") || link.startsWith("//")) {
                        continue;
                    }
                    String path = URI.create(link).getRawPath();
                    if (!path.startsWith(basePath)) {
                        broken.add(output.relativize(page) + " → " + link + " (outside the base path)");
                        continue;
                    }
                    String relative = URLDecoder.decode(path.substring(basePath.length()), StandardCharsets.UTF_8);
                    Path target = output.resolve(relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative);
                    if (!Files.isRegularFile(target)) {
                        broken.add(output.relativize(page) + " → " + link);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return broken;
    }
}
