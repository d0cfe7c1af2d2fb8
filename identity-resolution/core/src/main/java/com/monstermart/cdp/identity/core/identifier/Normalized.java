package com.monstermart.cdp.identity.core.identifier;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import java.util.Optional;

/**
 * The outcome of normalising one raw value: the normalised value, or the reason it was rejected. A rejection names
 * the field and the reason, never the raw value (it may be personal data).
 */
public sealed interface Normalized<T> {
    record Valid<T>(T value) implements Normalized<T> {
        public Valid {
            requireNonNull(value, "value is null");
        }
    }

    record Invalid<T>(String field, InvalidReason reason) implements Normalized<T> {
        public Invalid {
            requireNonNull(field, "field is null");
            requireNonNull(reason, "reason is null");
        }

        /** A message fit for logs and API responses: it names the field and reason only. */
        public String message() {
            return "The %s %s".formatted(field, reason.description());
        }
    }

    static <T> Normalized<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Normalized<T> invalid(String field, InvalidReason reason) {
        return new Invalid<>(field, reason);
    }

    default Optional<T> toOptional() {
        return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    /** The value, or an {@link IdentityException} (code INVALID_IDENTIFIER) that says why there is none. */
    default T orElseThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        Invalid<T> invalid = (Invalid<T>) this;
        throw new IdentityException(IdentityErrorCode.INVALID_IDENTIFIER, invalid.message());
    }
}
