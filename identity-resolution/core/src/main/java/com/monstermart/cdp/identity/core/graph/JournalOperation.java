package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One entry of the append-only operation log the graph is built from. Replaying the log in sequence order under
 * a rule set rebuilds the graph: that is how rule changes are dry-run and applied.
 */
public sealed interface JournalOperation {
    long sequence();

    /** An event's identifiers. */
    record Observed(long sequence, Observation observation) implements JournalOperation {
        public Observed {
            requireNonNull(observation, "observation is null");
        }
    }

    /** A link on evidence other than an event (probabilistic match, accepted review). */
    record Linked(long sequence, Link link) implements JournalOperation {
        public Linked {
            requireNonNull(link, "link is null");
        }
    }

    /** Identifiers split off their profile (an identifier removed, or a profile split). */
    record Split(long sequence, String operationId, Set<Identifier> moved, String actor, String reason, Instant at)
            implements JournalOperation {
        public Split {
            requireNonNull(operationId, "operationId is null");
            moved = Set.copyOf(moved);
            requireNonNull(actor, "actor is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(at, "at is null");
        }
    }

    /** Two profiles that must never merge (a rejected review). */
    record Separated(long sequence, UUID first, UUID second, String actor, String reason, Instant at)
            implements JournalOperation {
        public Separated {
            requireNonNull(first, "first is null");
            requireNonNull(second, "second is null");
            requireNonNull(actor, "actor is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(at, "at is null");
        }
    }
}
