package com.monstermart.cdp.profile.kafka;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.InvalidEventException;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.IdentifierKey;
import com.monstermart.cdp.profile.core.InputRecord;
import com.monstermart.cdp.profile.core.ProfileChange;
import com.monstermart.cdp.profile.core.ProfileChange.SplitPart;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import com.monstermart.cdp.profile.core.StreamPosition;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decodes the input topics' records.
 *
 * <p>{@code cdp.resolved.events}: the canonical event JSON (docs/event-contract.md) with a top-level
 * {@code profileId}; identifier values are blind indexes and personal fields vault ciphertext.
 *
 * <p>{@code cdp.identity.changes}: a JSON object with {@code type} and {@code at}; read leniently so that either
 * field spelling identity resolution settles on works:
 *
 * <pre>
 * {"type": "profile-created",  "profileId": "…", "at": "…"}
 * {"type": "profiles-merged",  "profileId": "<survivor>", "mergedId" (or "merged"): "…", "at": "…"}
 * {"type": "profile-split",    "profileId": "…", "parts": [{"profileId": "…", "identifiers":
 *                               [{"type": "email", "namespace": "global", "value": "<blind index>"}]}]
 *                               (or "created": ["…", …]), "reason": "…", "at": "…"}
 * {"type": "profile-erased",   "profileId": "…", "at": "…"}
 * </pre>
 *
 * Type names are matched case-insensitively ignoring dashes, dots and underscores ({@code ProfilesMerged},
 * {@code profiles.merged}, {@code merged} all work). A record that cannot be read becomes {@link
 * InputRecord.Unreadable} with a reason that never quotes its content.
 */
public final class InputDecoder {
    private final String eventsTopic;
    private final String changesTopic;
    private final Optional<EventRows> eventRows;
    private final Clock clock;

    /** A decoder that only decodes. */
    public InputDecoder(String eventsTopic, String changesTopic) {
        this(eventsTopic, changesTopic, Optional.empty(), Clock.systemUTC());
    }

    /** A decoder that also builds each event's {@code events} row (thread-safe: decode polls in parallel). */
    public InputDecoder(String eventsTopic, String changesTopic, EventRows eventRows, Clock clock) {
        this(eventsTopic, changesTopic, Optional.of(eventRows), clock);
    }

    private InputDecoder(String eventsTopic, String changesTopic, Optional<EventRows> eventRows, Clock clock) {
        this.eventsTopic = requireNonNull(eventsTopic, "eventsTopic is null");
        this.changesTopic = requireNonNull(changesTopic, "changesTopic is null");
        this.eventRows = requireNonNull(eventRows, "eventRows is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public InputRecord decode(String topic, int partition, long offset, byte[] value) {
        StreamPosition position = new StreamPosition(topic, partition, offset);
        if (value == null) {
            return new InputRecord.Unreadable(position, "empty record (tombstone)");
        }
        try {
            if (topic.equals(eventsTopic)) {
                ResolvedEvent event = resolvedEvent(value);
                return new InputRecord.EventRecord(
                        position, event, eventRows.map(rows -> rows.prepare(event, position, clock.instant())));
            }
            if (topic.equals(changesTopic)) {
                return new InputRecord.ChangeRecord(position, change(EventJson.parse(value)));
            }
            return new InputRecord.Unreadable(position, "record of an unexpected topic");
        } catch (InvalidEventException e) {
            return new InputRecord.Unreadable(
                    position, "invalid: " + e.problems().size() + " problem(s)");
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            return new InputRecord.Unreadable(
                    position, "invalid: " + e.getClass().getSimpleName());
        }
    }

    /** A resolved event from its JSON. */
    public static ResolvedEvent resolvedEvent(byte[] json) {
        JsonNode root = EventJson.parse(json);
        JsonNode profileId = root.get("profileId");
        if (profileId == null || !profileId.isTextual() || profileId.asText().isBlank()) {
            throw new IllegalArgumentException("resolved event without profileId");
        }
        CanonicalEvent event = EventJson.fromTree(root);
        return new ResolvedEvent(profileId.asText(), event);
    }

    static ProfileChange change(JsonNode root) {
        String type = normalise(text(root, "type"));
        String profileId = text(root, "profileId");
        Instant at = EventJson.parseInstant(text(root, "at"));
        return switch (type) {
            case "profilecreated", "created" -> new ProfileChange.ProfileCreated(profileId, at);
            case "profilesmerged", "profilemerged", "merged" ->
                new ProfileChange.ProfilesMerged(
                        profileId, root.has("mergedId") ? text(root, "mergedId") : text(root, "merged"), at);
            case "profilesplit", "split", "unmerged", "profileunmerged" ->
                new ProfileChange.ProfileSplit(
                        profileId, parts(root), root.hasNonNull("reason") ? text(root, "reason") : "unspecified", at);
            case "profileerased", "erased" -> new ProfileChange.ProfileErased(profileId, at);
            default -> throw new IllegalArgumentException("unknown change type");
        };
    }

    private static List<SplitPart> parts(JsonNode root) {
        List<SplitPart> parts = new ArrayList<>();
        for (JsonNode part : root.path("parts")) {
            List<IdentifierKey> identifiers = new ArrayList<>();
            for (JsonNode identifier : part.path("identifiers")) {
                identifiers.add(new IdentifierKey(
                        text(identifier, "type"),
                        identifier.hasNonNull("namespace") ? text(identifier, "namespace") : "global",
                        identifier.hasNonNull("blindIndex")
                                ? text(identifier, "blindIndex")
                                : text(identifier, "value")));
            }
            parts.add(new SplitPart(text(part, "profileId"), identifiers));
        }
        for (JsonNode created : root.path("created")) {
            String id = created.asText();
            if (parts.stream().noneMatch(part -> part.profileId().equals(id))) {
                parts.add(new SplitPart(id, List.of()));
            }
        }
        return parts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }

    private static String normalise(String type) {
        return type.toLowerCase(Locale.ROOT).replaceAll("[-_. ]", "");
    }
}
