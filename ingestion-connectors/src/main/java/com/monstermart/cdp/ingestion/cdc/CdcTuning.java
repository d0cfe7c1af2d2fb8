package com.monstermart.cdp.ingestion.cdc;

import java.time.Duration;

/**
 * Debezium engine settings shared by every CDC source.
 *
 * @param pollIntervalMs {@code poll.interval.ms}
 * @param maxBatchSize {@code max.batch.size}
 * @param maxQueueSize {@code max.queue.size}
 * @param offsetFlushInterval {@code offset.flush.interval.ms}
 */
public record CdcTuning(int pollIntervalMs, int maxBatchSize, int maxQueueSize, Duration offsetFlushInterval) {}
