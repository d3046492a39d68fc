package org.tolk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LayeredMapTest {

    /** Rebuild after rebuild, each laying a few changes over the last: always the map a copy would give. */
    @Test
    void layersOverLayersAreTheMapACopyWouldBe() {
        Random random = new Random(7);
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            expected.put("page-" + i, i);
        }
        Map<String, Integer> layered = Map.copyOf(expected);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> changes = new HashMap<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                // mostly existing pages, now and then a new one
                String key = "page-" + random.nextInt(random.nextInt(10) == 0 ? 4_000 : 2_000);
                changes.put(key, random.nextInt());
            }
            expected.putAll(changes);
            layered = LayeredMap.of(layered, changes);

            assertEquals(expected.size(), layered.size());
            assertEquals(expected, layered);
            assertEquals(expected.hashCode(), layered.hashCode());
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, Integer> entry : layered.entrySet()) {
                assertTrue(seen.add(entry.getKey()), "listed twice: " + entry.getKey());
                assertEquals(expected.get(entry.getKey()), entry.getValue());
            }
            assertFalse(layered.containsKey("page-9999"));
            assertEquals(null, layered.get("page-9999"));
        }
    }

    @Test
    void noChangesAreTheBaseAndManyAreAPlainMap() {
        Map<String, Integer> base = Map.of("a", 1, "b", 2);
        assertTrue(LayeredMap.of(base, Map.of()) == base);
        Map<String, Integer> many = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("n" + i, i);
        }
        Map<String, Integer> merged = LayeredMap.of(base, many);
        assertFalse(merged instanceof LayeredMap, "more changes than an eighth of the base: copied");
        assertEquals(102, merged.size());
        assertEquals(2, merged.get("b"));
    }
}
