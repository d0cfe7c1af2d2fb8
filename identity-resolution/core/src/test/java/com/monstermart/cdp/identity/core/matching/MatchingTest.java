package com.monstermart.cdp.identity.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchingTest {
    @Test
    void stringComparatorsGiveTheTextbookValues() {
        assertThat(StringSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(StringSimilarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
        assertThat(StringSimilarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
        assertThat(StringSimilarity.jaroWinkler("abc", "xyz")).isZero();
        assertThat(StringSimilarity.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(StringSimilarity.levenshtein("kitten", "sitting", 1)).isEqualTo(2);
        assertThat(StringSimilarity.soundex("Robert")).isEqualTo("R163");
        assertThat(StringSimilarity.soundex("Rupert")).isEqualTo("R163");
        assertThat(StringSimilarity.soundex("Ashcraft")).isEqualTo("A261");
    }

    @Test
    void comparisonsMapValuesToLevels() {
        Comparison names = Comparison.jaroWinkler("name", 0.8, 0.92);
        assertThat(names.labels()).containsExactly("exact", "jaro-winkler>=0.92", "jaro-winkler>=0.8", "else");
        assertThat(names.levelOf("martha", "martha")).isZero();
        assertThat(names.levelOf("martha", "marhta")).isEqualTo(1);
        assertThat(names.levelOf("dwayne", "duane")).isEqualTo(2);
        assertThat(names.levelOf("abc", "xyz")).isEqualTo(3);
        assertThat(names.levelOf(null, "xyz")).isEqualTo(Comparison.NULL);

        Comparison dates = Comparison.date("dob", 366);
        assertThat(dates.levelOf("19850228", "19850228")).isZero();
        assertThat(dates.levelOf("19850228", "19850229")).isEqualTo(1);
        assertThat(dates.levelOf("1985-02-03", "1985-03-02")).isEqualTo(1);
        assertThat(dates.levelOf("19850228", "19850820")).isEqualTo(2);
        assertThat(dates.levelOf("19850228", "19950820")).isEqualTo(3);

        Comparison numbers = Comparison.numeric("age", 1, 5);
        assertThat(numbers.levelOf("40", "40.0")).isZero();
        assertThat(numbers.levelOf("40", "41")).isEqualTo(1);
        assertThat(numbers.levelOf("40", "44")).isEqualTo(2);
        assertThat(numbers.levelOf("40", "x")).isEqualTo(3);
        assertThat(Comparison.levenshtein("zip", 1).levelOf("2000", "2001")).isEqualTo(1);
        assertThat(Comparison.exact("state").levelOf("nsw", "vic")).isEqualTo(1);
    }

    @Test
    void blockingFindsPairsThatShareAnyKeyOnce() {
        List<MatchRecord> records = List.of(
                record("1", "a", "smith", "2000"),
                record("2", "b", "smith", "3000"),
                record("3", "b", "smyth", "2000"),
                record("4", "a", "jones", "4000"));
        long[] pairs = CandidatePairs.generate(
                records,
                List.of(
                        BlockingRule.fields("surname"),
                        BlockingRule.fields("postcode"),
                        BlockingRule.soundex("surname")),
                CandidatePairs.Scope.ACROSS_SOURCES,
                100);
        assertThat(pairs).containsExactly(CandidatePairs.encode(0, 1), CandidatePairs.encode(0, 2));
    }

    @Test
    void emLearnsWeightsWithoutLabelsOnSyntheticData() {
        Random random = new Random(3);
        List<MatchRecord> records = new ArrayList<>();
        String[] names = {"ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal", "ivy", "jon"};
        for (int i = 0; i < 400; i++) {
            String given = names[random.nextInt(names.length)] + i;
            String surname = "family" + random.nextInt(80);
            String postcode = Integer.toString(2000 + random.nextInt(50));
            records.add(
                    new MatchRecord("a" + i, "a", Map.of("given", given, "surname", surname, "postcode", postcode)));
            String typo = random.nextBoolean() ? given : given.substring(0, given.length() - 1) + "x";
            records.add(new MatchRecord("b" + i, "b", Map.of("given", typo, "surname", surname, "postcode", postcode)));
        }
        MatchSettings settings = new MatchSettings(
                List.of(
                        Comparison.jaroWinkler("given", 0.9),
                        Comparison.exact("surname"),
                        Comparison.exact("postcode")),
                List.of(BlockingRule.fields("surname"), BlockingRule.fields("postcode")),
                CandidatePairs.Scope.ACROSS_SOURCES,
                1000,
                new MatchThresholds(0.9, 0.5),
                MatchSettings.Assignment.ONE_TO_ONE,
                ExpectationMaximization.Settings.defaults(),
                List.of());

        ProbabilisticLinker.Result result = new ProbabilisticLinker(settings).link(records);

        MatchModel model = result.model();
        assertThat(model.m(0, 0)).isGreaterThan(model.u(0, 0) * 10);
        int correct = 0;
        for (ScoredPair pair : result.matches()) {
            if (pair.leftId().substring(1).equals(pair.rightId().substring(1))) {
                correct++;
            }
        }
        assertThat(correct).isGreaterThanOrEqualTo(390);
        assertThat(result.matches().size() - correct).isLessThanOrEqualTo(4);
    }

    @Test
    void incrementalMatchingScoresANewRecordAgainstTheIndex() {
        MatchSettings settings = Febrl.settings()
                .withAssignment(MatchSettings.Assignment.ALL_PAIRS)
                .withThresholds(new MatchThresholds(0.99, 0.5));
        List<MatchRecord> records = Febrl.load();
        MatchModel model = new ProbabilisticLinker(settings).link(records).model();
        IncrementalMatcher matcher = new IncrementalMatcher(settings, model);
        records.stream().filter(record -> record.source().equals("a")).forEach(matcher::add);

        MatchRecord duplicate = records.stream()
                .filter(record -> record.id().equals("rec-1070-dup-0"))
                .findFirst()
                .orElseThrow();
        List<IncrementalMatcher.Candidate> candidates = matcher.match(duplicate);

        assertThat(candidates).isNotEmpty();
        assertThat(candidates.get(0).record().id()).isEqualTo("rec-1070-org");
        assertThat(candidates.get(0).decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(candidates.get(0).score().evidence()).hasSize(10);
        matcher.remove("rec-1070-org");
        assertThat(matcher.match(duplicate))
                .noneMatch(candidate -> candidate.record().id().equals("rec-1070-org"));
    }

    @Test
    void thresholdsDecide() {
        MatchThresholds thresholds = new MatchThresholds(0.95, 0.6);
        assertThat(thresholds.decide(0.97)).isEqualTo(MatchDecision.MATCH);
        assertThat(thresholds.decide(0.7)).isEqualTo(MatchDecision.REVIEW);
        assertThat(thresholds.decide(0.2)).isEqualTo(MatchDecision.NON_MATCH);
    }

    private static MatchRecord record(String id, String source, String surname, String postcode) {
        return new MatchRecord(id, source, Map.of("surname", surname, "postcode", postcode));
    }
}
