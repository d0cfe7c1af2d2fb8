package com.monstermart.cdp.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Kafka topics and producer of ingestion; the broker is {@code kafka.bootstrap.servers}. */
@ConfigMapping(prefix = "cdp.ingestion.kafka")
public interface KafkaSettings {
    /** The raw events topic. */
    @WithDefault("cdp.raw.events")
    String rawTopic();

    /** Prefix of the per-source dead-letter topics. */
    @WithDefault("cdp.dead-letter.")
    String deadLetterPrefix();

    /** Retention of the raw events topic: at most 6 hours, erasure relies on it; applied at every start. */
    @WithDefault("6h")
    Duration rawRetention();

    /** Retention of the dead-letter topics (they may hold personal data too); applied at every start. */
    @WithDefault("6h")
    Duration deadLetterRetention();

    /** Partitions of the raw events topic when ingestion creates it. */
    @WithDefault("6")
    int rawPartitions();

    /** Replication factor of topics ingestion creates. */
    @WithDefault("1")
    short replicationFactor();

    /** Producer compression ({@code none}, {@code lz4}, {@code zstd}, ...). */
    @WithDefault("lz4")
    String compression();

    /** Producer {@code linger.ms}: waiting this long fills batches. */
    @WithDefault("5")
    int lingerMs();

    /** Producer {@code batch.size} in bytes. */
    @WithDefault("262144")
    int batchSize();

    /** How long a send may wait for acknowledgement before the batch fails and is retried. */
    @WithDefault("60s")
    Duration deliveryTimeout();
}
