package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;

/** An identifier of a profile and when (event time) it was attached. */
public record Member(Identifier identifier, Instant attachedAt) {
    public Member {
        requireNonNull(identifier, "identifier is null");
        requireNonNull(attachedAt, "attachedAt is null");
    }
}
