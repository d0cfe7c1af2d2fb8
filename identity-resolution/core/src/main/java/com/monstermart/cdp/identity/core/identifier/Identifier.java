package com.monstermart.cdp.identity.core.identifier;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;

/**
 * A normalised identifier: a node of the identity graph.
 *
 * <p>{@code namespace} is the source system for {@link IdentifierType#USER_ID} and empty otherwise. The value is
 * whatever the caller resolves on: the normalised plaintext, or (in the service) its blind index. {@link #toString()}
 * masks the value of personal types so that an identifier can never leak into a log line by accident.
 */
public record Identifier(IdentifierType type, String namespace, String value) implements Comparable<Identifier> {
    public Identifier {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(value, "value is null");
        if (value.isEmpty()) {
            throw new IdentityException(IdentityErrorCode.INVALID_IDENTIFIER, "Empty %s value".formatted(type.code()));
        }
        if (type.namespaced() && namespace.isEmpty()) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER,
                    "A %s needs a namespace (the source system, e.g. 'shop')".formatted(type.code()));
        }
        if (!type.namespaced() && !namespace.isEmpty()) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER,
                    "A %s has no namespace, got '%s'".formatted(type.code(), namespace));
        }
        if (namespace.indexOf(':') >= 0) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER, "Namespace '%s' must not contain ':'".formatted(namespace));
        }
    }

    public static Identifier of(IdentifierType type, String value) {
        return new Identifier(type, "", value);
    }

    public static Identifier userId(String namespace, String value) {
        return new Identifier(IdentifierType.USER_ID, namespace, value);
    }

    public static Identifier email(String value) {
        return of(IdentifierType.EMAIL, value);
    }

    public static Identifier phone(String value) {
        return of(IdentifierType.PHONE, value);
    }

    public static Identifier anonymousId(String value) {
        return of(IdentifierType.ANONYMOUS_ID, value);
    }

    public static Identifier deviceId(String value) {
        return of(IdentifierType.DEVICE_ID, value);
    }

    public static Identifier loyaltyCard(String value) {
        return of(IdentifierType.LOYALTY_CARD, value);
    }

    /** The limit group of this identifier: its type plus namespace ({@code user_id:shop}, {@code email}). */
    public String group() {
        return namespace.isEmpty() ? type.code() : type.code() + ":" + namespace;
    }

    /** A unique text form, {@code type:namespace:value}; it holds the value, so never log it. */
    public String key() {
        return type.code() + ":" + namespace + ":" + value;
    }

    /** Parses {@link #key()}. */
    public static Identifier parseKey(String key) {
        int first = key.indexOf(':');
        int second = first < 0 ? -1 : key.indexOf(':', first + 1);
        if (second < 0) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER,
                    "Identifier key must look like type:namespace:value (namespace may be empty)");
        }
        return new Identifier(
                IdentifierType.fromCode(key.substring(0, first)),
                key.substring(first + 1, second),
                key.substring(second + 1));
    }

    @Override
    public int compareTo(Identifier other) {
        int byType = type.compareTo(other.type);
        if (byType != 0) {
            return byType;
        }
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return group() + ":" + (type.personal() ? "***" : value);
    }
}
