package org.tolk.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tolk.check.Problem;
import org.tolk.check.Problems;

class YamlMapTest {
    private static YamlMap parse(String text, Problems problems) {
        return YamlMap.parse(text, new YamlMap.YamlSource("f.md", 2, problems)).orElseThrow();
    }

    @Test
    void onlyNullWordsAreAbsentValuesEverythingElseIsTextAsWritten() {
        Problems problems = new Problems();
        YamlMap yaml = parse("""
                a: ~
                b: null
                c:
                d: "~"
                e: no
                f: 2017-07-25
                g: 0x1F
                h: [null, "null", 1.0]
                """, problems);
        assertEquals(Optional.empty(), yaml.string("a"));
        assertEquals(Optional.empty(), yaml.string("b"));
        assertEquals(Optional.empty(), yaml.string("c"));
        assertEquals(Optional.of("~"), yaml.string("d"));
        assertEquals(Optional.of("no"), yaml.string("e"));
        assertEquals(Optional.of("2017-07-25"), yaml.string("f"));
        assertEquals(Optional.of("0x1F"), yaml.string("g"));
        assertEquals(java.util.Arrays.asList(null, "null", "1.0"), yaml.plain("h"));
        assertEquals(List.of(), problems.sorted());
    }

    @Test
    void mergeKeyIsAnOrdinaryKey() {
        Problems problems = new Problems();
        YamlMap yaml = parse("a: 1\n<<: {b: 2}\n", problems);
        assertEquals(List.of("a", "<<"), List.copyOf(yaml.keys()));
        yaml.rejectUnknownKeys(List.of("a"), "field");
        assertEquals(List.of("f.md:3:1: error: unknown field '<<'"),
                problems.sorted().stream().map(Problem::toString).toList());
    }
}
