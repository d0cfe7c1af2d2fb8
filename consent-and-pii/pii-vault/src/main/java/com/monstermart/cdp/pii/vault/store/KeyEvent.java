package com.monstermart.cdp.pii.vault.store;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An entry of {@code pii_vault.key_event}: a shred (with the keys it destroyed) or an unmerge.
 *
 * @param sequence position in the log; logs are read in this order
 * @param kind shred or unmerge
 * @param subject the shredded subject, or the survivor of an unmerge
 * @param otherSubject the subject split off by an unmerge
 * @param keyIds the keys a shred destroyed
 * @param requestedBy who asked (shreds)
 * @param reason why (shreds)
 * @param occurredAt when (the database's clock)
 */
public record KeyEvent(
        long sequence,
        Kind kind,
        SubjectId subject,
        Optional<SubjectId> otherSubject,
        List<KeyId> keyIds,
        Optional<String> requestedBy,
        Optional<String> reason,
        Instant occurredAt) {

    public enum Kind {
        SHRED,
        UNMERGE
    }

    public KeyEvent {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(otherSubject, "otherSubject is null");
        keyIds = List.copyOf(requireNonNull(keyIds, "keyIds is null"));
        requireNonNull(requestedBy, "requestedBy is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(occurredAt, "occurredAt is null");
    }
}
