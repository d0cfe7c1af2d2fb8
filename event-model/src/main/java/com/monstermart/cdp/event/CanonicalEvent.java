package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One customer touchpoint as every source delivers it to {@link Topics#RAW_EVENTS}: Segment-spec shaped (identify,
 * track, page, group, alias). The JSON form and its rules are in {@code docs/event-contract.md}; {@link EventJson} reads
 * and writes it, {@link EventValidator} checks it.
 *
 * <p>The record checks structure only (required parts present, values JSON-like); {@link Builder#build()} and
 * {@link EventJson} also apply {@link EventValidator}'s rules.
 *
 * @param type identify, track, page, group or alias
 * @param messageId unique and stable per touchpoint: derived from the source position (see {@link MessageIds}),
 *     so a replay produces the same id and every later step can deduplicate
 * @param timestamp when the touchpoint happened (at the source)
 * @param receivedAt when ingestion received it
 * @param sentAt when the client sent it (HTTP collector only), if it said
 * @param userId the customer's id in the source's identity namespace, if known
 * @param anonymousId a pseudonymous id (browser, app install, guest checkout), if known
 * @param previousId alias only: the identity that {@code userId} replaces
 * @param groupId the group (account, household, company) the customer belongs to: required on group events; other
 *     events may carry it too (the group the customer acted for), as Segment's HTTP API lets them
 * @param event track only: the event name, e.g. {@link EcommerceEvents#ORDER_COMPLETED}
 * @param name page only: the page's name
 * @param category page only: the page's category
 * @param traits facts about the customer (identify), e.g. {@code email}, {@code firstName}, {@code address}; on a
 *     group event, facts about the group (its {@code name}, {@code industry}, {@code employees}, ...)
 * @param properties facts about the event (track, page), e.g. {@code product_id}, {@code price}
 * @param context where and how it was collected
 * @param identifiers typed identifiers found in the event, for identity resolution
 */
public record CanonicalEvent(
        EventType type,
        String messageId,
        Instant timestamp,
        Instant receivedAt,
        Optional<Instant> sentAt,
        Optional<String> userId,
        Optional<String> anonymousId,
        Optional<String> previousId,
        Optional<String> groupId,
        Optional<String> event,
        Optional<String> name,
        Optional<String> category,
        Map<String, Object> traits,
        Map<String, Object> properties,
        EventContext context,
        List<IdentifierHint> identifiers) {
    public CanonicalEvent {
        requireNonNull(type, "type is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(sentAt, "sentAt is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(anonymousId, "anonymousId is null");
        requireNonNull(previousId, "previousId is null");
        requireNonNull(groupId, "groupId is null");
        requireNonNull(event, "event is null");
        requireNonNull(name, "name is null");
        requireNonNull(category, "category is null");
        traits = JsonValues.copyObject(requireNonNull(traits, "traits is null"), "$.traits");
        properties = JsonValues.copyObject(requireNonNull(properties, "properties is null"), "$.properties");
        requireNonNull(context, "context is null");
        identifiers = List.copyOf(requireNonNull(identifiers, "identifiers is null"));
    }

    /** The source id ({@code context.source.id}). */
    public String sourceId() {
        return context.source().id();
    }

    /** A trait by name; empty when absent or null. */
    public Optional<Object> trait(String key) {
        return Optional.ofNullable(traits.get(key));
    }

    /** A property by name; empty when absent or null. */
    public Optional<Object> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** The identifiers of one type. */
    public List<IdentifierHint> identifiers(IdentifierType identifierType) {
        return identifiers.stream()
                .filter(hint -> hint.type() == identifierType)
                .toList();
    }

    public static Builder builder(EventType type) {
        return new Builder(type);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(type);
        builder.messageId = messageId;
        builder.timestamp = timestamp;
        builder.receivedAt = receivedAt;
        builder.sentAt = sentAt.orElse(null);
        builder.userId = userId.orElse(null);
        builder.anonymousId = anonymousId.orElse(null);
        builder.previousId = previousId.orElse(null);
        builder.groupId = groupId.orElse(null);
        builder.event = event.orElse(null);
        builder.name = name.orElse(null);
        builder.category = category.orElse(null);
        builder.traits.putAll(traits);
        builder.properties.putAll(properties);
        builder.context = context;
        builder.identifiers.addAll(identifiers);
        return builder;
    }

    /**
     * Builds events; {@link #build()} throws {@link InvalidEventException} listing every rule the event breaks.
     * {@code receivedAt} defaults to now and {@code timestamp} to {@code receivedAt}.
     */
    public static final class Builder {
        private EventType type;
        private String messageId;
        private Instant timestamp;
        private Instant receivedAt;
        private Instant sentAt;
        private String userId;
        private String anonymousId;
        private String previousId;
        private String groupId;
        private String event;
        private String name;
        private String category;
        private final Map<String, Object> traits = new LinkedHashMap<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private EventContext context;
        private final List<IdentifierHint> identifiers = new ArrayList<>();

        private Builder(EventType type) {
            this.type = requireNonNull(type, "type is null");
        }

        public Builder type(EventType value) {
            this.type = requireNonNull(value, "type is null");
            return this;
        }

        public Builder messageId(String value) {
            this.messageId = value;
            return this;
        }

        public Builder timestamp(Instant value) {
            this.timestamp = value;
            return this;
        }

        public Builder receivedAt(Instant value) {
            this.receivedAt = value;
            return this;
        }

        public Builder sentAt(Instant value) {
            this.sentAt = value;
            return this;
        }

        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        public Builder anonymousId(String value) {
            this.anonymousId = value;
            return this;
        }

        public Builder previousId(String value) {
            this.previousId = value;
            return this;
        }

        public Builder groupId(String value) {
            this.groupId = value;
            return this;
        }

        public Builder event(String value) {
            this.event = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder category(String value) {
            this.category = value;
            return this;
        }

        /** Replaces all traits. */
        public Builder traits(Map<String, ?> values) {
            traits.clear();
            traits.putAll(requireNonNull(values, "traits is null"));
            return this;
        }

        public Builder trait(String key, Object value) {
            traits.put(requireNonNull(key, "key is null"), value);
            return this;
        }

        /** Replaces all properties. */
        public Builder properties(Map<String, ?> values) {
            properties.clear();
            properties.putAll(requireNonNull(values, "properties is null"));
            return this;
        }

        public Builder property(String key, Object value) {
            properties.put(requireNonNull(key, "key is null"), value);
            return this;
        }

        public Builder context(EventContext value) {
            this.context = value;
            return this;
        }

        public Builder identifier(IdentifierHint hint) {
            identifiers.add(requireNonNull(hint, "hint is null"));
            return this;
        }

        /** Replaces all identifier hints. */
        public Builder identifiers(List<IdentifierHint> hints) {
            identifiers.clear();
            identifiers.addAll(hints);
            return this;
        }

        /** The event without validation (structure is still checked). */
        public CanonicalEvent buildUnchecked() {
            Instant received = receivedAt == null ? Instant.now() : receivedAt;
            return new CanonicalEvent(
                    type,
                    messageId,
                    timestamp == null ? received : timestamp,
                    received,
                    Optional.ofNullable(sentAt),
                    Optional.ofNullable(userId),
                    Optional.ofNullable(anonymousId),
                    Optional.ofNullable(previousId),
                    Optional.ofNullable(groupId),
                    Optional.ofNullable(event),
                    Optional.ofNullable(name),
                    Optional.ofNullable(category),
                    traits,
                    properties,
                    context,
                    identifiers);
        }

        /**
         * The validated event.
         *
         * @throws InvalidEventException listing every broken rule (a missing message id or context included)
         */
        public CanonicalEvent build() {
            List<ValidationProblem> missing = new ArrayList<>();
            if (messageId == null) {
                missing.add(new ValidationProblem("$.messageId", "is required"));
            }
            if (context == null) {
                missing.add(new ValidationProblem("$.context.source", "is required"));
            }
            if (!missing.isEmpty()) {
                throw new InvalidEventException(missing);
            }
            CanonicalEvent built = buildUnchecked();
            EventValidator.requireValid(built);
            return built;
        }
    }
}
