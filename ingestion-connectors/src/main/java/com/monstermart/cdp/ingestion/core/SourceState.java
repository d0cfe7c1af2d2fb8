package com.monstermart.cdp.ingestion.core;

/** What a source is doing now. */
public enum SourceState {
    /** Connector starting. */
    STARTING,
    /** Working (an HTTP source accepting calls). */
    RUNNING,
    /** Paused by an operator. */
    PAUSED,
    /** The connector stopped on an error and restarts after a backoff. */
    RETRYING,
    /** The error rate stays above the threshold, or the connector keeps failing; operators were notified. */
    FAILING,
    /** Another instance of the service runs this source. */
    STANDBY,
    /** The definition does not compile (a bad mapping); fix and update it. */
    INVALID
}
