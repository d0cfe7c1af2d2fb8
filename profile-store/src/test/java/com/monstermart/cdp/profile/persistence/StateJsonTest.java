package com.monstermart.cdp.profile.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.profile.core.IdentifierKey;
import com.monstermart.cdp.profile.core.IdentifierSeen;
import com.monstermart.cdp.profile.core.OrderState;
import com.monstermart.cdp.profile.core.ProductAttributes;
import com.monstermart.cdp.profile.core.ProductState;
import com.monstermart.cdp.profile.core.ProfileState;
import com.monstermart.cdp.profile.core.TraitComparator;
import com.monstermart.cdp.profile.core.TraitValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateJsonTest {
    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void profilesRoundTripWithTraitTimesIdentifiersAndVersion() {
        ProfileState state = new ProfileState("p-1");
        state.recordSeen(T);
        state.recordOrder(T, new BigDecimal("12.50"));
        state.offerTrait("email", new TraitValue("v1.abc", T, "m-1"), TraitComparator.EQUALS);
        state.offerTrait(
                "address",
                new TraitValue(Map.of("city", "v1.def", "zip", 1234L, "lines", List.of("a", true)), T, "m-1"),
                TraitComparator.EQUALS);
        state.offerTrait("nickname", new TraitValue(null, T, "m-2"), TraitComparator.EQUALS);
        state.recordIdentifier(new IdentifierKey("email", "global", "bi"), new IdentifierSeen("web", T, T));
        state.startVersion(T, "created");

        ProfileState read = StateJson.readProfile(StateJson.write(state));

        assertThat(StateJson.write(read)).isEqualTo(StateJson.write(state));
        assertThat(read.traits()).isEqualTo(state.traits());
        assertThat(read.lifetimeRevenue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(read.currentVersion()).isEqualTo(state.currentVersion());
    }

    @Test
    void productsAndOrdersRoundTrip() {
        ProductState product = new ProductState(
                "p-1",
                3,
                T,
                new ProductAttributes("sku", "Fang Floss", null, "Grim", null, new BigDecimal("4.50"), "EUR"));
        OrderState order = OrderState.first(
                "o-1",
                "p-1",
                "completed",
                T,
                "web",
                Map.of(
                        "revenue",
                        new BigDecimal("9.00"),
                        "products",
                        List.of(Map.of("product_id", "p-1", "price", new BigDecimal("4.50"), "quantity", 2L))));

        assertThat(StateJson.readProduct(StateJson.write(product))).isEqualTo(product);
        assertThat(StateJson.readOrder(StateJson.write(order))).isEqualTo(order);
    }
}
