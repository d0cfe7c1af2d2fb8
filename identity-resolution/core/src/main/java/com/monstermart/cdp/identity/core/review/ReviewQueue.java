package com.monstermart.cdp.identity.core.review;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of review items. */
public interface ReviewQueue {
    /**
     * Adds an item unless an open item for the same two profiles exists (in either order); returns the open item.
     */
    ReviewItem offer(ReviewItem item);

    Optional<ReviewItem> item(UUID id);

    /** Items with a status, newest first. */
    List<ReviewItem> list(ReviewItem.Status status, int limit);

    /** Whether a person rejected a match of these two profiles before (in either order). */
    boolean rejectedBefore(UUID first, UUID second);

    /** Marks an open item decided; empty when it does not exist or was decided already. */
    Optional<ReviewItem> decide(UUID id, ReviewItem.Status status, String actor, java.time.Instant at);
}
