package com.monstermart.cdp.ingestion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityCheckerTest {
    private static QualityChecker rules(String yaml) {
        List<QualityRuleSpec> specs = List.of(SpecJson.readYaml(yaml, QualityRuleSpec[].class, "quality"));
        return QualityChecker.compile(specs, "quality");
    }

    private static CanonicalEvent order(Object price, Object email) {
        CanonicalEvent.Builder builder = CanonicalEvent.builder(EventType.TRACK)
                .messageId("m1")
                .userId("42")
                .event("Order Completed")
                .property("products", List.of(Map.of("price", new BigDecimal("1.00")), Map.of("price", price)))
                .context(EventContext.of(new SourceRef("s", SourceKind.FILE, "line=1")));
        if (email != null) {
            builder.trait("email", email);
        }
        return builder.build();
    }

    @Test
    void rangesOnListElementsNameTheElement() {
        QualityChecker checker = rules("[{field: 'properties.products[*].price', min: 0}]");

        QualityChecker.Result result = checker.check(order(new BigDecimal("-5.00"), null));

        assertThat(result.rejections())
                .extracting(Object::toString)
                .containsExactly("$.properties.products[1].price: must be >= 0 (was -5.00)");
        assertThat(checker.check(order(BigDecimal.TEN, null)).rejections()).isEmpty();
    }

    @Test
    void formatsDoNotQuoteTheValue() {
        QualityChecker checker = rules("[{field: traits.email, format: email}, {field: userId, required: true}]");

        assertThat(checker.check(order(BigDecimal.ONE, "grendel-at-example")).rejections())
                .extracting(Object::toString)
                .containsExactly("$.traits.email: is not a valid email");
        assertThat(checker.check(order(BigDecimal.ONE, "grendel@example.com")).rejections())
                .isEmpty();
    }

    @Test
    void clearRemovesTheFieldAndKeepsTheEvent() {
        QualityChecker checker = rules("[{field: traits.email, format: email, action: clear}]");

        QualityChecker.Result result = checker.check(order(BigDecimal.ONE, "not an email"));

        assertThat(result.rejections()).isEmpty();
        assertThat(result.cleared())
                .extracting(Object::toString)
                .containsExactly("$.traits.email: is not a valid email");
        assertThat(result.event().traits()).doesNotContainKey("email");
    }

    @Test
    void rulesCanBeLimitedToEvents() {
        QualityChecker checker = rules("[{field: properties.cart_id, required: true, events: [Product Added]}]");

        assertThat(checker.check(order(BigDecimal.ONE, null)).rejections()).isEmpty();
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> rules("[{field: traits.email, format: mail}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "quality[0].format: 'mail' is not one of [email, phone, country, currency, uuid, date, timestamp]");
        assertThatThrownBy(() -> rules("[{format: email}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality[0].field: is required");
    }
}
