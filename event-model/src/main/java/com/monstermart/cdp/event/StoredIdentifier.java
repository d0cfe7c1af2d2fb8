package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

/**
 * An identifier as the platform stores and publishes it: the identity graph, the {@code identifiers} of resolved
 * events, the profile store's {@code identities} table and hot store, and what every lookup computes. Its type and
 * namespace are canonical; its value is the canonical text for types that are not personal, and the base64url blind
 * index of the canonical text for {@link IdentifierType#personal() personal} ones. Compute it with
 * {@code PiiVault.storedForm(CanonicalIdentifier)}.
 *
 * @param type a {@link IdentifierType#canonicalTypes() canonical type}
 * @param namespace {@link IdentifierHint#GLOBAL_NAMESPACE} for global types, else the canonical namespace
 * @param value canonical text, or the blind index of a personal type
 */
public record StoredIdentifier(IdentifierType type, String namespace, String value) {
    public StoredIdentifier {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(value, "value is null");
        if (type.canonicalType() != type) {
            throw new IllegalArgumentException("A stored identifier is never a %s: use %s"
                    .formatted(type.wireName(), type.canonicalType().wireName()));
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A stored %s is empty".formatted(type.wireName()));
        }
        if (type.namespaced() == IdentifierHint.GLOBAL_NAMESPACE.equals(namespace) || namespace.isEmpty()) {
            throw new IllegalArgumentException(
                    "A stored %s cannot have the namespace '%s'".formatted(type.wireName(), namespace));
        }
    }

    /** Whether {@link #value()} is a blind index. */
    public boolean blindIndexed() {
        return type.personal();
    }

    /** The hint that carries this stored form in a resolved event. */
    public IdentifierHint hint() {
        return new IdentifierHint(type, namespace, value);
    }
}
