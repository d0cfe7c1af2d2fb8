package com.monstermart.cdp.pii.vault.eviction;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.util.Set;

/**
 * Tells every vault process to drop cached keys: rings holding any of {@code keyIds} (shredded keys) and rings holding
 * any of {@code subjects} (whose merges changed).
 *
 * @param keyIds shredded keys
 * @param subjects subjects whose key ring membership changed
 */
public record EvictionNotice(Set<KeyId> keyIds, Set<SubjectId> subjects) {
    public EvictionNotice {
        keyIds = Set.copyOf(requireNonNull(keyIds, "keyIds is null"));
        subjects = Set.copyOf(requireNonNull(subjects, "subjects is null"));
    }

    public static EvictionNotice keys(Set<KeyId> keyIds) {
        return new EvictionNotice(keyIds, Set.of());
    }

    public static EvictionNotice subjects(Set<SubjectId> subjects) {
        return new EvictionNotice(Set.of(), subjects);
    }

    public boolean isEmpty() {
        return keyIds.isEmpty() && subjects.isEmpty();
    }
}
