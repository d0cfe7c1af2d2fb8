package com.monstermart.cdp.identity.kafka;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.InvalidEventException;
import com.monstermart.cdp.identity.config.KafkaSettings;
import com.monstermart.cdp.identity.resolution.ResolutionService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consumer threads: poll a batch of raw events, resolve it (one database transaction), publish resolved events and
 * changes, wait for the broker's acknowledgements, then commit the offsets (at least once; resolution is idempotent
 * by messageId, so a replayed batch republishes the same profiles). A batch that fails is rewound and retried.
 */
@ApplicationScoped
public class ResolverLoop {
    private final KafkaSettings settings;
    private final ResolutionService service;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger alive = new AtomicInteger();
    private final List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<String, byte[]> producer;

    public ResolverLoop(
            KafkaSettings settings,
            ResolutionService service,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry registry) {
        this.settings = settings;
        this.service = service;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            Log.info("Kafka consumption is off (cdp.identity.kafka.enabled=false)");
            return;
        }
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProperties.put(
                ProducerConfig.LINGER_MS_CONFIG,
                Long.toString(settings.producerLinger().toMillis()));
        producerProperties.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        producerProperties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
        producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        running.set(true);
        for (int i = 0; i < settings.consumers(); i++) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.maxPollRecords()));
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset());
            properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "cdp-identity-" + i);
            // A full batch of raw events per fetch (default 1 MiB per partition).
            properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
            KafkaConsumer<byte[], byte[]> consumer =
                    new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumers.add(consumer);
            Thread thread = Thread.ofPlatform().name("identity-resolver-" + i).start(() -> run(consumer));
            threads.add(thread);
        }
        Log.infof(
                "Resolving %s -> %s, %s with %d consumers",
                settings.rawTopic(), settings.resolvedTopic(), settings.changesTopic(), settings.consumers());
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        consumers.forEach(KafkaConsumer::wakeup);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Whether every consumer thread runs (readiness). */
    public boolean healthy() {
        return !settings.enabled() || alive.get() == settings.consumers();
    }

    private void run(KafkaConsumer<byte[], byte[]> consumer) {
        alive.incrementAndGet();
        Timer batchTimer = registry.timer("cdp_identity_batch_seconds");
        Counter invalid = registry.counter("cdp_identity_events_invalid_total");
        try {
            consumer.subscribe(List.of(settings.rawTopic()));
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
                if (records.isEmpty()) {
                    continue;
                }
                List<CanonicalEvent> events = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    try {
                        events.add(EventJson.fromBytes(record.value()));
                    } catch (InvalidEventException | IllegalArgumentException | NullPointerException e) {
                        // the contract is checked by the connectors; a record that still breaks it is skipped
                        invalid.increment();
                        Log.warnf(
                                "Skipped an invalid raw event at %s-%d@%d",
                                record.topic(), record.partition(), record.offset());
                    }
                }
                try {
                    Timer.Sample sample = Timer.start(registry);
                    ResolutionService.Result result = service.resolve(events);
                    List<Future<RecordMetadata>> sends =
                            new ArrayList<>(result.records().size());
                    for (ResolutionService.Outgoing outgoing : result.records()) {
                        sends.add(producer.send(
                                new ProducerRecord<>(outgoing.topic(), outgoing.key(), outgoing.value())));
                    }
                    for (Future<RecordMetadata> send : sends) {
                        send.get();
                    }
                    consumer.commitSync(offsets(records));
                    sample.stop(batchTimer);
                    count(result);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    Log.errorf("Resolving a batch of %d events failed, retrying it: %s", events.size(), e.getMessage());
                    registry.counter("cdp_identity_batch_failures_total").increment();
                    rewind(consumer, records);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Identity resolver thread stopped");
        } finally {
            alive.decrementAndGet();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void count(ResolutionService.Result result) {
        result.fates().forEach((fate, count) -> registry.counter(
                        "cdp_identity_events_total", "fate", fate.name().toLowerCase(java.util.Locale.ROOT))
                .increment(count));
        result.invalidIdentifiers()
                .forEach((field, count) -> registry.counter("cdp_identity_identifiers_invalid_total", "field", field)
                        .increment(count));
        registry.counter("cdp_identity_identifiers_blocked_total").increment(result.blockedIdentifiers());
        registry.counter("cdp_identity_merges_total").increment(result.merges());
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> list = records.records(partition);
            out.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return out;
    }

    private static void rewind(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
