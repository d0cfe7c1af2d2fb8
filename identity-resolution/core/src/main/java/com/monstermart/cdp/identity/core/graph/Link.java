package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;

/**
 * An edge of the identity graph with its evidence: the event (or decision) that linked two identifiers, and the
 * rule that allowed it.
 *
 * @param rule what allowed the link: {@code event} plus the rules version for observed links, the matcher and score
 *     for probabilistic ones, the actor for manual ones
 * @param score the match probability for probabilistic links, 1 otherwise
 */
public record Link(
        Identifier from, Identifier to, LinkKind kind, String messageId, Instant at, String rule, double score) {
    public Link {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(at, "at is null");
        requireNonNull(rule, "rule is null");
    }

    /** The identifier at the other end. */
    public Identifier other(Identifier end) {
        return end.equals(from) ? to : from;
    }

    public EdgeKey key() {
        return EdgeKey.of(from, to);
    }

    /** An unordered pair of identifiers. */
    public record EdgeKey(Identifier first, Identifier second) {
        public static EdgeKey of(Identifier a, Identifier b) {
            return a.compareTo(b) <= 0 ? new EdgeKey(a, b) : new EdgeKey(b, a);
        }
    }
}
