package dev.diligence.bench.portfolio;

import java.util.Random;
import java.util.UUID;

/** Random (version 4) UUIDs drawn from a seeded generator, so a dataset's ids repeat with its seed. */
public final class SeededIds {

    private final Random random;

    public SeededIds(long seed) {
        this.random = new Random(seed);
    }

    public UUID next() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
