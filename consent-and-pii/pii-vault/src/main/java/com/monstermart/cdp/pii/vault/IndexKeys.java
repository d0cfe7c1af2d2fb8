package com.monstermart.cdp.pii.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.kek.KekRing;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import com.monstermart.cdp.pii.vault.store.SubjectKeyStore;
import com.monstermart.cdp.pii.vault.store.WrappedKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Blind index keys: Tink HMAC-SHA256 PRF keysets, stored in Tink's binary encrypted-keyset format wrapped by the KEK,
 * shared by every process through the key store (so every service computes the same index).
 */
final class IndexKeys {
    private IndexKeys() {}

    static PrfSet loadOrCreate(SubjectKeyStore store, KekRing keks, String name) {
        WrappedKey stored = store.indexKey(name).orElseGet(() -> {
            try {
                KeysetHandle handle = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
                byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(
                        handle, asAead(keks.primary()), associatedData(name));
                return store.insertIndexKeyIfAbsent(
                        name, new WrappedKey(keks.primary().id(), wrapped));
            } catch (GeneralSecurityException e) {
                throw new PiiVaultException(PiiVaultErrorCode.INTERNAL, "Cannot create blind index key " + name, e);
            }
        });
        try {
            return parse(stored, keks, name).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(PiiVaultErrorCode.INTERNAL, "Cannot build blind index key " + name, e);
        }
    }

    static WrappedKey rewrap(String name, WrappedKey old, KekRing keks) {
        try {
            KeysetHandle handle = parse(old, keks, name);
            return new WrappedKey(
                    keks.primary().id(),
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(
                            handle, asAead(keks.primary()), associatedData(name)));
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(PiiVaultErrorCode.INTERNAL, "Cannot re-wrap blind index key " + name, e);
        }
    }

    private static KeysetHandle parse(WrappedKey stored, KekRing keks, String name) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(
                stored.bytes(), asAead(keks.byId(stored.kekId())), associatedData(name));
    }

    private static byte[] associatedData(String name) {
        return ("cdp-pii-vault/index-key/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static Aead asAead(KeyEncryptionKey kek) {
        return new Aead() {
            @Override
            public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
                return kek.wrap(plaintext, associatedData);
            }

            @Override
            public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
                return kek.unwrap(ciphertext, associatedData);
            }
        };
    }
}
