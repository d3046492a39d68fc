package org.tolk.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DatesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Amsterdam"),
            ZoneId.of("Asia/Tehran"), ZoneId.of("America/St_Johns"));

    @Test
    void theCommonFormIsReadAsTheFormatterReadsIt() {
        assertNotNull(Dates.withOffset("2020-11-01T09:17:00+01:00", ZONES.get(1)));
        Random random = new Random(11);
        int quick = 0;
        for (int i = 0; i < 50_000; i++) {
            String value = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%02d:%02d", pick(random, 0, 2024, 9999),
                    pick(random, 1, 12, 13), pick(random, 1, 28, 31), pick(random, 0, 23, 24), pick(random, 0, 59, 60),
                    pick(random, 0, 59, 60), random.nextBoolean() ? "+" : "-", pick(random, 0, 14, 19), pick(random, 0, 59, 60));
            if (random.nextInt(20) == 0) {
                StringBuilder mutated = new StringBuilder(value);
                mutated.setCharAt(random.nextInt(value.length()), "0123456789-+:T Z/".charAt(random.nextInt(17)));
                value = mutated.toString();
            }
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Dates.Parsed full = Dates.parseFully(value.trim(), zone);
            assertEquals(full, Dates.parse(value, zone), value);
            if (Dates.withOffset(value, zone) != null) {
                quick++;
                assertEquals(full.value().orElseThrow(), Dates.withOffset(value, zone), value);
                assertEquals(full.value().orElseThrow().getZone(), Dates.withOffset(value, zone).getZone(), value);
            }
        }
        assertTrue(quick > 10_000, "read quickly: " + quick);
    }

    /** Mostly a value in {@code from..to}, sometimes up to {@code beyond}. */
    private static int pick(Random random, int from, int to, int beyond) {
        return random.nextInt(10) == 0 ? random.nextInt(beyond + 1) : from + random.nextInt(to - from + 1);
    }
}
