package com.monstermart.cdp.localstack.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.localstack.AccessToken;
import com.monstermart.cdp.localstack.Http;
import com.monstermart.cdp.localstack.KeycloakTokens;
import com.monstermart.cdp.localstack.LocalStack;
import com.monstermart.cdp.localstack.Progress;
import com.monstermart.cdp.localstack.RealmCredentials;
import com.monstermart.cdp.localstack.StackContext;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.StackException;
import com.monstermart.cdp.localstack.StackSettings;
import com.monstermart.cdp.localstack.TrinoHttp;
import com.monstermart.cdp.localstack.TrinoJdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The real servers for a test JVM, shared by all its test classes.
 *
 * <p>When {@code ./cdp up} runs (its {@code stack.properties} exists), its servers are reused and any missing one
 * is started in it, as {@code ./cdp up <component>} would. Otherwise the JVM starts a private stack on free ports
 * under {@code .cdp/test-stacks/jvm-<pid>}, only with the components its tests ask for, and stops it at exit.
 *
 * <p>Tests isolate themselves with the {@code create...} helpers (own database, topic, Trino schema, realm
 * user); what they create in a reused stack is removed when the JVM exits.
 */
public final class CdpStack {
    private static final System.Logger LOG = System.getLogger(CdpStack.class.getName());
    private static CdpStack instance;

    private final LocalStack stack;
    private final boolean reused;
    private final Set<String> ready = new LinkedHashSet<>();
    private final Deque<Runnable> cleanups = new ArrayDeque<>();

    private CdpStack(LocalStack stack, boolean reused) {
        this.stack = stack;
        this.reused = reused;
    }

    /** The JVM's stack; nothing starts until {@link #require} names components. */
    public static synchronized CdpStack get() {
        if (instance == null) {
            instance = create(home(), System.getenv());
        }
        return instance;
    }

