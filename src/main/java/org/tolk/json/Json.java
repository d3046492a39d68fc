package org.tolk.json;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON for JSON-LD blocks, the preview's messages and {@code tolk status --json}: maps, collections,
 * strings, numbers, booleans and null. Hand-written because Tolk only ever writes JSON, and little of it.
 * Compact JSON also escapes {@code <}, {@code >} and {@code &}, so that a headline containing
 * {@code </script>} cannot end the script element it is embedded in.
 */
public final class Json {
    private Json() {
    }

    /** One line, safe to embed in HTML. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(value, out, null);
        return out.toString();
    }

    /** Indented by two spaces, ending with a newline: for people and scripts reading a command's output. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out, "");
        return out.append('\n').toString();
    }

    /** @param indent the current indentation, or null for compact output */
    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) || Double.isInfinite(d) ? "null"
                    : String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0"));
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            container(map.entrySet().iterator(), '{', '}', out, indent, (entry, inner) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                string(String.valueOf(e.getKey()), out, inner == null);
                out.append(inner == null ? ":" : ": ");
                write(e.getValue(), out, inner);
            });
        } else if (value instanceof Collection<?> list) {
            container(list.iterator(), '[', ']', out, indent, (item, inner) -> write(item, out, inner));
        } else {
            string(value.toString(), out, indent == null);
        }
    }

    private interface Item {
        void write(Object item, String indent);
    }

    private static void container(Iterator<?> items, char open, char close, StringBuilder out, String indent, Item item) {
        out.append(open);
        if (!items.hasNext()) {
            out.append(close);
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        while (items.hasNext()) {
            if (inner != null) {
                out.append('\n').append(inner);
            }
            item.write(items.next(), inner);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        if (indent != null) {
            out.append('\n').append(indent);
        }
        out.append(close);
    }

    private static void string(String s, StringBuilder out, boolean htmlSafe) {
        out.append('"');
        // Runs of characters with nothing to escape (most titles, URLs and names are one) are appended whole,
        // not character by character: that loop was 1.5-1.9 % of a cold build's samples, for every page's JSON-LD.
        int n = s.length();
        int i = 0;
        while (i < n) {
            int run = i;
            while (i < n && !needsEscape(s.charAt(i), htmlSafe)) {
                i++;
            }
            out.append(s, run, i);
            if (i < n) {
                char c = s.charAt(i++);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        out.append('"');
    }

    /** The characters a JSON string escapes: quotes, backslashes, controls, the JavaScript line ends, and in HTML {@code < > &}. */
    private static boolean needsEscape(char c, boolean htmlSafe) {
        return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029' || htmlSafe && (c == '<' || c == '>' || c == '&');
    }
}
