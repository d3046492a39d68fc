package org.tolk.serve;

import java.nio.charset.StandardCharsets;

/**
 * Puts the live-reload script into an HTML page as the preview serves it (never into the built file).
 * The script tag carries what the browser needs to decide, after a rebuild, whether its page changed:
 * the server instance, the generation the page came from, the output file it shows and, on a 404, the
 * file it asked for (so that the page reloads when that file appears).
 */
final class LiveScript {
    static final String SRC = "/_tolk/live.js";

    private LiveScript() {
    }

    /**
     * @param file    the output file being served ({@code nl/a/index.html}, {@code 404.html})
     * @param wanted  the output file the request asked for, if different (a 404), else null
     * @param dynamic true for the preview's own pages (the translator's view), which reload after any change
     */
    static String tag(String instance, long generation, String file, String wanted, boolean dynamic) {
        StringBuilder tag = new StringBuilder("<script src=\"").append(SRC).append("\" defer")
                .append(" data-instance=\"").append(attribute(instance)).append('"')
                .append(" data-generation=\"").append(generation).append('"')
                .append(" data-file=\"").append(attribute(file)).append('"');
        if (wanted != null) {
            tag.append(" data-wanted=\"").append(attribute(wanted)).append('"');
        }
        if (dynamic) {
            tag.append(" data-dynamic=\"true\"");
        }
        return tag.append("></script>").toString();
    }

    /** The page with {@code tag} before {@code </head>}, or before {@code </body>}, or at the end. */
    static byte[] inject(byte[] html, String tag) {
        String page = new String(html, StandardCharsets.UTF_8);
        int at = find(page, "</head>", false);
        if (at < 0) {
            at = find(page, "</body>", true);
        }
        if (at < 0) {
            at = page.length();
        }
        return (page.substring(0, at) + tag + page.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /** Index of an ASCII tag in {@code page}, ignoring case (lower-casing the page could shift indices). */
    private static int find(String page, String tag, boolean last) {
        int found = -1;
        for (int i = 0; i + tag.length() <= page.length(); i++) {
            if (page.regionMatches(true, i, tag, 0, tag.length())) {
                found = i;
                if (!last) {
                    return i;
                }
            }
        }
        return found;
    }

    static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
