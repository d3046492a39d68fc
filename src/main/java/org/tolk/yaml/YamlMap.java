package org.tolk.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tolk.check.Problems;
import org.tolk.check.Suggestions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read as a tree of strings with positions, for site.yaml and front matter.
 *
 * <p>Why not SnakeYAML's {@code load}: its YAML 1.1 resolver turns {@code no} (Norwegian) into
 * {@code false} and unquoted dates into {@code java.util.Date}. Tolk composes the node tree only, reads
 * every scalar as the string the user wrote, and parses dates, numbers and booleans itself with the
 * key's line and column at hand. Parsing is limited (aliases, nesting, size) so that a hostile
 * document ("billion laughs") is an error, not a hang.
 */
public final class YamlMap {
    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 30;
    private static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

    private record Entry(ScalarNode key, Node value) {
    }

    private final YamlSource source;
    private final Map<String, Entry> entries;
    private final Node node;

    private YamlMap(YamlSource source, Node node, Map<String, Entry> entries) {
        this.source = source;
        this.node = node;
        this.entries = entries;
    }

    /**
     * Parses {@code text} as one YAML document that must be a mapping. Problems (syntax errors, limits,
     * a document that is not a mapping, duplicate keys) are reported through {@code source}.
     * An empty document is an empty mapping.
     */
    public static Optional<YamlMap> parse(String text, YamlSource source) {
        Node root;
        try {
            Resolver resolver = new NullResolver();
            Node simple = SimpleComposer.compose(text, resolver);
            root = simple != null ? simple : composeWithSnakeYaml(text, resolver);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            source.error(mark, "invalid YAML: " + problem + context);
            return Optional.empty();
        } catch (YAMLException e) {
            source.error(null, "invalid YAML: " + firstLine(e.getMessage()));
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(new YamlMap(source, null, Map.of()));
        }
        return of(root, source);
    }

