package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.output.Change.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Splits the row changes of one unit of simulation (a household, the catalogue) into the initial snapshot (the
 * state at the cutoff, bulk-loaded) and the live changes after it (applied in time order). Changes at or after
 * the end of the period never happen.
 */
public final class ChangeRouter {
    private final long cutoff;
    private final long end;
    private final BiConsumer<TableSpec, Object[]> snapshot;
    private final List<Change> live;
    private final Map<Key, Object[]> pending = new LinkedHashMap<>();
    private long sequence;

    private record Key(TableSpec table, Object first, Object second) {}

    public ChangeRouter(long cutoff, long end, BiConsumer<TableSpec, Object[]> snapshot, List<Change> live) {
        this.cutoff = cutoff;
        this.end = end;
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot is null");
        this.live = Objects.requireNonNull(live, "live is null");
    }

    public void insert(TableSpec table, long time, Object[] values) {
        route(table, time, Operation.INSERT, values);
    }

    public void update(TableSpec table, long time, Object[] values) {
        route(table, time, Operation.UPDATE, values);
    }

    public void delete(TableSpec table, long time, Object[] values) {
        route(table, time, Operation.DELETE, values);
    }

    private void route(TableSpec table, long time, Operation operation, Object[] values) {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException("%s expects %d values, got %d"
                    .formatted(table.name(), table.columns().size(), values.length));
        }
        if (time >= end) {
            return;
        }
        Object[] copy = values.clone();
        if (time < cutoff) {
            Key key = new Key(table, copy[0], table.keyColumns() > 1 ? copy[1] : null);
            switch (operation) {
                case INSERT, UPDATE -> pending.put(key, copy);
                case DELETE -> pending.remove(key);
            }
        } else {
            synchronized (live) {
                live.add(new Change(time, sequence++, table, operation, copy));
            }
        }
    }

    /** Hands the snapshot rows of this unit to the bulk sink (in first-insert order) and forgets them. */
    public void flush() {
        for (Map.Entry<Key, Object[]> entry : pending.entrySet()) {
            snapshot.accept(entry.getKey().table(), entry.getValue());
        }
        pending.clear();
    }
}
