package com.monstermart.cdp.profile.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * How the ingestion loop reads and batches.
 *
 * @param eventsTopic resolved events, {@code cdp.resolved.events}
 * @param changesTopic profile changes, {@code cdp.identity.changes}
 * @param groupId the Kafka consumer group (also the key of the hot store's offsets)
 * @param maxBatchRecords a batch is committed when it has read this many records...
 * @param maxBatchInterval ...or when this long has passed since it started, whichever comes first
 * @param pollTimeout how long one poll waits for records
 * @param messageIndexCapacity how many recent message ids are remembered for deduplication
 * @param maxOpenFilesPerTable Parquet files a batch keeps open per table (see {@code IcebergBatchWriter})
 * @param kafkaProperties more consumer properties (they override the loop's defaults)
 */
public record IngestionSettings(
        String bootstrapServers,
        String eventsTopic,
        String changesTopic,
        String groupId,
        int maxBatchRecords,
        Duration maxBatchInterval,
        Duration pollTimeout,
        int messageIndexCapacity,
        int maxOpenFilesPerTable,
        Map<String, String> kafkaProperties) {
    public IngestionSettings {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        requireNonNull(eventsTopic, "eventsTopic is null");
        requireNonNull(changesTopic, "changesTopic is null");
        requireNonNull(groupId, "groupId is null");
        requireNonNull(maxBatchInterval, "maxBatchInterval is null");
        requireNonNull(pollTimeout, "pollTimeout is null");
        kafkaProperties = Map.copyOf(requireNonNull(kafkaProperties, "kafkaProperties is null"));
        if (maxBatchRecords < 1) {
            throw new IllegalArgumentException("maxBatchRecords must be positive: " + maxBatchRecords);
        }
        if (maxBatchInterval.isNegative() || maxBatchInterval.isZero()) {
            throw new IllegalArgumentException("maxBatchInterval must be positive: " + maxBatchInterval);
        }
        if (maxOpenFilesPerTable < 1) {
            throw new IllegalArgumentException("maxOpenFilesPerTable must be positive: " + maxOpenFilesPerTable);
        }
        if (messageIndexCapacity < 1) {
            throw new IllegalArgumentException("messageIndexCapacity must be positive: " + messageIndexCapacity);
        }
    }
}
