package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Objects;

/**
 * The surviving value of one trait with when and by which event it was set. The newest event wins (ties: the
 * larger messageId), so the outcome does not depend on the order events arrive in.
 *
 * @param value a JSON-like value (personal values are ciphertext); null when the trait was unset
 * @param updatedAt the timestamp of the event that set it
 * @param messageId the event that set it
 */
public record TraitValue(Object value, Instant updatedAt, String messageId) {
    public TraitValue {
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(messageId, "messageId is null");
    }

    /** Whether {@code candidate} is newer than this value and replaces it. */
    public boolean isReplacedBy(TraitValue candidate) {
        int byTime = candidate.updatedAt.compareTo(updatedAt);
        return byTime > 0 || (byTime == 0 && candidate.messageId.compareTo(messageId) > 0);
    }

    public boolean sameValue(TraitValue other) {
        return Objects.equals(value, other.value);
    }
}
