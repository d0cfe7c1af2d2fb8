package com.monstermart.cdp.profile.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Publishes resolved events and profile changes as identity resolution does, for tests. */
public final class ResolvedEvents implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;

    public ResolvedEvents(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
    }

    /** The wire form of a resolved event: the canonical event JSON with {@code profileId}. */
    public static byte[] json(ResolvedEvent event) {
        ObjectNode tree = EventJson.toTree(event.event());
        tree.put("profileId", event.profileId());
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }

    public void send(String topic, List<ResolvedEvent> events) {
        for (ResolvedEvent event : events) {
            producer.send(new ProducerRecord<>(topic, event.profileId().getBytes(StandardCharsets.UTF_8), json(event)));
        }
        producer.flush();
    }

    /** A profile change as JSON, e.g. {@code {"type":"profiles-merged",...}}. */
    public void sendChange(String topic, String key, String json) {
        producer.send(new ProducerRecord<>(
                topic, key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
