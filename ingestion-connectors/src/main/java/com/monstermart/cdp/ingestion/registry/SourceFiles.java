package com.monstermart.cdp.ingestion.registry;

import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.IngestionException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Definition files: {@code ${env:NAME}} and {@code ${env:NAME:default}} placeholders are replaced by environment
 * variables or configuration properties (mapping templates such as {@code ${customer_id}} are left alone), so
 * files carry no secrets.
 */
public final class SourceFiles {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{env:([A-Za-z0-9_.-]+)(?::([^}]*))?}");

    private SourceFiles() {}

    /**
     * The text with placeholders replaced.
     *
     * @throws IngestionException {@link ErrorCode#INVALID_SOURCE} naming an unset placeholder without default
     */
    public static String resolve(String text, String fileName, Function<String, Optional<String>> lookup) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String fallback = matcher.group(2);
            String value = lookup.apply(name)
                    .or(() -> Optional.ofNullable(fallback))
                    .orElseThrow(() -> new IngestionException(
                            ErrorCode.INVALID_SOURCE,
                            "%s needs ${env:%s}; set that environment variable or property, or give a default"
                                    .formatted(fileName, name)));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A short hash of a file's resolved content: a file is applied again only when it changed. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
