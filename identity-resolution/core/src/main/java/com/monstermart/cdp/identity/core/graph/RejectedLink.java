package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;
import java.util.Optional;

/**
 * A link a rule refused, kept in the journal. {@code to} is empty when the identifier itself was refused (blocked).
 *
 * @param detail the rule that refused it, e.g. {@code email.max-per-profile=5}; never a value
 */
public record RejectedLink(
        Identifier from, Optional<Identifier> to, RejectionReason reason, String detail, String messageId, Instant at) {
    public RejectedLink {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(at, "at is null");
    }
}
