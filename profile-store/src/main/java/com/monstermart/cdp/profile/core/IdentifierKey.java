package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.IdentifierHint;

/**
 * An identifier as the store keeps it: its type, namespace and blind index (a keyed MAC of the normalised value,
 * never the value itself).
 *
 * @param type the identifier type's wire name, e.g. {@code email}
 * @param namespace {@code global} or the source namespace of a namespaced type
 * @param blindIndex the blind index identity resolution computed
 */
public record IdentifierKey(String type, String namespace, String blindIndex) implements Comparable<IdentifierKey> {
    public IdentifierKey {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(blindIndex, "blindIndex is null");
    }

    /** The key of an identifier hint of a resolved event, whose value is the blind index. */
    public static IdentifierKey of(IdentifierHint hint) {
        return new IdentifierKey(hint.type().wireName(), hint.namespace(), hint.value());
    }

    @Override
    public int compareTo(IdentifierKey other) {
        int result = type.compareTo(other.type);
        if (result == 0) {
            result = namespace.compareTo(other.namespace);
        }
        return result != 0 ? result : blindIndex.compareTo(other.blindIndex);
    }
}
