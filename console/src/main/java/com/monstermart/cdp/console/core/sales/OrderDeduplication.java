package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts each order once although several sources may report it (the web shop's tracker and its database both send
 * {@code Order Completed} for one order) and a source may send an event again (replays, retries).
 *
 * <p>The first source to report an order owns it: that source's events of the order count, each message id once (a
 * source that reports an order unit by unit adds up); another source's events of the same order key are duplicates.
 */
public final class OrderDeduplication {
    /** Message ids remembered per order; older ones are forgotten first. */
    public static final int MAXIMUM_MESSAGES = 256;

    private OrderDeduplication() {}

    /** Whether an event counts. */
    public enum Verdict {
        /** Count it. */
        COUNT,
        /** The same message was counted before. */
        REPEATED_MESSAGE,
        /** Another source reported this order first. */
        OTHER_SOURCE
    }

    /**
     * @param owner the order's owner after this event (unchanged unless it counts)
     */
    public record Decision(Verdict verdict, OrderOwner owner) {
        public Decision {
            requireNonNull(verdict, "verdict is null");
            requireNonNull(owner, "owner is null");
        }

        public boolean counts() {
            return verdict == Verdict.COUNT;
        }
    }

    public static Decision decide(Optional<OrderOwner> current, CompletedOrder order, Instant now) {
        requireNonNull(current, "current is null");
        requireNonNull(order, "order is null");
        if (current.isEmpty()) {
            return new Decision(Verdict.COUNT, new OrderOwner(order.sourceId(), now, List.of(order.messageId())));
        }
        OrderOwner owner = current.get();
        if (!owner.sourceId().equals(order.sourceId())) {
            return new Decision(Verdict.OTHER_SOURCE, owner);
        }
        if (owner.messageIds().contains(order.messageId())) {
            return new Decision(Verdict.REPEATED_MESSAGE, owner);
        }
        List<String> messages = new ArrayList<>(owner.messageIds());
        messages.add(order.messageId());
        while (messages.size() > MAXIMUM_MESSAGES) {
            messages.removeFirst();
        }
        return new Decision(Verdict.COUNT, new OrderOwner(owner.sourceId(), owner.firstSeenAt(), messages));
    }
}
