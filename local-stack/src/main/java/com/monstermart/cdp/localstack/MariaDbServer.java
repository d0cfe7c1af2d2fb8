package com.monstermart.cdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A private MariaDB server in the stack's data directory, from the machine's MariaDB binaries, with row-based
 * binary logging for CDC (the machine's own server has binary logging off). As root, it runs as the
 * {@code mysql} OS user.
 */
final class MariaDbServer extends ProcessComponent {
    static final String NAME = "mariadb";
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");
    private static final Path CLIENT = Path.of("/usr/bin/mariadb");

    MariaDbServer(StackContext context) {
        super(context, NAME);
    }

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.settings().ports().mariadb());
    }

    @Override
    public String location() {
        return context.endpoints().mariadb().jdbcUrl(StackEndpoints.MariaDb.POS_DATABASE);
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    private Path dataDirectory() {
        return directory().resolve("data");
    }

    private Path socket() {
        return directory().resolve("mariadb.sock");
    }

    private Path configFile() {
        return directory().resolve("my.cnf");
    }

    @Override
    protected void prepare() throws IOException {
        for (Path binary : List.of(SERVER, INSTALL, CLIENT)) {
            if (!Files.isExecutable(binary)) {
                throw new StackException(
                        "%s is missing: install MariaDB's server and client (apt-get install mariadb-server)"
                                .formatted(binary));
            }
        }
        Files.writeString(
                configFile(),
                """
                # Written by ./cdp at every start.
                [mariadbd]
                datadir = %s
                socket = %s
                pid-file = %s
                port = %d
                bind-address = 127.0.0.1
                skip-name-resolve
                server-id = 1
                log-bin = mariadb-bin
                binlog-format = ROW
                binlog-row-image = FULL
                expire-logs-days = 3
                innodb-buffer-pool-size = 128M
                character-set-server = utf8mb4
                collation-server = utf8mb4_unicode_ci
                %s
                """.formatted(
                                dataDirectory(),
                                socket(),
                                directory().resolve("mariadb.pid"),
                                context.settings().ports().mariadb(),
                                OsUser.launcherIsRoot() ? "user = " + OsUser.MYSQL.name() : ""),
                StandardCharsets.UTF_8);
        if (!Files.isDirectory(dataDirectory().resolve("mysql"))) {
            Distributions.deleteRecursively(dataDirectory());
            Files.createDirectories(dataDirectory());
            OsUser.MYSQL.own(directory());
            List<String> install = new ArrayList<>(List.of(
                    INSTALL.toString(),
                    "--defaults-file=" + configFile(),
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db"));
            if (OsUser.launcherIsRoot()) {
                install.add("--user=" + OsUser.MYSQL.name());
            }
            Subprocess.run(install, Duration.ofMinutes(2), "mariadb-install-db");
        }
        OsUser.MYSQL.own(directory());
    }

    @Override
    protected ProcessControl.Launch launch() {
        return new ProcessControl.Launch(
                name(),
                List.of(SERVER.toString(), "--defaults-file=" + configFile()),
                directory(),
                Map.of(),
                logFile());
    }

    @Override
    public Health probe() {
        StackEndpoints.MariaDb mariadb = context.endpoints().mariadb();
        if (!PortProbe.listening(mariadb.host(), mariadb.port())) {
            return Health.unhealthy("not listening on port " + mariadb.port() + " yet");
        }
        try {
            // Before the first afterReady the platform's user does not exist; root only connects over the socket.
            String binlog = rootQuery("SELECT @@log_bin, @@binlog_format");
            return Health.healthy("accepting connections, log_bin/binlog_format=" + binlog.replace('\t', '/'));
        } catch (StackException e) {
            return Health.unhealthy(e.getMessage());
        }
    }

    @Override
    public void afterReady() {
        StackEndpoints.MariaDb mariadb = context.endpoints().mariadb();
        rootQuery("""
                CREATE DATABASE IF NOT EXISTS %3$s CHARACTER SET utf8mb4;
                CREATE USER IF NOT EXISTS '%1$s'@'%%' IDENTIFIED BY '%2$s';
                GRANT ALL PRIVILEGES ON *.* TO '%1$s'@'%%' WITH GRANT OPTION;
                FLUSH PRIVILEGES;
                SELECT 1;
                """.formatted(mariadb.user(), mariadb.password(), StackEndpoints.MariaDb.POS_DATABASE));
        try (Connection connection = connect(mariadb)) {
            Sql.queryString(connection, "SELECT 1");
        } catch (SQLException e) {
            throw new StackException("The platform's user cannot connect to MariaDB: " + e.getMessage(), e);
        }
    }

    static Connection connect(StackEndpoints.MariaDb mariadb) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", mariadb.user());
        properties.setProperty("password", mariadb.password());
        properties.setProperty("connectTimeout", "5000");
        properties.setProperty("socketTimeout", "30000");
        return DriverManager.getConnection(mariadb.jdbcUrl(StackEndpoints.MariaDb.POS_DATABASE), properties);
    }

    /** Runs SQL as MariaDB's root over the private socket (root has no network access). */
    private String rootQuery(String sql) {
        return Subprocess.run(
                List.of(
                        CLIENT.toString(),
                        "--no-defaults",
                        "--socket=" + socket(),
                        "-uroot",
                        "--batch",
                        "--skip-column-names",
                        "-e",
                        sql),
                Duration.ofSeconds(20),
                "MariaDB root query");
    }

    /** Fast, clean shutdown on SIGTERM. */
    @Override
    protected Duration stopGracePeriod() {
        return Duration.ofSeconds(30);
    }
}
