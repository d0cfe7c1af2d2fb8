package com.monstermart.cdp.identity.core.identifier;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.CanonicalIdentifier;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.event.StoredIdentifier;
import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import java.util.List;

/**
 * A node of the identity graph: an identifier of the platform's vocabulary ({@link IdentifierType}, event-model) in
 * the graph's spelling.
 *
 * <p>{@code namespace} is the source system for namespaced types ({@code user_id}, {@code anonymous_id}) and empty
 * for global ones (the vocabulary's {@code global}: the graph's keys predate it). The value is whatever the caller
 * resolves on: the canonical plaintext, or (in the service) the {@link StoredIdentifier stored form}, a blind index
 * for personal types. {@link #toString()} masks the value of personal types so that an identifier can never leak
 * into a log line by accident.
 */
public record Identifier(IdentifierType type, String namespace, String value) implements Comparable<Identifier> {
    private static final List<IdentifierType> GRAPH_ORDER = List.of(
            IdentifierType.USER_ID,
            IdentifierType.EMAIL,
            IdentifierType.PHONE,
            IdentifierType.ANONYMOUS_ID,
            IdentifierType.DEVICE_ID,
            IdentifierType.LOYALTY_CARD);

    public Identifier {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(value, "value is null");
        if (type.canonicalType() != type) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER,
                    "The graph holds no %s: it is stored as a %s"
                            .formatted(type.wireName(), type.canonicalType().wireName()));
        }
        if (value.isEmpty()) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER, "Empty %s value".formatted(type.wireName()));
        }
        if (type.namespaced() && namespace.isEmpty()) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER,
                    "A %s needs a namespace (the source system, e.g. 'shop')".formatted(type.wireName()));
        }
        if (!type.namespaced() && !namespace.isEmpty()) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER,
                    "A %s has no namespace, got '%s'".formatted(type.wireName(), namespace));
        }
        if (namespace.indexOf(':') >= 0) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_IDENTIFIER, "Namespace '%s' must not contain ':'".formatted(namespace));
        }
    }

    public static Identifier of(IdentifierType type, String value) {
        return new Identifier(type, "", value);
    }

    /** The graph node of a canonical identifier, with its plaintext value (for rules on values and tests). */
    public static Identifier of(CanonicalIdentifier identifier) {
        return new Identifier(identifier.type(), graphNamespace(identifier.namespace()), identifier.value());
    }

    /** The graph node of a stored identifier (a blind index for personal types). */
    public static Identifier of(StoredIdentifier identifier) {
        return new Identifier(identifier.type(), graphNamespace(identifier.namespace()), identifier.value());
    }

    /** This node in the vocabulary's stored form ({@code global} namespace for global types). */
    public StoredIdentifier stored() {
        return new StoredIdentifier(type, namespace.isEmpty() ? IdentifierHint.GLOBAL_NAMESPACE : namespace, value);
    }

    public static Identifier userId(String namespace, String value) {
        return new Identifier(IdentifierType.USER_ID, namespace, value);
    }

    public static Identifier anonymousId(String namespace, String value) {
        return new Identifier(IdentifierType.ANONYMOUS_ID, namespace, value);
    }

    public static Identifier email(String value) {
        return of(IdentifierType.EMAIL, value);
    }

    public static Identifier phone(String value) {
        return of(IdentifierType.PHONE, value);
    }

    public static Identifier deviceId(String value) {
        return of(IdentifierType.DEVICE_ID, value);
    }

    public static Identifier loyaltyCard(String value) {
        return of(IdentifierType.LOYALTY_CARD, value);
    }

    /**
     * The graph type of a type name ({@code user_id}, case-insensitive); a customer id is a user id in the graph.
     *
     * @throws IdentityException INVALID_IDENTIFIER for an unknown name
     */
    public static IdentifierType type(String name) {
        return IdentifierType.fromWireName(name)
                .map(IdentifierType::canonicalType)
                .orElseThrow(() -> new IdentityException(
                        IdentityErrorCode.INVALID_IDENTIFIER,
                        "Unknown identifier type '%s' (use one of %s)".formatted(name, IdentifierType.wireNames())));
    }

    /** The limit group of this identifier: its type plus namespace ({@code user_id:shop}, {@code email}). */
    public String group() {
        return namespace.isEmpty() ? type.wireName() : type.wireName() + ":" + namespace;
    }

    /** A unique text form, {@code type:namespace:value}; it holds the value, so never log it. */
    public String key() {
        return type.wireName() + ":" + namespace + ":" + value;
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
                type(key.substring(0, first)), key.substring(first + 1, second), key.substring(second + 1));
    }

    /**
     * By type in the graph's order (user id, email, phone, anonymous id, device id, loyalty card: the order of the
     * graph's own type list before the shared vocabulary, kept because stored edges are oriented by it), then
     * namespace, then value.
     */
    @Override
    public int compareTo(Identifier other) {
        int byType = Integer.compare(GRAPH_ORDER.indexOf(type), GRAPH_ORDER.indexOf(other.type));
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

    private static String graphNamespace(String namespace) {
        return IdentifierHint.GLOBAL_NAMESPACE.equals(namespace) ? "" : namespace;
    }
}
