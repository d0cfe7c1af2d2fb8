package com.monstermart.cdp.identity.benchmarks;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.EventKeys;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end throughput (a harness, not a test): starts the packaged identity service
 * ({@code identity-resolution/service/target/quarkus-app/quarkus-run.jar}) against the running stack with its own
 * database, topics and keyset, writes N raw events to Kafka, and measures the time until N resolved events are on
 * the resolved topic. Arguments: {@code [events] [people] [consumers] [partitions] [warm-up events] [identify share]}:
 * the warm-up events (other people) are resolved first, so that the measured run meets a compiled service, not the
 * JIT at work; the identify share (0 to 1, default 0) of events are sign-ins carrying personal traits (email, names,
 * phone), which the service encrypts with the profile's key and folds into its golden record.
 */
public final class EndToEndHarness {
    private EndToEndHarness() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int people = args.length > 1 ? Integer.parseInt(args[1]) : events / 10;
        int consumers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        double identifyShare = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        Path home = Path.of(System.getProperty("cdp.home", ".")).toAbsolutePath();
        Path jar = home.resolve("identity-resolution/service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the service first: ./mvnw -pl identity-resolution/service package");
        }
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require("postgres", "kafka", "keycloak");
        String database = stack.createDatabase("identity_e2e");
        if (Boolean.getBoolean("identity.harness.explain-statements")) {
            // Every statement's plan with actual times and rows in the PostgreSQL server log (auto_explain).
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                            endpoints.postgres().jdbcUrl(database),
                            endpoints.postgres().user(),
                            endpoints.postgres().password());
                    java.sql.Statement statement = connection.createStatement()) {
                for (String setting : List.of(
                        "session_preload_libraries = 'auto_explain'",
                        "auto_explain.log_min_duration = 0",
                        "auto_explain.log_analyze = on",
                        "auto_explain.log_buffers = on",
                        "log_parameter_max_length = 0")) {
                    statement.execute("ALTER DATABASE " + database + " SET " + setting);
                }
            }
        }
        if (Boolean.getBoolean("identity.harness.log-statements")) {
            // Every statement's duration in the PostgreSQL server log (for profiling the transaction).
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                            endpoints.postgres().jdbcUrl(database),
                            endpoints.postgres().user(),
                            endpoints.postgres().password());
                    java.sql.Statement statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE " + database + " SET log_min_duration_statement = 0");
                statement.execute("ALTER DATABASE " + database + " SET log_parameter_max_length = 0");
            }
        }
        String raw = stack.createTopic("identity-e2e-raw", partitions);
        String resolved = stack.createTopic("identity-e2e-resolved", partitions);
        String changes = stack.createTopic("identity-e2e-changes", 1);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path keys = Files.createTempDirectory("identity-e2e-kek");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(keys.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        String extraJvmArguments = System.getProperty("identity.service.jvm-options", "");
        if (!extraJvmArguments.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", extraJvmArguments);
        }
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.postgres().jdbcUrl(database) + "?reWriteBatchedInserts=true");
        env.put("QUARKUS_DATASOURCE_USERNAME", endpoints.postgres().user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", endpoints.postgres().password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", endpoints.keycloak().issuer());
        env.put("CDP_IDENTITY_PII_KEK_FILE", keys.resolve("kek.json").toString());
        env.put("CDP_IDENTITY_KAFKA_RAW_TOPIC", raw);
        env.put("CDP_IDENTITY_KAFKA_RESOLVED_TOPIC", resolved);
        env.put("CDP_IDENTITY_KAFKA_CHANGES_TOPIC", changes);
        env.put("CDP_IDENTITY_KAFKA_GROUP_ID", "identity-e2e-" + UUID.randomUUID());
        env.put("CDP_IDENTITY_KAFKA_CONSUMERS", Integer.toString(consumers));
        // Further service settings for experiments: -Didentity.service.env.CDP_IDENTITY_KAFKA_MAX_POLL_RECORDS=500
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("identity.service.env."))
                .forEach(name -> env.put(name.substring("identity.service.env.".length()), System.getProperty(name)));
        Workload measured = Workload.generate("e2e-", events, people, 0, 1, identifyShare);
        // Warm-up: other people (ids from `people` on), so the measured run meets the same graph state as without it.
        Workload warm = Workload.generate("warm-", warmup, Math.max(1, warmup / 10), people, 2, identifyShare);
        Process service = builder.start();
        try {
            waitReady(port, service);
            out.printf("service ready on port %d (log %s)%n", port, keys.resolve("service.log"));
            Properties consumerProperties = new Properties();
            consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
            consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-e2e-reader-" + UUID.randomUUID());
            consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            Properties producerProperties = new Properties();
            producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
            producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            producerProperties.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                            consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                            producerProperties, new StringSerializer(), new ByteArraySerializer())) {
                consumer.subscribe(List.of(resolved));
                consumer.poll(Duration.ofMillis(500));
                if (warmup > 0) {
                    long warmStart = System.nanoTime();
                    warm.send(producer, raw);
                    int warmSeen = drain(consumer, warmup);
                    out.printf(
                            "warm-up: %d events resolved in %.1f s%n", warmSeen, (System.nanoTime() - warmStart) / 1e9);
                }
                ResourceUse.Snapshot before = ResourceUse.snapshot(endpoints, database, service.pid());
                long start = System.nanoTime();
                measured.send(producer, raw);
                double produced = (System.nanoTime() - start) / 1e9;
                int seen = drain(consumer, events);
                double seconds = (System.nanoTime() - start) / 1e9;
                ResourceUse.Snapshot after = ResourceUse.snapshot(endpoints, database, service.pid());
                out.println(ResourceUse.report(before, after, seen));
                out.printf(
                        "end to end: %d raw events (%d people, %d partitions, %d consumers) -> %d resolved in %.1f s ="
                                + " %.0f events/s (producing took %.1f s)%n",
                        events, people, partitions, consumers, seen, seconds, seen / seconds, produced);
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /** Polls until {@code count} records were read (at most 20 minutes); returns how many were. */
    private static int drain(KafkaConsumer<byte[], byte[]> consumer, int count) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (seen < count && System.nanoTime() < deadline) {
            seen += consumer.poll(Duration.ofMillis(500)).count();
        }
        return seen;
    }

    private static final List<String> GIVEN_NAMES = List.of(
            "Ann", "Boris", "Chloe", "Dmitri", "Esme", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Liam");
    private static final List<String> FAMILY_NAMES =
            List.of("Moss", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Umar", "Vance");

    /**
     * Synthetic web events: each an anonymous session id plus a user id, email, device id or phone of its person; a
     * share of them sign-ins (identify) with personal traits.
     */
    private record Workload(List<String> keys, List<byte[]> values) {
        static Workload generate(
                String prefix, int events, int people, int firstPerson, long seed, double identifyShare) {
            List<byte[]> values = new ArrayList<>(events);
            List<String> keys = new ArrayList<>(events);
            Random random = new Random(seed);
            SourceRef source = new SourceRef("bench-web", SourceKind.HTTP, "bench");
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int n = 0; n < events; n++) {
                int person = firstPerson + random.nextInt(people);
                String anonymous = "s-" + person + "-" + random.nextInt(20);
                if (random.nextDouble() < identifyShare) {
                    // A sign-in: user id, email, and personal traits the service encrypts with the profile's key
                    // and keeps in the golden record.
                    String email = "p" + person + "-" + random.nextInt(3) + "@mail.example";
                    CanonicalEvent built = CanonicalEvent.builder(EventType.IDENTIFY)
                            .messageId(prefix + n)
                            .timestamp(t0.plusSeconds(n))
                            .anonymousId(anonymous)
                            .userId(Integer.toString(person))
                            .trait("email", email)
                            .trait("firstName", GIVEN_NAMES.get(person % GIVEN_NAMES.size()))
                            .trait("lastName", FAMILY_NAMES.get(person / GIVEN_NAMES.size() % FAMILY_NAMES.size()))
                            .trait("phone", String.format("+1202%07d", 2_000_000 + person))
                            .context(EventContext.builder(source).build())
                            .identifier(IdentifierHint.anonymousId("web", anonymous))
                            .identifier(IdentifierHint.userId("web", Integer.toString(person)))
                            .identifier(IdentifierHint.email(email))
                            .build();
                    values.add(EventJson.toBytes(built));
                    keys.add(EventKeys.partitionKey(built));
                    continue;
                }
                CanonicalEvent.Builder event = CanonicalEvent.builder(EventType.TRACK)
                        .messageId(prefix + n)
                        .timestamp(t0.plusSeconds(n))
                        .anonymousId(anonymous)
                        .event(EcommerceEvents.PRODUCT_VIEWED)
                        .property("product_id", "SKU-" + random.nextInt(500))
                        .context(EventContext.builder(source).build())
                        .identifier(IdentifierHint.anonymousId("web", anonymous));
                switch (random.nextInt(4)) {
                    case 0 ->
                        event.userId(Integer.toString(person))
                                .identifier(IdentifierHint.userId("web", Integer.toString(person)));
                    case 1 ->
                        event.identifier(
                                IdentifierHint.email("p" + person + "-" + random.nextInt(3) + "@mail.example"));
                    case 2 -> event.identifier(IdentifierHint.deviceId("d-" + person));
                    default -> event.identifier(IdentifierHint.phone(String.format("+1202%07d", 2_000_000 + person)));
                }
                CanonicalEvent built = event.build();
                values.add(EventJson.toBytes(built));
                keys.add(EventKeys.partitionKey(built));
            }
            return new Workload(keys, values);
        }

        void send(KafkaProducer<String, byte[]> producer, String topic) {
            for (int n = 0; n < values.size(); n++) {
                producer.send(new ProducerRecord<>(topic, keys.get(n), values.get(n)));
            }
            producer.flush();
        }
    }

    private static void waitReady(int port, Process service) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("The service exited with " + service.exitValue());
            }
            try {
                HttpResponse<Void> response =
                        client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The service did not become ready in 3 minutes");
    }
}
