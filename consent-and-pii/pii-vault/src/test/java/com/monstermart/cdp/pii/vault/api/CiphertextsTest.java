package com.monstermart.cdp.pii.vault.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CiphertextsTest {
    /** Version 1, key id 0x0123456789abcdef, 12 nonce bytes, 3 ciphertext bytes, 16 tag bytes. */
    private static final byte[] SAMPLE = HexFormat.of()
            .parseHex("01" + "0123456789abcdef" + "000102030405060708090a0b" + "aabbcc" + "00".repeat(16));

    @Test
    void theHeaderNamesTheKeyWithoutAnyKey() {
        assertThat(Ciphertexts.keyId(SAMPLE)).isEqualTo(KeyId.fromHex("0123456789abcdef"));
        assertThat(Ciphertexts.OVERHEAD).isEqualTo(37);
    }

    @Test
    void theTextFormIsPrefixedBase64UrlOfTheBinaryForm() {
        String text = Ciphertexts.toText(SAMPLE);

        assertThat(text)
                .isEqualTo("v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(SAMPLE));
        assertThat(Ciphertexts.toBinary(text)).isEqualTo(SAMPLE);
        assertThat(Ciphertexts.keyId(text)).isEqualTo(Ciphertexts.keyId(SAMPLE));
        assertThat(Ciphertexts.looksLikeCiphertext(text)).isTrue();
        assertThat(Ciphertexts.looksLikeCiphertext("monster@example.com")).isFalse();
    }

    @Test
    void malformedInputFailsWithACode() {
        assertThat(code(() -> Ciphertexts.keyId(new byte[0]))).isEqualTo(PiiVaultErrorCode.MALFORMED_CIPHERTEXT);
        assertThat(code(() -> Ciphertexts.keyId(new byte[] {1, 2, 3})))
                .isEqualTo(PiiVaultErrorCode.MALFORMED_CIPHERTEXT);
        assertThat(code(() -> Ciphertexts.keyId(new byte[] {9, 2, 3})))
                .isEqualTo(PiiVaultErrorCode.UNSUPPORTED_CIPHERTEXT_VERSION);
        assertThat(code(() -> Ciphertexts.toBinary("v1.***"))).isEqualTo(PiiVaultErrorCode.MALFORMED_CIPHERTEXT);
        assertThat(code(() -> Ciphertexts.toBinary("v7.AAAA")))
                .isEqualTo(PiiVaultErrorCode.UNSUPPORTED_CIPHERTEXT_VERSION);
        assertThatThrownBy(() -> Ciphertexts.toBinary("v7.AAAA")).hasMessageContaining("version 'v7'");
        assertThat(code(() -> Ciphertexts.toBinary("plain text"))).isEqualTo(PiiVaultErrorCode.MALFORMED_CIPHERTEXT);
    }

    @Test
    void keyIdsPrintAsSixteenHexDigits() {
        assertThat(new KeyId(-1).hex()).isEqualTo("ffffffffffffffff");
        assertThat(KeyId.fromHex("ffffffffffffffff")).isEqualTo(new KeyId(-1));
        assertThatThrownBy(() -> KeyId.fromHex("xyz"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("16 hexadecimal digits");
    }

    private static PiiVaultErrorCode code(Runnable action) {
        try {
            action.run();
            throw new AssertionError("no exception");
        } catch (PiiVaultException e) {
            return e.code();
        }
    }
}
