package com.monstermart.cdp.identity.core.review;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.graph.IdentityStore;
import com.monstermart.cdp.identity.core.graph.Link;
import com.monstermart.cdp.identity.core.graph.LinkKind;
import com.monstermart.cdp.identity.core.graph.Resolution;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Acting on review decisions: accepting links the two profiles (a manual link, rules still apply); rejecting
 * separates them so that the matcher never proposes or merges them again.
 */
public final class ReviewDecisions {
    private final ReviewQueue queue;
    private final IdentityStore store;
    private final Clock clock;

    public ReviewDecisions(ReviewQueue queue, IdentityStore store, Clock clock) {
        this.queue = requireNonNull(queue, "queue is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The outcome of a decision: the decided item and, for an accept, the resolution of the link. */
    public record Decision(ReviewItem item, Optional<Resolution> resolution) {}

    public Decision accept(UUID itemId, String actor) {
        ReviewItem item = open(itemId);
        Resolution resolution = store.link(new Link(
                item.leftIdentifier(),
                item.rightIdentifier(),
                LinkKind.MANUAL,
                "review-" + item.id(),
                clock.instant(),
                "review accepted by " + actor + " (p=%.4f)".formatted(item.probability()),
                item.probability()));
        ReviewItem decided = queue.decide(itemId, ReviewItem.Status.ACCEPTED, actor, clock.instant())
                .orElseThrow(() -> notOpen(itemId));
        return new Decision(decided, Optional.of(resolution));
    }

    public Decision reject(UUID itemId, String actor) {
        ReviewItem item = open(itemId);
        UUID left = store.profileOf(item.leftIdentifier()).orElse(item.leftProfile());
        UUID right = store.profileOf(item.rightIdentifier()).orElse(item.rightProfile());
        store.separate(left, right, actor, "review " + item.id() + " rejected");
        ReviewItem decided = queue.decide(itemId, ReviewItem.Status.REJECTED, actor, clock.instant())
                .orElseThrow(() -> notOpen(itemId));
        return new Decision(decided, Optional.empty());
    }

    private ReviewItem open(UUID itemId) {
        ReviewItem item = queue.item(itemId).orElseThrow(() -> notOpen(itemId));
        if (item.status() != ReviewItem.Status.OPEN) {
            throw notOpen(itemId);
        }
        return item;
    }

    private static IdentityException notOpen(UUID itemId) {
        return new IdentityException(
                IdentityErrorCode.REVIEW_ITEM_NOT_FOUND,
                "No open review item %s: list open items with status=OPEN".formatted(itemId));
    }
}
