package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Connection and CDC settings of a database source.
 *
 * @param host database host
 * @param port database port (default 5432 for PostgreSQL, 3306 for MariaDB/MySQL)
 * @param database the database to capture
 * @param user user with replication rights
 * @param password its password (never returned by the REST API; in files use {@code ${ENV_VAR}})
 * @param slot PostgreSQL replication slot (default {@code cdp_<id>}); dropped when the source is deleted
 * @param publication PostgreSQL publication (default {@code cdp_<id>}), created for the mapped tables
 * @param serverId MariaDB/MySQL replica server id, unique among the server's replicas (default derived from the id)
 * @param snapshot Debezium snapshot mode: {@code initial} (default: snapshot, then stream), {@code no_data} (stream
 *     only), {@code when_needed}, {@code always}
 * @param replicaIdentityFull PostgreSQL tables to switch to {@code REPLICA IDENTITY FULL} at start, so updates and
 *     deletes carry the whole before image (needed by rules on deleted rows or on changed columns)
 * @param debezium extra Debezium properties, passed as they are (advanced)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseSpec(
        String host,
        Integer port,
        String database,
        String user,
        String password,
        String slot,
        String publication,
        Long serverId,
        String snapshot,
        List<String> replicaIdentityFull,
        Map<String, String> debezium) {
    public DatabaseSpec {
        replicaIdentityFull = replicaIdentityFull == null ? List.of() : List.copyOf(replicaIdentityFull);
        debezium = debezium == null ? Map.of() : Map.copyOf(debezium);
        snapshot = snapshot == null || snapshot.isBlank() ? "initial" : snapshot.strip();
    }

    /** The same settings with the password hidden. */
    public DatabaseSpec redacted() {
        return new DatabaseSpec(
                host,
                port,
                database,
                user,
                password == null ? null : "********",
                slot,
                publication,
                serverId,
                snapshot,
                replicaIdentityFull,
                debezium);
    }
}
