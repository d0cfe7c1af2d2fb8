package com.monstermart.cdp.pii.vault.store;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.time.Instant;
import java.util.Optional;

/**
 * One subject key row: live (wrapped key present) or shredded (tombstone).
 *
 * @param keyId the key's id
 * @param owner the subject whose key it is
 * @param wrapped the wrapped key; empty once shredded
 * @param shreddedAt when it was shredded; empty while live
 */
public record StoredKey(KeyId keyId, SubjectId owner, Optional<WrappedKey> wrapped, Optional<Instant> shreddedAt) {
    public StoredKey {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(wrapped, "wrapped is null");
        requireNonNull(shreddedAt, "shreddedAt is null");
        if (wrapped.isPresent() == shreddedAt.isPresent()) {
            throw new IllegalArgumentException("A stored key is either wrapped or shredded: " + keyId);
        }
    }

    public static StoredKey live(KeyId keyId, SubjectId owner, WrappedKey wrapped) {
        return new StoredKey(keyId, owner, Optional.of(wrapped), Optional.empty());
    }

    public static StoredKey shredded(KeyId keyId, SubjectId owner, Instant shreddedAt) {
        return new StoredKey(keyId, owner, Optional.empty(), Optional.of(shreddedAt));
    }

    public boolean isLive() {
        return wrapped.isPresent();
    }
}
