package com.monstermart.cdp.ingestion.testing;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.DeadLetterJson;
import com.monstermart.cdp.event.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning, keeping every record, for assertions. */
public final class KafkaProbe implements AutoCloseable {
    /** A raw record as read: key, canonical event and its type header. */
    public record Received(String key, CanonicalEvent event, String typeHeader, int partition) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public KafkaProbe(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(topic)));
    }

    /** Polls briefly and returns everything read so far. */
    public synchronized List<ConsumerRecord<String, byte[]>> poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
            records.add(record);
        }
        return List.copyOf(records);
    }

    /** Raw events read so far that match. */
    public List<Received> events(Predicate<CanonicalEvent> filter) {
        List<Received> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : poll()) {
            CanonicalEvent event = EventJson.fromBytes(record.value());
            if (filter.test(event)) {
                var header = record.headers().lastHeader("cdp-event-type");
                events.add(new Received(
                        record.key(),
                        event,
                        header == null ? null : new String(header.value(), StandardCharsets.UTF_8),
                        record.partition()));
            }
        }
        return events;
    }

    /** Events of one source read so far. */
    public List<CanonicalEvent> eventsOf(String sourceId) {
        return events(event -> event.sourceId().equals(sourceId)).stream()
                .map(Received::event)
                .toList();
    }

    /** Dead letters read so far (on a dead-letter topic). */
    public List<DeadLetter> deadLetters() {
        return poll().stream()
                .map(record -> DeadLetterJson.fromBytes(record.value()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
