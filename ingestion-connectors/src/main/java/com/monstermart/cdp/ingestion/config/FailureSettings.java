package com.monstermart.cdp.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a source counts as failing, and how connectors are restarted. */
@ConfigMapping(prefix = "cdp.ingestion.failure")
public interface FailureSettings {
    /** Share of failed rows (dead letters and errors) above which a source is unhealthy. */
    @WithDefault("0.5")
    double errorRate();

    /** Sliding window over which the error rate is measured. */
    @WithDefault("5m")
    Duration window();

    /** Fewer rows than this in the window never count as unhealthy. */
    @WithDefault("20")
    int minimumRows();

    /** How long a source must stay unhealthy before it is marked failing and operators are notified. */
    @WithDefault("1m")
    Duration sustain();

    /** Connector restarts in a row that mark a source failing at once. */
    @WithDefault("5")
    int restarts();

    /** First restart delay of a failed connector (doubles each time). */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest restart delay. */
    @WithDefault("5m")
    Duration maxBackoff();
}
