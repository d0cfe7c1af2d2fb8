package com.monstermart.cdp.event;

import java.util.Optional;

/** The platform's Kafka topics (ARCHITECTURE.md §5). */
public final class Topics {
    /**
     * Canonical events as ingested, JSON ({@link EventJson}), keyed by {@link EventKeys#partitionKey}. Holds
     * plaintext personal data: its retention is short (at most 6 hours) so that erasure reaches it within hours.
     */
    public static final String RAW_EVENTS = "cdp.raw.events";
    /** Canonical events after identity resolution, personal data encrypted. */
    public static final String RESOLVED_EVENTS = "cdp.resolved.events";
    /** Profile merges and unmerges from identity resolution. */
    public static final String IDENTITY_CHANGES = "cdp.identity.changes";
    /** Data-subject commands (erasure, suppression) for every service holding personal data. */
    public static final String PRIVACY_COMMANDS = "cdp.privacy.commands";
    /** Prefix of the per-source dead-letter topics; see {@link #deadLetter(String)}. */
    public static final String DEAD_LETTER_PREFIX = "cdp.dead-letter.";
    /** Record header on raw events naming the event type ({@link EventType#wireName()}), UTF-8. */
    public static final String EVENT_TYPE_HEADER = "cdp-event-type";

    private Topics() {}

    /** The dead-letter topic of a source, {@code cdp.dead-letter.<source id>}, holding {@link DeadLetter}s. */
    public static String deadLetter(String sourceId) {
        if (!SourceRef.isValidId(sourceId)) {
            throw new IllegalArgumentException(
                    "Invalid source id '%s': use 1-63 lower-case letters, digits and dashes".formatted(sourceId));
        }
        return DEAD_LETTER_PREFIX + sourceId;
    }

    /** The source id of a dead-letter topic; empty for other topics. */
    public static Optional<String> sourceOfDeadLetter(String topic) {
        if (topic == null || !topic.startsWith(DEAD_LETTER_PREFIX)) {
            return Optional.empty();
        }
        String id = topic.substring(DEAD_LETTER_PREFIX.length());
        return SourceRef.isValidId(id) ? Optional.of(id) : Optional.empty();
    }
}
