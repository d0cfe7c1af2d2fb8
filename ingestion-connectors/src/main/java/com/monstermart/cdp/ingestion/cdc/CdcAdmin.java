package com.monstermart.cdp.ingestion.cdc;

import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What CDC needs from the captured database besides streaming: checks, preparation and clean-up. */
public final class CdcAdmin {
    private static final Logger LOG = Logger.getLogger(CdcAdmin.class.getName());

    private CdcAdmin() {}

    /**
     * The result of a connection test.
     *
     * @param ok whether the source can run
     * @param checks what was checked, one line each, starting with {@code ok:} or {@code problem:}
     */
    public record Check(boolean ok, List<String> checks) {}

    /** Connects and checks what CDC needs: logical WAL or a row-based binlog, replication rights, the tables. */
    public static Check test(SourceSpec spec) {
        List<String> checks = new ArrayList<>();
        boolean ok = true;
        try (Connection connection = connect(spec)) {
            checks.add("ok: connected to %s".formatted(describe(spec)));
            switch (spec.kind()) {
                case POSTGRES -> {
                    String walLevel = single(connection, "SHOW wal_level");
                    ok &= expect(
                            checks,
                            "logical".equals(walLevel),
                            "wal_level is " + walLevel,
                            "wal_level must be logical (set it in postgresql.conf and restart)");
                    String rights = single(
                            connection, "SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user");
                    ok &= expect(
                            checks,
                            "t".equals(rights) || "true".equals(rights),
                            "the user may replicate",
                            "the user needs the REPLICATION attribute (ALTER ROLE ... REPLICATION)");
                    for (String table : spec.tables().keySet()) {
                        String[] parts = table.split("\\.", 2);
                        String found = single(
                                connection,
                                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '%s' AND table_name = '%s'"
                                        .formatted(parts[0].replace("'", ""), parts[1].replace("'", "")));
                        ok &= expect(
                                checks,
                                "1".equals(found),
                                "table " + table + " exists",
                                "table " + table + " does not exist");
                    }
                }
                default -> {
                    String logBin = single(connection, "SELECT @@log_bin");
                    ok &= expect(
                            checks,
                            "1".equals(logBin) || "ON".equalsIgnoreCase(logBin),
                            "binary logging is on",
                            "binary logging is off (log_bin)");
                    String format = single(connection, "SELECT @@binlog_format");
                    ok &= expect(
                            checks,
                            "ROW".equalsIgnoreCase(format),
                            "binlog_format is ROW",
                            "binlog_format is " + format + "; it must be ROW");
                    String image = single(connection, "SELECT @@binlog_row_image");
                    ok &= expect(
                            checks,
                            "FULL".equalsIgnoreCase(image),
                            "binlog_row_image is FULL",
                            "binlog_row_image is " + image + "; it must be FULL");
                    String grants = grants(connection);
                    ok &= expect(
                            checks,
                            grants.contains("ALL PRIVILEGES")
                                    || grants.contains("REPLICATION SLAVE")
                                    || grants.contains("REPLICATION REPLICA")
                                    || grants.contains("BINLOG MONITOR"),
                            "the user may read the binlog",
                            "the user needs REPLICATION SLAVE and REPLICATION CLIENT (or BINLOG MONITOR)");
                    for (String table : spec.tables().keySet()) {
                        String[] parts = table.split("\\.", 2);
                        String found = single(
                                connection,
                                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '%s' AND table_name = '%s'"
                                        .formatted(parts[0].replace("'", ""), parts[1].replace("'", "")));
                        ok &= expect(
                                checks,
                                "1".equals(found),
                                "table " + table + " exists",
                                "table " + table + " does not exist");
                    }
                }
            }
        } catch (SQLException e) {
            checks.add("problem: cannot connect to %s: %s (SQL state %s)"
                    .formatted(describe(spec), e.getMessage(), e.getSQLState()));
            ok = false;
        }
        return new Check(ok, checks);
    }

