package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * When a source counts as failing (overrides the service defaults).
 *
 * @param errorRate the share of rows that fail (dead letters and errors) above which the source is unhealthy
 * @param window the sliding window the rate is measured over
 * @param minimumRows fewer rows than this in the window never count as failing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailurePolicySpec(Double errorRate, Duration window, Integer minimumRows) {}
