package org.tolk.render;

/**
 * Writes the XML of feeds and the sitemap. Hand-written because the JDK's StAX writer escaped feed
 * bodies character by character through several layers and took a seventh of all render time
 * (BENCHMARKS.md); this writer escapes in one pass and drops the characters XML 1.0 cannot hold.
 * Elements are indented one level per depth; text content stays on the element's line.
 */
final class Xml {
    /** Encoded as it is written, as HTML pages are (Utf8Writer). */
    private final Utf8Writer out = new Utf8Writer(16384);
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
    private boolean tagOpen;
    private boolean emptyPending;

    Xml() {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** Opens an element; its children follow on their own lines, or its text with {@link #text}. */
    Xml start(String name) {
        closeTag();
        newline();
        out.write('<');
        out.write(name);
        open.push(name);
        tagOpen = true;
        return this;
    }

    /** An element with no content ({@code <link …/>}); attributes follow. */
    Xml empty(String name) {
        closeTag();
        newline();
        out.write('<');
        out.write(name);
        tagOpen = true;
        emptyPending = true;
        return this;
    }

    Xml attribute(String name, String value) {
        out.write(' ');
        out.write(name);
        out.write("=\"");
        escape(value, true);
        out.write('"');
        return this;
    }

    Xml text(String text) {
        closeTag();
        escape(text, false);
        return this;
    }

    /** {@link #text} for text already in UTF-8 (a feed's article body), escaped without decoding it. */
    Xml textUtf8(byte[] text) {
        closeTag();
        escapeUtf8(text);
        return this;
    }

    /** Ends the innermost element, its end tag on a line of its own. */
    Xml end() {
        return close(true);
    }

    /** Ends an element whose text was just written, on the same line. */
    Xml endInline() {
        return close(false);
    }

    /** An element with text and no children, on one line. */
    Xml element(String name, String text) {
        return start(name).text(text).endInline();
    }

    byte[] toBytes() {
        closeTag();
        out.write('\n');
        return out.toByteArray();
    }

    private Xml close(boolean ownLine) {
        String name = open.pop();
        if (tagOpen && !emptyPending) {
            out.write("/>");
            tagOpen = false;
            return this;
        }
        closeTag();
        if (ownLine) {
            newline();
        }
        out.write("</");
        out.write(name);
        out.write('>');
        return this;
    }

    private void closeTag() {
        if (tagOpen) {
            out.write(emptyPending ? "/>" : ">");
            tagOpen = false;
            emptyPending = false;
        }
    }

    private void newline() {
        out.write('\n');
        for (int i = 0; i < open.size(); i++) {
            out.write("  ");
        }
    }

    /** The text being escaped, copied out of its String: a long loop reads an array much faster than charAt under the quick compiler. */
    private char[] chars = new char[4096];

    /**
     * Appends {@code text} escaped: runs of characters that need nothing are copied whole (a feed body
     * is mostly such runs), the others one by one.
     */
    private void escape(String text, boolean attribute) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        char[] array = chars;
        text.getChars(0, n, array, 0);
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = array[i];
            if (plain(c, attribute)) {
                continue;
            }
            run(array, from, i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write(attribute ? "&quot;" : "\"");
                case '\n' -> out.write(attribute ? "&#10;" : "\n");
                case '\t' -> out.write(attribute ? "&#9;" : "\t");
                case '\r' -> out.write("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(array[i + 1])) {
                        out.write(array, i++, 2);
                    } else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c)) {
                        // XML 1.0 has no place for other control characters or unpaired surrogates: they are dropped.
                        out.write(c);
                    }
                }
            }
            from = i + 1;
        }
        run(array, from, n);
    }

    /**
     * The bytes {@link #escapeUtf8} copies as they are: all but {@code & < >}, the control characters other than
     * tab and line feed, and 0xEF, which starts U+FFFE and U+FFFF (EF BF BE, EF BF BF) among others. One table
     * look per byte: a feed carries megabytes of article text.
     */
    private static final boolean[] PLAIN_BYTE = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            PLAIN_BYTE[b] = b >= 0x20 && b != '&' && b != '<' && b != '>' && b != 0xEF || b == '\n' || b == '\t';
        }
    }

    /**
     * {@link #escape} of element text, byte by byte: what XML escapes or drops is ASCII, but for U+FFFE and
     * U+FFFF. The bytes come from {@code String.getBytes}, so they hold no surrogates.
     */
    private void escapeUtf8(byte[] text) {
        boolean[] plain = PLAIN_BYTE;
        int n = text.length;
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (plain[text[i] & 0xFF]) {
                continue;
            }
            byte b = text[i];
            String replacement;
            int length = 1;
            if (b == '&') {
                replacement = "&amp;";
            } else if (b == '<') {
                replacement = "&lt;";
            } else if (b == '>') {
                replacement = "&gt;";
            } else if (b == '\r') {
                replacement = "&#13;";
            } else if (b == (byte) 0xEF) {
                if (i + 2 < n && text[i + 1] == (byte) 0xBF && (text[i + 2] & 0xFE) == 0xBE) {
                    replacement = "";
                    length = 3;
                } else {
                    continue;   // another character that starts with EF
                }
            } else {
                replacement = "";   // other control characters have no place in XML 1.0
            }
            out.writeUtf8(text, from, i);
            out.write(replacement);
            i += length - 1;
            from = i + 1;
        }
        out.writeUtf8(text, from, n);
    }

    /** Whether {@code c} is written as it is (the common case, decided without a switch). */
    private static boolean plain(char c, boolean attribute) {
        if (c >= 0x20) {
            if (c < 0xD800) {
                return c != '&' && c != '<' && c != '>' && (c != '"' || !attribute);
            }
            return c >= 0xE000 && c < 0xFFFE;
        }
        return !attribute && (c == '\n' || c == '\t');
    }

    private void run(char[] text, int from, int to) {
        if (from < to) {
            out.write(text, from, to - from);
        }
    }
}
