package com.monstermart.cdp.pii.vault.store;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;

/** A key to store for a subject that has none yet. */
public record NewKey(SubjectId subject, KeyId keyId, WrappedKey wrapped) {
    public NewKey {
        requireNonNull(subject, "subject is null");
        requireNonNull(keyId, "keyId is null");
        requireNonNull(wrapped, "wrapped is null");
    }
}
