package org.tolk.translate;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes front matter the way a person would: one field a line, values quoted only when YAML needs it,
 * a short comment where the writer has to fill something in. What it writes reads back with
 * {@link org.tolk.content.ArticleReader} to the same values (the tests check that).
 */
final class FrontMatter {
    /** Values that may stay unquoted: words, spaces, and punctuation that means nothing to YAML. */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M} _.,/()'’“”«»!?-]*");
    /** Plain scalars that YAML 1.1 tools would read as booleans, null or numbers. */
    private static final Pattern SPECIAL = Pattern.compile(
            "(?i)y|n|yes|no|true|false|on|off|null|~|[-+]?(\\d[\\d_]*)?\\.?\\d*([eE][-+]?\\d+)?|0x[0-9a-f]+|\\.inf|\\.nan");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final int COMMENT_COLUMN = 28;

    private final StringBuilder text = new StringBuilder("---\n");

    FrontMatter field(String key, String value) {
        return raw(key, quote(value), null);
    }

    FrontMatter field(String key, String value, String comment) {
        return raw(key, quote(value), comment);
    }

    /** A key with no value yet (read as absent) and a comment saying what goes there. */
    FrontMatter blank(String key, String comment) {
        return raw(key, "", comment);
    }

    /** A flow list, {@code [a, b]}; a single value for one-element lists of names ({@code author: Sara}). */
    FrontMatter list(String key, List<String> values, boolean singleAsValue) {
        if (singleAsValue && values.size() == 1) {
            return field(key, values.get(0));
        }
        return raw(key, values.stream().map(FrontMatter::quoteInList).collect(Collectors.joining(", ", "[", "]")), null);
    }

    FrontMatter date(String key, ZonedDateTime date) {
        return raw(key, format(date), null);
    }

    FrontMatter raw(String key, String value, String comment) {
        StringBuilder line = new StringBuilder(key).append(':');
        if (!value.isEmpty()) {
            line.append(' ').append(value);
        }
        if (comment != null) {
            line.append(" ".repeat(Math.max(2, COMMENT_COLUMN - line.length()))).append("# ").append(comment);
        }
        text.append(line).append('\n');
        return this;
    }

    /** A nested mapping, one field a line, indented by two spaces. */
    FrontMatter map(String key, List<String[]> fields) {
        text.append(key).append(":\n");
        for (String[] field : fields) {
            text.append("  ").append(field[0]).append(": ").append(quote(field[1])).append('\n');
        }
        return this;
    }

    /** A comment line, for optional fields shown but not set. */
    FrontMatter comment(String comment) {
        text.append("# ").append(comment).append('\n');
        return this;
    }

    String end() {
        return text.append("---\n").toString();
    }

    /**
     * A date as Tolk reads it back: a date alone when it is the start of a day in the site's zone
     * (which is what a date alone means), else date, time and offset.
     */
    static String format(ZonedDateTime date) {
        return date.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE.format(date) : DATE_TIME.format(date);
    }

    static String quote(String value) {
        if (PLAIN.matcher(value).matches() && !SPECIAL.matcher(value).matches() && !value.endsWith(" ")) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /** Inside {@code [...]} a comma ends the value, so anything with one is quoted too. */
    private static String quoteInList(String value) {
        String quoted = quote(value);
        return value.contains(",") && !quoted.startsWith("\"") ? "\"" + value + "\"" : quoted;
    }
}
