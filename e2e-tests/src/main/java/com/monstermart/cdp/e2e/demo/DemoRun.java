package com.monstermart.cdp.e2e.demo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.demoworld.CollectorTarget;
import com.monstermart.cdp.demoworld.DatabaseTarget;
import com.monstermart.cdp.demoworld.DemoWorld;
import com.monstermart.cdp.demoworld.DemoWorldSettings;
import com.monstermart.cdp.demoworld.GenerationSummary;
import com.monstermart.cdp.demoworld.ProgressListener;
import com.monstermart.cdp.demoworld.core.Privacy;
import com.monstermart.cdp.demoworld.output.SegmentSender;
import com.monstermart.cdp.localstack.AccessToken;
import com.monstermart.cdp.localstack.KeycloakTokens;
import com.monstermart.cdp.localstack.LocalStack;
import com.monstermart.cdp.localstack.Progress;
import com.monstermart.cdp.localstack.RealmCredentials;
import com.monstermart.cdp.localstack.ServiceDescriptor;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.StackException;
import com.monstermart.cdp.localstack.TrinoJdbc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The platform's spine end to end on the local stack: servers up, the demo world generated into its sources
 * (shop database, POS database, file drops, website events), the services up (connectors → identity resolution →
 * profile store), the pipeline waited for, and a summary read back from the platform and scored against the demo
 * world's truth.
 *
 * <p>It expects platform data from earlier runs to be gone (see {@code DemoCommand}'s reset): the demo world
 * replaces the demo tables, which CDC would otherwise see vanish under it.
 */
public final class DemoRun {
    static final String INGESTION = "ingestion";
    static final String IDENTITY = "identity";
    static final String PROFILES = "profiles";
    static final String CONSOLE = "console";
    /** The environment variable of the ingestion service holding the web shop source's write key. */
    /** The local realm's demo analyst (password = user name), whom the summary reads Trino as. */
    static final RealmCredentials.Person DEMO_ANALYST = new RealmCredentials.Person("analyst", "analyst");

    static final String WRITE_KEY_VARIABLE = "CDP_SHOP_WEB_WRITE_KEY";

    static final String SAMPLE_QUERY = """
            SELECT date(occurred_at) AS day, type, event, count(*) AS events
            FROM iceberg.cdp.events
            GROUP BY 1, 2, 3
            ORDER BY day DESC, events DESC
            LIMIT 5""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final DemoSettings settings;
    private final Progress progress;

    public DemoRun(LocalStack stack, DemoSettings settings, Progress progress) {
        this.stack = requireNonNull(stack, "stack is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    public DemoReport run() {
        Instant begin = Instant.now();
        List<String> services = services();

        step(1, "Starting the servers");
        StackEndpoints endpoints = stack.up(LocalStack.SERVERS, progress);

        step(2, "Generating the demo world into the shop and POS databases and the drop directory");
        GenerationSummary generation = generate(endpoints);
        progress.report("  %,d monsters, %,d source records, %,d website events, %,d files in %s"
                .formatted(
                        generation.persons(),
                        generation.recordsBySource().values().stream()
                                .mapToLong(Long::longValue)
                                .sum(),
                        generation.segmentEvents(),
                        generation.files().size(),
                        DemoReport.format(generation.elapsed())));

        step(3, "Starting the services: " + String.join(", ", services));
        stack.up(services, progress);
        String ingestionUrl = stack.component(INGESTION).location();
        PlatformClient platform = new PlatformClient(
                endpoints.keycloak(),
                ingestionUrl,
                stack.component(IDENTITY).location(),
                stack.component(PROFILES).location());

        step(4, "Posting the website events to the Segment-compatible collector");
        long posted = postWebsiteEvents(ingestionUrl);
        progress.report("  %,d events posted".formatted(posted));

        step(5, "Waiting for connectors → identity resolution → profile store");
        PipelineWatch.Position position;
        try (PipelineWatch watch = new PipelineWatch(endpoints.kafkaBootstrapServers())) {
            position = watch.awaitCaughtUp(
                    () -> platform.sources().stream()
                            .mapToLong(PlatformClient.Source::events)
                            .sum(),
                    () -> requireHealthy(services),
                    settings.pipelineTimeout(),
                    progress);
        }
        progress.report("  caught up: %,d raw events resolved and stored".formatted(position.raw()));

        step(6, "Reading the results back");
        try (Connection trino = trino(endpoints);
                Connection shop = DriverManager.getConnection(
                        endpoints.postgres().jdbcUrl(StackEndpoints.Postgres.SHOP_DATABASE),
                        endpoints.postgres().user(),
                        endpoints.postgres().password())) {
            Map<TruthEvaluation.Key, String> graph = graphIdentifiers(trino);
            Path records = truthDirectory().resolve("records.csv");
            IdentifierLookups.Result lookups =
                    new IdentifierLookups(System.getenv()).run(shop, records, graph.keySet(), platform::profileOf);
            progress.report(
                    "  looked up %,d of %,d identifiers of %d persons by a messy spelling through the profile API"
                            .formatted(lookups.foundTotal(), lookups.expectedTotal(), lookups.persons()));
            return new DemoReport(
                    settings,
                    Duration.between(begin, Instant.now()),
                    generation.persons(),
                    platform.sources(),
                    posted,
                    position.raw(),
                    topicSize(endpoints, PipelineWatch.RESOLVED_EVENTS),
                    identityChanges(endpoints),
                    count(trino, "SELECT count(*) FROM iceberg.cdp.profiles WHERE status = 'active'"),
                    platform.openReviews(),
                    TruthEvaluation.evaluate(records, graph),
                    lookups,
                    tableRows(trino),
                    trinoJdbcUrl(endpoints),
                    SAMPLE_QUERY + ";\n\n" + sampleResult(trino),
                    services.contains(CONSOLE)
                            ? Optional.of(stack.component(CONSOLE).location() + "/")
                            : Optional.empty());
        } catch (SQLException e) {
            throw new StackException("Reading the results from Trino failed: " + e.getMessage(), e);
        }
    }

    /** Fails at once when a service stopped answering its health check (its log says why). */
    private void requireHealthy(List<String> services) {
        for (String service : services) {
            if (!stack.healthy(List.of(service))) {
                throw new StackException("The %s service is not healthy any more; see ./cdp logs %s (%s)"
                        .formatted(service, service, stack.context().settings().logFile(service)));
            }
        }
    }

    private void step(int number, String title) {
        progress.report("");
        progress.report("[%d/6] %s".formatted(number, title));
    }

    /** Every platform service a module declares; each must be built. */
    private List<String> services() {
        List<String> names = new ArrayList<>();
        for (ServiceDescriptor descriptor :
                ServiceDescriptor.discover(stack.context().settings().home())) {
            if (!Files.exists(descriptor.artifact())) {
                throw new StackException("The %s service is not built (%s is missing): run ./mvnw package -DskipTests"
                        .formatted(descriptor.name(), descriptor.artifact()));
            }
            names.add(descriptor.name());
        }
        for (String required : List.of(INGESTION, IDENTITY, PROFILES)) {
            if (!names.contains(required)) {
                throw new StackException("No %s service descriptor found under %s"
                        .formatted(required, stack.context().settings().home()));
            }
        }
        return names;
    }

    private Path dataDirectory() {
        return stack.context().settings().dataDirectory();
    }

    private Path truthDirectory() {
        return dataDirectory().resolve("demo-world").resolve("truth");
    }

    private GenerationSummary generate(StackEndpoints endpoints) {
        StackEndpoints.Postgres postgres = endpoints.postgres();
        StackEndpoints.MariaDb mariadb = endpoints.mariadb();
        return DemoWorld.generate(
                DemoWorldSettings.builder()
                        .customers(settings.customers())
                        .days(settings.days())
                        .seed(settings.seed())
                        .outputDirectory(dataDirectory().resolve("demo-world"))
                        .dropDirectory(dataDirectory().resolve("drop"))
                        .shop(new DatabaseTarget(
                                postgres.jdbcUrl(StackEndpoints.Postgres.SHOP_DATABASE),
                                postgres.user(),
                                postgres.password()))
                        .pos(new DatabaseTarget(
                                mariadb.jdbcUrl(StackEndpoints.MariaDb.POS_DATABASE),
                                mariadb.user(),
                                mariadb.password()))
                        .build(),
                new PhaseProgress(progress));
    }

    /** Reports each phase of the generator on its own line. */
    private record PhaseProgress(Progress progress) implements ProgressListener {
        @Override
        public void phase(String name, long total) {
            progress.report("  %s%s".formatted(name, total > 0 ? " (%,d)".formatted(total) : ""));
        }

        @Override
        public void advance(long done) {}
    }

    /** The demo world's website events, posted as the web shop's Segment SDK would (batches, write key, Sec-GPC). */
    private long postWebsiteEvents(String ingestionUrl) {
        String writeKey = ServiceDescriptor.discover(stack.context().settings().home()).stream()
                .filter(descriptor -> descriptor.name().equals(INGESTION))
                .map(descriptor -> descriptor.environment().get(WRITE_KEY_VARIABLE))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new StackException("The ingestion service's descriptor sets no " + WRITE_KEY_VARIABLE
                        + " for the web shop source"));
        Path segment = dataDirectory().resolve("demo-world").resolve("segment");
        List<Path> files;
        try (Stream<Path> list = Files.list(segment)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(".ndjson"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SegmentSender sender = new SegmentSender(new CollectorTarget(URI.create(ingestionUrl), writeKey))) {
            for (Path file : files) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (!line.isBlank()) {
                            sender.add(line, privacy(line));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            sender.flush();
            return sender.sentEvents();
        }
    }

    private static Privacy privacy(String event) {
        try {
            JsonNode gpc = JSON.readTree(event).path("context").path("gpc");
            return gpc.asBoolean(false) ? Privacy.GLOBAL_PRIVACY_CONTROL : Privacy.DEFAULT;
        } catch (IOException e) {
            throw new StackException("A website event of the demo world is not JSON: " + e.getMessage(), e);
        }
    }

    private static String trinoJdbcUrl(StackEndpoints endpoints) {
        return TrinoJdbc.urlWithTls(endpoints.trino(), "iceberg", "cdp");
    }

    /** Signed in as the demo analyst: the summary reads only what an analyst may (iceberg.cdp). */
    private static Connection trino(StackEndpoints endpoints) throws SQLException {
        AccessToken token = new KeycloakTokens(endpoints.keycloak()).issue(DEMO_ANALYST);
        return DriverManager.getConnection(
                TrinoJdbc.url(endpoints.trino(), "iceberg", "cdp"), TrinoJdbc.properties(endpoints.trino(), token));
    }

    private static long count(Connection trino, String sql) throws SQLException {
        try (Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Map<String, Long> tableRows(Connection trino) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery("SHOW TABLES FROM iceberg.cdp")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables) {
            rows.put(table, count(trino, "SELECT count(*) FROM iceberg.cdp." + table));
        }
        return rows;
    }

    /** Pseudonymous identifiers (user and anonymous ids), whose blind index column holds the id itself. */
    private static Map<TruthEvaluation.Key, String> graphIdentifiers(Connection trino) throws SQLException {
        Map<TruthEvaluation.Key, String> profileOf = new HashMap<>();
        try (Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT identifier_type, namespace, blind_index, CAST(profile_id AS varchar) FROM iceberg.cdp.identities"
                                + " WHERE identifier_type IN ('user_id', 'anonymous_id')")) {
            while (result.next()) {
                profileOf.put(
                        new TruthEvaluation.Key(result.getString(1), result.getString(2), result.getString(3)),
                        result.getString(4));
            }
        }
        return profileOf;
    }

    private static String sampleResult(Connection trino) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(SAMPLE_QUERY)) {
            out.append("%-12s %-10s %-24s %10s%n".formatted("day", "type", "event", "events"));
            while (result.next()) {
                out.append("%-12s %-10s %-24s %,10d%n"
                        .formatted(
                                result.getString(1),
                                result.getString(2),
                                result.getString(3) == null ? "" : result.getString(3),
                                result.getLong(4)));
            }
        }
        return out.toString().stripTrailing();
    }

    private static long topicSize(StackEndpoints endpoints, String topic) {
        try (PipelineWatch watch = new PipelineWatch(endpoints.kafkaBootstrapServers())) {
            return watch.endOffsets(topic);
        }
    }

    /** Every message of {@code cdp.identity.changes}, counted by type. */
    private static Map<String, Long> identityChanges(StackEndpoints endpoints) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        Map<String, Long> counts = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(PipelineWatch.IDENTITY_CHANGES).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String type = JSON.readTree(record.value()).path("type").asText("unknown");
                    counts.merge(type, 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new StackException("An identity change is not JSON: " + e.getMessage(), e);
        }
        return counts;
    }
}
