package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * An identifier in its canonical form: what {@link IdentifierNormaliser} makes of a raw value, equal for every
 * spelling of the same identifier. The value is plaintext (personal data for {@link IdentifierType#personal()
 * personal} types); what the platform stores and publishes is its {@link StoredIdentifier stored form}.
 * {@link #toString()} masks personal values.
 *
 * @param type a {@link IdentifierType#canonicalTypes() canonical type} (a customer id is a user id)
 * @param namespace {@link IdentifierHint#GLOBAL_NAMESPACE} for global types; otherwise a lower-case namespace of
 *     {@code [a-z0-9_.-]}, 1 to 64 characters
 * @param value the canonical text, not empty
 */
public record CanonicalIdentifier(IdentifierType type, String namespace, String value) {
    static final Pattern NAMESPACE = Pattern.compile("[a-z0-9_.-]{1,64}");

    public CanonicalIdentifier {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(value, "value is null");
        if (type.canonicalType() != type) {
            throw new IllegalArgumentException("A canonical identifier is never a %s: use %s"
                    .formatted(type.wireName(), type.canonicalType().wireName()));
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A canonical %s is empty".formatted(type.wireName()));
        }
        if (type.namespaced()
                ? !NAMESPACE.matcher(namespace).matches() || IdentifierHint.GLOBAL_NAMESPACE.equals(namespace)
                : !IdentifierHint.GLOBAL_NAMESPACE.equals(namespace)) {
            throw new IllegalArgumentException(
                    "A canonical %s cannot have the namespace '%s'".formatted(type.wireName(), namespace));
        }
    }

    /** Whether the value is personal data (stored only as a blind index). */
    public boolean personal() {
        return type.personal();
    }

    /**
     * The blind index input of a personal identifier: its type's wire name and the canonical text. Namespaces never
     * enter it (personal types are global).
     *
     * @throws IllegalStateException for a type that is not personal (stored as it is, never blind-indexed)
     */
    public BlindIndexInput blindIndexInput() {
        if (!personal()) {
            throw new IllegalStateException(
                    "A %s is not personal: it is stored as it is, not blind-indexed".formatted(type.wireName()));
        }
        return new BlindIndexInput(type.wireName(), value);
    }

    /** The stored form of an identifier that is not personal (its value as it is). */
    public StoredIdentifier asStored() {
        if (personal()) {
            throw new IllegalStateException(
                    "A %s is personal: its stored form is its blind index (PiiVault.storedForm)".formatted(type));
        }
        return new StoredIdentifier(type, namespace, value);
    }

    @Override
    public String toString() {
        return "CanonicalIdentifier[" + type.wireName() + ":" + namespace + ":" + (personal() ? "***" : value) + "]";
    }
}
