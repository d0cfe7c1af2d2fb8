package com.monstermart.cdp.pii.vault.kek;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.security.GeneralSecurityException;

/** A KEK over a Tink AEAD. */
final class TinkAeadKek implements KeyEncryptionKey {
    private final String id;
    private final Aead aead;

    TinkAeadKek(String id, Aead aead) {
        this.id = requireNonNull(id, "id is null");
        this.aead = requireNonNull(aead, "aead is null");
        if (id.isBlank() || id.length() > 200) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT, "A KEK id is 1 to 200 characters, got '" + id + "'");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] keyMaterial, byte[] associatedData) {
        try {
            return aead.encrypt(keyMaterial, associatedData);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "Cannot wrap a key with KEK '%s' (%s): check the KEK (or the KMS) is reachable"
                            .formatted(id, e.getClass().getSimpleName()),
                    e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            return aead.decrypt(wrapped, associatedData);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "Cannot unwrap a key with KEK '%s' (%s): the key was wrapped by another KEK, its row was altered, or the KMS is unreachable"
                            .formatted(id, e.getClass().getSimpleName()),
                    e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}
