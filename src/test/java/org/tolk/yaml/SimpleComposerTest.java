package org.tolk.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The simple composer must build exactly SnakeYAML's tree wherever it builds one: values, tags, styles,
 * marks (index, line, column, and the character the mark's buffer shows there), anchors, merge flags.
 */
class SimpleComposerTest {
    /** A front matter as the 10,000-story corpus has them. */
    private static final String CORPUS = """
            title: "Network border arrested city from executed closed protest but closed"
            date: 2020-11-01T09:17:00+01:00
            language: en
            topics: [journalism]
            summary: "Has again newspaper unclear under decision verdict and asked rights Saturday."
            author: "Lotte Hendriks"
            translator: "Nasim Rahimi"
            source:
              name: "Etemad"
              url: "https://example.org/etemad/109542"
              language: fa
            """;

    /** Texts of the plain shape: the simple composer must take them, and build SnakeYAML's tree. */
    private static final List<String> SIMPLE = List.of(
            CORPUS,
            CORPUS.replace("en\n", "nl\n").replace("Saturday", "reëel privé coördinatie — “quoted” ’s"),
            CORPUS.stripTrailing(),
            "title: x",
            "title: Telegram weigert gegevens te delen\ndate: 2017-07-25\n",
            "a: b  \nc: \"d\"   \ne: [ x ,y  , z z ]  \n",
            "topics: []\nempty: [ ]\nquoted: [\"a b\", \"c\"]\nmixed: [a, \"b\"]\n",
            "\n\na: 1\n\n\nb: 2\n\n",
            "source:\n  name: x\n\n  url: \"u\"\nnext: 1\n",
            "a:\n    b:\n      c: d\n    e: f\ng: h\n",
            "a:\n  b: c\n",
            "a: null\nb: Null\nc: [null, x, Null]\nd: \"null\"\n",
            "a: 1\na: 2\n",
            "url: https://example.org/a?b=c&d#e\n".replace("#e", "x"),
            "a: b:c\nd: \"e: f # g\"\n",
            "a: \"\"\nb: \" \"\n",
            "a: x [y] {z} 'q' \"r\" \\s | > ! & * % @ `\n",
            "draft: true\nimage: durov.svg\n",
            "a_b-c: d\nA1: e\n");

    /** Texts not of the plain shape: the simple composer must leave them to SnakeYAML. */
    private static final List<String> NOT_SIMPLE = List.of(
            "",
            "\n\n",
            "a: \"x\\\"y\"\n",                  // escape
            "a: \"x\n  y\"\n",                  // multi-line quoted
            "a: x\n  y\n",                      // multi-line plain
            "a: &anchor x\nb: *anchor\n",       // anchor, alias
            "# comment\na: b\n",
            "a: b # comment\n",
            "a: b#c\n",
            "a:\n  - x\n  - y\n",               // block list
            "a:\n- x\n",
            "a: b\tc\n",                        // tab
            "a:\tb\n",
            "a: b\n b: c\n",                    // odd indentation
            " a: b\n",
            "a:\n  b: c\n d: e\n",
            "a:\n    b: c\n  d: e\n",
            "é: b\n",                           // non-ASCII key
            "a: é\n",                           // non-ASCII first character of a plain value
            "a: \"x\u2028y\"\n",                // line separator
            "a: \"x\u2029y\"\n",                // paragraph separator
            "a: \"x\u0085y\"\n",                // next line
            "a: \"x\uFEFFy\"\n",                // byte-order mark
            "\uFEFFa: b\n",
            "a: \"\uD83D\uDE00\"\n",            // a character outside the BMP
            "a: b\r\nc: d\r\n",
            "a: 'single'\n",
            "a: |\n  literal\n",
            "a: >\n  folded\n",
            "a: {b: c}\n",
            "a: !!str b\n",
            "a: !custom b\n",
            "a:\nb: c\n",                       // empty value
            "a:\n",
            "a: \n",
            "a:b\n",
            "a : b\n",
            "my key: b\n",
            "\"a\": b\n",
            "? a\n: b\n",
            "---\na: b\n",
            "%YAML 1.1\n---\na: b\n",
            "a: [b, c,]\n",                     // trailing comma
            "a: [b,\n  c]\n",                   // multi-line list
            "a: [b: c]\n",
            "a: [b, [c]]\n",
            "a: [b#c]\n",
            "a: b: c\n",
            "a: b:\n",
            "a: -b\n",
            "a: \"b\" c\n",
            "a: [b] c\n",
            "a:\n  b:\n    c:\n      d:\n        e: f\n",   // deeper than the simple composer goes
            "- a\n- b\n",
            "just text\n",
            "a: " + "x".repeat(70_000) + "\n",
            "k".repeat(200) + ": v\n");

    private static Node snakeYaml(String text) {
        return YamlMap.composeWithSnakeYaml(text, new NullResolver());
    }

    private static Node simple(String text) {
        return SimpleComposer.compose(text, new NullResolver());
    }

    @Test
    void composesThePlainShapeAsSnakeYamlDoes() {
        for (String text : SIMPLE) {
            Node node = simple(text);
            assertNotNull(node, () -> "not taken: " + text);
            assertEquals(describe(snakeYaml(text)), describe(node), text);
        }
    }

    @Test
    void leavesEverythingElseToSnakeYaml() {
        for (String text : NOT_SIMPLE) {
            assertNull(simple(text), () -> "taken: " + text);
        }
    }

    @Test
    void composesEveryFrontMatterAndYamlFileOfTheRepositoryAsSnakeYamlDoes() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path folder : List.of(Path.of("content"), Path.of("src/test/resources"), Path.of("src/main/resources"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    if (name.endsWith(".md")) {
                        texts.add(frontMatter(text));
                    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                        texts.add(text);
                    }
                }
            }
        }
        int taken = 0;
        for (String text : texts) {
            taken += check(text) ? 1 : 0;
        }
        assertTrue(texts.size() > 50, "found " + texts.size());
        assertTrue(taken > texts.size() / 2, "took " + taken + " of " + texts.size());
    }

    @Test
    void composesGeneratedTextsAsSnakeYamlDoes() {
        Random random = new Random(20240601);
        int taken = 0;
        int count = 30_000;
        for (int i = 0; i < count; i++) {
            taken += check(generate(random)) ? 1 : 0;
        }
        assertTrue(taken > count / 10, "took " + taken + " of " + count);
    }

    @Test
    void composesMutatedTextsAsSnakeYamlDoes() {
        Random random = new Random(7);
        int taken = 0;
        int count = 30_000;
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(SIMPLE.get(random.nextInt(SIMPLE.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, piece(random));
                    case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(3)));
                    default -> text.replace(at, Math.min(text.length(), at + 1), piece(random));
                }
            }
            taken += check(text.toString()) ? 1 : 0;
        }
        assertTrue(taken > count / 10, "took " + taken + " of " + count);
    }

    /** Whether the simple composer took {@code text}; fails if its tree is not SnakeYAML's. */
    private static boolean check(String text) {
        Node node = simple(text);
        if (node == null) {
            return false;
        }
        Node expected;
        try {
            expected = snakeYaml(text);
        } catch (YAMLException e) {
            fail("SnakeYAML fails where the simple composer does not: " + e.getMessage() + "\n" + text);
            return true;
        }
        assertEquals(describe(expected), describe(node), text);
        return true;
    }

    private static String frontMatter(String text) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.startsWith("---\n")) {
            return normalised;
        }
        int close = normalised.indexOf("\n---", 3);
        return close < 0 ? normalised.substring(4) : normalised.substring(4, close + 1);
    }

    private static final String[] KEYS = {"title", "date", "language", "topics", "summary", "source", "name", "url",
            "a", "b-c", "d_e", "null", "Null", "true", "x1", "a b", "é", "-a", "a:b", "<<", "\"q\"", "k#", ""};
    private static final String[] PIECES = {"a", "b", "Z", "0", "9", " ", "  ", ":", ": ", "#", " #", "\"", "\\", "\t",
            "[", "]", ",", ", ", "-", "- ", "{", "}", "&", "*", "!", "|", ">", "'", "?", "%", "@", "`", ".", "~", "_",
            "/", "+", "é", "ë", "—", "“", "\u2028", "\u2029", "\u0085", "\uFEFF", "\uD83D\uDE00", "\uFFFE", "\r", "\n", "\n  ", "\n\n",
            "null", "~", "---", "...", "\u0001", "\u007F", "\u00A0"};

    private static String piece(Random random) {
        return PIECES[random.nextInt(PIECES.length)];
    }

    /** A random front matter: mostly of the plain shape, with random pieces among its values and lines. */
    private static String generate(Random random) {
        StringBuilder text = new StringBuilder();
        generateMapping(random, text, 0, 0);
        if (random.nextInt(4) == 0 && text.length() > 0) {
            text.setLength(text.length() - 1);   // no final line break
        }
        return text.toString();
    }

    private static void generateMapping(Random random, StringBuilder text, int indent, int depth) {
        for (int entries = 1 + random.nextInt(6); entries > 0; entries--) {
            if (random.nextInt(8) == 0) {
                text.append("\n");
            }
            int shift = random.nextInt(30) == 0 ? random.nextInt(3) - 1 : 0;
            text.append(" ".repeat(Math.max(0, indent + shift)));
            text.append(random.nextInt(5) == 0 ? KEYS[random.nextInt(KEYS.length)] : "k" + random.nextInt(5));
            text.append(':');
            int kind = random.nextInt(10);
            if (kind == 0 && depth < 5) {
                text.append('\n');
                generateMapping(random, text, indent + 1 + random.nextInt(4), depth + 1);
                continue;
            }
            text.append(" ".repeat(random.nextInt(12) == 0 ? random.nextInt(3) : 1));
            if (kind <= 3) {
                text.append('"').append(words(random)).append('"');
            } else if (kind <= 6) {
                text.append(words(random).stripLeading());
            } else if (kind <= 8) {
                text.append('[');
                for (int items = random.nextInt(4); items > 0; items--) {
                    text.append(random.nextBoolean() ? words(random) : "\"" + words(random) + "\"");
                    if (items > 1 || random.nextInt(10) == 0) {
                        text.append(random.nextInt(3) == 0 ? " , " : ", ");
                    }
                }
                text.append(']');
            }
            if (random.nextInt(8) == 0) {
                text.append(" ".repeat(1 + random.nextInt(2)));
            }
            if (random.nextInt(10) == 0) {
                text.append(piece(random));
            }
            text.append('\n');
        }
    }

    private static String words(Random random) {
        StringBuilder words = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            words.append(random.nextInt(5) == 0 ? piece(random) : "w" + random.nextInt(100));
            if (random.nextBoolean()) {
                words.append(' ');
            }
        }
        return words.toString();
    }

    /** All of a node that SnakeYAML's composer sets, one node per line. */
    static String describe(Node node) {
        StringBuilder text = new StringBuilder();
        describe(node, text, "");
        return text.toString();
    }

    private static void describe(Node node, StringBuilder text, String indent) {
        text.append(indent).append(node.getClass().getSimpleName()).append(' ').append(node.getTag())
                .append(" resolved=").append(resolved(node)).append(" anchor=").append(node.getAnchor())
                .append(' ').append(mark(node.getStartMark())).append(" - ").append(mark(node.getEndMark()));
        if (node instanceof ScalarNode scalar) {
            text.append(' ').append(scalar.getScalarStyle()).append(" [").append(scalar.getValue()).append("]\n");
            return;
        }
        text.append(' ').append(((CollectionNode<?>) node).getFlowStyle());
        if (node instanceof MappingNode mapping) {
            text.append(" merged=").append(mapping.isMerged()).append('\n');
            for (NodeTuple tuple : mapping.getValue()) {
                describe(tuple.getKeyNode(), text, indent + "  ");
                describe(tuple.getValueNode(), text, indent + "    ");
            }
        } else {
            text.append('\n');
            for (Node item : ((SequenceNode) node).getValue()) {
                describe(item, text, indent + "  ");
            }
        }
    }

    private static String mark(Mark mark) {
        int[] buffer = mark.getBuffer();
        int pointer = mark.getPointer();
        String at = pointer < buffer.length ? Character.toString(buffer[pointer]) : "end";
        return mark.getName() + "@" + mark.getIndex() + "(" + mark.getLine() + ":" + mark.getColumn() + " '" + at + "')";
    }

    private static boolean resolved(Node node) {
        try {
            Field resolved = Node.class.getDeclaredField("resolved");
            resolved.setAccessible(true);
            return resolved.getBoolean(node);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
