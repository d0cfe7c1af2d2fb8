package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** One decoded record of the input topics, with where it came from. */
public sealed interface InputRecord {
    StreamPosition position();

    /**
     * A resolved event.
     *
     * @param prepared its {@code events} row and properties JSON, when the decoder built them already (decoding runs
     *     on several threads; the batch processor on one)
     */
    record EventRecord(StreamPosition position, ResolvedEvent event, Optional<PreparedEvent> prepared)
            implements InputRecord {
        public EventRecord {
            requireNonNull(position, "position is null");
            requireNonNull(event, "event is null");
            requireNonNull(prepared, "prepared is null");
        }

        public EventRecord(StreamPosition position, ResolvedEvent event) {
            this(position, event, Optional.empty());
        }
    }

    /** The stateless part of writing an event, done ahead: its row of {@code events} and its properties as JSON. */
    record PreparedEvent(Row row, String propertiesJson) {
        public PreparedEvent {
            requireNonNull(row, "row is null");
            requireNonNull(propertiesJson, "propertiesJson is null");
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
