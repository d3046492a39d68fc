package org.tolk.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void aNameThatIsASlugAlreadyIsKeptAsTheFullWayKeepsIt() {
        assertTrue(Slugs.isSlugAlready("network-border-arrested-city-from-executed"));
        String[] pieces = {"a", "z", "0", "9", "-", "--", "A", "é", "ß", "_", " ", ".", "ش", "\u0301", "x".repeat(30)};
        Random random = new Random(3);
        int kept = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(random.nextInt(4) == 0 ? pieces[random.nextInt(pieces.length)] : pieces[random.nextInt(5)]);
            }
            String name = text.toString();
            assertEquals(Slugs.fold(name), Slugs.of(name), name);
            kept += Slugs.isSlugAlready(name) ? 1 : 0;
        }
        assertTrue(kept > 5_000, "kept: " + kept);
    }
}
