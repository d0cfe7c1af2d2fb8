package com.monstermart.cdp.pii.vault.store;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The vault's PostgreSQL schema {@code pii_vault}. The consent-and-pii service applies the migrations with Flyway
 * ({@link #FLYWAY_LOCATION}, schema {@link #SCHEMA}); {@link #migrate} applies the same idempotent scripts with plain
 * JDBC for tests and embedded use; {@link #verify} checks a database before a vault uses it.
 */
public final class PiiVaultSchema {
    public static final String SCHEMA = "pii_vault";
    /** Where the migrations are, for Flyway's {@code locations}. Kept apart from services' own {@code db/migration}. */
    public static final String FLYWAY_LOCATION = "classpath:db/pii-vault";

    /** The migrations in order; each is idempotent. */
    static final List<String> MIGRATIONS = List.of("db/pii-vault/V1__pii_vault.sql");

    private static final long MIGRATION_LOCK = 0x7069695f736368L;

    private static final Map<String, Set<String>> EXPECTED_COLUMNS = new TreeMap<>(Map.of(
            "kek", Set.of("kek_ref", "kek_id", "created_at", "retired_at"),
            "subject_key", Set.of("key_id", "kek_ref", "subject_id", "wrapped_key", "shredded_at"),
            "subject_link", Set.of("surviving_subject_id", "merged_subject_id", "linked_at"),
            "index_key", Set.of("name", "kek_ref", "wrapped_keyset", "created_at"),
            "key_event",
                    Set.of(
                            "seq",
                            "kind",
                            "subject_id",
                            "other_subject_id",
                            "key_ids",
                            "requested_by",
                            "reason",
                            "occurred_at")));

    private PiiVaultSchema() {}

    /** Applies every migration (idempotent; concurrent callers serialise on an advisory lock). */
    public static void migrate(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource is null");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, MIGRATION_LOCK);
                lock.execute();
            }
            try (Statement statement = connection.createStatement()) {
                for (String migration : MIGRATIONS) {
                    statement.execute(script(migration));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEY_STORE_UNAVAILABLE,
                    "Cannot apply the pii_vault migrations (SQL state %s: %s): check the database user may create schemas"
                            .formatted(e.getSQLState(), e.getMessage()),
                    e);
        }
        verify(dataSource);
    }

    /** Fails with {@link PiiVaultErrorCode#SCHEMA_MISSING} unless every table and column the vault uses exists. */
    public static void verify(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource is null");
        Map<String, Set<String>> actual = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?")) {
            statement.setString(1, SCHEMA);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    actual.computeIfAbsent(rows.getString(1), table -> new HashSet<>())
                            .add(rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEY_STORE_UNAVAILABLE,
                    "Cannot read the pii_vault schema (SQL state %s: %s): check PostgreSQL is reachable"
                            .formatted(e.getSQLState(), e.getMessage()),
                    e);
        }
        for (Map.Entry<String, Set<String>> table : EXPECTED_COLUMNS.entrySet()) {
            Set<String> missing = new HashSet<>(table.getValue());
            missing.removeAll(actual.getOrDefault(table.getKey(), Set.of()));
            if (!missing.isEmpty()) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.SCHEMA_MISSING,
                        "The pii_vault schema lacks %s.%s %s: run the migrations (Flyway location %s, or PiiVaultSchema.migrate)"
                                .formatted(SCHEMA, table.getKey(), new java.util.TreeSet<>(missing), FLYWAY_LOCATION));
            }
        }
    }

    private static String script(String resource) {
        try (InputStream in = PiiVaultSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.INTERNAL, "Migration " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
