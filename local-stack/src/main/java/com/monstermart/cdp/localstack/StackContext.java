package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the components of one stack share: its settings, endpoints, distributions and processes. */
public final class StackContext {
    /** Local-only credentials of the private stack; documented in docs/operations/local-stack.md. */
    static final String DATABASE_USER = "cdp";

    static final String DATABASE_PASSWORD = "cdp";
    static final String POSTGRES_SUPERUSER_PASSWORD = "postgres";
    static final String KEYCLOAK_ADMIN_USER = "admin";
    static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    static final String SERVICE_CLIENT_SECRET = "cdp-services-local-secret";
    static final String OPERATIONS_CLIENT_SECRET = "cdp-operations-local-secret";
    static final String ANALYTICS_CLIENT_SECRET = "cdp-analytics-local-secret";
    /** Trino's own client, for the web UI's and the CLI's browser sign-in. */
    static final String TRINO_CLIENT_ID = "cdp-trino";

    static final String TRINO_CLIENT_SECRET = "cdp-trino-local-secret";

    private final StackSettings settings;
    private final StackEndpoints endpoints;
    private final Distributions distributions;
    private final ProcessControl processes;
    private final Map<String, String> serviceLocations = new ConcurrentHashMap<>();

    public StackContext(StackSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.endpoints = endpoints(settings);
        this.distributions = Distributions.load(settings.distributionDirectory());
        this.processes = new ProcessControl(settings.runDirectory());
    }

    public StackSettings settings() {
        return settings;
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    public Distributions distributions() {
        return distributions;
    }

    public ProcessControl processes() {
        return processes;
    }

    /** Records where a platform service of this stack listens, for the {@code ${service.<name>.url}} placeholder. */
    void registerService(String name, String location) {
        serviceLocations.put(requireNonNull(name, "name is null"), requireNonNull(location, "location is null"));
    }

    /** The platform services' base URLs by name (e.g. {@code identity -> http://127.0.0.1:8082}). */
    public Map<String, String> serviceLocations() {
        return Map.copyOf(serviceLocations);
    }

    /** The JDK running the launcher, which also runs every Java server (it is at least JDK 24). */
    public Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The start of every Java server's command line. The {@code -Dcdp.stack.dir} marker lets {@code ./cdp down}
     * find a server whose pid file was lost.
     */
    public List<String> javaCommand(String maximumHeap) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.add("-Xmx" + maximumHeap);
        command.add(stackMarker());
        command.add("-Djava.net.preferIPv4Stack=true");
        return command;
    }

    public String stackMarker() {
        return "-Dcdp.stack.dir=" + settings.dataDirectory();
    }

    private static StackEndpoints endpoints(StackSettings settings) {
        StackSettings.Ports ports = settings.ports();
        String host = StackSettings.HOST;
        StackEndpoints.Postgres postgres = settings.externalDatabaseUrl()
                .map(DatabaseUrl::parse)
                .map(DatabaseUrl::endpoint)
                .orElseGet(() -> new StackEndpoints.Postgres(host, ports.postgres(), DATABASE_USER, DATABASE_PASSWORD));
        String keycloakUrl = "http://%s:%d".formatted(host, ports.keycloak());
        return new StackEndpoints(
                postgres,
                new StackEndpoints.MariaDb(host, ports.mariadb(), DATABASE_USER, DATABASE_PASSWORD),
                "%s:%d".formatted(host, ports.kafka()),
                new StackEndpoints.Iceberg(
                        "iceberg",
                        postgres.jdbcUrl(StackEndpoints.Postgres.ICEBERG_DATABASE),
                        settings.dataDirectory().resolve("warehouse").toUri().toString()),
                new StackEndpoints.Trino(
                        "https://%s:%d".formatted(host, ports.trino()),
                        TrinoTls.certificate(settings.componentDirectory(TrinoServer.NAME))
                                .toString()),
                new StackEndpoints.Keycloak(
                        keycloakUrl,
                        "http://%s:%d".formatted(host, ports.keycloakManagement()),
                        "cdp",
                        "cdp-api",
                        "cdp-cli",
                        "cdp-services",
                        SERVICE_CLIENT_SECRET,
                        new StackEndpoints.ServiceAccount("cdp-operations", OPERATIONS_CLIENT_SECRET),
                        new StackEndpoints.ServiceAccount("cdp-analytics", ANALYTICS_CLIENT_SECRET),
                        KEYCLOAK_ADMIN_USER,
                        KEYCLOAK_ADMIN_PASSWORD),
                new StackEndpoints.Mail(host, ports.smtp(), "http://%s:%d".formatted(host, ports.mailApi())));
    }
}
