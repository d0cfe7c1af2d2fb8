package com.monstermart.cdp.pii.vault;

import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.util.List;

/** A subject's cached key ring: its own key (if it has one) and the keys of subjects merged into it. Immutable. */
final class KeyRing {
    final SubjectId subject;
    /** The subject's own key, or null when it has none yet. */
    final RingKey own;

    private final RingKey[] keys;

    KeyRing(SubjectId subject, List<RingKey> keys) {
        this.subject = subject;
        this.keys = keys.toArray(RingKey[]::new);
        RingKey found = null;
        for (RingKey key : this.keys) {
            if (key.owner.equals(subject)) {
                found = key;
                break;
            }
        }
        this.own = found;
    }

    RingKey find(long keyId) {
        for (RingKey key : keys) {
            if (key.idValue == keyId) {
                return key;
            }
        }
        return null;
    }

    List<RingKey> keys() {
        return List.of(keys);
    }
}
