package com.monstermart.cdp.ingestion.kafka;

import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.DeadLetterJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the newest dead letters of a source's topic (no consumer group: it only looks). */
public final class DeadLetterReader {
    private final String bootstrapServers;

    public DeadLetterReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Up to {@code limit} of the newest dead letters, newest first; empty when the topic does not exist. */
    public List<DeadLetter> newest(String topic, int limit) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(5));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(assigned, Duration.ofSeconds(5));
            long wanted = 0;
            for (TopicPartition partition : assigned) {
                long start = Math.max(begins.get(partition), ends.get(partition) - limit);
                consumer.seek(partition, start);
                wanted += ends.get(partition) - start;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            long read = 0;
            while (read < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    try {
                        letters.add(DeadLetterJson.fromBytes(record.value()));
                    } catch (IllegalArgumentException e) {
                        // not a dead letter: skip it
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return List.of();
        }
        letters.sort(Comparator.comparing(DeadLetter::failedAt).reversed());
        return letters.size() > limit ? letters.subList(0, limit) : letters;
    }
}
