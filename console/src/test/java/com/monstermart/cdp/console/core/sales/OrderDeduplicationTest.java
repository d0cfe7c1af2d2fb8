package com.monstermart.cdp.console.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderDeduplicationTest {
    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

    @Test
    void theFirstSourceOwnsTheOrderAndAnotherSourcesReportIsADuplicate() {
        OrderDeduplication.Decision first = OrderDeduplication.decide(Optional.empty(), order("shop-web", "m-1"), NOW);
        assertThat(first.verdict()).isEqualTo(OrderDeduplication.Verdict.COUNT);
        assertThat(first.owner().sourceId()).isEqualTo("shop-web");
        assertThat(first.owner().firstSeenAt()).isEqualTo(NOW);

        OrderDeduplication.Decision database =
                OrderDeduplication.decide(Optional.of(first.owner()), order("shop-postgres", "m-2"), NOW);
        assertThat(database.verdict()).isEqualTo(OrderDeduplication.Verdict.OTHER_SOURCE);
        assertThat(database.counts()).isFalse();
        assertThat(database.owner()).isEqualTo(first.owner());
    }

    @Test
    void aRepeatedMessageCountsOnceAndNewMessagesOfTheOwnerAddUp() {
        OrderOwner owner = OrderDeduplication.decide(Optional.empty(), order("app", "unit-1"), NOW)
                .owner();
        assertThat(OrderDeduplication.decide(Optional.of(owner), order("app", "unit-1"), NOW)
                        .verdict())
                .isEqualTo(OrderDeduplication.Verdict.REPEATED_MESSAGE);
        OrderDeduplication.Decision second = OrderDeduplication.decide(Optional.of(owner), order("app", "unit-2"), NOW);
        assertThat(second.counts()).isTrue();
        assertThat(second.owner().messageIds()).containsExactly("unit-1", "unit-2");
    }

    @Test
    void remembersAtMostTheNewestMessages() {
        OrderOwner owner = OrderDeduplication.decide(Optional.empty(), order("app", "unit-0"), NOW)
                .owner();
        for (int unit = 1; unit <= OrderDeduplication.MAXIMUM_MESSAGES; unit++) {
            owner = OrderDeduplication.decide(Optional.of(owner), order("app", "unit-" + unit), NOW)
                    .owner();
        }
        assertThat(owner.messageIds()).hasSize(OrderDeduplication.MAXIMUM_MESSAGES);
        assertThat(owner.messageIds()).doesNotContain("unit-0").endsWith("unit-" + OrderDeduplication.MAXIMUM_MESSAGES);
    }

    private static CompletedOrder order(String source, String messageId) {
        return new CompletedOrder(
                "shop/MM-1",
                source,
                messageId,
                NOW,
                List.of(new OrderLine("SKU-1", ProductInfo.UNKNOWN, 1, BigDecimal.TEN, "GBP")));
    }
}
