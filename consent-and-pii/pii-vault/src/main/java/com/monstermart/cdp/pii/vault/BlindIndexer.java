package com.monstermart.cdp.pii.vault;

import com.google.crypto.tink.prf.PrfSet;
import com.monstermart.cdp.event.BlindIndexInput;
import com.monstermart.cdp.pii.vault.api.BlindIndex;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.security.GeneralSecurityException;

/**
 * {@code HMAC-SHA256(index key, label | 0x00 | canonical text)} truncated to the configured length; the input bytes
 * are {@link BlindIndexInput#bytes()}.
 */
final class BlindIndexer {
    private final PrfSet prf;
    private final int length;

    BlindIndexer(PrfSet prf, int length) {
        this.prf = prf;
        this.length = length;
    }

    BlindIndex index(BlindIndexInput input) {
        try {
            return new BlindIndex(prf.computePrimary(input.bytes(), length));
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(PiiVaultErrorCode.INTERNAL, "Cannot compute a blind index", e);
        }
    }
}
