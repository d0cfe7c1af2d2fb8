package com.monstermart.cdp.identity.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurvivorshipTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final Survivorship survivorship = new Survivorship(
            List.of(
                    new TraitRule("family_name", SurvivorshipPolicy.SOURCE_PRIORITY, List.of("shop", "pos")),
                    new TraitRule("date_of_birth", SurvivorshipPolicy.MOST_FREQUENT, List.of())),
            SurvivorshipPolicy.MOST_RECENT);

    @Test
    void aLateEventDoesNotOverwriteANewerValue() {
        GoldenRecord record = survivorship.apply(GoldenRecord.empty(), observation("city", "berlin", "shop", 10));
        record = survivorship.apply(record, observation("city", "hamburg", "shop", 5));

        assertThat(record.value("city")).contains("berlin");
        assertThat(record.traits().get("city").updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(record.traits().get("city").candidates()).hasSize(2);
    }

    @Test
    void sourcePriorityAndFrequencyWin() {
        GoldenRecord record = survivorship.applyAll(
                GoldenRecord.empty(),
                List.of(
                        observation("family_name", "smith", "shop", 1),
                        observation("family_name", "smyth", "pos", 9),
                        observation("family_name", "smithe", "web", 10),
                        observation("date_of_birth", "1985-02-28", "pos", 1),
                        observation("date_of_birth", "1985-02-28", "shop", 2),
                        observation("date_of_birth", "1958-02-28", "files", 3)));

        assertThat(record.value("family_name")).contains("smith");
        assertThat(record.value("date_of_birth")).contains("1985-02-28");
        assertThat(record.traits().get("date_of_birth").candidates())
                .filteredOn(candidate -> candidate.value().equals("1985-02-28"))
                .singleElement()
                .extracting(GoldenRecord.Candidate::count)
                .isEqualTo(2L);
    }

    @Test
    void theResultDoesNotDependOnArrivalOrderNorOnHowProfilesWereMerged() {
        List<TraitObservation> observations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            observations.add(observation("city", "city-" + (i % 7), i % 2 == 0 ? "shop" : "pos", i * 13 % 41));
            observations.add(observation("family_name", "name-" + (i % 3), i % 3 == 0 ? "pos" : "web", i));
        }
        GoldenRecord inOrder = survivorship.applyAll(GoldenRecord.empty(), observations);
        List<TraitObservation> shuffled = new ArrayList<>(observations);
        Collections.shuffle(shuffled, new Random(5));
        GoldenRecord split = survivorship.merge(
                survivorship.applyAll(GoldenRecord.empty(), shuffled.subList(0, 30)),
                survivorship.applyAll(GoldenRecord.empty(), shuffled.subList(30, shuffled.size())));

        assertThat(split.values()).isEqualTo(inOrder.values());
        assertThat(inOrder.value("family_name")).contains("name-0");
    }

    private static TraitObservation observation(String trait, String value, String source, int seconds) {
        return new TraitObservation(trait, value, source, T0.plusSeconds(seconds));
    }
}
