package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stack keeps its data and which loopback ports it listens on.
 *
 * <p>Every value comes from an environment variable with a default (see {@link Setting}); the table of
 * variables is in {@code docs/operations/local-stack.md}.
 *
 * @param home the repository root (modules with service descriptors are found under it)
 * @param dataDirectory everything the stack writes: server data, logs, pid files
 * @param distributionDirectory unpacked server distributions, shared by stacks of one checkout
 * @param externalDatabaseUrl an existing PostgreSQL server to use instead of a private cluster
 * @param servicePorts where platform services listen
 */
public record StackSettings(
        Path home,
        Path dataDirectory,
        Path distributionDirectory,
        Ports ports,
        Heaps heaps,
        Optional<String> externalDatabaseUrl,
        ServicePorts servicePorts) {

    /** The only interface every server binds to. */
    public static final String HOST = "127.0.0.1";

    public StackSettings {
        requireNonNull(home, "home is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(distributionDirectory, "distributionDirectory is null");
        requireNonNull(ports, "ports is null");
        requireNonNull(heaps, "heaps is null");
        requireNonNull(externalDatabaseUrl, "externalDatabaseUrl is null");
        requireNonNull(servicePorts, "servicePorts is null");
    }

    /** Where platform services listen. */
    public enum ServicePorts {
        /** Each service's descriptor port, or its {@code CDP_<NAME>_PORT} (the user's stack). */
        DESCRIBED,
        /** Free ports (a test JVM's private stack, beside a user's stack). */
        FREE
    }

    /** Loopback ports of the servers. */
    public record Ports(
            int postgres,
            int mariadb,
            int kafka,
            int kafkaController,
            int trino,
            int keycloak,
            int keycloakManagement,
            int smtp,
            int mailApi) {}

    /** Maximum heap of each Java server, in the JVM's {@code -Xmx} notation. */
    public record Heaps(String kafka, String trino, String keycloak, String greenMail) {
        public Heaps {
            requireNonNull(kafka, "kafka is null");
            requireNonNull(trino, "trino is null");
            requireNonNull(keycloak, "keycloak is null");
            requireNonNull(greenMail, "greenMail is null");
        }
    }

    /** The settings a user can change, with their environment variable and default. */
    public enum Setting {
        DATA_DIR(
                "CDP_DATA_DIR",
                ".cdp",
                "directory for all stack data, logs and pid files (relative to the repository)"),
        DIST_DIR("CDP_DIST_DIR", "<data dir>/dist", "where server distributions are unpacked"),
        DATABASE_URL(
                "CDP_DATABASE_URL",
                "",
                "use this PostgreSQL server (postgresql://user:password@host:port) instead of a private cluster"),
        POSTGRES_PORT("CDP_POSTGRES_PORT", "15432", "private PostgreSQL cluster"),
        MARIADB_PORT("CDP_MARIADB_PORT", "13306", "private MariaDB server (the stores' POS demo source)"),
        KAFKA_PORT("CDP_KAFKA_PORT", "19092", "Kafka broker (bootstrap servers)"),
        KAFKA_CONTROLLER_PORT("CDP_KAFKA_CONTROLLER_PORT", "19093", "Kafka KRaft controller"),
        TRINO_PORT("CDP_TRINO_PORT", "18080", "Trino coordinator (HTTPS, JDBC)"),
        KEYCLOAK_PORT("CDP_KEYCLOAK_PORT", "18180", "Keycloak (HTTP, OIDC issuer)"),
        KEYCLOAK_MANAGEMENT_PORT("CDP_KEYCLOAK_MANAGEMENT_PORT", "18190", "Keycloak health and metrics"),
        SMTP_PORT("CDP_SMTP_PORT", "13025", "GreenMail SMTP"),
        MAIL_API_PORT("CDP_MAIL_API_PORT", "18025", "GreenMail REST API (read caught mail)"),
        KAFKA_HEAP("CDP_KAFKA_HEAP", "512m", "Kafka maximum heap"),
        TRINO_HEAP("CDP_TRINO_HEAP", "2g", "Trino maximum heap"),
        KEYCLOAK_HEAP("CDP_KEYCLOAK_HEAP", "512m", "Keycloak maximum heap"),
        GREENMAIL_HEAP("CDP_GREENMAIL_HEAP", "128m", "GreenMail maximum heap");

        private final String variable;
        private final String defaultValue;
        private final String description;

        Setting(String variable, String defaultValue, String description) {
            this.variable = variable;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        public String variable() {
            return variable;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String description() {
            return description;
        }

        String read(Map<String, String> environment) {
            String value = environment.get(variable);
            return value == null || value.isBlank() ? defaultValue : value.trim();
        }

        int readPort(Map<String, String> environment) {
            String value = read(environment);
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new StackException(
                        "%s must be a port number between 1 and 65535, not '%s'".formatted(variable, value));
            }
        }
    }

    /** The settings of the user's stack ({@code ./cdp up}), read from the environment. */
    public static StackSettings fromEnvironment(Path home, Map<String, String> environment) {
        Path dataDirectory = home.resolve(Setting.DATA_DIR.read(environment))
                .toAbsolutePath()
                .normalize();
        String distribution = environment.get(Setting.DIST_DIR.variable());
        Path distributionDirectory = distribution == null || distribution.isBlank()
                ? dataDirectory.resolve("dist")
                : home.resolve(distribution).toAbsolutePath().normalize();
        Ports ports = new Ports(
                Setting.POSTGRES_PORT.readPort(environment),
                Setting.MARIADB_PORT.readPort(environment),
                Setting.KAFKA_PORT.readPort(environment),
                Setting.KAFKA_CONTROLLER_PORT.readPort(environment),
                Setting.TRINO_PORT.readPort(environment),
                Setting.KEYCLOAK_PORT.readPort(environment),
                Setting.KEYCLOAK_MANAGEMENT_PORT.readPort(environment),
                Setting.SMTP_PORT.readPort(environment),
                Setting.MAIL_API_PORT.readPort(environment));
        String databaseUrl = Setting.DATABASE_URL.read(environment);
        return new StackSettings(
                home.toAbsolutePath().normalize(),
                dataDirectory,
                distributionDirectory,
                ports,
                heaps(environment),
                databaseUrl.isEmpty() ? Optional.empty() : Optional.of(databaseUrl),
                ServicePorts.DESCRIBED);
    }

    /**
     * Settings for a stack private to one test JVM: its own data directory, free ports, and the checkout's
     * shared distributions.
     */
    public static StackSettings forTestJvm(Path home, Path dataDirectory, Map<String, String> environment) {
        StackSettings user = fromEnvironment(home, environment);
        Ports ports = new Ports(
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort());
        return new StackSettings(
                user.home(),
                dataDirectory,
                user.distributionDirectory(),
                ports,
                heaps(environment),
                user.externalDatabaseUrl(),
                ServicePorts.FREE);
    }

    private static Heaps heaps(Map<String, String> environment) {
        return new Heaps(
                Setting.KAFKA_HEAP.read(environment),
                Setting.TRINO_HEAP.read(environment),
                Setting.KEYCLOAK_HEAP.read(environment),
                Setting.GREENMAIL_HEAP.read(environment));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }

    /**
     * The environment that makes a {@code ./cdp} command address this stack (its data directory, distributions and
     * ports), e.g. a test running {@code ./cdp trino} against a test JVM's private stack.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put(Setting.DATA_DIR.variable(), dataDirectory.toString());
        environment.put(Setting.DIST_DIR.variable(), distributionDirectory.toString());
        externalDatabaseUrl.ifPresent(url -> environment.put(Setting.DATABASE_URL.variable(), url));
        environment.put(Setting.POSTGRES_PORT.variable(), Integer.toString(ports.postgres()));
        environment.put(Setting.MARIADB_PORT.variable(), Integer.toString(ports.mariadb()));
        environment.put(Setting.KAFKA_PORT.variable(), Integer.toString(ports.kafka()));
        environment.put(Setting.KAFKA_CONTROLLER_PORT.variable(), Integer.toString(ports.kafkaController()));
        environment.put(Setting.TRINO_PORT.variable(), Integer.toString(ports.trino()));
        environment.put(Setting.KEYCLOAK_PORT.variable(), Integer.toString(ports.keycloak()));
        environment.put(Setting.KEYCLOAK_MANAGEMENT_PORT.variable(), Integer.toString(ports.keycloakManagement()));
        environment.put(Setting.SMTP_PORT.variable(), Integer.toString(ports.smtp()));
        environment.put(Setting.MAIL_API_PORT.variable(), Integer.toString(ports.mailApi()));
        environment.put(Setting.KAFKA_HEAP.variable(), heaps.kafka());
        environment.put(Setting.TRINO_HEAP.variable(), heaps.trino());
        environment.put(Setting.KEYCLOAK_HEAP.variable(), heaps.keycloak());
        environment.put(Setting.GREENMAIL_HEAP.variable(), heaps.greenMail());
        return environment;
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public Path runDirectory() {
        return dataDirectory.resolve("run");
    }

    public Path componentDirectory(String component) {
        return dataDirectory.resolve(component);
    }

    public Path logFile(String component) {
        return logDirectory().resolve(component + ".log");
    }

    /** The file a running stack describes itself in; test JVMs read it to reuse the stack. */
    public Path endpointsFile() {
        return dataDirectory.resolve("stack.properties");
    }
}
