package com.monstermart.cdp.ingestion.cdc;

import com.monstermart.cdp.ingestion.core.DatabaseSpec;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import java.util.Properties;

/** The embedded engine's properties for a source: connector, offsets and schema history in PostgreSQL. */
public final class DebeziumProperties {
    private DebeziumProperties() {}

    public static Properties of(SourceSpec spec, CdcStorage storage, CdcTuning tuning) {
        DatabaseSpec database = spec.database();
        String id = spec.id();
        Properties properties = new Properties();
        properties.setProperty("name", id);
        properties.setProperty("topic.prefix", id);
        properties.setProperty("database.hostname", database.host());
        properties.setProperty("database.port", Integer.toString(CdcNames.port(spec)));
        properties.setProperty("database.user", database.user());
        properties.setProperty("database.password", database.password() == null ? "" : database.password());
        properties.setProperty(
                "table.include.list", String.join(",", spec.tables().keySet()));
        properties.setProperty("snapshot.mode", database.snapshot());
        properties.setProperty("poll.interval.ms", Integer.toString(tuning.pollIntervalMs()));
        properties.setProperty("max.batch.size", Integer.toString(tuning.maxBatchSize()));
        properties.setProperty("max.queue.size", Integer.toString(tuning.maxQueueSize()));
        properties.setProperty(
                "offset.flush.interval.ms",
                Long.toString(tuning.offsetFlushInterval().toMillis()));
        properties.setProperty("decimal.handling.mode", "precise");
        properties.setProperty("tombstones.on.delete", "false");
        properties.setProperty("provide.transaction.metadata", "false");
        properties.setProperty("errors.max.retries", "3");
        // offsets: one row set per source in ingestion.debezium_offsets
        properties.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        properties.setProperty("offset.storage.jdbc.connection.url", storage.jdbcUrl());
        properties.setProperty("offset.storage.jdbc.connection.user", storage.user());
        properties.setProperty("offset.storage.jdbc.connection.password", storage.password());
        properties.setProperty("offset.storage.jdbc.table.name", "debezium_offsets");
        properties.setProperty(
                "offset.storage.jdbc.table.select",
                "SELECT id, offset_key, offset_val FROM ingestion.debezium_offsets WHERE source_id = '" + id
                        + "' ORDER BY record_insert_ts, record_insert_seq");
        properties.setProperty(
                "offset.storage.jdbc.table.delete",
                "DELETE FROM ingestion.debezium_offsets WHERE source_id = '" + id + "'");
        properties.setProperty(
                "offset.storage.jdbc.table.insert",
                "INSERT INTO ingestion.debezium_offsets (id, offset_key, offset_val, record_insert_ts, record_insert_seq, source_id)"
                        + " VALUES (?, ?, ?, ?, ?, '" + id + "')");
        switch (spec.kind()) {
            case POSTGRES -> {
                properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
                properties.setProperty("database.dbname", database.database());
                properties.setProperty("plugin.name", "pgoutput");
                properties.setProperty("slot.name", CdcNames.slot(spec));
                properties.setProperty("publication.name", CdcNames.publication(spec));
                properties.setProperty("publication.autocreate.mode", "filtered");
                properties.setProperty("include.unknown.datatypes", "false");
            }
            case MARIADB, MYSQL -> {
                properties.setProperty(
                        "connector.class",
                        spec.kind() == com.monstermart.cdp.event.SourceKind.MARIADB
                                ? "io.debezium.connector.mariadb.MariaDbConnector"
                                : "io.debezium.connector.mysql.MySqlConnector");
                properties.setProperty("database.server.id", Long.toString(CdcNames.serverId(spec)));
                properties.setProperty("database.include.list", database.database());
                properties.setProperty("include.schema.changes", "false");
                properties.setProperty("snapshot.locking.mode", "none");
                properties.setProperty("database.ssl.mode", "disable");
                properties.setProperty("schema.history.internal", "io.debezium.storage.jdbc.history.JdbcSchemaHistory");
                properties.setProperty("schema.history.internal.jdbc.connection.url", storage.jdbcUrl());
                properties.setProperty("schema.history.internal.jdbc.connection.user", storage.user());
                properties.setProperty("schema.history.internal.jdbc.connection.password", storage.password());
                properties.setProperty("schema.history.internal.jdbc.table.name", "debezium_schema_history");
                properties.setProperty(
                        "schema.history.internal.jdbc.table.select",
                        "SELECT id, history_data, history_data_seq, record_insert_ts, record_insert_seq"
                                + " FROM ingestion.debezium_schema_history WHERE source_id = '" + id
                                + "' ORDER BY record_insert_ts, record_insert_seq, id, history_data_seq");
                properties.setProperty(
                        "schema.history.internal.jdbc.table.insert",
                        "INSERT INTO ingestion.debezium_schema_history"
                                + " (id, history_data, history_data_seq, record_insert_ts, record_insert_seq, source_id)"
                                + " VALUES (?, ?, ?, ?, ?, '" + id + "')");
                properties.setProperty(
                        "schema.history.internal.jdbc.table.exists",
                        "SELECT * FROM ingestion.debezium_schema_history WHERE source_id = '" + id + "' LIMIT 1");
                properties.setProperty("schema.history.internal.store.only.captured.tables.ddl", "true");
            }
            default -> throw new IllegalArgumentException("Source " + id + " is not a CDC source");
        }
        database.debezium().forEach(properties::setProperty);
        return properties;
    }
}
