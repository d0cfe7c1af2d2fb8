package com.monstermart.cdp.ingestion.registry;

import java.util.List;

/**
 * The result of testing a source's connection.
 *
 * @param ok whether the source can run
 * @param checks one line per check, {@code ok: ...} or {@code problem: ...}
 */
public record ConnectionTest(boolean ok, List<String> checks) {
    public ConnectionTest {
        checks = List.copyOf(checks);
    }
}
