package com.monstermart.cdp.ingestion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static Scope scope(Map<String, Object> values, ParseSettings settings) {
        return new Scope() {
            @Override
            public Object resolve(String reference) {
                return values.get(reference);
            }

            @Override
            public ParseSettings settings() {
                return settings;
            }
        };
    }

    private static Object evaluate(String template, Map<String, Object> values) throws ValueException {
        return Template.compile(template).evaluate(scope(values, ParseSettings.DEFAULT));
    }

    @Test
    void singlePlaceholdersKeepTheirType() throws ValueException {
        assertThat(evaluate("${n}", Map.of("n", 42L))).isEqualTo(42L);
        assertThat(evaluate("${price|decimal}", Map.of("price", "2,55"))).isEqualTo(new BigDecimal("2.55"));
        assertThat(evaluate("${price|decimal}", Map.of("price", "1.234,50"))).isEqualTo(new BigDecimal("1234.50"));
        assertThat(evaluate("${price|decimal}", Map.of("price", "£1,234.50"))).isEqualTo(new BigDecimal("1234.50"));
        assertThat(evaluate("${id|id}", Map.of("id", "13085.0"))).isEqualTo("13085");
        assertThat(evaluate("${q|int}", Map.of("q", "12.0"))).isEqualTo(12L);
        assertThat(evaluate("${flag|bool}", Map.of("flag", "yes"))).isEqualTo(true);
    }

    @Test
    void mixedTemplatesAreTextAndNullWhenAPartIsMissing() throws ValueException {
        assertThat(evaluate("order-${id}", Map.of("id", 7L))).isEqualTo("order-7");
        assertThat(evaluate("order-${id}", new HashMap<>())).isNull();
        assertThat(evaluate("${missing|default(n/a)}", new HashMap<>())).isEqualTo("n/a");
        assertThat(evaluate("${name|trim|upper}", Map.of("name", "  grendel "))).isEqualTo("GRENDEL");
    }

    @Test
    void timestampsInManyFormats() throws ValueException {
        ParseSettings uk = ParseSettings.of(
                "auto",
                java.util.List.of("yyyy-MM-dd HH:mm:ss z", "yyyy-MM-dd HH:mm:ss", "M/d/yyyy H:mm"),
                "Europe/London");
        Template template = Template.compile("${t|timestamp}");

        assertThat(template.evaluate(scope(Map.of("t", "2019-10-01 00:00:00 UTC"), uk)))
                .isEqualTo(Instant.parse("2019-10-01T00:00:00Z"));
        assertThat(template.evaluate(scope(Map.of("t", "12/1/2009 7:45"), uk)))
                .isEqualTo(Instant.parse("2009-12-01T07:45:00Z"));
        assertThat(template.evaluate(scope(Map.of("t", "2010-06-01 10:00:00"), uk)))
                .isEqualTo(Instant.parse("2010-06-01T09:00:00Z"));
        assertThat(template.evaluate(scope(Map.of("t", "2026-11-21T10:15:30+01:00"), uk)))
                .isEqualTo(Instant.parse("2026-11-21T09:15:30Z"));
        assertThat(Template.compile("${t|timestamp(dd.MM.yyyy HH:mm)}")
                        .evaluate(scope(Map.of("t", "21.11.2026 10:00"), ParseSettings.DEFAULT)))
                .isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void badValuesNameTheProblem() {
        assertThatThrownBy(() -> evaluate("${price|decimal}", Map.of("price", "twelve")))
                .isInstanceOf(ValueException.class)
                .hasMessage("'twelve' is not a number");
        assertThatThrownBy(() -> evaluate("${t|timestamp}", Map.of("t", "yesterday")))
                .isInstanceOf(ValueException.class)
                .hasMessage("'yesterday' is not a timestamp in ISO-8601");
        assertThatThrownBy(() -> evaluate("${q|int}", Map.of("q", "1.5")))
                .isInstanceOf(ValueException.class)
                .hasMessage("'1.5' is not a whole number");
    }

    @Test
    void compileErrorsNameTheTemplate() {
        assertThatThrownBy(() -> Template.compile("${price|round}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown filter 'round' in ${price|round}");
        assertThatThrownBy(() -> Template.compile("order-${id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'order-${id' has an unclosed ${");
    }
}
