package com.monstermart.cdp.pii.vault;

import com.google.crypto.tink.prf.PrfSet;
import com.monstermart.cdp.pii.vault.api.BlindIndex;
import com.monstermart.cdp.pii.vault.api.NormalisedIdentifier;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** {@code HMAC-SHA256(index key, kind | 0x00 | normalised value)} truncated to the configured length. */
final class BlindIndexer {
    private final PrfSet prf;
    private final int length;

    BlindIndexer(PrfSet prf, int length) {
        this.prf = prf;
        this.length = length;
    }

    BlindIndex index(NormalisedIdentifier identifier) {
        byte[] kind = identifier.kind().name().getBytes(StandardCharsets.UTF_8);
        byte[] value = identifier.value().getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[kind.length + 1 + value.length];
        System.arraycopy(kind, 0, input, 0, kind.length);
        System.arraycopy(value, 0, input, kind.length + 1, value.length);
        try {
            return new BlindIndex(prf.computePrimary(input, length));
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(PiiVaultErrorCode.INTERNAL, "Cannot compute a blind index", e);
        }
    }
}
