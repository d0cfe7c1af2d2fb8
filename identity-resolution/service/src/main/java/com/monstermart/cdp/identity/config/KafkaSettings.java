package com.monstermart.cdp.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where events come from and go to. */
@ConfigMapping(prefix = "cdp.identity.kafka")
public interface KafkaSettings {
    /** Whether the service consumes at all (off: REST only). */
    @WithDefault("true")
    boolean enabled();

    /** The raw events topic. */
    @WithDefault("cdp.raw.events")
    String rawTopic();

    /** Where resolved events go (event + profileId, PII encrypted). */
    @WithDefault("cdp.resolved.events")
    String resolvedTopic();

    /** Where identity changes go (profile created, merged, split, erased). */
    @WithDefault("cdp.identity.changes")
    String changesTopic();

    /** Consumer group of all identity service instances. */
    @WithDefault("cdp-identity")
    String groupId();

    /** Consumer threads in this process (each owns some partitions). */
    @WithDefault("2")
    int consumers();

    /**
     * Most records resolved in one database transaction (one poll). Larger batches spread each transaction's fixed
     * round trips over more events; the transaction holds its profiles' row locks for longer.
     */
    @WithDefault("2000")
    int maxPollRecords();

    /** How long the producer waits to fill a batch of resolved events and changes ({@code linger.ms}). */
    @WithDefault("PT0.01S")
    Duration producerLinger();

    /**
     * Compression of produced batches ({@code compression.type}: none, gzip, snappy, lz4, zstd). Off by default: on
     * one machine the broker and the service share the cores, and compression costs CPU on both sides for bytes that
     * never cross a network. Every consumer must have the codec: the Kafka clients managed by the Quarkus BOM come
     * without lz4 (only Quarkus' Kafka extension adds it), so a plain kafka-clients consumer cannot read lz4 batches.
     */
    @WithDefault("none")
    String compression();

    /** How long a poll waits for records. */
    @WithDefault("PT0.5S")
    Duration pollTimeout();

    /** Where a new consumer group starts: earliest or latest. */
    @WithDefault("earliest")
    String autoOffsetReset();
}
