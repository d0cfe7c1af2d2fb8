package com.monstermart.cdp.event;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of identifier the platform knows: the one identifier vocabulary of every module (events, identity
 * resolution, the profile store, the privacy service).
 *
 * <p>A {@link Scope#GLOBAL global} identifier means the same person wherever it is seen (an email address); a
 * {@link Scope#NAMESPACED namespaced} one only within its namespace (customer 42 of the web shop is not customer 42
 * of the point of sale). A {@link #personal() personal} identifier is stored and published only as a blind index.
 * {@link IdentifierNormaliser} turns a raw value of any type into its {@link CanonicalIdentifier canonical form};
 * the table of rules is in {@code docs/event-contract.md}.
 */
public enum IdentifierType {
    /** The Segment {@code userId} of a source, in the source's identity namespace. */
    USER_ID("user_id", Scope.NAMESPACED, Personal.NO),
    /** The Segment {@code anonymousId} (a browser or app install), in the source's identity namespace. */
    ANONYMOUS_ID("anonymous_id", Scope.NAMESPACED, Personal.NO),
    /**
     * A customer number of a system, in that system's namespace (e.g. the POS customer id on a web account). A
     * namespace's customer id is that namespace's user id: its canonical type is {@link #USER_ID}.
     */
    CUSTOMER_ID("customer_id", Scope.NAMESPACED, Personal.NO),
    /** An email address, as found (normalised to lower case). */
    EMAIL("email", Scope.GLOBAL, Personal.YES),
    /** A phone number, as found (normalised to E.164). */
    PHONE("phone", Scope.GLOBAL, Personal.YES),
    /** A device identifier ({@code context.device.id}, an advertising id). */
    DEVICE_ID("device_id", Scope.GLOBAL, Personal.NO),
    /** A MonsterMart loyalty card number, shared by stores and the web shop. */
    LOYALTY_CARD("loyalty_card", Scope.GLOBAL, Personal.YES);

    /** Whether an identifier means the same person everywhere or only within a namespace. */
    public enum Scope {
        GLOBAL,
        NAMESPACED
    }

    private enum Personal {
        YES,
        NO
    }

    private static final List<IdentifierType> CANONICAL =
            List.of(USER_ID, ANONYMOUS_ID, EMAIL, PHONE, DEVICE_ID, LOYALTY_CARD);

    private final String wireName;
    private final Scope scope;
    private final Personal personal;

    IdentifierType(String wireName, Scope scope, Personal personal) {
        this.wireName = wireName;
        this.scope = scope;
        this.personal = personal;
    }

    /** The JSON value, e.g. {@code loyalty_card}; also the name in rules, journals and APIs. */
    public String wireName() {
        return wireName;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether values live in a namespace (the source system) rather than one global space. */
    public boolean namespaced() {
        return scope == Scope.NAMESPACED;
    }

    /**
     * Whether a value of this type is directly identifying personal data: it is stored and published only as a blind
     * index, never logged and never put in an error message.
     */
    public boolean personal() {
        return personal == Personal.YES;
    }

    /** The type an identifier of this type is stored as: {@link #USER_ID} for {@link #CUSTOMER_ID}, else itself. */
    public IdentifierType canonicalType() {
        return this == CUSTOMER_ID ? USER_ID : this;
    }

    /** The types stored identifiers have (every type but {@link #CUSTOMER_ID}), in declaration order. */
    public static List<IdentifierType> canonicalTypes() {
        return CANONICAL;
    }

    /**
     * The type for a JSON value: case-insensitive, surrounding white space ignored, {@code -} read as {@code _}
     * ({@code User-ID} is {@code user_id}); empty when unknown.
     */
    public static Optional<IdentifierType> fromWireName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (IdentifierType type : values()) {
            if (type.wireName.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The wire names of every type, for messages: {@code user_id, anonymous_id, ...}. */
    public static String wireNames() {
        StringBuilder names = new StringBuilder();
        for (IdentifierType type : values()) {
            if (!names.isEmpty()) {
                names.append(", ");
            }
            names.append(type.wireName);
        }
        return names.toString();
    }
}
