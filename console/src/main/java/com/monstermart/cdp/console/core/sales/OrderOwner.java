package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The source that reported an order first, and the events of it already counted.
 *
 * @param sourceId the source whose events of this order count; other sources' reports of it are duplicates
 * @param firstSeenAt when the order was first counted (wall clock), for expiry
 * @param messageIds the counted events' message ids, newest last, at most {@link OrderDeduplication#MAXIMUM_MESSAGES}
 */
public record OrderOwner(String sourceId, Instant firstSeenAt, List<String> messageIds) {
    public OrderOwner {
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(firstSeenAt, "firstSeenAt is null");
        messageIds = List.copyOf(requireNonNull(messageIds, "messageIds is null"));
    }
}
