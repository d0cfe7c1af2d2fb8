package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

/**
 * A typed identifier found in an event, for identity resolution to match on.
 *
 * <p>Values are kept as found (trimmed); identity resolution normalises them (lower-case email, E.164 phone).
 *
 * @param type what kind of identifier it is
 * @param namespace where the value is unique: {@link #GLOBAL_NAMESPACE} for {@link IdentifierType.Scope#GLOBAL
 *     global} types, otherwise the identity namespace of a source (e.g. {@code shop} for the web shop's user ids)
 * @param value the identifier, not blank
 */
public record IdentifierHint(IdentifierType type, String namespace, String value) {
    /** The namespace of global identifier types. */
    public static final String GLOBAL_NAMESPACE = "global";

    /** Longest accepted value. */
    public static final int MAX_VALUE_LENGTH = 512;

    public IdentifierHint {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(value, "value is null");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Identifier value of type %s is blank".formatted(type.wireName()));
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("Identifier value of type %s is longer than %d characters"
                    .formatted(type.wireName(), MAX_VALUE_LENGTH));
        }
        if (type.scope() == IdentifierType.Scope.GLOBAL && !GLOBAL_NAMESPACE.equals(namespace)) {
            throw new IllegalArgumentException("Identifier type %s is global: its namespace must be '%s', not '%s'"
                    .formatted(type.wireName(), GLOBAL_NAMESPACE, namespace));
        }
        if (type.scope() == IdentifierType.Scope.NAMESPACED
                && (namespace.isBlank() || GLOBAL_NAMESPACE.equals(namespace))) {
            throw new IllegalArgumentException("Identifier type %s needs the namespace of its source, not '%s'"
                    .formatted(type.wireName(), namespace));
        }
    }

    /** A global identifier (email, phone, device id, loyalty card). */
    public static IdentifierHint global(IdentifierType type, String value) {
        return new IdentifierHint(type, GLOBAL_NAMESPACE, value);
    }

    /** A namespaced identifier (user id, anonymous id, customer id). */
    public static IdentifierHint namespaced(IdentifierType type, String namespace, String value) {
        return new IdentifierHint(type, namespace, value);
    }

    public static IdentifierHint email(String value) {
        return global(IdentifierType.EMAIL, value);
    }

    public static IdentifierHint phone(String value) {
        return global(IdentifierType.PHONE, value);
    }

    public static IdentifierHint loyaltyCard(String value) {
        return global(IdentifierType.LOYALTY_CARD, value);
    }

    public static IdentifierHint deviceId(String value) {
        return global(IdentifierType.DEVICE_ID, value);
    }

    public static IdentifierHint userId(String namespace, String value) {
        return namespaced(IdentifierType.USER_ID, namespace, value);
    }

    public static IdentifierHint anonymousId(String namespace, String value) {
        return namespaced(IdentifierType.ANONYMOUS_ID, namespace, value);
    }

    public static IdentifierHint customerId(String namespace, String value) {
        return namespaced(IdentifierType.CUSTOMER_ID, namespace, value);
    }
}
