package org.tolk.serve;

import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.MimeTypes;

/**
 * The Content-Type of each output file, with {@code charset=utf-8} on every text type: Tolk writes UTF-8,
 * and a preview that let the browser guess would show mojibake that production (with a configured host)
 * would not. Types a news site publishes are listed here; anything else is asked of Jetty's table, and a
 * name neither knows is {@code application/octet-stream}.
 */
final class ContentTypes {
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("htm", "text/html;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("json", "application/json;charset=utf-8"),
            Map.entry("xml", "application/xml;charset=utf-8"),
            Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("md", "text/markdown;charset=utf-8"),
            Map.entry("csv", "text/csv;charset=utf-8"),
            Map.entry("svg", "image/svg+xml;charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("vtt", "text/vtt;charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json;charset=utf-8"));

    private ContentTypes() {
    }

    static String of(String outputFile) {
        String name = outputFile.substring(outputFile.lastIndexOf('/') + 1);
        // Tolk's feeds are Atom (RFC 4287), whose registered type is application/atom+xml.
        if (name.equals("feed.xml")) {
            return "application/atom+xml;charset=utf-8";
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = KNOWN.get(extension);
        if (known != null) {
            return known;
        }
        String jetty = MimeTypes.DEFAULTS.getMimeByExtension(name);
        if (jetty == null) {
            return "application/octet-stream";
        }
        return jetty.startsWith("text/") && !jetty.contains("charset") ? jetty + ";charset=utf-8" : jetty;
    }

    static boolean isHtml(String outputFile) {
        return of(outputFile).startsWith("text/html");
    }
}
