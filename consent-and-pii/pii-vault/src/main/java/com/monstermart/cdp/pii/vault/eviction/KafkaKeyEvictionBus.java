package com.monstermart.cdp.pii.vault.eviction;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Eviction notices on the Kafka topic {@code cdp.privacy.commands} (JSON, {@code "type": "pii-vault.evict-keys"}).
 * Every process reads every partition from the end, without a consumer group, so each one sees every notice sent
 * after it started by another process (its own it skips: the vault evicted before publishing); messages of other
 * types on the topic are ignored.
 */
public final class KafkaKeyEvictionBus implements KeyEvictionBus {
    /** The platform's privacy command topic. */
    public static final String DEFAULT_TOPIC = "cdp.privacy.commands";
    /** The {@code type} of vault eviction messages. */
    public static final String MESSAGE_TYPE = "pii-vault.evict-keys";

    private static final System.Logger LOG = System.getLogger(KafkaKeyEvictionBus.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final String origin = UUID.randomUUID().toString();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final List<Consumer<EvictionNotice>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread poller;
    private volatile boolean closed;

    /**
     * Connects and starts reading; returns once every partition is assigned at its end (or after {@code startTimeout},
     * logging a warning: the key event poll still evicts).
     *
     * @param clientProperties extra Kafka client properties (security settings and the like), for both clients
     */
    public KafkaKeyEvictionBus(
            String bootstrapServers, String topic, Map<String, Object> clientProperties, Duration startTimeout) {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        this.topic = requireNonNull(topic, "topic is null");
        requireNonNull(clientProperties, "clientProperties is null");
        requireNonNull(startTimeout, "startTimeout is null");

        Map<String, Object> producerProperties = new HashMap<>(clientProperties);
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerProperties.put(ProducerConfig.CLIENT_ID_CONFIG, "pii-vault-evict-" + origin);
        this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());

        Map<String, Object> consumerProperties = new HashMap<>(clientProperties);
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumerProperties.put(ConsumerConfig.CLIENT_ID_CONFIG, "pii-vault-listen-" + origin);
        this.consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer());

        this.poller =
                Thread.ofPlatform().daemon().name("pii-vault-eviction-" + topic).unstarted(this::run);
        poller.start();
        try {
            if (!assigned.await(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Kafka topic {0} not assigned within {1}: eviction broadcasts may be missed until it is (the key event poll still evicts)",
                        topic,
                        startTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new PiiVaultException(
                    PiiVaultErrorCode.EVICTION_BUS_FAILURE, "Interrupted while connecting to Kafka topic " + topic);
        }
    }

    /** Connects with no extra client properties to {@link #DEFAULT_TOPIC}, waiting up to 10 s for the assignment. */
    public static KafkaKeyEvictionBus connect(String bootstrapServers) {
        return new KafkaKeyEvictionBus(bootstrapServers, DEFAULT_TOPIC, Map.of(), Duration.ofSeconds(10));
    }

    private void run() {
        try {
            List<TopicPartition> partitions = List.of();
            while (!closed && partitions.isEmpty()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                partitions = infos == null
                        ? List.of()
                        : infos.stream()
                                .map(info -> new TopicPartition(topic, info.partition()))
                                .toList();
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            for (TopicPartition partition : partitions) {
                consumer.position(partition); // resolve the end now, not at the first poll
            }
            assigned.countDown();
            while (!closed) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    deliver(record.value());
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "Kafka eviction listener woken up unexpectedly");
            }
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Kafka eviction listener on {0} stopped ({1}); the key event poll still evicts",
                    topic,
                    e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void deliver(String value) {
        EvictionNotice notice;
        try {
            JsonNode message = read(value);
            if (message == null || origin.equals(message.path("origin").asText())) {
                return; // the publishing vault evicted before it published
            }
            notice = notice(message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Ignoring an unreadable message on {0}", topic);
            return;
        }
        if (notice == null) {
            return;
        }
        for (Consumer<EvictionNotice> listener : listeners) {
            try {
                listener.accept(notice);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A key eviction listener failed: {0}", e.toString());
            }
        }
    }

    static String format(EvictionNotice notice, String origin) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", MESSAGE_TYPE);
        message.put("version", 1);
        message.put("origin", origin);
        message.put("sentAt", Instant.now().toString());
        ArrayNode keyIds = message.putArray("keyIds");
        notice.keyIds().forEach(keyId -> keyIds.add(keyId.hex()));
        ArrayNode subjects = message.putArray("subjects");
        notice.subjects().forEach(subject -> subjects.add(subject.value()));
        return message.toString();
    }

    /** The notice in a message, or null for another type of message. */
    static EvictionNotice parse(String value) {
        JsonNode message = read(value);
        return message == null ? null : notice(message);
    }

    private static JsonNode read(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static EvictionNotice notice(JsonNode message) {
        if (!MESSAGE_TYPE.equals(message.path("type").asText())) {
            return null;
        }
        Set<KeyId> keyIds = new HashSet<>();
        message.path("keyIds").forEach(node -> keyIds.add(KeyId.fromHex(node.asText())));
        Set<SubjectId> subjects = new HashSet<>();
        message.path("subjects").forEach(node -> subjects.add(new SubjectId(node.asText())));
        return new EvictionNotice(keyIds, subjects);
    }

    @Override
    public void publish(EvictionNotice notice) {
        requireNonNull(notice, "notice is null");
        if (notice.isEmpty()) {
            return;
        }
        String key =
                notice.subjects().stream().findFirst().map(SubjectId::value).orElse(null);
        try {
            producer.send(new ProducerRecord<>(topic, key, format(notice, origin)), (metadata, error) -> {
                if (error != null) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Could not broadcast a key eviction on {0} ({1}); other processes evict at their next key event poll",
                            topic,
                            error.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Could not broadcast a key eviction on {0} ({1}); other processes evict at their next key event poll",
                    topic,
                    e.toString());
        }
    }

    @Override
    public void subscribe(Consumer<EvictionNotice> listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
