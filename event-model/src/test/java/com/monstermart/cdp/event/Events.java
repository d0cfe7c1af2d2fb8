package com.monstermart.cdp.event;

import java.time.Instant;

/** Sample events for the tests. */
final class Events {
    static final Instant HAPPENED = Instant.parse("2026-11-21T10:15:30.123Z");
    static final Instant RECEIVED = Instant.parse("2026-11-21T10:15:31Z");
    static final SourceRef WEB = new SourceRef("shop-web", SourceKind.HTTP, "request=r-1 index=0");

    private Events() {}

    static CanonicalEvent.Builder track(String name) {
        return CanonicalEvent.builder(EventType.TRACK)
                .messageId(MessageIds.derived("shop-web", "http/" + name))
                .timestamp(HAPPENED)
                .receivedAt(RECEIVED)
                .userId("42")
                .event(name)
                .context(EventContext.of(WEB));
    }

    static CanonicalEvent.Builder group() {
        return CanonicalEvent.builder(EventType.GROUP)
                .messageId("m-group-1")
                .timestamp(HAPPENED)
                .receivedAt(RECEIVED)
                .userId("42")
                .groupId("guild-7")
                .trait("name", "The Fen Guild")
                .trait("employees", 12L)
                .context(EventContext.of(WEB));
    }

    static CanonicalEvent.Builder identify() {
        return CanonicalEvent.builder(EventType.IDENTIFY)
                .messageId("m-identify-1")
                .timestamp(HAPPENED)
                .receivedAt(RECEIVED)
                .userId("42")
                .trait("email", "grendel@example.com")
                .context(EventContext.of(WEB));
    }
}
