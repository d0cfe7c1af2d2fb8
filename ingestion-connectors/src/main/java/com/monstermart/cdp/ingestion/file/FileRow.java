package com.monstermart.cdp.ingestion.file;

import com.monstermart.cdp.ingestion.core.Operation;
import com.monstermart.cdp.ingestion.core.SourceRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A row of a file: CSV fields by header name, or a JSON object (nested fields as {@code a.b}). Positions are
 * {@code file=<name> line=<n>}; message keys {@code file=<name>/sha=<fingerprint>/line=<n>}: the same file read again
 * (after a crash, or when its state is rewound) keeps its message ids, and two files never share one.
 */
final class FileRow implements SourceRow {
    private final String table;
    private final Columns columns;
    private final String[] fields;
    private final Map<String, Object> json;
    private final String position;
    private final String messageKey;
    private final String payload;

    private FileRow(
            String table,
            Columns columns,
            String[] fields,
            Map<String, Object> json,
            String position,
            String messageKey,
            String payload) {
        this.table = table;
        this.columns = columns;
        this.fields = fields;
        this.json = json;
        this.position = position;
        this.messageKey = messageKey;
        this.payload = payload;
    }

    static FileRow delimited(
            String table, Columns columns, String[] fields, String position, String messageKey, String payload) {
        return new FileRow(table, columns, fields, null, position, messageKey, payload);
    }

    static FileRow json(String table, Map<String, Object> json, String position, String messageKey, String payload) {
        return new FileRow(table, null, null, json, position, messageKey, payload);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public Operation operation() {
        return Operation.INSERT;
    }

    @Override
    public Object value(String column) {
        if (fields != null) {
            int index = columns.index(column);
            return index < 0 || index >= fields.length ? null : fields[index];
        }
        Object value = json.get(column);
        if (value != null || json.containsKey(column)) {
            return value;
        }
        Object node = json;
        for (String part : column.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    @Override
    public Object before(String column) {
        return null;
    }

    @Override
    public boolean beforeKnown() {
        return false;
    }

    @Override
    public String position() {
        return position;
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Optional<Instant> sourceTime() {
        return Optional.empty();
    }

    @Override
    public String payload() {
        return payload;
    }

    /** Column names of a CSV header, looked up exactly, then ignoring case and surrounding spaces. */
    static final class Columns {
        private final List<String> names;
        private final Map<String, Integer> exact = new java.util.HashMap<>();
        private final Map<String, Integer> loose = new java.util.HashMap<>();

        Columns(List<String> names) {
            this.names = List.copyOf(names);
            for (int i = 0; i < names.size(); i++) {
                exact.putIfAbsent(names.get(i), i);
                loose.putIfAbsent(names.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
            }
        }

        List<String> names() {
            return names;
        }

        int size() {
            return names.size();
        }

        int index(String column) {
            Integer index = exact.get(column);
            if (index == null) {
                index = loose.get(column.strip().toLowerCase(java.util.Locale.ROOT));
            }
            return index == null ? -1 : index;
        }
    }
}
