package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A row held as maps: file rows, previews and tests.
 *
 * @param table the table or pattern name
 * @param operation what happened
 * @param values the after image (or the before image for deletes)
 * @param before the before image, or null when unknown
 * @param position where in the source
 * @param time when it happened at the source, or null
 * @param payload the input as text
 */
public record MapRow(
        String table,
        Operation operation,
        Map<String, Object> values,
        Map<String, Object> before,
        String position,
        Instant time,
        String payload)
        implements SourceRow {
    public MapRow {
        requireNonNull(table, "table is null");
        requireNonNull(operation, "operation is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        before = before == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(before));
        requireNonNull(position, "position is null");
        requireNonNull(payload, "payload is null");
    }

    /** An inserted row without before image or source time. */
    public static MapRow insert(String table, Map<String, Object> values, String position, String payload) {
        return new MapRow(table, Operation.INSERT, values, null, position, null, payload);
    }

    @Override
    public Object value(String column) {
        Object value = values.get(column);
        if (value == null && !values.containsKey(column)) {
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                if (entry.getKey().strip().equalsIgnoreCase(column)) {
                    return entry.getValue();
                }
            }
        }
        return value;
    }

    @Override
    public Object before(String column) {
        return before == null ? null : before.get(column);
    }

    @Override
    public boolean beforeKnown() {
        return before != null;
    }

    @Override
    public Optional<Instant> sourceTime() {
        return Optional.ofNullable(time);
    }
}
