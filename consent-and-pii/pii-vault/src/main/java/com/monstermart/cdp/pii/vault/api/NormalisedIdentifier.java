package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

/**
 * An identifier in its canonical form, ready for a blind index. Get one from an {@link IdentifierNormaliser}.
 * {@link #toString()} never shows the value.
 *
 * @param kind what it identifies by
 * @param value the canonical text (personal data)
 */
public record NormalisedIdentifier(IdentifierKind kind, String value) {
    public NormalisedIdentifier {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
        if (value.isEmpty()) {
            throw new PiiVaultException(PiiVaultErrorCode.INVALID_IDENTIFIER, "A normalised " + kind + " is empty");
        }
    }

    @Override
    public String toString() {
        return "NormalisedIdentifier[" + kind + ", redacted]";
    }
}
