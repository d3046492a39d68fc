package org.tolk.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preview's own files (the live-reload script, its shared worker, the overlay's and the translator's
 * view's style sheets, under {@code src/main/resources/org/tolk/serve/}) and the few pages it shows when
 * the site has none to offer.
 */
final class BuiltInPages {
    static final Set<String> ASSETS = Set.of("live.js", "worker.js", "overlay.css", "translator.css", "translator.js");
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private BuiltInPages() {
    }

    static byte[] asset(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = BuiltInPages.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource org/tolk/serve/" + n);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** For a site without a 404 page (its build failed before rendering one). */
    static String notFound(String what) {
        return page("Not found", "<h1>Not found</h1><p>The preview has no <code>" + escape(what) + "</code>.</p>"
                + "<p><a href=\"/\">Home</a> · <a href=\"/_tolk/\">Translator’s view</a></p>");
    }

    /** Until a build has produced any page: the overlay, fed by the event stream, says why. */
    static String nothingBuilt() {
        return page("Nothing built yet", "<h1>Nothing built yet</h1><p>The site could not be built. The problems are"
                + " listed over this page and in the terminal; the page reloads when they are fixed.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + " – Tolk preview</title>"
                + "<link rel=\"stylesheet\" href=\"/_tolk/translator.css\"></head><body class=\"tolk-plain\"><main>" + body
                + "</main></body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
