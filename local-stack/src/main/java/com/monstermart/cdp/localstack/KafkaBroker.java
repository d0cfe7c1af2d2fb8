package com.monstermart.cdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** One KRaft broker (broker and controller in one process), run from Kafka's Maven Central jars. */
final class KafkaBroker extends ProcessComponent {
    static final String NAME = "kafka";
    /** The readiness probe's topic: one record goes out and comes back on every probe. */
    static final String HEALTH_TOPIC = "cdp.stack.health";

    KafkaBroker(StackContext context) {
        super(context, NAME);
    }

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public List<Integer> ports() {
        return List.of(
                context.settings().ports().kafka(), context.settings().ports().kafkaController());
    }

    @Override
    public String location() {
        return context.endpoints().kafkaBootstrapServers();
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    private Path configFile() {
        return directory().resolve("server.properties");
    }

    @Override
    protected void prepare() throws IOException {
        StackSettings.Ports ports = context.settings().ports();
        Path logDirectory = directory().resolve("data");
        String host = StackSettings.HOST;
        Files.writeString(
                configFile(),
                """
                # Written by ./cdp at every start.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%4$s
                num.partitions=3
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                log.retention.hours=168
                """.formatted(host, ports.kafka(), ports.kafkaController(), logDirectory),
                StandardCharsets.UTF_8);
        Files.writeString(directory().resolve("log4j2.properties"), """
                status = warn
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                logger.kafka.name = kafka
                logger.kafka.level = INFO
                logger.state.name = state.change.logger
                logger.state.level = WARN
                """, StandardCharsets.UTF_8);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            Path clusterIdFile = directory().resolve("cluster.id");
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, randomClusterId(), StandardCharsets.UTF_8);
            }
            List<String> format = javaCommand("256m");
            format.addAll(List.of(
                    "kafka.tools.StorageTool",
                    "format",
                    "--ignore-formatted",
                    "-t",
                    Files.readString(clusterIdFile, StandardCharsets.UTF_8).strip(),
                    "-c",
                    configFile().toString()));
            Subprocess.run(format, Duration.ofMinutes(2), "Formatting Kafka's storage");
        }
    }

    /** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. */
    private static String randomClusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private List<String> javaCommand(String heap) {
        List<String> command = new ArrayList<>(context.javaCommand(heap));
        command.addAll(List.of(
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-Dlog4j2.configurationFile=" + directory().resolve("log4j2.properties"),
                "-cp",
                context.distributions().kafkaClassPath()));
        return command;
    }

    @Override
    protected ProcessControl.Launch launch() {
        List<String> command = javaCommand(context.settings().heaps().kafka());
        command.addAll(List.of("kafka.Kafka", configFile().toString()));
        return new ProcessControl.Launch(name(), command, directory(), Map.of(), logFile());
    }

    /** A record produced to the health topic is consumed back. */
    @Override
    public Health probe() {
        String bootstrap = context.endpoints().kafkaBootstrapServers();
        if (!PortProbe.listening(StackSettings.HOST, context.settings().ports().kafka())) {
            return Health.unhealthy(
                    "not listening on port " + context.settings().ports().kafka() + " yet");
        }
        try {
            long started = System.nanoTime();
            roundTrip(bootstrap);
            return Health.healthy("round trip in %d ms".formatted((System.nanoTime() - started) / 1_000_000));
        } catch (Exception e) {
            return Health.unhealthy(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static void roundTrip(String bootstrap) throws Exception {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        common.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        common.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(common)) {
            try {
                admin.createTopics(List.of(new NewTopic(HEALTH_TOPIC, 1, (short) 1)
                                .configs(Map.of(
                                        "retention.ms",
                                        Long.toString(Duration.ofHours(1).toMillis())))))
                        .all()
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        String value = UUID.randomUUID().toString();
        Properties producerProperties = new Properties();
        producerProperties.putAll(common);
        producerProperties.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        producerProperties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        RecordMetadata metadata;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer())) {
            metadata = producer.send(new ProducerRecord<>(HEALTH_TOPIC, value))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProperties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(metadata.topic(), metadata.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, metadata.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (value.equals(record.value())) {
                        return;
                    }
                }
            }
        }
        throw new StackException("a record produced to " + HEALTH_TOPIC + " did not come back within 10 s");
    }
}
