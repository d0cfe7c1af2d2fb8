package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One table of the store: its columns in order, how it is partitioned and which columns identify a row for
 * row-level deletes (empty for append-only tables).
 *
 * @param name the table name in the store's namespace (Trino: {@code iceberg.cdp.<name>})
 * @param doc what a row is
 * @param columns the columns the store writes; a table may hold more (added by analysts), which stay null
 * @param partitioning partition fields, outermost first
 * @param equalityColumns the columns an equality delete matches on; empty for append-only tables
 */
public record TableDefinition(
        String name,
        String doc,
        List<Column> columns,
        List<PartitionField> partitioning,
        List<String> equalityColumns) {
    public TableDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(doc, "doc is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        partitioning = List.copyOf(requireNonNull(partitioning, "partitioning is null"));
        equalityColumns = List.copyOf(requireNonNull(equalityColumns, "equalityColumns is null"));
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Table %s repeats column %s".formatted(name, column.name()));
            }
        }
        for (String key : equalityColumns) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("Table %s has no key column %s".formatted(name, key));
            }
        }
        for (PartitionField field : partitioning) {
            if (!names.contains(field.column())) {
                throw new IllegalArgumentException(
                        "Table %s has no partition column %s".formatted(name, field.column()));
            }
        }
    }

    /** How a table is partitioned by one column. */
    public record PartitionField(String column, Transform transform) {
        public PartitionField {
            requireNonNull(column, "column is null");
            requireNonNull(transform, "transform is null");
        }
    }

    /** Iceberg partition transforms the store uses. */
    public enum Transform {
        IDENTITY,
        DAY,
        MONTH
    }

    public Optional<Column> column(String columnName) {
        return columns.stream()
                .filter(column -> column.name().equals(columnName))
                .findFirst();
    }

    public boolean isAppendOnly() {
        return equalityColumns.isEmpty();
    }

    /** This definition with more columns at the end (schema evolution); columns it has already are kept. */
    public TableDefinition withColumns(List<Column> more) {
        List<Column> all = new ArrayList<>(columns);
        for (Column column : more) {
            if (column(column.name()).isEmpty()) {
                all.add(column);
            }
        }
        return new TableDefinition(name, doc, all, partitioning, equalityColumns);
    }
}
