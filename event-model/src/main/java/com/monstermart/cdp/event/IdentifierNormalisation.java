package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The outcome of normalising one raw identifier: its canonical form, or why it has none. A rejection names the type
 * and the problem, never the raw value (it may be personal data).
 */
public sealed interface IdentifierNormalisation {
    /** The raw value has a canonical form. */
    record Valid(CanonicalIdentifier identifier) implements IdentifierNormalisation {
        public Valid {
            requireNonNull(identifier, "identifier is null");
        }
    }

    /** The raw value has no canonical form. */
    record Invalid(IdentifierType type, IdentifierProblem problem) implements IdentifierNormalisation {
        public Invalid {
            requireNonNull(type, "type is null");
            requireNonNull(problem, "problem is null");
        }

        /** A message fit for logs and API responses: it names the type and the problem only. */
        public String message() {
            return "The %s %s".formatted(type.wireName(), problem.description());
        }
    }

    default Optional<CanonicalIdentifier> toOptional() {
        return this instanceof Valid valid ? Optional.of(valid.identifier()) : Optional.empty();
    }

    /** The canonical identifier, or an {@link InvalidIdentifierException} that says why there is none. */
    default CanonicalIdentifier orElseThrow() {
        return switch (this) {
            case Valid valid -> valid.identifier();
            case Invalid invalid ->
                throw new InvalidIdentifierException(invalid.message(), Optional.of(invalid.problem()));
        };
    }
}
