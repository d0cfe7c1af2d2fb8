package com.monstermart.cdp.demoworld.core;

import com.monstermart.cdp.demoworld.output.ChangeRouter;
import com.monstermart.cdp.demoworld.output.TableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A row that several independent parts of a life change (a move, a consent change, loyalty points): patches are
 * collected and, at the end, applied in time order so that every UPDATE carries the cumulative row.
 */
final class RowTimeline {
    private record Patch(long time, int order, Object[] pairs) {}

    private final TableSpec table;
    private final Object[] base;
    private final int updatedAt;
    private final List<Patch> patches = new ArrayList<>();

    RowTimeline(TableSpec table, Object[] base) {
        this.table = table;
        this.base = base.clone();
        this.updatedAt = table.index("updated_at");
    }

    /** The row as inserted. */
    Object value(int index) {
        return base[index];
    }

    /** Sets columns (index, value, index, value...) at this time. */
    void patch(long time, Object... pairs) {
        patches.add(new Patch(time, patches.size(), pairs.clone()));
    }

    void flush(ChangeRouter rows) {
        patches.sort(Comparator.comparingLong(Patch::time).thenComparingInt(Patch::order));
        Object[] current = base.clone();
        for (Patch patch : patches) {
            for (int i = 0; i < patch.pairs().length; i += 2) {
                current[(Integer) patch.pairs()[i]] = patch.pairs()[i + 1];
            }
            current[updatedAt] = patch.time();
            rows.update(table, patch.time(), current);
        }
        patches.clear();
    }
}
