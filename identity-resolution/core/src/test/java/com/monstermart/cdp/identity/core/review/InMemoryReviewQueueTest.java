package com.monstermart.cdp.identity.core.review;

class InMemoryReviewQueueTest extends ReviewQueueContract {
    @Override
    protected ReviewQueue queue() {
        return new InMemoryReviewQueue();
    }
}
