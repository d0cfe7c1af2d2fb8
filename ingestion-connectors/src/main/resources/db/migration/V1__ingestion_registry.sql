-- Ingestion connectors: source registry, file positions, status, Debezium offsets and schema history.
-- Schema "ingestion" in the platform database; owned by ingestion-connectors.

CREATE TABLE sources (
    id             TEXT        PRIMARY KEY,
    kind           TEXT        NOT NULL,
    spec           JSONB       NOT NULL,
    desired_state  TEXT        NOT NULL CHECK (desired_state IN ('ACTIVE', 'PAUSED')),
    write_key_hash TEXT        UNIQUE,
    origin         TEXT        NOT NULL,
    origin_hash    TEXT,
    version        BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Who changed which source how (operators' actions and definition files).
CREATE TABLE source_audit (
    seq        BIGSERIAL   PRIMARY KEY,
    source_id  TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    actor      TEXT        NOT NULL,
    details    TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX source_audit_source_idx ON source_audit (source_id, seq);

-- How far each file of a file source has been read and acknowledged.
CREATE TABLE file_states (
    source_id          TEXT        NOT NULL,
    file_key           TEXT        NOT NULL,
    fingerprint        TEXT        NOT NULL,
    fingerprint_length INTEGER     NOT NULL,
    byte_offset        BIGINT      NOT NULL,
    records            BIGINT      NOT NULL,
    size               BIGINT      NOT NULL,
    header             JSONB       NOT NULL,
    complete           BOOLEAN     NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_id, file_key)
);

-- Debezium's JDBC offset store, one row set per source (the SQL is configured per source).
CREATE TABLE debezium_offsets (
    source_id         TEXT        NOT NULL,
    id                VARCHAR(36) NOT NULL,
    offset_key        TEXT,
    offset_val        TEXT,
    record_insert_ts  TIMESTAMP   NOT NULL,
    record_insert_seq INTEGER     NOT NULL,
    PRIMARY KEY (source_id, id)
);

-- Debezium's JDBC schema history (MariaDB/MySQL), one row set per source.
CREATE TABLE debezium_schema_history (
    source_id         TEXT        NOT NULL,
    id                VARCHAR(36) NOT NULL,
    history_data      TEXT,
    history_data_seq  INTEGER     NOT NULL,
    record_insert_ts  TIMESTAMP   NOT NULL,
    record_insert_seq INTEGER     NOT NULL,
    PRIMARY KEY (source_id, id, history_data_seq)
);
