package com.monstermart.cdp.event;

import java.util.Optional;

/** Where a source's events come from; {@link #wireName()} is the JSON value of {@code context.source.kind}. */
public enum SourceKind {
    /** The Segment-compatible HTTP collector. */
    HTTP("http"),
    /** Change data capture from PostgreSQL (Debezium, pgoutput). */
    POSTGRES("postgres"),
    /** Change data capture from MariaDB (Debezium, binary log). */
    MARIADB("mariadb"),
    /** Change data capture from MySQL (Debezium, binary log). */
    MYSQL("mysql"),
    /** Files dropped in a directory or an S3-compatible bucket. */
    FILE("file");

    private final String wireName;

    SourceKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind for a JSON value, case-insensitive; empty when unknown. */
    public static Optional<SourceKind> fromWireName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (SourceKind kind : values()) {
            if (kind.wireName.equalsIgnoreCase(value.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
