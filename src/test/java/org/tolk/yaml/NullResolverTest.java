package org.tolk.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

class NullResolverTest {
    private static final List<String> VALUES = List.of("", " ", "~", "null", "Null", "NULL", "nULL", "nul", "nulls",
            "~~", " ~", "no", "No", "yes", "true", "off", "0", "-1", "1.5", ".inf", "0x1F", "2017-07-25",
            "2017-07-25T01:03:00+02:00", "<<", "=", "!", "&", "*", "nl", "Telegram");

    @Test
    void nullIsResolvedAsSnakeYamlResolvesIt() {
        Resolver full = new Resolver();
        Resolver nulls = new NullResolver();
        for (String value : VALUES) {
            for (boolean implicit : new boolean[] {true, false}) {
                boolean expected = full.resolve(NodeId.scalar, value, implicit).equals(Tag.NULL);
                Tag tag = nulls.resolve(NodeId.scalar, value, implicit);
                assertEquals(expected ? Tag.NULL : Tag.STR, tag, "'" + value + "', implicit " + implicit);
            }
        }
        assertEquals(Tag.SEQ, nulls.resolve(NodeId.sequence, null, true));
        assertEquals(Tag.MAP, nulls.resolve(NodeId.mapping, null, true));
    }
}
