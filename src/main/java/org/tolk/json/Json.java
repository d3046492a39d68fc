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
        // Most strings (titles, URLs, names) have nothing to escape: they are appended whole, not character
        // by character (1.5-1.9 % of a cold build's samples were this loop, for every page's JSON-LD).
        int plain = 0;
        while (plain < s.length() && !needsEscape(s.charAt(plain), htmlSafe)) {
            plain++;
        }
        out.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&' -> {
                    if (htmlSafe) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(char c, boolean htmlSafe) {
        return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029' || htmlSafe && (c == '<' || c == '>' || c == '&');
    }
}
