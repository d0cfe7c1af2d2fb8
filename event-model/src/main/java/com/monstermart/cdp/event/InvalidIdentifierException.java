package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An identifier named in a request has no canonical form. The message names the type and the problem, never the
 * value (it may be personal data); services turn it into HTTP 400 with their own error code.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {
    private final transient Optional<IdentifierProblem> problem;

    public InvalidIdentifierException(String message, Optional<IdentifierProblem> problem) {
        super(requireNonNull(message, "message is null"));
        this.problem = requireNonNull(problem, "problem is null");
    }

    /** The problem with the value; empty when the type itself is unknown or missing. */
    public Optional<IdentifierProblem> problem() {
        return problem;
    }
}
