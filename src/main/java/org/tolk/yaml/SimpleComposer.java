package org.tolk.yaml;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes the plain shape most front matter has — one {@code key: value} per line, values in double
 * quotes without escapes, plain words, flow lists such as {@code [iran, women]}, and indented mappings
 * such as {@code source:} — into exactly the node tree SnakeYAML's composer builds for it: the same
 * values, tags, styles and marks (line, column and index), since later problems cite those positions.
 * Anything else, down to a tab, a comment or a backslash, is not recognised: {@link #compose} returns
 * null and the text goes to SnakeYAML unchanged, with its errors and limits.
 *
 * <p>Why: under the quick compiler SnakeYAML's scanner, parser and composer take 40-45 µs per front
 * matter, 0.8-0.9 s of CPU for the 20,000 articles of the 10,000-story corpus (one thread); this takes
 * 0.12-0.21 s for them. Reading those articles in a cold JVM, as a build does, went from 3.6-4.8 s of
 * CPU to 1.4-1.9 s with this, the null-only resolver and the quick slugs and dates.
 * {@code SimpleComposerTest} checks the trees against SnakeYAML's for every front matter in the
 * repository and for generated and mutated ones.
 */
final class SimpleComposer {
    /** Far below SnakeYAML's code point limit, which longer texts meet there. */
    private static final int MAX_LENGTH = 64 * 1024;
    /** Far below the nesting limit, which deeper texts meet in SnakeYAML. */
    private static final int MAX_DEPTH = 4;
    /** Shorter than SnakeYAML's 1,024 characters for a simple key. */
    private static final int MAX_KEY_LENGTH = 128;
    /** The name {@code new StreamReader(String)} gives its marks. */
    private static final String MARK_NAME = "'string'";

    private final String text;
    private final Resolver resolver;
    /** The text's code points, as the marks of SnakeYAML's reader carry them for snippets. */
    private final int[] codePoints;
    private int pos;
    private int line;
    private int lineStart;

    private SimpleComposer(String text, Resolver resolver) {
        this.text = text;
        this.resolver = resolver;
        this.codePoints = new int[text.length()];
    }

    /** The tree SnakeYAML's composer would build for {@code text}, or null if the text is not of the plain shape. */
    static Node compose(String text, Resolver resolver) {
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        SimpleComposer composer = new SimpleComposer(text, resolver);
        return composer.fillCodePoints() ? composer.document() : null;
    }

    /**
     * Copies the text's characters as code points, refusing any character the shape never has: controls
     * but the line break, and the characters SnakeYAML's reader counts or breaks lines differently at
     * (U+0085, U+2028, U+2029, the byte-order mark U+FEFF, surrogates, non-characters).
     */
    private boolean fillCodePoints() {
        for (int i = 0; i < codePoints.length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\n' : c >= 0x7F && !isPlainNonAscii(c)) {
                return false;
            }
            codePoints[i] = c;
        }
        return true;
    }

    private static boolean isPlainNonAscii(char c) {
        return c >= 0xA0 && c < 0xD800 && c != 0x2028 && c != 0x2029 || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
    }

    private Node document() {
        skipBlankLines();
        if (pos == text.length() || text.charAt(pos) == ' ') {
            return null;
        }
        return mapping(0, 0);
    }

    /** The block mapping whose keys start lines at column {@code indent}; {@code pos} is at its first key. */
    private Node mapping(int indent, int depth) {
        if (depth >= MAX_DEPTH) {
            return null;
        }
        Mark start = mark();
        List<NodeTuple> tuples = new ArrayList<>();
        while (true) {
            ScalarNode key = key();
            if (key == null) {
                return null;
            }
            Node value = value(indent, depth);
            if (value == null) {
                return null;
            }
            tuples.add(new NodeTuple(key, value));
            if (!(value instanceof MappingNode) && !endOfLine()) {
                return null;
            }
            skipBlankLines();
            int next = spaces(pos);
            if (pos == text.length() || next < indent) {
                break;
            }
            if (next > indent) {
                return null;
            }
            pos += next;
        }
        // SnakeYAML ends a block where the next token starts (the next line's first non-space), or at the end.
        Mark end = pos == text.length() ? mark() : mark(pos + spaces(pos));
        MappingNode node = new MappingNode(resolver.resolve(NodeId.mapping, null, true), true, tuples, start, null,
                FlowStyle.BLOCK);
        node.setEndMark(end);
        return node;
    }

    /** A key of letters, digits, '_' and '-' (a letter first), followed by ':'; {@code pos} ends after the ':'. */
    private ScalarNode key() {
        int from = pos;
        if (from == text.length() || !isAsciiLetter(text.charAt(from))) {
            return null;
        }
        int to = from + 1;
        while (to < text.length() && isKeyChar(text.charAt(to))) {
            to++;
        }
        if (to - from > MAX_KEY_LENGTH || to == text.length() || text.charAt(to) != ':') {
            return null;
        }
        ScalarNode key = plain(from, to);
        pos = to + 1;
        return key;
    }

    /** The value after a key's ':': a nested mapping on the next lines, or a value on this line. */
    private Node value(int indent, int depth) {
        if (pos < text.length() && text.charAt(pos) == '\n') {
            newLine();
            skipBlankLines();
            int nested = spaces(pos);
            if (pos == text.length() || nested <= indent) {
                return null;   // an empty value: SnakeYAML's
            }
            pos += nested;
            return mapping(nested, depth + 1);
        }
        if (pos == text.length() || text.charAt(pos) != ' ') {
            return null;
        }
        pos += spaces(pos);
        if (pos == text.length()) {
            return null;
        }
        char c = text.charAt(pos);
        if (c == '"') {
            return doubleQuoted();
        }
        if (c == '[') {
            return flowSequence();
        }
        return isAsciiLetterOrDigit(c) ? blockPlain() : null;
    }

    /**
     * A plain value that ends with its line; ':' only before a non-space, no '#' (a comment after a
     * space), trailing spaces not part of it.
     */
    private ScalarNode blockPlain() {
        int from = pos;
        int end = from;
        int i = from;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                break;
            }
            if (c == '#' || c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n')) {
                return null;
            }
            if (c != ' ') {
                end = i + 1;
            }
        }
        pos = end;
        return plain(from, end);
    }

    /** A double-quoted scalar on one line, without escapes. */
    private ScalarNode doubleQuoted() {
        int from = pos;
        int close = from + 1;
        while (true) {
            if (close == text.length()) {
                return null;
            }
            char c = text.charAt(close);
            if (c == '"') {
                break;
            }
            if (c == '\\' || c == '\n') {
                return null;
            }
            close++;
        }
        pos = close + 1;
        return new ScalarNode(resolver.resolve(NodeId.scalar, text.substring(from + 1, close), false), true,
                text.substring(from + 1, close), mark(from), mark(pos), ScalarStyle.DOUBLE_QUOTED);
    }

    /**
     * A flow list on one line: {@code [a, b]}, {@code []}, items plain words (letters, digits, ' ', '_',
     * '-', '.') or double-quoted; no trailing comma.
     */
    private SequenceNode flowSequence() {
        Mark start = mark();
        pos++;
        List<Node> items = new ArrayList<>();
        pos += spaces(pos);
        if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
        } else {
            while (true) {
                if (pos == text.length()) {
                    return null;
                }
                char c = text.charAt(pos);
                ScalarNode item = c == '"' ? doubleQuoted() : isAsciiLetterOrDigit(c) ? flowPlain() : null;
                if (item == null) {
                    return null;
                }
                items.add(item);
                pos += spaces(pos);
                if (pos == text.length()) {
                    return null;
                }
                c = text.charAt(pos++);
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    return null;
                }
                pos += spaces(pos);
            }
        }
        SequenceNode node = new SequenceNode(resolver.resolve(NodeId.sequence, null, true), true, items, start, null,
                FlowStyle.FLOW);
        node.setEndMark(mark());
        return node;
    }

    private ScalarNode flowPlain() {
        int from = pos;
        int end = from;
        int i = from;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ']') {
                break;
            }
            if (!isAsciiLetterOrDigit(c) && c != ' ' && c != '_' && c != '-' && c != '.') {
                return null;
            }
            if (c != ' ') {
                end = i + 1;
            }
        }
        pos = end;
        return plain(from, end);
    }

    private ScalarNode plain(int from, int to) {
        String value = text.substring(from, to);
        return new ScalarNode(resolver.resolve(NodeId.scalar, value, true), true, value, mark(from), mark(to),
                ScalarStyle.PLAIN);
    }

    /** Skips spaces to the end of the line and past its line break; false if anything else comes first. */
    private boolean endOfLine() {
        pos += spaces(pos);
        if (pos == text.length()) {
            return true;
        }
        if (text.charAt(pos) != '\n') {
            return false;
        }
        newLine();
        return true;
    }

    /** Skips empty lines; {@code pos} must be at a line's start. */
    private void skipBlankLines() {
        while (pos < text.length() && text.charAt(pos) == '\n') {
            newLine();
        }
    }

    /** {@code pos} is at a line break: moves past it. */
    private void newLine() {
        pos++;
        line++;
        lineStart = pos;
    }

    private int spaces(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i - from;
    }

    private Mark mark() {
        return mark(pos);
    }

    /** The mark of {@code index}, on the current line. */
    private Mark mark(int index) {
        return new Mark(MARK_NAME, index, line, index - lineStart, codePoints, index);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }

    private static boolean isKeyChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_' || c == '-';
    }
}
