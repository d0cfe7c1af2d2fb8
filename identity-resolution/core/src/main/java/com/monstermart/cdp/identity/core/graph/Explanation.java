package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.util.List;
import java.util.UUID;

/**
 * Why two identifiers are in one profile: the shortest chain of journal links from one to the other, each with its
 * evidence (event, rule, time).
 */
public record Explanation(UUID profileId, Identifier from, Identifier to, List<Link> path) {
    public Explanation {
        requireNonNull(profileId, "profileId is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        path = List.copyOf(path);
    }
}
