package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the vault holds for a subject: its own key and the keys of subjects merged into it. No key material.
 *
 * @param subject the subject asked about
 * @param keys its own key (if it has one) first, then the merged subjects' keys
 */
public record KeyRingStatus(SubjectId subject, List<KeyStatus> keys) {
    public KeyRingStatus {
        requireNonNull(subject, "subject is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
    }

    /** Whether every key of the ring is shredded (and there is at least one). */
    public boolean erased() {
        return !keys.isEmpty() && keys.stream().allMatch(key -> key.shreddedAt().isPresent());
    }

    /**
     * One key of a ring.
     *
     * @param keyId the key
     * @param owner the subject whose key it is
     * @param kekId the key-encryption key that wraps it; empty once shredded
     * @param shreddedAt when it was shredded; empty while live
     */
    public record KeyStatus(KeyId keyId, SubjectId owner, Optional<String> kekId, Optional<Instant> shreddedAt) {
        public KeyStatus {
            requireNonNull(keyId, "keyId is null");
            requireNonNull(owner, "owner is null");
            requireNonNull(kekId, "kekId is null");
            requireNonNull(shreddedAt, "shreddedAt is null");
        }
    }
}
