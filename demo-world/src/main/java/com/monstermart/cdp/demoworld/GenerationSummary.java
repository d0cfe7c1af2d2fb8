package com.monstermart.cdp.demoworld;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run generated.
 *
 * @param persons true persons
 * @param recordsBySource truth records per source ({@code shop.customers}, {@code pos.loyalty_members}, ...)
 * @param expectedDuplicates per source, records minus distinct persons; key {@code profiles} for all sources
 *     that carry contact details together (accounts, loyalty cards, guest orders, tickets)
 * @param rowsByTable rows in each source table after the run (initial load plus live inserts minus deletes)
 * @param liveChanges inserts, updates and deletes applied after the initial load
 * @param segmentEvents Segment events written (NDJSON)
 * @param segmentEventsPosted Segment events posted to the collector
 * @param files the files written, relative names in the drop directory or the output directory
 */
public record GenerationSummary(
        long persons,
        Map<String, Long> recordsBySource,
        Map<String, Long> expectedDuplicates,
        Map<String, Long> rowsByTable,
        long liveChanges,
        long segmentEvents,
        long segmentEventsPosted,
        List<Path> files,
        Duration elapsed) {
    public GenerationSummary {
        recordsBySource = Map.copyOf(requireNonNull(recordsBySource, "recordsBySource is null"));
        expectedDuplicates = Map.copyOf(requireNonNull(expectedDuplicates, "expectedDuplicates is null"));
        rowsByTable = Map.copyOf(requireNonNull(rowsByTable, "rowsByTable is null"));
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(elapsed, "elapsed is null");
    }
}
