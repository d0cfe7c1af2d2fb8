package com.monstermart.cdp.demoworld.output;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A source table as the generator writes it; mirrors the DDL in {@code src/main/resources/schema/}.
 *
 * @param keyColumns how many leading columns form the primary key
 */
public record TableSpec(Database database, String name, List<Column> columns, int keyColumns) {
    public TableSpec {
        requireNonNull(database, "database is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        if (keyColumns < 1 || keyColumns > columns.size()) {
            throw new IllegalArgumentException("bad key column count for " + name);
        }
    }

    /** Which demo source database a table lives in. */
    public enum Database {
        SHOP,
        POS
    }

    /** How a value is held in a row array and written to the database. */
    public enum Type {
        /** {@link Long}. */
        BIGINT,
        /** {@link Long}. */
        INTEGER,
        /** {@link String}. */
        TEXT,
        /** {@link Boolean}. */
        BOOLEAN,
        /** {@link String} {@code yyyy-MM-dd}. */
        DATE,
        /** {@link Long} epoch milliseconds, UTC. */
        TIMESTAMP,
        /** {@link Long} hundredths (pence). */
        MONEY
    }

    public record Column(String name, Type type) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + name);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
