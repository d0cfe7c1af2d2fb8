package com.monstermart.cdp.identity.benchmarks;

import com.monstermart.cdp.localstack.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU of an end-to-end run went (Linux /proc): the service process, the PostgreSQL backends serving the
 * run's database, the Kafka broker, and the machine's load average; plus the database's transaction and row counters
 * ({@code pg_stat_database}).
 */
final class ResourceUse {
    private static final double TICKS_PER_SECOND = 100.0;

    private ResourceUse() {}

    record Snapshot(
            long nanos,
            double serviceCpu,
            double postgresCpu,
            double kafkaCpu,
            double machineCpu,
            String loadAverage,
            Map<String, Long> database) {}

    static Snapshot snapshot(StackEndpoints endpoints, String database, long servicePid) {
        Map<String, Long> counters = new HashMap<>();
        double postgres = 0;
        try (Connection connection = DriverManager.getConnection(
                        endpoints.postgres().jdbcUrl(database),
                        endpoints.postgres().user(),
                        endpoints.postgres().password());
                Statement statement = connection.createStatement()) {
            // Statistics reach pg_stat_database up to a second after a transaction ends.
            statement.execute("SELECT pg_stat_force_next_flush()");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated,"
                            + " tup_deleted, blks_read, blks_hit FROM pg_stat_database WHERE datname = current_database()")) {
                rows.next();
                for (String column : List.of(
                        "xact_commit",
                        "xact_rollback",
                        "tup_returned",
                        "tup_fetched",
                        "tup_inserted",
                        "tup_updated",
                        "tup_deleted",
                        "blks_read",
                        "blks_hit")) {
                    counters.put(column, rows.getLong(column));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT schemaname || '.' || relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch"
                            + " FROM pg_stat_user_tables")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    counters.put(table + " seq_scan", rows.getLong(2));
                    counters.put(table + " seq_tup_read", rows.getLong(3));
                    counters.put(table + " idx_scan", rows.getLong(4));
                    counters.put(table + " idx_tup_fetch", rows.getLong(5));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                while (rows.next()) {
                    postgres += cpuSeconds(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read PostgreSQL statistics: " + e.getMessage(), e);
        }
        return new Snapshot(
                System.nanoTime(),
                cpuSeconds(servicePid),
                postgres,
                kafkaCpu(),
                machineCpu(),
                read(Path.of("/proc/loadavg")).trim(),
                counters);
    }

    static String report(Snapshot before, Snapshot after, int events) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        StringBuilder out = new StringBuilder();
        out.append("load average before: %s, after: %s%n".formatted(before.loadAverage(), after.loadAverage()));
        out.append(("CPU seconds during the run (%.1f s wall): service %.1f, its PostgreSQL backends %.1f, Kafka broker"
                        + " %.1f, whole machine %.1f of %.1f available%n")
                .formatted(
                        seconds,
                        after.serviceCpu() - before.serviceCpu(),
                        after.postgresCpu() - before.postgresCpu(),
                        after.kafkaCpu() - before.kafkaCpu(),
                        after.machineCpu() - before.machineCpu(),
                        seconds * Runtime.getRuntime().availableProcessors()));
        out.append("CPU microseconds per event: service %.0f, PostgreSQL %.0f, Kafka %.0f%n"
                .formatted(
                        1e6 * (after.serviceCpu() - before.serviceCpu()) / events,
                        1e6 * (after.postgresCpu() - before.postgresCpu()) / events,
                        1e6 * (after.kafkaCpu() - before.kafkaCpu()) / events));
        out.append("database per 1000 events:");
        for (String column : List.of(
                "xact_commit", "tup_returned", "tup_fetched", "tup_inserted", "tup_updated", "blks_hit", "blks_read")) {
            out.append(" %s %.0f"
                    .formatted(
                            column,
                            1000.0
                                    * (after.database().get(column)
                                            - before.database().get(column))
                                    / events));
        }
        out.append("%ntables read per 1000 events (sequential scans, rows read by them; index scans, rows fetched):"
                .formatted());
        after.database().keySet().stream()
                .filter(key -> key.endsWith(" seq_scan"))
                .map(key -> key.substring(0, key.length() - " seq_scan".length()))
                .sorted()
                .forEach(table -> {
                    double[] per = new double[4];
                    String[] columns = {" seq_scan", " seq_tup_read", " idx_scan", " idx_tup_fetch"};
                    for (int i = 0; i < 4; i++) {
                        per[i] = 1000.0
                                * (after.database().get(table + columns[i])
                                        - before.database().getOrDefault(table + columns[i], 0L))
                                / events;
                    }
                    if (per[1] + per[3] >= 1) {
                        out.append("%n  %s: %.1f seq scans, %.0f rows; %.0f index scans, %.0f rows"
                                .formatted(table, per[0], per[1], per[2], per[3]));
                    }
                });
        return out.toString();
    }

    /** User + system CPU seconds of a process (0 when it is gone). PostgreSQL backends include their exited work. */
    private static double cpuSeconds(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static double kafkaCpu() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(path -> {
                        String command = read(path.resolve("cmdline"));
                        return command.contains("kafka.Kafka") && command.contains("/work/main/.cdp/");
                    })
                    .mapToDouble(
                            path -> cpuSeconds(Long.parseLong(path.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static double machineCpu() {
        String[] fields = read(Path.of("/proc/stat"))
                .lines()
                .findFirst()
                .orElse("cpu 0 0 0")
                .split("\\s+");
        // user + nice + system + irq + softirq + steal (not idle, not iowait)
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            if (i < fields.length) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy / TICKS_PER_SECOND;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
