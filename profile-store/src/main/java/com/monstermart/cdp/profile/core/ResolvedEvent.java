package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.CanonicalEvent;

/**
 * A canonical event after identity resolution ({@code cdp.resolved.events}): the event, with its personal data
 * already encrypted by identity resolution, and the profile it was resolved to.
 *
 * @param profileId the profile the event belongs to at the time it was resolved
 * @param event the event; personal fields hold ciphertext, identifier values hold blind indexes
 */
public record ResolvedEvent(String profileId, CanonicalEvent event) {
    public ResolvedEvent {
        requireNonNull(profileId, "profileId is null");
        requireNonNull(event, "event is null");
        if (profileId.isBlank()) {
            throw new IllegalArgumentException("profileId of event " + event.messageId() + " is blank");
        }
    }

    public String messageId() {
        return event.messageId();
    }
}
