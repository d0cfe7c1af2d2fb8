package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a table, values in the order of the table definition's columns. {@link #set} checks the column
 * exists and the value has the column's Java type, so a wrong row fails where it is built rather than in Parquet.
 */
public final class Row {
    private final TableDefinition table;
    private final Map<String, Integer> positions;
    private final Object[] values;

    private Row(Layout layout) {
        this.table = layout.table;
        this.positions = layout.positions;
        this.values = new Object[table.columns().size()];
    }

    /** A new empty row; keep the layout of a table in a field and reuse it. */
    public static Row of(Layout layout) {
        return new Row(requireNonNull(layout, "layout is null"));
    }

    public static Layout layout(TableDefinition table) {
        return new Layout(table);
    }

    /** Where each column of a table sits in its rows. */
    public static final class Layout {
        private final TableDefinition table;
        private final Map<String, Integer> positions;

        private Layout(TableDefinition table) {
            this.table = requireNonNull(table, "table is null");
            Map<String, Integer> byName = new HashMap<>();
            List<Column> columns = table.columns();
            for (int i = 0; i < columns.size(); i++) {
                byName.put(columns.get(i).name(), i);
            }
            this.positions = Map.copyOf(byName);
        }

        public TableDefinition table() {
            return table;
        }

        /** The position of a column in rows of this layout. */
        public int position(String column) {
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException("Table %s has no column %s".formatted(table.name(), column));
            }
            return position;
        }
    }

    public TableDefinition table() {
        return table;
    }

    /**
     * Sets the column at a position of {@link Layout#position}: the fast path for rows built in bulk. The value must
     * have the column's Java type (checked only by {@link #set(String, Object)}).
     */
    public Row set(int position, Object value) {
        values[position] = value;
        return this;
    }

    /** Sets a column; null leaves it empty. */
    public Row set(String column, Object value) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("Table %s has no column %s".formatted(table.name(), column));
        }
        if (value != null) {
            Class<?> expected = table.columns().get(position).type().javaType();
            if (!expected.isInstance(value)) {
                throw new IllegalArgumentException("Column %s.%s takes %s, not %s"
                        .formatted(
                                table.name(),
                                column,
                                expected.getSimpleName(),
                                value.getClass().getSimpleName()));
            }
        }
        values[position] = value;
        return this;
    }

    public Object get(String column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("Table %s has no column %s".formatted(table.name(), column));
        }
        return values[position];
    }

    /** The value of the column at this position of the table definition. */
    public Object get(int position) {
        return values[position];
    }

    /** Checks that every required column has a value. */
    public Row requireComplete() {
        List<Column> columns = table.columns();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && columns.get(i).isRequired()) {
                throw new IllegalStateException("Row of %s lacks required column %s"
                        .formatted(table.name(), columns.get(i).name()));
            }
        }
        return this;
    }
}
