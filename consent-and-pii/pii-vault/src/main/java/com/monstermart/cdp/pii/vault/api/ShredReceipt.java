package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The record of one shred request, as stored in {@code pii_vault.key_event}.
 *
 * @param subject the subject whose key ring was shredded
 * @param outcome whether this request destroyed keys or found none live
 * @param destroyedKeyIds the keys this request destroyed (the subject's and those of subjects merged into it); empty
 *     when none was live
 * @param requestedBy who asked
 * @param reason why
 * @param shreddedAt when the request was recorded (the database's clock)
 * @param sequence the event's position in {@code pii_vault.key_event}
 */
public record ShredReceipt(
        SubjectId subject,
        Outcome outcome,
        List<KeyId> destroyedKeyIds,
        String requestedBy,
        String reason,
        Instant shreddedAt,
        long sequence) {

    public enum Outcome {
        /** This request destroyed the keys listed. */
        SHREDDED,
        /**
         * Nothing live to destroy: an earlier request did, or the subject never had a key. The request is still
         * recorded, and the subject is erased either way (it gets no key from now on).
         */
        NO_LIVE_KEYS
    }

    public ShredReceipt {
        requireNonNull(subject, "subject is null");
        requireNonNull(outcome, "outcome is null");
        destroyedKeyIds = List.copyOf(requireNonNull(destroyedKeyIds, "destroyedKeyIds is null"));
        requireNonNull(requestedBy, "requestedBy is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(shreddedAt, "shreddedAt is null");
    }
}
