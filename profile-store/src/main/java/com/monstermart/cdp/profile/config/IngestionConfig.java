package com.monstermart.cdp.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How the store reads its topics and batches commits. */
@ConfigMapping(prefix = "cdp.profile-store.ingestion")
public interface IngestionConfig {
    /** Whether to consume at all (off: the API and maintenance only). */
    @WithDefault("true")
    boolean enabled();

    /** Resolved events. */
    @WithDefault("cdp.resolved.events")
    String eventsTopic();

    /** Profile changes (merges, splits, creation, erasure). */
    @WithDefault("cdp.identity.changes")
    String changesTopic();

    /** The Kafka consumer group; also keys the hot store's offsets. */
    @WithDefault("profile-store")
    String groupId();

    /** A batch commits after reading this many records... */
    @WithDefault("100000")
    int maxBatchRecords();

    /** ...or after this long, whichever comes first (the freshness of the tables). */
    @WithDefault("PT5S")
    Duration commitInterval();

    /** How long one Kafka poll waits. */
    @WithDefault("PT0.5S")
    Duration pollTimeout();

    /** How many recent message ids are kept for deduplication (about 40 bytes each). */
    @WithDefault("1000000")
    int messageIndexCapacity();

    /**
     * Parquet files a batch keeps open per table; a batch spanning more partitions (a backfill over many days)
     * closes the least recently written one, which bounds memory at the cost of more, smaller files.
     */
    @WithDefault("8")
    int maxOpenFilesPerTable();

    /**
     * Event properties promoted to columns of {@code events}, property name → type (string, int, long, boolean,
     * decimal, timestamptz, date); adding one adds the column at the next start. E.g.
     * {@code cdp.profile-store.ingestion.promoted-properties.coupon=string}.
     */
    Map<String, String> promotedProperties();

    /** More Kafka consumer properties, e.g. {@code cdp.profile-store.ingestion.kafka."security.protocol"=SSL}. */
    Map<String, String> kafka();
}
