package com.monstermart.cdp.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthEvaluationTest {
    @TempDir
    Path directory;

    @Test
    void scoresPairsAndSourcesAndLeavesSharedDevicesOut() throws IOException {
        Path truth = directory.resolve("records.csv");
        Files.writeString(truth, """
                source,record_id,person_id,kind,shared_identifier
                shop.customers,100001,1,account,
                web.anonymous_id,d-1,1,device,
                web.anonymous_id,d-2,1,device,
                shop.customers,100002,2,account,
                shop.customers,100003,2,duplicate_account,
                web.anonymous_id,tablet,1,shared_device,
                web.anonymous_id,tablet,2,shared_device,
                web.anonymous_id,unused,2,device,
                cs.tickets,CS-9,2,ticket,
                shop.orders,ORD-1,1,account,
                """);
        Map<TruthEvaluation.Key, String> graph = Map.of(
                key("user_id", "shop", "100001"), "p1",
                key("anonymous_id", "shop", "d-1"), "p1",
                key("anonymous_id", "shop", "d-2"), "p2", // person 1 split
                key("user_id", "shop", "100002"), "p2", // and joined with person 2: a wrong merge
                key("user_id", "shop", "100003"), "p3",
                key("anonymous_id", "shop", "tablet"), "p1",
                key("anonymous_id", "cs", "ticket-CS-9"), "p2");

        TruthEvaluation.Result result = TruthEvaluation.evaluate(truth, graph);

        assertThat(result.records()).isEqualTo(6);
        assertThat(result.sharedRecords()).isEqualTo(2);
        assertThat(result.persons()).isEqualTo(2);
        assertThat(result.profiles()).isEqualTo(3);
        // profiles: p1 {1,1}, p2 {1,2,2}, p3 {2} → predicted pairs 1 + 3 = 4, right ones 1 + 1 = 2
        assertThat(result.precision()).isCloseTo(0.5, within(1e-9));
        // persons: 1 has 3 records (3 pairs), 2 has 3 records (3 pairs) → 2 of 6 pairs together
        assertThat(result.recall()).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(result.wronglyMergedProfiles()).isEqualTo(1);
        assertThat(result.splitPersons()).isEqualTo(2);
        assertThat(result.bySource())
                .contains(
                        new TruthEvaluation.SourceResult("shop.customers", "account", 2, 2, 2),
                        new TruthEvaluation.SourceResult("shop.customers", "duplicate_account", 1, 1, 0),
                        new TruthEvaluation.SourceResult("web.anonymous_id", "device", 3, 2, 1),
                        new TruthEvaluation.SourceResult("web.anonymous_id", "shared_device", 2, 2, 0),
                        new TruthEvaluation.SourceResult("cs.tickets", "ticket", 1, 1, 1));
        assertThat(result.bySource())
                .extracting(TruthEvaluation.SourceResult::source)
                .doesNotContain("shop.orders");
    }

    @Test
    void refusesAFileThatIsNotTheTruth() throws IOException {
        Path other = directory.resolve("other.csv");
        Files.writeString(other, "a,b,c\n");
        assertThatThrownBy(() -> TruthEvaluation.evaluate(other, Map.of())).hasMessageContaining("Unexpected header");
    }

    @Test
    void commandLineOptions() {
        assertThat(DemoCommand.parse(List.of())).isEqualTo(DemoSettings.defaults());
        assertThat(DemoCommand.parse(
                        List.of("--customers", "50", "--days", "3", "--seed", "9", "--timeout-minutes", "2")))
                .isEqualTo(new DemoSettings(50, 3, 9, Duration.ofMinutes(2)));
        assertThatThrownBy(() -> DemoCommand.parse(List.of("--customers")))
                .hasMessage("Option --customers needs a value");
        assertThatThrownBy(() -> DemoCommand.parse(List.of("--days", "many")))
                .hasMessage("Option --days needs a number, not 'many'");
        assertThatThrownBy(() -> DemoCommand.parse(List.of("--colour", "red"))).hasMessage("Unknown option --colour");
        assertThatThrownBy(() -> DemoCommand.parse(List.of("--customers", "0")))
                .hasMessage("customers must be at least 1, not 0");
    }

    private static TruthEvaluation.Key key(String type, String namespace, String value) {
        return new TruthEvaluation.Key(type, namespace, value);
    }
}
