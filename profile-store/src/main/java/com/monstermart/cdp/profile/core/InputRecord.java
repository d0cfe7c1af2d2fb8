package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

/** One decoded record of the input topics, with where it came from. */
public sealed interface InputRecord {
    StreamPosition position();

    /** A resolved event. */
    record EventRecord(StreamPosition position, ResolvedEvent event) implements InputRecord {
        public EventRecord {
            requireNonNull(position, "position is null");
            requireNonNull(event, "event is null");
        }
    }

    /** A profile change. */
    record ChangeRecord(StreamPosition position, ProfileChange change) implements InputRecord {
        public ChangeRecord {
            requireNonNull(position, "position is null");
            requireNonNull(change, "change is null");
        }
    }

    /**
     * A record that could not be decoded; it is counted and skipped (its content is not kept: it may hold
     * personal data).
     */
    record Unreadable(StreamPosition position, String reason) implements InputRecord {
        public Unreadable {
            requireNonNull(position, "position is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
