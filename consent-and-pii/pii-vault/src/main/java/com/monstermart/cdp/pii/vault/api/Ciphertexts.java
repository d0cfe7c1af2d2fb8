package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The vault's ciphertext encoding, readable without any key (see the module README, "Ciphertext format").
 *
 * <pre>
 * binary v1:  0x01 | key id (8 bytes, big-endian) | nonce (12) | AES-256-GCM ciphertext (= plaintext length) | tag (16)
 * text v1:    "v1." + base64url without padding of the whole binary form
 * </pre>
 *
 * The associated data, never stored, binds the format version, the key id, the key's subject, the table and the
 * column.
 */
public final class Ciphertexts {
    /** The format version this library writes. */
    public static final byte VERSION_1 = 1;
    /** The text form's prefix for version 1. */
    public static final String TEXT_PREFIX_V1 = "v1.";
    /** Version byte plus key id. */
    public static final int HEADER_LENGTH = 9;
    /** AES-GCM nonce length. */
    public static final int NONCE_LENGTH = 12;
    /** AES-GCM tag length. */
    public static final int TAG_LENGTH = 16;
    /** Bytes a binary ciphertext adds to its plaintext. */
    public static final int OVERHEAD = HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Ciphertexts() {}

    /** The key that made this binary ciphertext; checks the version and the minimum length. */
    public static KeyId keyId(byte[] ciphertext) {
        checkBinary(ciphertext);
        return new KeyId(readLong(ciphertext, 1));
    }

    /** The key that made this text ciphertext. */
    public static KeyId keyId(String ciphertext) {
        return keyId(toBinary(ciphertext));
    }

    /** Whether the text looks like a vault ciphertext (prefix only; it may still fail to parse). */
    public static boolean looksLikeCiphertext(String text) {
        return text != null && text.startsWith(TEXT_PREFIX_V1);
    }

    public static String toText(byte[] ciphertext) {
        checkBinary(ciphertext);
        return TEXT_PREFIX_V1 + ENCODER.encodeToString(ciphertext);
    }

    public static byte[] toBinary(String ciphertext) {
        requireNonNull(ciphertext, "ciphertext is null");
        if (!ciphertext.startsWith(TEXT_PREFIX_V1)) {
            int dot = ciphertext.indexOf('.');
            if (dot > 1 && dot < 6 && ciphertext.charAt(0) == 'v') {
                throw new PiiVaultException(
                        PiiVaultErrorCode.UNSUPPORTED_CIPHERTEXT_VERSION,
                        "Cannot decode ciphertext of version '%s': this library reads v1; upgrade cdp-pii-vault"
                                .formatted(ciphertext.substring(0, dot)));
            }
            throw new PiiVaultException(
                    PiiVaultErrorCode.MALFORMED_CIPHERTEXT,
                    "Not a vault ciphertext: text ciphertexts start with 'v1.' (is the column plaintext?)");
        }
        byte[] binary;
        try {
            binary =
                    DECODER.decode(ciphertext.substring(TEXT_PREFIX_V1.length()).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.MALFORMED_CIPHERTEXT,
                    "Not a vault ciphertext: the text after 'v1.' is not base64url");
        }
        checkBinary(binary);
        return binary;
    }

    static void checkBinary(byte[] ciphertext) {
        requireNonNull(ciphertext, "ciphertext is null");
        if (ciphertext.length == 0) {
            throw new PiiVaultException(PiiVaultErrorCode.MALFORMED_CIPHERTEXT, "Not a vault ciphertext: it is empty");
        }
        if (ciphertext[0] != VERSION_1) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.UNSUPPORTED_CIPHERTEXT_VERSION,
                    "Cannot decode ciphertext of format version %d: this library reads version 1; upgrade cdp-pii-vault or check the column holds vault ciphertext"
                            .formatted(ciphertext[0] & 0xff));
        }
        if (ciphertext.length < OVERHEAD) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.MALFORMED_CIPHERTEXT,
                    "Not a vault ciphertext: %d bytes, a version 1 ciphertext has at least %d"
                            .formatted(ciphertext.length, OVERHEAD));
        }
    }

    static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xffL);
        }
        return value;
    }
}