    private static CdpStack create(Path home, Map<String, String> environment) {
        StackSettings user = StackSettings.fromEnvironment(home, environment);
        if (Files.exists(user.endpointsFile())) {
            LOG.log(System.Logger.Level.INFO, "Reusing the stack of ./cdp up in {0}", user.dataDirectory());
            CdpStack stack = new CdpStack(new LocalStack(new StackContext(user)), true);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::cleanUp, "cdp-stack-cleanup"));
            return stack;
        }
        Path testStacks = user.dataDirectory().resolve("test-stacks");
        removeStaleStacks(home, testStacks, environment);
        Path directory = testStacks.resolve("jvm-" + ProcessHandle.current().pid());
        LocalStack own = new LocalStack(new StackContext(StackSettings.forTestJvm(home, directory, environment)));
        try {
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve("owner.pid"),
                    Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.log(System.Logger.Level.INFO, "No ./cdp up stack; this JVM starts its own in {0}", directory);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            own.down(Progress.SILENT);
                            delete(directory);
                        },
                        "cdp-stack-down"));
        return new CdpStack(own, false);
    }

    /** Private stacks of JVMs that died without stopping them: stop their processes and delete them. */
    private static void removeStaleStacks(Path home, Path testStacks, Map<String, String> environment) {
        if (!Files.isDirectory(testStacks)) {
            return;
        }
        try (Stream<Path> directories = Files.list(testStacks)) {
            for (Path directory : directories.toList()) {
                Path owner = directory.resolve("owner.pid");
                long pid = Files.exists(owner)
                        ? Long.parseLong(Files.readString(owner).strip())
                        : -1;
                if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                new LocalStack(new StackContext(StackSettings.forTestJvm(home, directory, environment)))
                        .down(Progress.SILENT);
                delete(directory);
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not clean stale test stacks in " + testStacks, e);
        }
    }

    /**
     * Makes sure the named components (and what they require) are up and ready, and returns how to reach them.
     * Component names: postgres, mariadb, kafka, greenmail, keycloak, trino.
     */
    public synchronized StackEndpoints require(String... components) {
        List<String> wanted = stack.withRequirements(Arrays.asList(components));
        List<String> missing =
                wanted.stream().filter(name -> !ready.contains(name)).toList();
        if (!missing.isEmpty()) {
            if (!reused || !stack.healthy(missing)) {
                // A shared server that answers slowly is waited for, never restarted under other test JVMs.
                stack.up(
                        missing,
                        line -> LOG.log(System.Logger.Level.INFO, line),
                        reused ? LocalStack.WhenUnresponsive.FAIL : LocalStack.WhenUnresponsive.RESTART);
            }
            ready.addAll(missing);
        }
        return stack.context().endpoints();
    }

    public StackEndpoints endpoints() {
        return stack.context().endpoints();
    }

    /**
     * Where a component listens, e.g. {@code http://127.0.0.1:8082} for the {@code identity} service; {@link
     * #require} it first.
     */
    public String location(String component) {
        return stack.component(component).location();
    }

    /** The environment that makes a {@code ./cdp} command (run by a test) address this stack. */
    public Map<String, String> environment() {
        return stack.context().settings().environment();
    }

    /** Whether the servers belong to {@code ./cdp up} (rather than to this JVM). */
    public boolean reused() {
        return reused;
    }

    /** A new, empty PostgreSQL database owned by the platform's user; dropped at JVM exit. */
    public String createDatabase(String prefix) {
        StackEndpoints.Postgres postgres = require("postgres").postgres();
        String name = uniqueName(prefix);
        postgresStatement(postgres, "CREATE DATABASE " + name);
        onExit(() -> postgresStatement(postgres, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        return name;
    }

    private static void postgresStatement(StackEndpoints.Postgres postgres, String sql) {
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl(StackEndpoints.Postgres.PLATFORM_DATABASE),
                        postgres.user(),
                        postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StackException("PostgreSQL refused '%s': %s".formatted(sql, e.getMessage()), e);
        }
    }

    /** A new MariaDB database; dropped at JVM exit. */
    public String createMariaDbDatabase(String prefix) {
        StackEndpoints.MariaDb mariadb = require("mariadb").mariadb();
        String name = uniqueName(prefix);
        mariadbStatement(mariadb, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        onExit(() -> mariadbStatement(mariadb, "DROP DATABASE IF EXISTS " + name));
        return name;
    }

    private static void mariadbStatement(StackEndpoints.MariaDb mariadb, String sql) {
        try (Connection connection = DriverManager.getConnection(
                        mariadb.jdbcUrl(StackEndpoints.MariaDb.POS_DATABASE), mariadb.user(), mariadb.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StackException("MariaDB refused '%s': %s".formatted(sql, e.getMessage()), e);
        }
    }

    /** A new Kafka topic; deleted at JVM exit. */
    public String createTopic(String prefix, int partitions) {
        String bootstrap = require("kafka").kafkaBootstrapServers();
        String name = uniqueName(prefix).replace('_', '.');
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new StackException("Cannot create topic %s: %s".formatted(name, e.getMessage()), e);
        }
        onExit(() -> {
            try (Admin admin = admin(bootstrap)) {
                admin.deleteTopics(List.of(name)).all().get();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "Topic " + name + " not deleted", e);
            }
        });
        return name;
    }

    private static Admin admin(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(properties);
    }

    /**
     * A new schema in Trino's {@code iceberg} catalog, created by the operations service account (an administrator);
     * dropped with its tables at JVM exit.
     */
    public String createTrinoSchema(String prefix) {
        TrinoHttp trino = trinoHttp(operations());
        String name = uniqueName(prefix);
        trino(trino, "CREATE SCHEMA iceberg." + name);
        onExit(() -> {
            for (List<JsonNode> table : trino(trino, "SHOW TABLES FROM iceberg." + name)) {
                trino(
                        trino,
                        "DROP TABLE IF EXISTS iceberg.%s.%s"
                                .formatted(name, table.get(0).asText()));
            }
            trino(trino, "DROP SCHEMA IF EXISTS iceberg." + name);
        });
        return name;
    }

    private static List<List<JsonNode>> trino(TrinoHttp trino, String sql) {
        try {
            return trino.query(sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A person in realm {@code cdp} holding these realm roles; deleted at JVM exit. */
    public RealmUser createRealmUser(String... roles) {
        KeycloakAdmin admin = new KeycloakAdmin(require("keycloak").keycloak());
        String username = uniqueName("user").replace('_', '-');
        String password = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String id = admin.createUser(username, password, List.of(roles));
        onExit(() -> admin.deleteUser(id));
        return new RealmUser(username, password, List.of(roles));
    }

    /** An access token for a realm user (password grant through the public CLI client). */
    public String accessToken(RealmUser user) {
        return accessToken(user.username(), user.password());
    }

    public String accessToken(String username, String password) {
        return token(new RealmCredentials.Person(username, password)).value();
    }

    /** A new access token for a person or a service account. */
    public AccessToken token(RealmCredentials credentials) {
        return new KeycloakTokens(require("keycloak").keycloak()).issue(credentials);
    }

    /**
     * A new service account (a confidential client of realm {@code cdp} whose tokens Trino accepts) holding these
     * realm roles, its tokens living as long as given; deleted at JVM exit.
     */
    public StackEndpoints.ServiceAccount createServiceAccount(java.time.Duration tokenLifespan, String... roles) {
        KeycloakAdmin admin = new KeycloakAdmin(require("keycloak").keycloak());
        String clientId = uniqueName("client").replace('_', '-');
        String secret = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String id = admin.createServiceAccount(clientId, secret, tokenLifespan, List.of(roles));
        onExit(() -> admin.deleteClient(id));
        return new StackEndpoints.ServiceAccount(clientId, secret);
    }

    /** The service account of tests and administrative tasks (realm role {@code admin}: everything in Trino). */
    public StackEndpoints.ServiceAccount operations() {
        return require("keycloak").keycloak().operations();
    }

    /**
     * A Trino JDBC connection to a schema of catalog {@code iceberg}, signed in as the given person or service
     * account (a fresh token, valid for the realm's token lifespan: 15 minutes for people, an hour for the operations
     * account) over TLS trusting the stack's certificate.
     */
    public Connection trino(RealmCredentials caller, String schema) {
        StackEndpoints.Trino trino = require("trino", "keycloak").trino();
        try {
            // The driver directly: DriverManager's registry depends on which class loader first used it, and
            // Quarkus tests in the same JVM use their own.
            return new io.trino.jdbc.TrinoDriver()
                    .connect(TrinoJdbc.url(trino, "iceberg", schema), TrinoJdbc.properties(trino, token(caller)));
        } catch (SQLException e) {
            throw new StackException(
                    "Cannot connect to Trino as %s: %s".formatted(caller.username(), e.getMessage()), e);
        }
    }

    /** Trino's HTTP protocol, signed in as the given person or service account (tokens renewed as they expire). */
    public TrinoHttp trinoHttp(RealmCredentials caller) {
        StackEndpoints endpoints = require("trino", "keycloak");
        return new TrinoHttp(endpoints.trino(), new KeycloakTokens(endpoints.keycloak()), caller);
    }

    /** The messages the mail catcher holds for an address, oldest first. */
    public List<MailMessage> mailTo(String address) {
        StackEndpoints.Mail mail = require("greenmail").mail();
        try {
            JsonNode messages = Http.get(mail.apiUrl() + "/api/user/" + Http.encode(address) + "/messages/", Map.of())
                    .requireSuccess("GreenMail")
                    .json();
            return java.util.stream.StreamSupport.stream(messages.spliterator(), false)
                    .map(MailMessage::fromJson)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void onExit(Runnable cleanup) {
        if (reused) {
            cleanups.push(requireNonNull(cleanup, "cleanup is null"));
        }
    }

    /**
     * Removes what the tests created, in parallel: each DROP DATABASE waits for a checkpoint, and one after the
     * other they can outlast the test runner's patience at JVM exit.
     */
    private synchronized void cleanUp() {
        try (java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            while (!cleanups.isEmpty()) {
                Runnable cleanup = cleanups.pop();
                executor.execute(() -> {
                    try {
                        cleanup.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "Test clean-up failed: " + e.getMessage());
                    }
                });
            }
        }
    }

    /** Lower-case letters, digits and underscores: valid as a database, schema or topic name everywhere. */
    static String uniqueName(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return "%s_%08x".formatted(clean, ThreadLocalRandom.current().nextInt());
    }

    /** The repository root: the {@code cdp.home} system property (set by the build), else found upwards. */
    static Path home() {
        String configured = System.getProperty("cdp.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isExecutable(directory.resolve("cdp")) && Files.isDirectory(directory.resolve("local-stack"))) {
                return directory;
            }
        }
        throw new StackException("Cannot find the repository root: set -Dcdp.home=/path/to/checkout");
    }

    private static void delete(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete " + directory + ": " + e.getMessage());
        }
    }
}
