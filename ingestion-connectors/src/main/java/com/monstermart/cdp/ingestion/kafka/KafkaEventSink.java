package com.monstermart.cdp.ingestion.kafka;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.DeadLetterJson;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.EventKeys;
import com.monstermart.cdp.event.Topics;
import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.EventSink;
import com.monstermart.cdp.ingestion.core.IngestionException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes raw events and dead letters to Kafka: idempotent producer, {@code acks=all}, raw events keyed by
 * {@link EventKeys#partitionKey} so one customer's events keep their order.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final String rawTopic;
    private final String deadLetterPrefix;
    private final TopicManager topics;
    private final Duration deadLetterRetention;

    public KafkaEventSink(
            Producer<String, byte[]> producer,
            String rawTopic,
            String deadLetterPrefix,
            TopicManager topics,
            Duration deadLetterRetention) {
        this.producer = requireNonNull(producer, "producer is null");
        this.rawTopic = requireNonNull(rawTopic, "rawTopic is null");
        this.deadLetterPrefix = requireNonNull(deadLetterPrefix, "deadLetterPrefix is null");
        this.topics = requireNonNull(topics, "topics is null");
        this.deadLetterRetention = requireNonNull(deadLetterRetention, "deadLetterRetention is null");
    }

    /** The producer settings ingestion relies on: idempotence, {@code acks=all}, ordered retries. */
    public static Properties producerProperties(
            String bootstrapServers, String compression, int lingerMs, int batchSize, Duration deliveryTimeout) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, deliveryTimeout.toMillis()));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) deliveryTimeout.toMillis());
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20);
        properties.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                "cdp-ingestion-" + ProcessHandle.current().pid());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    public static Producer<String, byte[]> producer(Properties properties) {
        return new KafkaProducer<>(properties);
    }

    public String rawTopic() {
        return rawTopic;
    }

    /** The dead-letter topic of a source. */
    public String deadLetterTopic(String sourceId) {
        return Topics.DEAD_LETTER_PREFIX.equals(deadLetterPrefix)
                ? Topics.deadLetter(sourceId)
                : deadLetterPrefix + sourceId;
    }

    @Override
    public CompletableFuture<Void> send(List<CanonicalEvent> events) {
        Batch batch = new Batch(events.size());
        try {
            for (CanonicalEvent event : events) {
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(rawTopic, null, EventKeys.partitionKey(event), EventJson.toBytes(event));
                record.headers()
                        .add(new RecordHeader(
                                Topics.EVENT_TYPE_HEADER,
                                event.type().wireName().getBytes(StandardCharsets.UTF_8)));
                producer.send(record, batch);
            }
        } catch (RuntimeException e) {
            batch.fail(e);
        }
        return batch.future;
    }

    @Override
    public CompletableFuture<Void> sendDeadLetters(String sourceId, List<DeadLetter> letters) {
        Batch batch = new Batch(letters.size());
        try {
            String topic = deadLetterTopic(sourceId);
            topics.ensure(topic, 1, deadLetterRetention);
            for (DeadLetter letter : letters) {
                producer.send(new ProducerRecord<>(topic, letter.position(), DeadLetterJson.toBytes(letter)), batch);
            }
        } catch (RuntimeException e) {
            batch.fail(e);
        }
        return batch.future;
    }

    /** Sends every buffered record now. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** Completes when every record of a batch is acknowledged; fails with the first error. */
    private static final class Batch implements Callback {
        private final CompletableFuture<Void> future = new CompletableFuture<>();
        private final AtomicInteger remaining;

        Batch(int size) {
            remaining = new AtomicInteger(size);
            if (size == 0) {
                future.complete(null);
            }
        }

        @Override
        public void onCompletion(org.apache.kafka.clients.producer.RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                fail(exception);
            } else if (remaining.decrementAndGet() == 0) {
                future.complete(null);
            }
        }

        void fail(Exception exception) {
            future.completeExceptionally(new IngestionException(
                    ErrorCode.KAFKA_UNAVAILABLE,
                    "Kafka did not accept the batch: %s; it is retried".formatted(exception.getMessage()),
                    exception));
        }
    }

    /** For tests and diagnostics: the producer's metrics by name. */
    public Map<String, Double> metrics() {
        Map<String, Double> values = new java.util.TreeMap<>();
        producer.metrics().forEach((name, metric) -> {
            if (name.group().equals("producer-metrics") && metric.metricValue() instanceof Double value) {
                values.put(name.name(), value);
            }
        });
        return values;
    }
}
