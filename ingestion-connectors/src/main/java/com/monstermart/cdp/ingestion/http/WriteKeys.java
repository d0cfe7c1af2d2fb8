package com.monstermart.cdp.ingestion.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Segment write keys: generated at random, kept only as SHA-256 hashes, read from HTTP Basic credentials. */
public final class WriteKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WriteKeys() {}

    /** A new random key: 32 bytes, URL-safe base64 (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 (hex) a key is stored and looked up as. */
    public static String hash(String writeKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(writeKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    /**
     * The write key of an {@code Authorization: Basic base64(writeKey:)} header (Segment's way; the password is
     * empty and a missing colon is tolerated); empty when the header is absent or not Basic.
     */
    public static Optional<String> fromAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String key = colon < 0 ? decoded : decoded.substring(0, colon);
            return key.isBlank() ? Optional.empty() : Optional.of(key);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
