package com.monstermart.cdp.identity.core.review;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Review items in memory (tests). */
public final class InMemoryReviewQueue implements ReviewQueue {
    private final Map<UUID, ReviewItem> items = new LinkedHashMap<>();

    @Override
    public synchronized ReviewItem offer(ReviewItem item) {
        for (ReviewItem open : items.values()) {
            if (open.status() == ReviewItem.Status.OPEN && samePair(open, item)) {
                return open;
            }
        }
        items.put(item.id(), item);
        return item;
    }

    static boolean samePair(ReviewItem a, ReviewItem b) {
        return (a.leftProfile().equals(b.leftProfile()) && a.rightProfile().equals(b.rightProfile()))
                || (a.leftProfile().equals(b.rightProfile()) && a.rightProfile().equals(b.leftProfile()));
    }

    @Override
    public synchronized Optional<ReviewItem> item(UUID id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public synchronized List<ReviewItem> list(ReviewItem.Status status, int limit) {
        return items.values().stream()
                .filter(item -> item.status() == status)
                .sorted(Comparator.comparing(ReviewItem::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean rejectedBefore(UUID first, UUID second) {
        return items.values().stream()
                .anyMatch(item -> item.status() == ReviewItem.Status.REJECTED
                        && ((item.leftProfile().equals(first)
                                        && item.rightProfile().equals(second))
                                || (item.leftProfile().equals(second)
                                        && item.rightProfile().equals(first))));
    }

    @Override
    public synchronized Optional<ReviewItem> decide(UUID id, ReviewItem.Status status, String actor, Instant at) {
        ReviewItem item = items.get(id);
        if (item == null || item.status() != ReviewItem.Status.OPEN) {
            return Optional.empty();
        }
        ReviewItem decided = item.decided(status, actor, at);
        items.put(id, decided);
        return Optional.of(decided);
    }
}
