package com.monstermart.cdp.ingestion.benchmarks;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.ingestion.core.EventSink;
import com.monstermart.cdp.ingestion.kafka.KafkaEventSink;
import com.monstermart.cdp.ingestion.kafka.TopicManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Shared pieces of the benchmark harnesses (run by hand, never as tests). */
final class BenchmarkSupport {
    private BenchmarkSupport() {}

    /** The service's Kafka sink, writing to a benchmark topic. */
    static KafkaEventSink kafka(String bootstrap, String topic) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaEventSink(
                KafkaEventSink.producer(
                        KafkaEventSink.producerProperties(bootstrap, "lz4", 5, 262144, Duration.ofSeconds(60))),
                topic,
                "bench.dead-letter.",
                new TopicManager(Admin.create(admin), (short) 1),
                Duration.ofHours(1));
    }

    /** Serialises events like the Kafka sink does, then drops them: the pipeline's cost without the broker. */
    static final class SerializingNullSink implements EventSink {
        final LongAdder events = new LongAdder();
        final LongAdder bytes = new LongAdder();

        @Override
        public CompletableFuture<Void> send(List<CanonicalEvent> batch) {
            for (CanonicalEvent event : batch) {
                bytes.add(EventJson.toBytes(event).length);
            }
            events.add(batch.size());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> sendDeadLetters(String sourceId, List<DeadLetter> letters) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Logs at INFO, as the service does (an unconfigured log manager formats Debezium's TRACE messages). */
    static void quietLogs() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        java.util.logging.Logger.getLogger("io.debezium").setLevel(java.util.logging.Level.INFO);
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
    }

    static String machine() {
        return "%d cores, %d MB max heap, JDK %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20,
                        System.getProperty("java.version"));
    }
}
