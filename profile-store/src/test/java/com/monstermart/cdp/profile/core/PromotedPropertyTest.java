package com.monstermart.cdp.profile.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotedPropertyTest {
    @Test
    void namesColumnsInSnakeCase() {
        assertThat(PromotedProperty.snakeCase("productSku")).isEqualTo("product_sku");
        assertThat(PromotedProperty.snakeCase("Coupon Code")).isEqualTo("coupon_code");
        assertThat(PromotedProperty.snakeCase("utm-source")).isEqualTo("utm_source");
        assertThat(PromotedProperty.snakeCase("42nd")).isEqualTo("p_42nd");
    }

    @Test
    void convertsValuesToTheColumnTypeOrNull() {
        Map<String, Object> properties = Map.of(
                "discount", new BigDecimal("1.005"),
                "count", "12",
                "member", true,
                "since", "2026-11-21T10:00:00Z",
                "birthday", "2001-02-03");

        assertThat(PromotedProperty.of("discount", ColumnType.DECIMAL).valueIn(properties))
                .isEqualTo(new BigDecimal("1.01"));
        assertThat(PromotedProperty.of("count", ColumnType.INT).valueIn(properties))
                .isEqualTo(12);
        assertThat(PromotedProperty.of("member", ColumnType.BOOLEAN).valueIn(properties))
                .isEqualTo(true);
        assertThat(PromotedProperty.of("since", ColumnType.TIMESTAMPTZ).valueIn(properties))
                .isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(PromotedProperty.of("birthday", ColumnType.DATE).valueIn(properties))
                .isEqualTo(LocalDate.of(2001, 2, 3));
        assertThat(PromotedProperty.of("member", ColumnType.INT).valueIn(properties))
                .isNull();
        assertThat(PromotedProperty.of("absent", ColumnType.STRING).valueIn(properties))
                .isNull();
    }

    @Test
    void anUnknownTypeNameIsAConfigurationError() {
        assertThatThrownBy(() -> ColumnType.fromConfigName("float"))
                .isInstanceOf(ProfileStoreException.class)
                .hasMessage(
                        "Unknown column type 'float': use one of string, int, long, boolean, decimal, timestamptz, date");
    }
}
