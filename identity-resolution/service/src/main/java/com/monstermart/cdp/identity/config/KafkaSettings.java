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

    /** Most records resolved in one database transaction. */
    @WithDefault("500")
    int maxPollRecords();

    /** How long a poll waits for records. */
    @WithDefault("PT0.5S")
    Duration pollTimeout();

    /** Where a new consumer group starts: earliest or latest. */
    @WithDefault("earliest")
    String autoOffsetReset();
}
