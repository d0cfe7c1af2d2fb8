package com.monstermart.cdp.ingestion.cdc;

import static java.util.Objects.requireNonNull;

/**
 * Where Debezium keeps offsets and schema history: the platform database (tables
 * {@code ingestion.debezium_offsets} and {@code ingestion.debezium_schema_history}).
 */
public record CdcStorage(String jdbcUrl, String user, String password) {
    public CdcStorage {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }
}
