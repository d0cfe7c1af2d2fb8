package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
    @Test
    void normalisesNumbersDatesAndCollections() {
        Map<String, Object> input = new HashMap<>();
        input.put("int", 3);
        input.put("double", 2.5d);
        input.put("float", 0.1f);
        input.put("when", Instant.parse("2026-11-21T10:00:00Z"));
        input.put("day", LocalDate.of(2026, 11, 21));
        input.put("list", new ArrayList<>(List.of(1, "a")));
        input.put("array", new Object[] {true});

        Map<String, Object> copy = JsonValues.copyObject(input, "$.properties");

        assertThat(copy)
                .containsEntry("int", 3L)
                .containsEntry("double", new BigDecimal("2.5"))
                .containsEntry("float", new BigDecimal("0.1"))
                .containsEntry("when", "2026-11-21T10:00:00Z")
                .containsEntry("day", "2026-11-21")
                .containsEntry("list", List.of(1L, "a"))
                .containsEntry("array", List.of(true));
    }

    @Test
    void copiesAreUnmodifiableAndDetached() {
        Map<String, Object> nested = new HashMap<>(Map.of("city", "Transylvania"));
        Map<String, Object> input = new HashMap<>(Map.of("address", nested));

        Map<String, Object> copy = JsonValues.copyObject(input, "$.traits");
        nested.put("city", "Loch Ness");

        assertThat(copy).containsEntry("address", Map.of("city", "Transylvania"));
        assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsValuesThatAreNotJsonLikeNamingThePath() {
        assertThatThrownBy(() ->
                        JsonValues.copyObject(Map.of("address", Map.of("since", new java.util.Date(0))), "$.traits"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "$.traits.address.since holds a java.util.Date; use strings, numbers, booleans, null, lists or maps");
        assertThatThrownBy(() -> JsonValues.normalize(Double.NaN, "$.properties.price"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$.properties.price is NaN; JSON numbers must be finite");
    }

    @Test
    void textOfScalars() {
        assertThat(JsonValues.text(" a@b.example ")).contains("a@b.example");
        assertThat(JsonValues.text(42L)).contains("42");
        assertThat(JsonValues.text(new BigDecimal("1E+2"))).contains("100");
        assertThat(JsonValues.text(" ")).isEmpty();
        assertThat(JsonValues.text(Map.of())).isEmpty();
        assertThat(JsonValues.text(null)).isEmpty();
    }
}
