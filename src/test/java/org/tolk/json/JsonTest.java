package org.tolk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** JSON as pages embed it (compact, safe inside a script element) and as commands print it (pretty). */
class JsonTest {
    @Test
    void stringsAreEscapedWhereverTheCharacterIs() {
        assertEquals("\"Iran News “quoted” – é 😀\"", Json.compact("Iran News “quoted” – é 😀"));
        assertEquals("\"\\\"a\\\\b\\nc\\rd\\te\\u0001f\\u2028g\\u2029\"", Json.compact("\"a\\b\nc\rd\te\u0001f\u2028g\u2029"));
        assertEquals("\"\\\"start\"", Json.compact("\"start"));
        assertEquals("\"end\\n\"", Json.compact("end\n"));
        assertEquals("\"\"", Json.compact(""));
    }

    @Test
    void compactJsonCannotCloseTheScriptElementItIsIn() {
        assertEquals("\"\\u003c/script\\u003e \\u0026 more\"", Json.compact("</script> & more"));
        assertEquals("\"</script> & more\"\n", Json.pretty("</script> & more"), "printed, not embedded: left readable");
    }

    @Test
    void mapsListsAndNumbers() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "Sara");
        map.put("tags", List.of("a<b", 3, true));
        map.put("none", null);
        assertEquals("{\"name\":\"Sara\",\"tags\":[\"a\\u003cb\",3,true],\"none\":null}", Json.compact(map));
        assertEquals("{\n  \"name\": \"Sara\",\n  \"tags\": [\n    \"a<b\",\n    3,\n    true\n  ],\n  \"none\": null\n}\n", Json.pretty(map));
    }
}
