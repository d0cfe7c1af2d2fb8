package com.monstermart.cdp.identity.core.identifier;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns raw identifier values into {@link Identifier}s: emails trimmed and lower-cased, phones in E.164 (numbers
 * without a country code are read in the configured default region), loyalty cards without separators, ids
 * trimmed. Invalid values are rejected with a reason, never guessed.
 */
public final class IdentifierNormalizer {
    /** Longest accepted id (user, anonymous, device): longer values are junk or attacks. */
    public static final int MAX_ID_LENGTH = 200;

    private static final Pattern EMAIL = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern NAMESPACE = Pattern.compile("^[a-z0-9_.-]{1,64}$");
    private static final Pattern CARD = Pattern.compile("^[A-Z0-9]{4,32}$");
    private static final Pattern CARD_SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final String defaultRegion;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** @param defaultRegion ISO 3166 region for numbers written without a country code, e.g. {@code US}, {@code DE} */
    public IdentifierNormalizer(String defaultRegion) {
        requireNonNull(defaultRegion, "defaultRegion is null");
        String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!phones.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException(
                    "Unknown phone region '%s': use an ISO 3166 code such as US, GB, DE".formatted(defaultRegion));
        }
        this.defaultRegion = region;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** Normalises a raw value of a type that has no namespace. */
    public Normalized<Identifier> normalize(IdentifierType type, String raw) {
        return normalize(type, "", raw);
    }

    /** Normalises a raw value; {@code namespace} is the source system for user ids and ignored otherwise. */
    public Normalized<Identifier> normalize(IdentifierType type, String namespace, String raw) {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        if (raw == null || raw.isBlank()) {
            return Normalized.invalid(type.code(), InvalidReason.EMPTY);
        }
        return switch (type) {
            case EMAIL -> email(raw);
            case PHONE -> phone(raw);
            case LOYALTY_CARD -> card(raw);
            case USER_ID -> userId(namespace, raw);
            case ANONYMOUS_ID, DEVICE_ID -> plainId(type, raw);
        };
    }

    public Normalized<Identifier> email(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254) {
            return Normalized.invalid("email", InvalidReason.TOO_LONG);
        }
        if (!EMAIL.matcher(value).matches() || value.contains("..") || value.startsWith(".")) {
            return Normalized.invalid("email", InvalidReason.MALFORMED_EMAIL);
        }
        return Normalized.valid(Identifier.email(value));
    }

    public Normalized<Identifier> phone(String raw) {
        String value = raw.strip();
        if (value.length() > 40) {
            return Normalized.invalid("phone", InvalidReason.TOO_LONG);
        }
        PhoneNumber number;
        try {
            number = phones.parse(value, defaultRegion);
        } catch (NumberParseException e) {
            return Normalized.invalid("phone", InvalidReason.MALFORMED_PHONE);
        }
        if (!phones.isValidNumber(number)) {
            return Normalized.invalid("phone", InvalidReason.INVALID_PHONE);
        }
        return Normalized.valid(Identifier.phone(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)));
    }

    private static Normalized<Identifier> card(String raw) {
        String value = CARD_SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (!CARD.matcher(value).matches()) {
            return Normalized.invalid("loyalty_card", InvalidReason.MALFORMED_CARD);
        }
        return Normalized.valid(Identifier.loyaltyCard(value));
    }

    private static Normalized<Identifier> userId(String namespace, String raw) {
        String space = namespace.strip().toLowerCase(Locale.ROOT);
        if (!NAMESPACE.matcher(space).matches()) {
            return Normalized.invalid("user_id", InvalidReason.MALFORMED_NAMESPACE);
        }
        Normalized<String> value = id("user_id", raw);
        return value instanceof Normalized.Invalid<String> invalid
                ? Normalized.invalid(invalid.field(), invalid.reason())
                : Normalized.valid(Identifier.userId(space, value.orElseThrow()));
    }

    private static Normalized<Identifier> plainId(IdentifierType type, String raw) {
        Normalized<String> value = id(type.code(), raw);
        return value instanceof Normalized.Invalid<String> invalid
                ? Normalized.invalid(invalid.field(), invalid.reason())
                : Normalized.valid(Identifier.of(type, value.orElseThrow()));
    }

    private static Normalized<String> id(String field, String raw) {
        String value = raw.strip();
        if (value.length() > MAX_ID_LENGTH) {
            return Normalized.invalid(field, InvalidReason.TOO_LONG);
        }
        if (CONTROL.matcher(value).find()) {
            return Normalized.invalid(field, InvalidReason.CONTROL_CHARACTERS);
        }
        return Normalized.valid(value);
    }
}
