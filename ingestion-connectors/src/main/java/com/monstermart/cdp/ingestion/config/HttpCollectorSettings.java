package com.monstermart.cdp.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Segment-compatible HTTP collector ({@code /v1/*}). */
@ConfigMapping(prefix = "cdp.ingestion.http")
public interface HttpCollectorSettings {
    /**
     * Largest call in bytes (Segment: 32 KB): a larger single call gets 413, a larger call in a batch is rejected
     * (dead-lettered and listed in the answer) while the batch's other calls are kept.
     */
    @WithDefault("32768")
    int maxEventBytes();

    /** Largest batch request in bytes (Segment: 500 KB); a larger batch gets 413 and nothing of it is kept. */
    @WithDefault("512000")
    int maxBatchBytes();

    /** Take the client address from the first {@code X-Forwarded-For} hop (only behind a trusted proxy). */
    @WithDefault("false")
    boolean trustForwardedFor();

    /**
     * Correct client clock skew as Segment does: {@code timestamp = receivedAt - (sentAt - timestamp)} when the
     * call says {@code sentAt}.
     */
    @WithDefault("true")
    boolean correctClockSkew();
}
