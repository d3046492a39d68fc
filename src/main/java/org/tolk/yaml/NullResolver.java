package org.tolk.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves the one implicit type {@link YamlMap} reads from a tag: null. Every other plain scalar is a
 * string ({@code Tag.STR}), since Tolk reads all scalars as written and types them itself.
 *
 * <p>SnakeYAML's own resolver matches every plain scalar against regular expressions for booleans,
 * numbers and timestamps, and builds its table of them for each document: a fifth of the time spent
 * composing front matter (JFR, 10,000-story corpus). The merge key {@code <<} is not resolved either:
 * it marks a mapping as merged, which only a constructor or {@code mergeOnCompose} act on; Tolk uses
 * neither, so {@code <<} stays an ordinary (unknown) key, as it was.
 */
final class NullResolver extends Resolver {

    @Override
    protected void addImplicitResolvers() {
        // none: resolve() below decides
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar) {
            return implicit && isNullWord(value) ? Tag.NULL : Tag.STR;
        }
        return kind == NodeId.sequence ? Tag.SEQ : Tag.MAP;
    }

    /** What SnakeYAML's NULL and EMPTY patterns match: {@code ^(?:~|null|Null|NULL| )$} and {@code ^$}. */
    static boolean isNullWord(String value) {
        return switch (value) {
            case "", "~", "null", "Null", "NULL", " " -> true;
            default -> false;
        };
    }
}
