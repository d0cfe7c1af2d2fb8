package com.monstermart.cdp.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Segment-compatible HTTP collector ({@code /v1/*}). */
@ConfigMapping(prefix = "cdp.ingestion.http")
public interface HttpCollectorSettings {
    /** Largest single event in bytes (Segment: 32 KB); larger calls get 413. */
    @WithDefault("32768")
    int maxEventBytes();

    /** Largest batch request in bytes (Segment: 500 KB); larger calls get 413. */
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
