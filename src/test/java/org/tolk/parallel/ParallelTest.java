package org.tolk.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** Every index once, whatever the number of threads; a failing task is thrown to the caller. */
class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnce() {
        for (int count : new int[] {0, 1, 2, 3, 10_000}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            Parallel.forEach(count, i -> runs.incrementAndGet(i));
            for (int i = 0; i < count; i++) {
                assertEquals(1, runs.get(i), "index " + i + " of " + count);
            }
        }
    }

    @Test
    void aFailingTaskIsThrownToTheCaller() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forEach(1_000, i -> {
            if (i == 10) {
                throw new IllegalStateException("page 10");
            }
        }));
        // Thrown on a pool thread, it reaches the caller as the fork-join pool rethrows it: the same type, its
        // message with the original's type in front.
        assertTrue(thrown.getMessage().endsWith("page 10"), thrown.getMessage());
    }
}
