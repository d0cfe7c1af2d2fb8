package com.monstermart.cdp.identity.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.matching.ScoredPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ReviewQueue} does; one subclass per implementation. */
public abstract class ReviewQueueContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    protected abstract ReviewQueue queue();

    static ReviewItem item(UUID left, UUID right, int second) {
        return new ReviewItem(
                UUID.randomUUID(),
                left,
                Identifier.email("ann@shop.example"),
                right,
                Identifier.userId("pos", "9"),
                0.93,
                List.of(new ScoredPair.Evidence("family_name", "exact", 6.5)),
                ReviewItem.Status.OPEN,
                T0.plusSeconds(second),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void oneOpenItemPerPairListedAndDecidedOnce() {
        ReviewQueue queue = queue();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        ReviewItem first = queue.offer(item(a, b, 0));
        ReviewItem again = queue.offer(item(b, a, 1));
        ReviewItem other = queue.offer(item(a, UUID.randomUUID(), 2));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(queue.list(ReviewItem.Status.OPEN, 10))
                .extracting(ReviewItem::id)
                .containsExactly(other.id(), first.id());
        assertThat(queue.item(first.id()).orElseThrow().evidence())
                .containsExactly(new ScoredPair.Evidence("family_name", "exact", 6.5));

        ReviewItem rejected = queue.decide(first.id(), ReviewItem.Status.REJECTED, "reviewer", T0.plusSeconds(9))
                .orElseThrow();
        assertThat(rejected.status()).isEqualTo(ReviewItem.Status.REJECTED);
        assertThat(rejected.decidedBy()).contains("reviewer");
        assertThat(queue.decide(first.id(), ReviewItem.Status.ACCEPTED, "other", T0))
                .isEmpty();
        assertThat(queue.rejectedBefore(b, a)).isTrue();
        assertThat(queue.list(ReviewItem.Status.OPEN, 10))
                .extracting(ReviewItem::id)
                .containsExactly(other.id());
        assertThat(queue.list(ReviewItem.Status.REJECTED, 10))
                .extracting(ReviewItem::id)
                .containsExactly(first.id());
        assertThat(queue.item(UUID.randomUUID())).isEmpty();
    }
}
