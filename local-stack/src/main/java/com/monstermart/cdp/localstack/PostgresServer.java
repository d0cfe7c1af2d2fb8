package com.monstermart.cdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster in the stack's data directory, from the machine's PostgreSQL binaries, with
 * {@code wal_level=logical} for CDC. PostgreSQL refuses to run as root, so when the launcher is root the cluster
 * belongs to the {@code postgres} OS user.
 */
final class PostgresServer extends ProcessComponent {
    static final String NAME = "postgres";

    PostgresServer(StackContext context) {
        super(context, NAME);
    }

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.settings().ports().postgres());
    }

    @Override
    public String location() {
        return context.endpoints().postgres().jdbcUrl(StackEndpoints.Postgres.PLATFORM_DATABASE);
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    private Path clusterDirectory() {
        return directory().resolve("data");
    }

    @Override
    protected void prepare() throws IOException {
        Path binaries = binaries();
        Path cluster = clusterDirectory();
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            Distributions.deleteRecursively(cluster);
            Files.createDirectories(cluster);
            Path passwordFile = directory().resolve("initdb.password");
            Files.writeString(passwordFile, StackContext.POSTGRES_SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
            OsUser.POSTGRES.own(directory());
            Subprocess.run(
                    OsUser.POSTGRES.wrap(List.of(
                            binaries.resolve("initdb").toString(),
                            "-D",
                            cluster.toString(),
                            "-U",
                            "postgres",
                            "--pwfile=" + passwordFile,
                            "--auth-local=trust",
                            "--auth-host=scram-sha-256",
                            "-E",
                            "UTF8",
                            "--locale=C.UTF-8")),
                    Duration.ofMinutes(2),
                    "initdb");
            Files.delete(passwordFile);
            Files.writeString(cluster.resolve("pg_hba.conf"), """
                    # Written by ./cdp: loopback only, passwords over TCP.
                    local   all          all                    trust
                    host    all          all    127.0.0.1/32    scram-sha-256
                    host    replication  all    127.0.0.1/32    scram-sha-256
                    """, StandardCharsets.UTF_8);
            Files.writeString(
                    cluster.resolve("postgresql.conf"),
                    "\ninclude_if_exists = 'cdp.conf'\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        Path socketDirectory = directory().resolve("socket");
        Files.createDirectories(socketDirectory);
        Files.writeString(
                cluster.resolve("cdp.conf"),
                """
                # Written by ./cdp at every start; edit StackSettings instead.
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                wal_level = logical
                max_wal_senders = 20
                max_replication_slots = 20
                max_connections = 300
                shared_buffers = 128MB
                log_min_messages = warning
                log_connections = off
                """.formatted(context.settings().ports().postgres(), socketDirectory),
                StandardCharsets.UTF_8);
        OsUser.POSTGRES.own(directory());
        // A server killed without a clean stop leaves its pid file; PostgreSQL itself checks whether that pid lives.
    }

    @Override
    protected ProcessControl.Launch launch() {
        return new ProcessControl.Launch(
                name(),
                OsUser.POSTGRES.wrap(List.of(
                        binaries().resolve("postgres").toString(),
                        "-D",
                        clusterDirectory().toString())),
                directory(),
                Map.of(),
                logFile());
    }

    @Override
    public Health probe() {
        try (Connection connection = superuserConnection("postgres")) {
            String walLevel = Sql.queryString(connection, "SHOW wal_level");
            return Health.healthy("accepting connections, wal_level=" + walLevel);
        } catch (SQLException e) {
            return Health.unhealthy(e.getMessage());
        }
    }

    @Override
    public void afterReady() {
        try (Connection connection = superuserConnection("postgres")) {
            PlatformDatabases.create(connection, context.endpoints().postgres());
        } catch (SQLException e) {
            throw new StackException("Cannot create the platform's databases: " + e.getMessage(), e);
        }
        PlatformDatabases.createIcebergCatalogTables(context.endpoints());
    }

    /** Fast shutdown (SIGINT): SIGTERM would wait for every client to disconnect. */
    @Override
    public void stop() {
        process().ifPresent(handle -> Subprocess.signal(handle.pid(), "INT"));
        super.stop();
    }

    private Connection superuserConnection(String database) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", StackContext.POSTGRES_SUPERUSER_PASSWORD);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(
                "jdbc:postgresql://%s:%d/%s"
                        .formatted(
                                StackSettings.HOST, context.settings().ports().postgres(), database),
                properties);
    }

    /** The newest PostgreSQL server binaries on the machine ({@code CDP_POSTGRES_BIN} overrides). */
    static Path binaries() {
        String configured = System.getenv("CDP_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("postgres"))
                                && Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(bin ->
                                versionNumber(bin.getParent().getFileName().toString())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return newest.orElseThrow(
                () -> new StackException(
                        "No PostgreSQL server binaries under /usr/lib/postgresql/*/bin. Install them (apt-get install postgresql), "
                                + "set CDP_POSTGRES_BIN, or use an existing server with CDP_DATABASE_URL=postgresql://user:password@host:port"));
    }

    private static int versionNumber(String text) {
        try {
            return Integer.parseInt(text.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
