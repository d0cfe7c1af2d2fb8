package com.monstermart.cdp.demoworld.output;

import static java.util.Objects.requireNonNull;

/**
 * A row change in a source database at a simulated time.
 *
 * @param sequence emission order, to keep changes at the same millisecond in causal order
 * @param values the whole row after the change (for a delete: the row as it was)
 */
public record Change(long time, long sequence, TableSpec table, Operation operation, Object[] values) {
    public Change {
        requireNonNull(table, "table is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(values, "values is null");
    }

    /** What happened to the row. */
    public enum Operation {
        INSERT,
        UPDATE,
        DELETE
    }
}
