package org.tolk.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.tolk.content.Article;

/**
 * The translatable text of an article, title and body, in a canonical form: line endings normalised,
 * trailing whitespace and runs of blank lines ignored, Unicode in NFC. Two texts that differ only in
 * those ways are the same version, so re-saving a file in another editor never makes its translations
 * stale.
 *
 * <p>The body is kept as a list of paragraphs (blocks separated by blank lines): that is the unit in
 * which {@link #changesSince} reports how much of an original changed.
 *
 * @param title      the title, with runs of whitespace collapsed to one space
 * @param paragraphs the body's blocks, each with its lines' trailing whitespace removed
 */
public record ArticleText(String title, List<String> paragraphs) {
    /** The form of a hash in front matter: the algorithm, then the first 16 hex digits (64 bits). */
    private static final Pattern HASH = Pattern.compile("sha256:([0-9a-f]{16})");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public ArticleText {
        paragraphs = List.copyOf(paragraphs);
    }

    public static ArticleText of(Article article) {
        return of(article.title(), article.body());
    }

    public static ArticleText of(String title, String body) {
        String canonicalTitle = WHITESPACE.matcher(nfc(title).strip()).replaceAll(" ");
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : nfc(body).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String kept = line.stripTrailing();
            if (kept.isEmpty()) {
                if (paragraph.length() > 0) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
            } else {
                if (paragraph.length() > 0) {
                    paragraph.append('\n');
                }
                paragraph.append(kept);
            }
        }
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
        }
        return new ArticleText(canonicalTitle, paragraphs);
    }

    /**
     * The content hash that identifies this version, as written in front matter:
     * {@code sha256:} and the first 16 hex digits of the SHA-256 of {@link #canonical()}. Sixty-four
     * bits are plenty to tell versions of one article apart and short enough to read in a diff.
     */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hex part of a front-matter hash ({@code sha256:0123456789abcdef} → {@code 0123456789abcdef}), if it is one. */
    public static Optional<String> hashDigits(String hash) {
        var matcher = HASH.matcher(hash.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public static boolean isHash(String text) {
        return hashDigits(text).isPresent();
    }

    /** The title, a blank line, the paragraphs separated by blank lines, a final newline: what is hashed and what a snapshot holds. */
    public String canonical() {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (String paragraph : paragraphs) {
            text.append('\n').append(paragraph).append('\n');
        }
        return text.toString();
    }

    /** Reads back {@link #canonical()}. */
    public static ArticleText parse(String canonical) {
        String text = canonical.replace("\r\n", "\n");
        int end = text.indexOf('\n');
        String title = end < 0 ? text : text.substring(0, end);
        return of(title, end < 0 ? "" : text.substring(end + 1));
    }

    /** What changed from {@code older} to this version. */
    public Changes changesSince(ArticleText older) {
        return Changes.between(older, this);
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
