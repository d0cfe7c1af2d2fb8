package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * How clients reach a running stack. A started stack writes this to {@code <data dir>/stack.properties}; test
 * JVMs and later {@code ./cdp} commands read it back.
 */
public record StackEndpoints(
        Postgres postgres,
        MariaDb mariadb,
        String kafkaBootstrapServers,
        Iceberg iceberg,
        Trino trino,
        Keycloak keycloak,
        Mail mail) {

    public StackEndpoints {
        requireNonNull(postgres, "postgres is null");
        requireNonNull(mariadb, "mariadb is null");
        requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        requireNonNull(iceberg, "iceberg is null");
        requireNonNull(trino, "trino is null");
        requireNonNull(keycloak, "keycloak is null");
        requireNonNull(mail, "mail is null");
    }

    /** The platform's databases on one PostgreSQL server. */
    public record Postgres(String host, int port, String user, String password) {
        /** The platform's own database; each module owns a schema in it. */
        public static final String PLATFORM_DATABASE = "cdp";
        /** Holds the Iceberg JDBC catalog tables. */
        public static final String ICEBERG_DATABASE = "iceberg_catalog";
        /** The demo web shop, a CDC source. */
        public static final String SHOP_DATABASE = "shop";

        public Postgres {
            requireNonNull(host, "host is null");
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
        }
    }

    /** A MariaDB server with binary logging (row format) for CDC: the stores' point-of-sale demo source. */
    public record MariaDb(String host, int port, String user, String password) {
        /** The stores' point-of-sale database. */
        public static final String POS_DATABASE = "pos";

        public MariaDb {
            requireNonNull(host, "host is null");
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        public String jdbcUrl(String database) {
            return "jdbc:mariadb://%s:%d/%s".formatted(host, port, database);
        }
    }

    /** The Iceberg JDBC catalog that Trino's {@code iceberg} catalog and the Java writers share. */
    public record Iceberg(String catalogName, String jdbcUrl, String warehouse) {
        public Iceberg {
            requireNonNull(catalogName, "catalogName is null");
            requireNonNull(jdbcUrl, "jdbcUrl is null");
            requireNonNull(warehouse, "warehouse is null");
        }
    }

    /** Trino's base URL (HTTPS: Trino signs callers in only over TLS). */
    public String trinoUrl() {
        return trino.url();
    }

    /**
     * Trino over HTTPS; callers sign in with a token of the realm (see {@link TrinoJdbc} and {@link TrinoHttp}).
     *
     * @param url base URL, {@code https://127.0.0.1:<port>}
     * @param certificate the PEM file of the certificate clients trust (self-signed on a local stack)
     */
    public record Trino(String url, String certificate) {
        public Trino {
            requireNonNull(url, "url is null");
            requireNonNull(certificate, "certificate is null");
        }

        /** {@code host:port}, as JDBC URLs and the CLI's {@code --server} take it. */
        public String authority() {
            return java.net.URI.create(url).getAuthority();
        }
    }

    /**
     * A realm client with a service account: signs in with the client-credentials grant. Its Trino user name is the
     * service account's, {@code service-account-<client id>}.
     */
    public record ServiceAccount(String clientId, String secret) implements RealmCredentials {
        public ServiceAccount {
            requireNonNull(clientId, "clientId is null");
            requireNonNull(secret, "secret is null");
        }

        /** The user name Keycloak gives the service account (its tokens' {@code preferred_username}). */
        public String username() {
            return "service-account-" + clientId;
        }

        @Override
        public String toString() {
            return "ServiceAccount[" + clientId + "]";
        }
    }

    /**
     * Keycloak with the {@code cdp} realm.
     *
     * @param url base URL, also the issuer's host ({@code <url>/realms/cdp})
     * @param managementUrl health and metrics
     * @param operations the service account of tests, the launcher and administrative tasks (realm role admin)
     * @param analytics the service account of the analytics runner (writes {@code iceberg.marts})
     * @param adminUser the master realm's bootstrap administrator (local stacks only)
     */
    public record Keycloak(
            String url,
            String managementUrl,
            String realm,
            String apiClientId,
            String cliClientId,
            String serviceClientId,
            String serviceClientSecret,
            ServiceAccount operations,
            ServiceAccount analytics,
            String adminUser,
            String adminPassword) {
        public Keycloak {
            requireNonNull(url, "url is null");
            requireNonNull(managementUrl, "managementUrl is null");
            requireNonNull(realm, "realm is null");
            requireNonNull(apiClientId, "apiClientId is null");
            requireNonNull(cliClientId, "cliClientId is null");
            requireNonNull(serviceClientId, "serviceClientId is null");
            requireNonNull(serviceClientSecret, "serviceClientSecret is null");
            requireNonNull(operations, "operations is null");
            requireNonNull(analytics, "analytics is null");
            requireNonNull(adminUser, "adminUser is null");
            requireNonNull(adminPassword, "adminPassword is null");
        }

        public String issuer() {
            return url + "/realms/" + realm;
        }

        public String tokenUrl() {
            return issuer() + "/protocol/openid-connect/token";
        }
    }

    /** The SMTP server and the mail catcher's REST API. */
    public record Mail(String smtpHost, int smtpPort, String apiUrl) {
        public Mail {
            requireNonNull(smtpHost, "smtpHost is null");
            requireNonNull(apiUrl, "apiUrl is null");
        }
    }

    public Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("postgres.host", postgres.host());
        properties.setProperty("postgres.port", Integer.toString(postgres.port()));
        properties.setProperty("postgres.user", postgres.user());
        properties.setProperty("postgres.password", postgres.password());
        properties.setProperty("mariadb.host", mariadb.host());
        properties.setProperty("mariadb.port", Integer.toString(mariadb.port()));
        properties.setProperty("mariadb.user", mariadb.user());
        properties.setProperty("mariadb.password", mariadb.password());
        properties.setProperty("kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.setProperty("iceberg.catalog-name", iceberg.catalogName());
        properties.setProperty("iceberg.jdbc-url", iceberg.jdbcUrl());
        properties.setProperty("iceberg.warehouse", iceberg.warehouse());
        properties.setProperty("trino.url", trino.url());
        properties.setProperty("trino.certificate", trino.certificate());
        properties.setProperty("keycloak.url", keycloak.url());
        properties.setProperty("keycloak.management-url", keycloak.managementUrl());
        properties.setProperty("keycloak.realm", keycloak.realm());
        properties.setProperty("keycloak.api-client-id", keycloak.apiClientId());
        properties.setProperty("keycloak.cli-client-id", keycloak.cliClientId());
        properties.setProperty("keycloak.service-client-id", keycloak.serviceClientId());
        properties.setProperty("keycloak.service-client-secret", keycloak.serviceClientSecret());
        properties.setProperty(
                "keycloak.operations-client-id", keycloak.operations().clientId());
        properties.setProperty(
                "keycloak.operations-client-secret", keycloak.operations().secret());
        properties.setProperty(
                "keycloak.analytics-client-id", keycloak.analytics().clientId());
        properties.setProperty(
                "keycloak.analytics-client-secret", keycloak.analytics().secret());
        properties.setProperty("keycloak.admin-user", keycloak.adminUser());
        properties.setProperty("keycloak.admin-password", keycloak.adminPassword());
        properties.setProperty("mail.smtp-host", mail.smtpHost());
        properties.setProperty("mail.smtp-port", Integer.toString(mail.smtpPort()));
        properties.setProperty("mail.api-url", mail.apiUrl());
        return properties;
    }

    public static StackEndpoints fromProperties(Properties properties) {
        return new StackEndpoints(
                new Postgres(
                        required(properties, "postgres.host"),
                        Integer.parseInt(required(properties, "postgres.port")),
                        required(properties, "postgres.user"),
                        required(properties, "postgres.password")),
                new MariaDb(
                        required(properties, "mariadb.host"),
                        Integer.parseInt(required(properties, "mariadb.port")),
                        required(properties, "mariadb.user"),
                        required(properties, "mariadb.password")),
                required(properties, "kafka.bootstrap-servers"),
                new Iceberg(
                        required(properties, "iceberg.catalog-name"),
                        required(properties, "iceberg.jdbc-url"),
                        required(properties, "iceberg.warehouse")),
                new Trino(required(properties, "trino.url"), required(properties, "trino.certificate")),
                new Keycloak(
                        required(properties, "keycloak.url"),
                        required(properties, "keycloak.management-url"),
                        required(properties, "keycloak.realm"),
                        required(properties, "keycloak.api-client-id"),
                        required(properties, "keycloak.cli-client-id"),
                        required(properties, "keycloak.service-client-id"),
                        required(properties, "keycloak.service-client-secret"),
                        new ServiceAccount(
                                required(properties, "keycloak.operations-client-id"),
                                required(properties, "keycloak.operations-client-secret")),
                        new ServiceAccount(
                                required(properties, "keycloak.analytics-client-id"),
                                required(properties, "keycloak.analytics-client-secret")),
                        required(properties, "keycloak.admin-user"),
                        required(properties, "keycloak.admin-password")),
                new Mail(
                        required(properties, "mail.smtp-host"),
                        Integer.parseInt(required(properties, "mail.smtp-port")),
                        required(properties, "mail.api-url")));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new StackException("The stack description lacks '%s': run ./cdp up again".formatted(key));
        }
        return value;
    }

    /** Writes atomically, readable only by the owner (it holds local passwords). */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                toProperties().store(writer, "MonsterMart CDP local stack endpoints (written by ./cdp up)");
            }
            Files.setPosixFilePermissions(
                    temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public static StackEndpoints read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return fromProperties(properties);
    }
}
