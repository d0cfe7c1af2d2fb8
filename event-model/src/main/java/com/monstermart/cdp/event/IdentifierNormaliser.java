package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform's one normalisation of identifiers: turns a raw value of any {@link IdentifierType} into its
 * {@link CanonicalIdentifier canonical form}, the same for every spelling of the same identifier, or rejects it with
 * an {@link IdentifierProblem} (never guessing). Identity resolution (events and its REST lookups), the profile API
 * and the privacy service all use it, so they compute the same stored form. Stateless and thread-safe.
 *
 * <table>
 *   <caption>Canonical forms</caption>
 *   <tr><th>type</th><th>canonical value</th></tr>
 *   <tr><td>email</td><td>Unicode NFC, trimmed, lower case (root locale); {@code local@domain.tld}, at most 254
 *       characters; plus tags and dots are kept as they are</td></tr>
 *   <tr><td>phone</td><td>E.164 ({@code +447700900123}) through libphonenumber; numbers without a country code are
 *       read in {@link IdentifierSettings#phoneDefaultRegion()}; must be a valid number</td></tr>
 *   <tr><td>loyalty_card</td><td>Unicode NFKC, spaces, dashes, dots and slashes removed, upper case; 4 to 32 letters
 *       or digits</td></tr>
 *   <tr><td>user_id, customer_id</td><td>namespace trimmed and lower case ({@code [a-z0-9_.-]}, 1 to 64); value
 *       Unicode NFC and trimmed, case kept, at most 200 characters, no control characters; a customer id is stored
 *       as the user id of its namespace</td></tr>
 *   <tr><td>anonymous_id</td><td>like a user id, in its namespace</td></tr>
 *   <tr><td>device_id</td><td>global; value like a user id's</td></tr>
 * </table>
 */
public final class IdentifierNormaliser {
    /** Longest accepted id (user, customer, anonymous, device): longer values are junk or attacks. */
    public static final int MAX_ID_LENGTH = 200;

    /** Longest accepted email address (RFC 5321 path limit less the angle brackets). */
    public static final int MAX_EMAIL_LENGTH = 254;

    /** Longest accepted phone number as written (separators included). */
    public static final int MAX_PHONE_LENGTH = 40;

    private static final String LOCAL_CHARACTER = "[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~.-]";
    private static final String LABEL = "[\\p{L}\\p{N}\\p{M}](?:[\\p{L}\\p{N}\\p{M}-]{0,61}[\\p{L}\\p{N}\\p{M}])?";
    private static final Pattern EMAIL =
            Pattern.compile("^" + LOCAL_CHARACTER + "{1,64}@(?=.{4,253}$)(" + LABEL + "\\.)+[\\p{L}\\p{M}]{2,63}$");
    private static final Pattern CARD = Pattern.compile("^[A-Z0-9]{4,32}$");
    private static final Pattern CARD_SEPARATORS = Pattern.compile("[\\s\\p{Pd}./]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final IdentifierSettings settings;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    public IdentifierNormaliser(IdentifierSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public IdentifierSettings settings() {
        return settings;
    }

    /** The canonical form of an event's hint (its namespace is already checked by {@link IdentifierHint}). */
    public IdentifierNormalisation normalise(IdentifierHint hint) {
        requireNonNull(hint, "hint is null");
        return normalise(hint.type(), hint.namespace(), hint.value());
    }

    /**
     * The canonical form of a raw value.
     *
     * @param namespace the source namespace of a namespaced type (any case); for a global type null, blank or
     *     {@code global}
     */
    public IdentifierNormalisation normalise(IdentifierType type, String namespace, String raw) {
        requireNonNull(type, "type is null");
        if (raw == null || raw.isBlank()) {
            return new IdentifierNormalisation.Invalid(type, IdentifierProblem.EMPTY);
        }
        Optional<IdentifierProblem> badNamespace = namespaceProblem(type, namespace);
        if (badNamespace.isPresent()) {
            return new IdentifierNormalisation.Invalid(type, badNamespace.get());
        }
        String space = type.namespaced() ? canonicalNamespace(namespace) : IdentifierHint.GLOBAL_NAMESPACE;
        return switch (type) {
            case EMAIL -> email(raw);
            case PHONE -> phone(raw);
            case LOYALTY_CARD -> card(raw);
            case USER_ID, CUSTOMER_ID, ANONYMOUS_ID, DEVICE_ID -> id(type, space, raw);
        };
    }

    /**
     * The canonical form of an identifier named in a lookup request ({@code {type, namespace, value}}); the one
     * parsing of every lookup API.
     *
     * @param type a wire name ({@code email}, {@code user_id}, ...; case and {@code -} for {@code _} do not matter)
     * @param namespace the source namespace of a namespaced type; for a global type null, blank or {@code global}
     * @throws InvalidIdentifierException when the type is unknown or the value has no canonical form; the message
     *     never contains the value
     */
    public CanonicalIdentifier lookup(String type, String namespace, String value) {
        if (type == null || type.isBlank()) {
            throw new InvalidIdentifierException(
                    "An identifier needs a type (one of %s), a value, and a namespace for namespaced types"
                            .formatted(IdentifierType.wireNames()),
                    Optional.empty());
        }
        IdentifierType parsed = IdentifierType.fromWireName(type)
                .orElseThrow(() -> new InvalidIdentifierException(
                        "Unknown identifier type '%s' (use one of %s)"
                                .formatted(printable(type), IdentifierType.wireNames()),
                        Optional.empty()));
        return normalise(parsed, namespace, value).orElseThrow();
    }

    /** An email address's canonical form. */
    public IdentifierNormalisation email(String raw) {
        if (raw == null || raw.isBlank()) {
            return new IdentifierNormalisation.Invalid(IdentifierType.EMAIL, IdentifierProblem.EMPTY);
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_EMAIL_LENGTH) {
            return new IdentifierNormalisation.Invalid(IdentifierType.EMAIL, IdentifierProblem.TOO_LONG);
        }
        if (!EMAIL.matcher(value).matches() || value.contains("..") || value.startsWith(".")) {
            return new IdentifierNormalisation.Invalid(IdentifierType.EMAIL, IdentifierProblem.MALFORMED_EMAIL);
        }
        return valid(IdentifierType.EMAIL, IdentifierHint.GLOBAL_NAMESPACE, value);
    }

    /** A phone number's canonical form (E.164). */
    public IdentifierNormalisation phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return new IdentifierNormalisation.Invalid(IdentifierType.PHONE, IdentifierProblem.EMPTY);
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (value.length() > MAX_PHONE_LENGTH) {
            return new IdentifierNormalisation.Invalid(IdentifierType.PHONE, IdentifierProblem.TOO_LONG);
        }
        PhoneNumber number;
        try {
            number = phones.parse(value, settings.phoneDefaultRegion());
        } catch (NumberParseException e) {
            return new IdentifierNormalisation.Invalid(IdentifierType.PHONE, IdentifierProblem.MALFORMED_PHONE);
        }
        if (!phones.isValidNumber(number)) {
            return new IdentifierNormalisation.Invalid(IdentifierType.PHONE, IdentifierProblem.INVALID_PHONE);
        }
        return valid(
                IdentifierType.PHONE,
                IdentifierHint.GLOBAL_NAMESPACE,
                phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    private static IdentifierNormalisation card(String raw) {
        String value = CARD_SEPARATORS
                .matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC))
                .replaceAll("")
                .toUpperCase(Locale.ROOT);
        if (!CARD.matcher(value).matches()) {
            return new IdentifierNormalisation.Invalid(IdentifierType.LOYALTY_CARD, IdentifierProblem.MALFORMED_CARD);
        }
        return valid(IdentifierType.LOYALTY_CARD, IdentifierHint.GLOBAL_NAMESPACE, value);
    }

    private static IdentifierNormalisation id(IdentifierType type, String namespace, String raw) {
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (value.length() > MAX_ID_LENGTH) {
            return new IdentifierNormalisation.Invalid(type, IdentifierProblem.TOO_LONG);
        }
        if (CONTROL.matcher(value).find()) {
            return new IdentifierNormalisation.Invalid(type, IdentifierProblem.CONTROL_CHARACTERS);
        }
        return valid(type.canonicalType(), namespace, value);
    }

    private static Optional<IdentifierProblem> namespaceProblem(IdentifierType type, String namespace) {
        boolean absent = namespace == null || namespace.isBlank();
        boolean global = !absent && namespace.strip().equalsIgnoreCase(IdentifierHint.GLOBAL_NAMESPACE);
        if (!type.namespaced()) {
            return absent || global ? Optional.empty() : Optional.of(IdentifierProblem.GLOBAL_TYPE_NAMESPACE);
        }
        if (absent || global) {
            return Optional.of(IdentifierProblem.MISSING_NAMESPACE);
        }
        return CanonicalIdentifier.NAMESPACE
                        .matcher(canonicalNamespace(namespace))
                        .matches()
                ? Optional.empty()
                : Optional.of(IdentifierProblem.MALFORMED_NAMESPACE);
    }

    private static String canonicalNamespace(String namespace) {
        return namespace.strip().toLowerCase(Locale.ROOT);
    }

    private static IdentifierNormalisation valid(IdentifierType type, String namespace, String value) {
        return new IdentifierNormalisation.Valid(new CanonicalIdentifier(type, namespace, value));
    }

    /** An unknown type name for a message: at most 40 characters of letters, digits, '_' and '-'. */
    private static String printable(String type) {
        String stripped = type.strip();
        String shown = stripped.length() > 40 ? stripped.substring(0, 40) : stripped;
        return shown.replaceAll("[^A-Za-z0-9_-]", "?");
    }
}
