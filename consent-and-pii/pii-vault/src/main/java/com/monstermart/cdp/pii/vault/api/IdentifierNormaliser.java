package com.monstermart.cdp.pii.vault.api;

/**
 * Turns raw identifier text into its canonical form, so that the same person's identifier gives the same blind index
 * whoever captured it. Implementations are stateless and thread-safe; identity resolution uses the same ones.
 */
public interface IdentifierNormaliser {
    IdentifierKind kind();

    /**
     * @throws PiiVaultException with {@link PiiVaultErrorCode#INVALID_IDENTIFIER} when the text is not such an
     *     identifier; the message does not contain the text
     */
    NormalisedIdentifier normalise(String raw);
}
