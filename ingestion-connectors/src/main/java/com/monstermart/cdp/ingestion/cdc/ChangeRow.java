package com.monstermart.cdp.ingestion.cdc;

import com.monstermart.cdp.ingestion.core.Operation;
import com.monstermart.cdp.ingestion.core.SourceRow;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One Debezium change as a row. Position: {@code lsn=<lsn>} (PostgreSQL) or {@code binlog=<file>:<pos> row=<n>}
 * (MariaDB/MySQL), then {@code table=... key=... op=...}; the message key is the same text, so a replayed change keeps
 * its message id. The payload (the change as text) is only made for dead letters.
 */
final class ChangeRow implements SourceRow {
    private final String table;
    private final Operation operation;
    private final Map<String, Object> after;
    private final Map<String, Object> before;
    private final String position;
    private final Instant time;
    private final java.util.function.Supplier<String> payload;

    ChangeRow(
            String table,
            Operation operation,
            Map<String, Object> after,
            Map<String, Object> before,
            String position,
            Instant time,
            java.util.function.Supplier<String> payload) {
        this.table = table;
        this.operation = operation;
        this.after = after;
        this.before = before;
        this.position = position;
        this.time = time;
        this.payload = payload;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public Object value(String column) {
        Map<String, Object> current = operation == Operation.DELETE || after == null ? before : after;
        return current == null ? null : current.get(column);
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
    public String position() {
        return position;
    }

    @Override
    public Optional<Instant> sourceTime() {
        return Optional.ofNullable(time);
    }

    @Override
    public String payload() {
        return payload.get();
    }
}
