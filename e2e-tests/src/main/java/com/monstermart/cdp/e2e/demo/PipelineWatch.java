package com.monstermart.cdp.e2e.demo;

import com.monstermart.cdp.localstack.StackException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the pipeline has got, read from Kafka: what the connectors produced, what identity resolution and the
 * profile store have committed. The pipeline has caught up when both consumer groups have no lag.
 */
final class PipelineWatch implements AutoCloseable {
    static final String RAW_EVENTS = "cdp.raw.events";
    static final String RESOLVED_EVENTS = "cdp.resolved.events";
    static final String IDENTITY_CHANGES = "cdp.identity.changes";
    static final String IDENTITY_GROUP = "cdp-identity";
    static final String PROFILE_STORE_GROUP = "profile-store";

    private final Admin admin;

    PipelineWatch(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        this.admin = Admin.create(properties);
    }

    /** Offsets at one moment; lags are never negative. */
    record Position(long raw, long identityCommitted, long resolvedAndChanges, long storeCommitted) {
        long identityLag() {
            return Math.max(0, raw - identityCommitted);
        }

        long storeLag() {
            return Math.max(0, resolvedAndChanges - storeCommitted);
        }

        boolean caughtUp() {
            return raw > 0 && identityLag() == 0 && storeLag() == 0;
        }
    }

    Position position() {
        try {
            List<TopicPartition> raw = partitions(RAW_EVENTS);
            List<TopicPartition> downstream = new ArrayList<>(partitions(RESOLVED_EVENTS));
            downstream.addAll(partitions(IDENTITY_CHANGES));
            return new Position(
                    endOffsets(raw),
                    committed(IDENTITY_GROUP, raw),
                    endOffsets(downstream),
                    committed(PROFILE_STORE_GROUP, downstream));
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("Cannot read the pipeline's offsets from Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    /** End offset of each partition of a topic, summed: how many records it ever received. */
    long endOffsets(String topic) {
        try {
            return endOffsets(partitions(topic));
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("Cannot read the offsets of %s: %s".formatted(topic, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    private List<TopicPartition> partitions(String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (!admin.listTopics().names().get(15, TimeUnit.SECONDS).contains(topic)) {
            return List.of();
        }
        TopicDescription description = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(15, TimeUnit.SECONDS)
                .get(topic);
        return description.partitions().stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
    }

    private long endOffsets(Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
        return offsets.values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
    }

    private long committed(String group, Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(15, TimeUnit.SECONDS);
        return partitions.stream()
                .map(offsets::get)
                .filter(java.util.Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    /**
     * Waits until the connectors have gone quiet and both consumer groups have caught up, reporting progress.
     *
     * @param ingested the connectors' total event count (from the registry), to notice sources still reading
     */
    /**
     * Waits until the connectors' counts and the raw topic stop growing and both consumer groups have no lag.
     *
     * @param ingested events the connectors report
     * @param healthCheck run at every check; throws when a service stopped being healthy (no point waiting then)
     */
    Position awaitCaughtUp(
            java.util.function.LongSupplier ingested,
            Runnable healthCheck,
            Duration timeout,
            com.monstermart.cdp.localstack.Progress progress) {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastReport = Instant.EPOCH;
        Position previous = null;
        long previousIngested = -1;
        int quietChecks = 0;
        while (Instant.now().isBefore(deadline)) {
            healthCheck.run();
            Position position = position();
            long ingestedNow = ingested.getAsLong();
            boolean quiet = previous != null && position.raw() == previous.raw() && ingestedNow == previousIngested;
            quietChecks = quiet && position.caughtUp() ? quietChecks + 1 : 0;
            if (quietChecks >= 2) {
                return position;
            }
            if (Duration.between(lastReport, Instant.now()).toSeconds() >= 10) {
                progress.report(
                        "  raw events %,d · identity resolution behind by %,d · resolved events and changes %,d · profile store behind by %,d"
                                .formatted(
                                        position.raw(),
                                        position.identityLag(),
                                        position.resolvedAndChanges(),
                                        position.storeLag()));
                lastReport = Instant.now();
            }
            previous = position;
            previousIngested = ingestedNow;
            try {
                TimeUnit.SECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for the pipeline", e);
            }
        }
        Position last = position();
        throw new StackException(
                ("The pipeline did not catch up within %d minutes (raw events %,d, identity resolution behind by %,d,"
                                + " profile store behind by %,d). See ./cdp logs ingestion|identity|profiles.")
                        .formatted(timeout.toMinutes(), last.raw(), last.identityLag(), last.storeLag()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
