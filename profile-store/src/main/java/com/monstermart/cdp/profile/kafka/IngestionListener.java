package com.monstermart.cdp.profile.kafka;

import com.monstermart.cdp.profile.core.BatchResult;

/** Hears what the ingestion loop does: metrics, health, tests. Called on the loop's thread; keep it quick. */
public interface IngestionListener {
    IngestionListener NONE = new IngestionListener() {};

    /** Started, with how many message ids the deduplication index was rebuilt from. */
    default void started(long messageIdsLoaded) {}

    /** The Iceberg tables committed a batch; the hot store and Kafka offsets come next. */
    default void tablesCommitted(BatchResult result) {}

    /**
     * The hot store committed the batch (in the background; heard when the loop next looks, at the latest before the
     * next batch's Iceberg commit); the Kafka offsets come next.
     */
    default void hotStoreCommitted(BatchResult result) {}

    /** A batch is committed everywhere. */
    default void batchCommitted(BatchReport report) {}

    /** A batch failed; the loop rewinds to the hot store's offsets and retries after {@code retryInMillis}. */
    default void batchFailed(RuntimeException failure, long retryInMillis) {}
}
