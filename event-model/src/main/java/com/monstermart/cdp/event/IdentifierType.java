package com.monstermart.cdp.event;

import java.util.Optional;

/**
 * The kinds of identifier an event can carry for identity resolution.
 *
 * <p>A {@link Scope#GLOBAL global} identifier means the same person wherever it is seen (an email address); a
 * {@link Scope#NAMESPACED namespaced} one only within its namespace (customer 42 of the web shop is not customer 42
 * of the point of sale).
 */
public enum IdentifierType {
    /** The Segment {@code userId} of a source, in the source's identity namespace. */
    USER_ID("user_id", Scope.NAMESPACED),
    /** The Segment {@code anonymousId} (a browser or app install), in the source's identity namespace. */
    ANONYMOUS_ID("anonymous_id", Scope.NAMESPACED),
    /** A customer number of a system, in that system's namespace (e.g. the POS customer id on a web account). */
    CUSTOMER_ID("customer_id", Scope.NAMESPACED),
    /** An email address, as found (identity resolution normalises it). */
    EMAIL("email", Scope.GLOBAL),
    /** A phone number, as found (identity resolution normalises it to E.164). */
    PHONE("phone", Scope.GLOBAL),
    /** A device identifier ({@code context.device.id}, an advertising id). */
    DEVICE_ID("device_id", Scope.GLOBAL),
    /** A MonsterMart loyalty card number, shared by stores and the web shop. */
    LOYALTY_CARD("loyalty_card", Scope.GLOBAL);

    /** Whether an identifier means the same person everywhere or only within a namespace. */
    public enum Scope {
        GLOBAL,
        NAMESPACED
    }

    private final String wireName;
    private final Scope scope;

    IdentifierType(String wireName, Scope scope) {
        this.wireName = wireName;
        this.scope = scope;
    }

    /** The JSON value, e.g. {@code loyalty_card}. */
    public String wireName() {
        return wireName;
    }

    public Scope scope() {
        return scope;
    }

    /** The type for a JSON value, case-insensitive; empty when unknown. */
    public static Optional<IdentifierType> fromWireName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (IdentifierType type : values()) {
            if (type.wireName.equalsIgnoreCase(value.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
