package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An event as the hot store keeps it for the profile API's "recent events".
 *
 * @param name the track event name or the page name
 * @param propertiesJson the properties as JSON (personal values ciphertext)
 */
public record RecentEvent(
        String profileId,
        String messageId,
        Instant occurredAt,
        String type,
        Optional<String> name,
        String sourceId,
        String propertiesJson) {
    public RecentEvent {
        requireNonNull(profileId, "profileId is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(propertiesJson, "propertiesJson is null");
    }
}
