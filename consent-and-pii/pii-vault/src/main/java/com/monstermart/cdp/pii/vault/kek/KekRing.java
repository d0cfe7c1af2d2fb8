package com.monstermart.cdp.pii.vault.kek;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KEKs a process holds: the primary wraps new keys; previous ones only unwrap keys not yet re-wrapped by a
 * rotation.
 */
public final class KekRing {
    private final KeyEncryptionKey primary;
    private final Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();

    public KekRing(KeyEncryptionKey primary, List<KeyEncryptionKey> previous) {
        this.primary = requireNonNull(primary, "primary is null");
        byId.put(primary.id(), primary);
        for (KeyEncryptionKey kek : requireNonNull(previous, "previous is null")) {
            byId.putIfAbsent(requireNonNull(kek, "previous KEK is null").id(), kek);
        }
    }

    public KeyEncryptionKey primary() {
        return primary;
    }

    public List<KeyEncryptionKey> all() {
        return List.copyOf(byId.values());
    }

    /** The KEK named {@code kekId}; fails with advice when this process was not given it. */
    public KeyEncryptionKey byId(String kekId) {
        KeyEncryptionKey kek = byId.get(kekId);
        if (kek == null) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "A stored key is wrapped by KEK '%s', which this process does not have (it has %s): configure it as a previous KEK until the rotation to '%s' has finished"
                            .formatted(kekId, byId.keySet(), primary.id()));
        }
        return kek;
    }
}
