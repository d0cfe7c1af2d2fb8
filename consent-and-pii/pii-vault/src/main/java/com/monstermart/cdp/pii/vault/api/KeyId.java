package com.monstermart.cdp.pii.vault.api;

import java.util.HexFormat;

/**
 * The id of one subject key, written into every ciphertext it made. Shown as 16 hexadecimal digits.
 *
 * @param value any 64-bit value; ids are unique in a key store
 */
public record KeyId(long value) {
    public static KeyId fromHex(String hex) {
        if (hex == null || hex.length() != 16) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT, "A key id is 16 hexadecimal digits, got '" + hex + "'");
        }
        try {
            return new KeyId(HexFormat.fromHexDigitsToLong(hex));
        } catch (IllegalArgumentException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT, "A key id is 16 hexadecimal digits, got '" + hex + "'");
        }
    }

    public String hex() {
        return HexFormat.of().toHexDigits(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
