package com.monstermart.cdp.identity.core.identifier;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import java.util.Locale;

/** The kinds of identifier that link records of one person. */
public enum IdentifierType {
    /** A user id of one source system; its namespace names the source (e.g. {@code shop}, {@code pos}). */
    USER_ID("user_id", Personal.NO, Namespaced.YES),
    /** An email address, trimmed and lower-cased. */
    EMAIL("email", Personal.YES, Namespaced.NO),
    /** A phone number in E.164 form. */
    PHONE("phone", Personal.YES, Namespaced.NO),
    /** An anonymous (cookie) id of a web or app session. */
    ANONYMOUS_ID("anonymous_id", Personal.NO, Namespaced.NO),
    /** A device id (advertising id, app install id, POS terminal-bound card reader id...). */
    DEVICE_ID("device_id", Personal.NO, Namespaced.NO),
    /** A loyalty card number. */
    LOYALTY_CARD("loyalty_card", Personal.YES, Namespaced.NO);

    private enum Personal {
        YES,
        NO
    }

    private enum Namespaced {
        YES,
        NO
    }

    private final String code;
    private final Personal personal;
    private final Namespaced namespaced;

    IdentifierType(String code, Personal personal, Namespaced namespaced) {
        this.code = code;
        this.personal = personal;
        this.namespaced = namespaced;
    }

    /** The lower-case name used in rules, journals and APIs ({@code email}, {@code user_id}...). */
    public String code() {
        return code;
    }

    /** Whether a value of this type is personal data: it is never logged and never put in an error message. */
    public boolean personal() {
        return personal == Personal.YES;
    }

    /** Whether values live in a namespace (the source system) rather than one global space. */
    public boolean namespaced() {
        return namespaced == Namespaced.YES;
    }

    public static IdentifierType fromCode(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (IdentifierType type : values()) {
            if (type.code.equals(wanted) || type.name().equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        throw new IdentityException(
                IdentityErrorCode.INVALID_IDENTIFIER,
                "Unknown identifier type '%s' (use one of user_id, email, phone, anonymous_id, device_id, loyalty_card)"
                        .formatted(code));
    }
}
