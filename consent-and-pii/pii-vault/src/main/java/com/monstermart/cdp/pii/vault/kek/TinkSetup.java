package com.monstermart.cdp.pii.vault.kek;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.security.GeneralSecurityException;

/** Registers the Tink primitives the vault uses (once per class loader). */
public final class TinkSetup {
    private static volatile boolean registered;

    private TinkSetup() {}

    public static void register() {
        if (registered) {
            return;
        }
        synchronized (TinkSetup.class) {
            if (!registered) {
                try {
                    AeadConfig.register();
                    PrfConfig.register();
                } catch (GeneralSecurityException e) {
                    throw new PiiVaultException(PiiVaultErrorCode.INTERNAL, "Cannot register Tink's AEAD and PRF", e);
                }
                registered = true;
            }
        }
    }
}
