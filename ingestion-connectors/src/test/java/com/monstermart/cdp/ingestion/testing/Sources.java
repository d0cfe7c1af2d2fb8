package com.monstermart.cdp.ingestion.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Unique source ids for tests sharing one service. */
public final class Sources {
    private Sources() {}

    public static String uniqueId(String prefix) {
        return "%s-%08x".formatted(prefix, ThreadLocalRandom.current().nextInt() & 0x7fffffff);
    }
}
