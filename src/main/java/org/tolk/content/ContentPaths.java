package org.tolk.content;

import java.util.ArrayDeque;
import java.util.Deque;

/** Paths inside {@code content/}, as relative links in articles and front matter name them. */
public final class ContentPaths {
    private ContentPaths() {
    }

    /**
     * {@code folder} + {@code relative}, normalised ({@code 2017/a} + {@code ../b/c.jpg} → {@code 2017/b/c.jpg});
     * null when it climbs above content/.
     */
    public static String resolve(String folder, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            for (String part : folder.split("/")) parts.addLast(part);
        }
        String[] segments = relative.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else if (!segment.equals(".") && !(segment.isEmpty() && i < segments.length - 1)) {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }

    /**
     * The content path a reference in an article names: {@code /2017/x.jpg} from content/'s top,
     * anything else relative to the article's folder; null when it climbs above content/.
     */
    public static String of(Article article, String reference) {
        return reference.startsWith("/") ? reference.substring(1) : resolve(article.contentFolder(), reference);
    }
}
