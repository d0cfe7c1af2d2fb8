package com.monstermart.cdp.pii.vault;

import com.google.crypto.tink.Aead;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.time.Instant;

/** One key of a cached ring: unwrapped AEAD, or the time it was shredded. */
final class RingKey {
    final KeyId id;
    final long idValue;
    final SubjectId owner;
    final byte[] associatedDataPrefix;
    final Aead aead;
    final Instant shreddedAt;

    private RingKey(KeyId id, SubjectId owner, Aead aead, Instant shreddedAt) {
        this.id = id;
        this.idValue = id.value();
        this.owner = owner;
        this.associatedDataPrefix = AssociatedData.prefix(id, owner);
        this.aead = aead;
        this.shreddedAt = shreddedAt;
    }

    static RingKey live(KeyId id, SubjectId owner, Aead aead) {
        return new RingKey(id, owner, aead, null);
    }

    static RingKey shredded(KeyId id, SubjectId owner, Instant shreddedAt) {
        return new RingKey(id, owner, null, shreddedAt);
    }

    boolean shredded() {
        return aead == null;
    }
}