    /**
     * Prepares the database before streaming starts: switches the listed PostgreSQL tables to
     * {@code REPLICA IDENTITY FULL}.
     *
     * @throws IngestionException {@link ErrorCode#SOURCE_UNAVAILABLE} when the database cannot be reached or refuses
     */
    public static void prepare(SourceSpec spec) {
        if (spec.kind() != com.monstermart.cdp.event.SourceKind.POSTGRES
                || spec.database().replicaIdentityFull().isEmpty()) {
            return;
        }
        try (Connection connection = connect(spec);
                Statement statement = connection.createStatement()) {
            for (String table : spec.database().replicaIdentityFull()) {
                String[] parts = table.contains(".") ? table.split("\\.", 2) : new String[] {"public", table};
                String identity = single(
                        connection,
                        "SELECT c.relreplident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '%s' AND c.relname = '%s'"
                                .formatted(parts[0].replace("'", ""), parts[1].replace("'", "")));
                if (identity == null) {
                    throw new IngestionException(
                            ErrorCode.SOURCE_UNAVAILABLE,
                            "Table %s of source %s does not exist yet; CDC starts once it does"
                                    .formatted(table, spec.id()));
                }
                if (!"f".equals(identity)) {
                    statement.execute(
                            "ALTER TABLE %s.%s REPLICA IDENTITY FULL".formatted(quote(parts[0]), quote(parts[1])));
                    LOG.log(Level.INFO, "Table {0} of source {1} now has REPLICA IDENTITY FULL", new Object[] {
                        table, spec.id()
                    });
                }
            }
        } catch (SQLException e) {
            throw new IngestionException(
                    ErrorCode.SOURCE_UNAVAILABLE,
                    "Cannot prepare the tables of source %s (SQL state %s): %s"
                            .formatted(spec.id(), e.getSQLState(), e.getMessage()),
                    e);
        }
    }

    /** Drops what CDC left in the captured database: the PostgreSQL replication slot (it would retain WAL) and publication. */
    public static void dropSlot(SourceSpec spec) {
        if (spec.kind() != com.monstermart.cdp.event.SourceKind.POSTGRES) {
            return;
        }
        try (Connection connection = connect(spec)) {
            String slot = CdcNames.slot(spec);
            // the engine lets go of the slot a moment after it stops: wait for that (15 s at most)
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            while (true) {
                String active;
                try (PreparedStatement statement =
                        connection.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
                    statement.setString(1, slot);
                    try (ResultSet result = statement.executeQuery()) {
                        active = result.next() ? result.getString(1) : null;
                    }
                }
                if (active == null) {
                    break;
                }
                if ("f".equals(active) || "false".equals(active)) {
                    try (PreparedStatement statement =
                            connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                        statement.setString(1, slot);
                        statement.execute();
                    }
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new SQLException("replication slot %s is still in use".formatted(slot), "55006");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(
                        java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(250));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP PUBLICATION IF EXISTS " + quote(CdcNames.publication(spec)));
            }
            LOG.log(Level.INFO, "Dropped replication slot {0} and publication {1} of source {2}", new Object[] {
                slot, CdcNames.publication(spec), spec.id()
            });
        } catch (SQLException e) {
            LOG.log(
                    Level.WARNING,
                    "Cannot drop the replication slot of source {0} (SQL state {1}); drop it by hand: SELECT pg_drop_replication_slot(''{2}'')",
                    new Object[] {spec.id(), e.getSQLState(), CdcNames.slot(spec)});
        }
    }

    private static Connection connect(SourceSpec spec) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", spec.database().user());
        properties.setProperty(
                "password",
                spec.database().password() == null ? "" : spec.database().password());
        // PostgreSQL counts seconds, MariaDB milliseconds
        properties.setProperty(
                "connectTimeout", spec.kind() == com.monstermart.cdp.event.SourceKind.POSTGRES ? "5" : "5000");
        return DriverManager.getConnection(CdcNames.jdbcUrl(spec), properties);
    }

    private static String describe(SourceSpec spec) {
        return "%s://%s:%d/%s as %s"
                .formatted(
                        spec.kind().wireName(),
                        spec.database().host(),
                        CdcNames.port(spec),
                        spec.database().database(),
                        spec.database().user());
    }

    private static boolean expect(List<String> checks, boolean condition, String good, String bad) {
        checks.add(condition ? "ok: " + good : "problem: " + bad);
        return condition;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static String grants(Connection connection) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW GRANTS")) {
            while (result.next()) {
                all.append(result.getString(1).toUpperCase(Locale.ROOT)).append('\n');
            }
        }
        return all.toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
