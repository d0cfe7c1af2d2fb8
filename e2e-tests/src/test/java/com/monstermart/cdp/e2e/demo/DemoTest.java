package com.monstermart.cdp.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.localstack.Distributions;
import com.monstermart.cdp.localstack.LocalStack;
import com.monstermart.cdp.localstack.Progress;
import com.monstermart.cdp.localstack.StackContext;
import com.monstermart.cdp.localstack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./cdp demo}'s run end to end on a stack of its own (own data directory and free ports, so a user's
 * {@code ./cdp up} stack and its data are never touched): real PostgreSQL, MariaDB, Kafka, Keycloak and Trino, the
 * packaged ingestion, identity and profile services, a small demo world.
 */
class DemoTest {
    private static final DemoSettings SMALL = new DemoSettings(150, 30, 7, Duration.ofMinutes(15));

    private static Path directory;
    private static LocalStack stack;
    private static DemoReport report;

    @BeforeAll
    static void runTheDemo() throws IOException {
        // The clients' configuration dumps at INFO would bury the demo's own progress.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path home =
                Path.of(System.getProperty("cdp.home", "..")).toAbsolutePath().normalize();
        StackSettings user = StackSettings.fromEnvironment(home, System.getenv());
        // Under test-stacks/ with the owner's pid: a JVM that dies leaves it to the next test JVM's clean-up.
        directory = user.dataDirectory()
                .resolve("test-stacks")
                .resolve("demo-" + ProcessHandle.current().pid());
        Files.createDirectories(directory);
        Files.writeString(
                directory.resolve("owner.pid"),
                Long.toString(ProcessHandle.current().pid()));
        stack = new LocalStack(new StackContext(StackSettings.forTestJvm(home, directory, System.getenv())));
        report = new DemoRun(stack, SMALL, System.out::println).run();
        System.out.print(report.render());
    }

    @AfterAll
    static void stopTheStack() throws IOException {
        if (stack != null) {
            stack.down(Progress.SILENT);
        }
        if (directory != null) {
            Distributions.deleteRecursively(directory);
        }
    }

    @Test
    void everySourceRunsAndDeliversWithoutDeadLetters() {
        assertThat(report.sources())
                .extracting(PlatformClient.Source::id)
                .contains(
                        "shop-web",
                        "shop-postgres",
                        "pos-mariadb",
                        "app-events",
                        "cs-tickets",
                        "marketplace-purchases",
                        "catalogue-orders");
        for (PlatformClient.Source source : report.sources()) {
            assertThat(source.state()).as(source.id()).isEqualTo("RUNNING");
            assertThat(source.deadLetters()).as(source.id()).isZero();
        }
        Map<String, Long> events = report.sources().stream()
                .collect(java.util.stream.Collectors.toMap(PlatformClient.Source::id, PlatformClient.Source::events));
        assertThat(events.get("shop-web"))
                .isEqualTo(report.websiteEventsPosted())
                .isPositive();
        for (String source : List.of("shop-postgres", "pos-mariadb", "app-events", "cs-tickets")) {
            assertThat(events.get(source)).as(source).isPositive();
        }
    }

    @Test
    void everyRawEventIsResolvedAndStoredInIceberg() {
        long sourceEvents = report.sources().stream()
                .mapToLong(PlatformClient.Source::events)
                .sum();
        assertThat(report.rawEvents()).isEqualTo(sourceEvents);
        assertThat(report.resolvedEvents()).isEqualTo(report.rawEvents());
        assertThat(report.tableRows())
                .containsEntry("events", report.rawEvents())
                .containsKeys("profiles", "profile_history", "identities", "orders", "order_items", "products");
        report.tableRows().forEach((table, rows) -> assertThat(rows).as(table).isPositive());
        assertThat(report.identityChanges()).containsKey("profile-created");
        assertThat(report.sampleQuery()).contains("Product Viewed");
    }

    @Test
    void profilesMatchTheDemoWorldsTruth() {
        TruthEvaluation.Result accuracy = report.accuracy();
        // Every shop account and loyalty card is in the graph, and links never join two persons.
        assertThat(accuracy.bySource())
                .filteredOn(source -> source.source().equals("shop.customers")
                        || source.source().equals("pos.loyalty_members"))
                .isNotEmpty()
                .allSatisfy(source -> assertThat(source.inGraph()).isEqualTo(source.records()));
        assertThat(accuracy.wronglyMergedProfiles()).isZero();
        assertThat(accuracy.precision()).isEqualTo(1.0);
        // Devices people sign in on join their account's profile: most records sit with their person.
        long withTheirPerson = accuracy.bySource().stream()
                .mapToLong(TruthEvaluation.SourceResult::withTheirPerson)
                .sum();
        assertThat((double) withTheirPerson / accuracy.records()).isGreaterThan(0.75);
        assertThat(report.merges()).isPositive();
        assertThat(report.activeProfiles()).isLessThan(accuracy.records());
    }

    @Test
    void aPrivacyOfficerFindsEveryPersonByEachIdentifierTheyHaveHoweverItIsSpelled() {
        IdentifierLookups.Result lookups = report.lookups();
        assertThat(lookups.persons()).isEqualTo(IdentifierLookups.SAMPLE);
        assertThat(lookups.expected()).containsKeys("user_id", "email", "phone", "loyalty_card", "customer_id");
        assertThat(lookups.misses()).isEmpty();
        assertThat(lookups.found()).isEqualTo(lookups.expected());
    }
}
