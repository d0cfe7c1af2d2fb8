package com.monstermart.cdp.identity.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accuracy gate of the issue: unsupervised Fellegi–Sunter (EM, no labels) on FEBRL 4 links A and B with
 * F1 ≥ 0.99. Labels are only read to score the result.
 */
class Febrl4AccuracyTest {
    @Test
    void linksFebrl4WithF1OfAtLeast099WithoutLabels() {
        List<MatchRecord> records = Febrl.load();
        assertThat(records).hasSize(10_000);

        ProbabilisticLinker.Result result = new ProbabilisticLinker(Febrl.settings()).link(records);
        Febrl.Quality quality = Febrl.quality(result.matches(), 5_000);

        System.getLogger(Febrl4AccuracyTest.class.getName())
                .log(System.Logger.Level.INFO, "FEBRL 4: {0}; {1} candidate pairs", quality, result.candidatePairs());
        assertThat(quality.f1()).as(quality.toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(quality.precision()).as(quality.toString()).isGreaterThanOrEqualTo(0.99);
    }
}
