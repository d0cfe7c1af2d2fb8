package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterJsonTest {
    @Test
    void roundTrip() {
        DeadLetter letter = DeadLetter.invalid(
                "rees46",
                "file=rees46-events-1.csv.gz line=17",
                List.of(
                        new ValidationProblem("$.properties.price", "must be >= 0"),
                        new ValidationProblem("$.userId", "userId or anonymousId is required")),
                "2019-10-01 00:00:00 UTC,view,1,2,,,-5,,",
                Instant.parse("2026-11-21T10:00:00Z"));

        assertThat(letter.reason()).isEqualTo("$.properties.price: must be >= 0 (and 1 more problems)");
        assertThat(DeadLetterJson.fromBytes(DeadLetterJson.toBytes(letter))).isEqualTo(letter);
    }

    @Test
    void rejectsOtherDocuments() {
        assertThatThrownBy(() -> DeadLetterJson.fromBytes("{\"source\":\"x\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a dead letter: 'position' is missing");
    }
}
