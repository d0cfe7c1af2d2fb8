package com.monstermart.cdp.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Debezium change data capture. */
@ConfigMapping(prefix = "cdp.ingestion.cdc")
public interface CdcSettings {
    /** Debezium {@code poll.interval.ms}: how long the engine waits for more changes before handing a batch over. */
    @WithDefault("50")
    int pollIntervalMs();

    /** Debezium {@code max.batch.size}. */
    @WithDefault("4096")
    int maxBatchSize();

    /** Debezium {@code max.queue.size}. */
    @WithDefault("16384")
    int maxQueueSize();

    /** How often acknowledged positions are saved to PostgreSQL. */
    @WithDefault("1s")
    Duration offsetFlushInterval();
}
