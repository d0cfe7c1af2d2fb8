package com.monstermart.cdp.console.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSalesRulesTest {
    @Test
    void groupsScopeOrderIdsAndExclusionsDropSources() {
        LiveSalesRules rules =
                LiveSalesRules.of(List.of(" app-events ", ""), List.of("shop-web + shop-postgres", "a+b"), "GBP");
        assertThat(rules.orderScope("shop-web")).isEqualTo("shop-postgres+shop-web");
        assertThat(rules.orderScope("shop-postgres")).isEqualTo("shop-postgres+shop-web");
        assertThat(rules.orderScope("pos-mariadb")).isEqualTo("pos-mariadb");
        assertThat(rules.counts("app-events")).isFalse();
        assertThat(rules.counts("shop-web")).isTrue();
    }

    @Test
    void aSourceInTwoGroupsIsRefused() {
        assertThatThrownBy(() -> LiveSalesRules.of(List.of(), List.of("a+b", "b+c"), "GBP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Source 'b' is in two groups");
    }
}
