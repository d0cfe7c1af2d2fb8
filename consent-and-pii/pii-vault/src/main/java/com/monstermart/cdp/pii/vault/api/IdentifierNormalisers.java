package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.text.Normalizer;
import java.util.Locale;

/** The platform's identifier normalisers. */
public final class IdentifierNormalisers {
    private IdentifierNormalisers() {}

    /**
     * Email: Unicode NFC, surrounding white space removed, lower-cased (root locale). Needs one {@code @} with text on
     * both sides. No provider-specific rules (dots, plus tags): identity resolution decides those.
     */
    public static IdentifierNormaliser email() {
        return Email.INSTANCE;
    }

    /**
     * Phone: parsed with libphonenumber and written in E.164 ({@code +4930123456}); numbers without a country code are
     * read as numbers of {@code defaultRegion}.
     *
     * @param defaultRegion ISO 3166 two-letter region, for example {@code US}, {@code AU}, {@code DE}
     */
    public static IdentifierNormaliser phone(String defaultRegion) {
        return new Phone(defaultRegion);
    }

    /** Customer id: Unicode NFC and surrounding white space removed; case is kept. */
    public static IdentifierNormaliser customerId() {
        return trimmed(IdentifierKind.CUSTOMER_ID);
    }

    /** Any other kind of identifier: Unicode NFC and surrounding white space removed. */
    public static IdentifierNormaliser trimmed(IdentifierKind kind) {
        return new Trimmed(requireNonNull(kind, "kind is null"));
    }

    private static String canonicalText(String raw, IdentifierKind kind) {
        if (raw == null) {
            throw new PiiVaultException(PiiVaultErrorCode.INVALID_IDENTIFIER, "The " + kind + " is null");
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            throw new PiiVaultException(PiiVaultErrorCode.INVALID_IDENTIFIER, "The " + kind + " is blank");
        }
        return text;
    }

    private enum Email implements IdentifierNormaliser {
        INSTANCE;

        @Override
        public IdentifierKind kind() {
            return IdentifierKind.EMAIL;
        }

        @Override
        public NormalisedIdentifier normalise(String raw) {
            String text = canonicalText(raw, IdentifierKind.EMAIL).toLowerCase(Locale.ROOT);
            int at = text.lastIndexOf('@');
            if (at <= 0 || at == text.length() - 1) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.INVALID_IDENTIFIER,
                        "Not an email address: it needs a local part, '@' and a domain");
            }
            return new NormalisedIdentifier(IdentifierKind.EMAIL, text);
        }
    }

    private record Phone(String defaultRegion) implements IdentifierNormaliser {
        private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

        Phone {
            requireNonNull(defaultRegion, "defaultRegion is null");
            if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.INVALID_ARGUMENT,
                        "Unknown phone region '%s': use an ISO 3166 two-letter code such as US, AU or DE"
                                .formatted(defaultRegion));
            }
        }

        @Override
        public IdentifierKind kind() {
            return IdentifierKind.PHONE;
        }

        @Override
        public NormalisedIdentifier normalise(String raw) {
            String text = canonicalText(raw, IdentifierKind.PHONE);
            Phonenumber.PhoneNumber number;
            try {
                number = UTIL.parse(text, defaultRegion);
            } catch (NumberParseException e) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.INVALID_IDENTIFIER,
                        "Not a phone number (%s); numbers without '+' are read as %s numbers"
                                .formatted(e.getErrorType(), defaultRegion));
            }
            if (!UTIL.isPossibleNumber(number)) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.INVALID_IDENTIFIER,
                        "Not a possible phone number (wrong length for its country); numbers without '+' are read as %s numbers"
                                .formatted(defaultRegion));
            }
            return new NormalisedIdentifier(
                    IdentifierKind.PHONE, UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        }
    }

    private record Trimmed(IdentifierKind kind) implements IdentifierNormaliser {
        @Override
        public NormalisedIdentifier normalise(String raw) {
            return new NormalisedIdentifier(kind, canonicalText(raw, kind));
        }
    }
}
