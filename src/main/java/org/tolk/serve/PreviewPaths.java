package org.tolk.serve;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.jetty.http.HttpURI;
import org.tolk.site.Urls;

/**
 * Which output file a request asks for, and which requests are refused before anything is looked up.
 * The preview serves only files the build produced, looked up by exact path in memory, so a path can never
 * reach outside the output; refusing odd paths outright is a second wall, and an honest answer (400) where
 * a static host would answer something else.
 */
final class PreviewPaths {
    private PreviewPaths() {
    }

    /**
     * Why the preview refuses a request for {@code uri}, or empty if it does not: {@code ..} and {@code .}
     * segments, empty segments ({@code //}), encoded slashes and backslashes ({@code %2F}, {@code %5C}),
     * null bytes and other control characters, and anything Jetty itself flags as ambiguous.
     */
    static Optional<String> refusal(HttpURI uri) {
        String raw = uri.getPath();
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return Optional.of("the path must start with /");
        }
        if (uri.hasViolations() || uri.isAmbiguous()) {
            return Optional.of("ambiguous path " + uri.getViolations());
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("%2e")) {
            return Optional.of("encoded slashes, backslashes, dots and null bytes are not allowed in paths");
        }
        String decoded = uri.getDecodedPath();
        if (decoded == null) {
            return Optional.of("the path cannot be decoded");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return Optional.of("control characters and backslashes are not allowed in paths");
            }
        }
        for (String segment : raw.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'.' and '..' are not allowed in paths");
            }
        }
        if (raw.substring(1).contains("//")) {
            return Optional.of("empty path segments ('//') are not allowed");
        }
        return Optional.empty();
    }

    /** The output file that serves a decoded site path: folders get {@code index.html}. */
    static String outputFile(String decodedPath) {
        return Urls.outputFile(decodedPath);
    }

    /** The site path that serves an output file: {@code nl/a/index.html} is served at {@code /nl/a/}. */
    static String sitePath(String outputFile) {
        if (outputFile.equals("index.html")) {
            return "/";
        }
        if (outputFile.endsWith("/index.html")) {
            return "/" + outputFile.substring(0, outputFile.length() - "index.html".length());
        }
        return "/" + outputFile;
    }
}