    /** The node tree of {@code text} as SnakeYAML's composer builds it, within the limits above. */
    static Node composeWithSnakeYaml(String text, Resolver resolver) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        // Only the composer: no object construction at all, so no class can be instantiated from YAML tags,
        // and none of the set-up a full Yaml object needs for each of thousands of front matters.
        return new Composer(new ParserImpl(new StreamReader(text), options), resolver, options).getSingleNode();
    }

    private static Optional<YamlMap> of(Node node, YamlSource source) {
        if (!(node instanceof MappingNode mapping)) {
            source.error(node.getStartMark(), "expected a mapping of keys to values, found " + describe(node));
            return Optional.empty();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                source.error(tuple.getKeyNode().getStartMark(), "a key must be a plain word, found " + describe(tuple.getKeyNode()));
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                source.error(key.getStartMark(), "duplicate key '" + key.getValue() + "' (first at line "
                        + source.line(entries.get(key.getValue()).key().getStartMark()) + ")");
                continue;
            }
            entries.put(key.getValue(), new Entry(key, tuple.getValueNode()));
        }
        return Optional.of(new YamlMap(source, node, entries));
    }

    public YamlSource source() {
        return source;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Reports every key not in {@code known}, with a "did you mean …?" where one is close. */
    public void rejectUnknownKeys(Collection<String> known, String what) {
        for (Entry entry : entries.values()) {
            String key = entry.key().getValue();
            if (!known.contains(key)) {
                source.error(entry.key().getStartMark(), "unknown " + what + " '" + key + "'"
                        + Suggestions.didYouMean(key, known));
            }
        }
    }

    /** The scalar at {@code key} as written, or empty if absent or null. Reports a problem for a list or mapping. */
    public Optional<String> string(String key) {
        Entry entry = entries.get(key);
        if (entry == null || isNull(entry.value())) {
            return Optional.empty();
        }
        if (entry.value() instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        source.error(entry.value().getStartMark(), "'" + key + "' must be a single value, found " + describe(entry.value()));
        return Optional.empty();
    }

    /** A scalar or a list of scalars at {@code key}, as a list; empty if absent. */
    public List<String> strings(String key) {
        Entry entry = entries.get(key);
        if (entry == null || isNull(entry.value())) {
            return List.of();
        }
        if (entry.value() instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        if (entry.value() instanceof SequenceNode sequence) {
            List<String> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar) {
                    values.add(scalar.getValue());
                } else {
                    source.error(item.getStartMark(), "'" + key + "' must list single values, found " + describe(item));
                }
            }
            return List.copyOf(values);
        }
        source.error(entry.value().getStartMark(), "'" + key + "' must be a value or a list of values, found a mapping");
        return List.of();
    }

    /** The mapping at {@code key}, or empty if absent; reports a problem if it is not a mapping. */
    public Optional<YamlMap> map(String key) {
        Entry entry = entries.get(key);
        if (entry == null || isNull(entry.value())) {
            return Optional.empty();
        }
        if (!(entry.value() instanceof MappingNode)) {
            source.error(entry.value().getStartMark(), "'" + key + "' must be a mapping of keys to values, found " + describe(entry.value()));
            return Optional.empty();
        }
        return of(entry.value(), source);
    }

    /** True when the value at {@code key} is a single value (possibly empty). */
    public boolean isScalar(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.value() instanceof ScalarNode;
    }

    /** True when the value at {@code key} is a mapping (as opposed to a scalar). */
    public boolean isMap(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.value() instanceof MappingNode;
    }

    /** The value at {@code key} as plain Java data (maps, lists, strings), for free-form {@code extra:} fields. */
    public Object plain(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : plain(entry.value(), 0);
    }

    private static Object plain(Node node, int depth) {
        if (depth > MAX_NESTING) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return isNull(scalar) ? null : scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(plain(item, depth + 1)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                map.put(key.getValue(), plain(tuple.getValueNode(), depth + 1));
            }
        }
        return map;
    }

    /** Line of the key (1-based, in the file). */
    public int line(String key) {
        Entry entry = entries.get(key);
        return entry == null ? line() : source.line(entry.key().getStartMark());
    }

    public int column(String key) {
        Entry entry = entries.get(key);
        return entry == null ? column() : source.column(entry.key().getStartMark());
    }

    /** Line of this mapping itself. */
    public int line() {
        return node == null ? source.line(null) : source.line(node.getStartMark());
    }

    public int column() {
        return node == null ? 1 : source.column(node.getStartMark());
    }

    /** Reports an error at {@code key}'s value (or at the mapping if the key is absent). */
    public void errorAt(String key, String message) {
        Entry entry = entries.get(key);
        source.error(entry == null ? (node == null ? null : node.getStartMark()) : entry.value().getStartMark(), message);
    }

    public void warningAt(String key, String message) {
        Entry entry = entries.get(key);
        source.warning(entry == null ? (node == null ? null : node.getStartMark()) : entry.value().getStartMark(), message);
    }

    /** Reports an error at the key itself, for problems with the key rather than its value. */
    public void errorAtKey(String key, String message) {
        Entry entry = entries.get(key);
        source.error(entry == null ? (node == null ? null : node.getStartMark()) : entry.key().getStartMark(), message);
    }

    /** Position of the value at {@code key}: {line, column}. */
    public int[] valuePosition(String key) {
        Entry entry = entries.get(key);
        Mark mark = entry == null ? (node == null ? null : node.getStartMark()) : entry.value().getStartMark();
        return new int[] {source.line(mark), source.column(mark)};
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null")
                && (scalar.getValue().isEmpty() || scalar.getValue().equals("~") || scalar.getValue().equalsIgnoreCase("null"));
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable document";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Reports problems for one YAML text embedded at a known line of a file. */
    public record YamlSource(String path, int firstLine, Problems problems) {
        public int line(Mark mark) {
            return mark == null ? firstLine : firstLine + mark.getLine();
        }

        public int column(Mark mark) {
            return mark == null ? 1 : mark.getColumn() + 1;
        }

        public void error(Mark mark, String message) {
            problems.error(path, line(mark), column(mark), message);
        }

        public void warning(Mark mark, String message) {
            problems.warning(path, line(mark), column(mark), message);
        }
    }
}
