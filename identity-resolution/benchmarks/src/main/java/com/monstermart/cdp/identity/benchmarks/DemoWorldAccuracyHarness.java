package com.monstermart.cdp.identity.benchmarks;

import com.monstermart.cdp.demoworld.DatabaseTarget;
import com.monstermart.cdp.demoworld.DemoWorld;
import com.monstermart.cdp.demoworld.DemoWorldSettings;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierSettings;
import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.identity.core.golden.GoldenRecord;
import com.monstermart.cdp.identity.core.golden.Survivorship;
import com.monstermart.cdp.identity.core.golden.TraitObservation;
import com.monstermart.cdp.identity.core.graph.InMemoryIdentityStore;
import com.monstermart.cdp.identity.core.graph.Link;
import com.monstermart.cdp.identity.core.graph.LinkKind;
import com.monstermart.cdp.identity.core.graph.Member;
import com.monstermart.cdp.identity.core.graph.Observation;
import com.monstermart.cdp.identity.core.graph.Resolution;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.identifier.TraitNormalizer;
import com.monstermart.cdp.identity.core.matching.MatchRecord;
import com.monstermart.cdp.identity.core.matching.MatchSettings;
import com.monstermart.cdp.identity.core.matching.ProbabilisticLinker;
import com.monstermart.cdp.identity.core.matching.ScoredPair;
import com.monstermart.cdp.identity.core.pipeline.IdentityPipeline;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Precision and recall of identity resolution against the demo world's known truth (a harness, not a test).
 *
 * <p>Generates a small world into fresh shop (PostgreSQL) and POS (MariaDB) databases of the running stack, reads
 * the records that carry identity (shop customers, shop orders, loyalty members) as observations — identifiers
 * normalised like the service does, traits for matching — resolves them deterministically, then links profiles
 * probabilistically (EM-estimated Fellegi–Sunter over the golden records, no labels), and scores record pairs
 * against {@code truth/records.csv}. Arguments: {@code [customers] [days] [seed]}.
 */
public final class DemoWorldAccuracyHarness {
    private DemoWorldAccuracyHarness() {}

    private record SourceRecord(String source, String id, Observation observation, List<TraitObservation> traits) {}

    /** Pairwise scores of "same profile" against "same person" over the records in the truth. */
    public record Score(double precision, double recall, int mixedProfiles) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    /**
     * @param deterministic after deterministic resolution alone
     * @param combined after probabilistic links were added
     * @param linkedDifferentPersons probabilistic links made between profiles of different persons
     */
    public record Accuracy(Score deterministic, Score combined, int linkedDifferentPersons) {}

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        run(customers, days, seed, System.out);
    }

    /** Generates a world into fresh databases of the stack, resolves it, and scores it (printing as it goes). */
    public static Accuracy run(int customers, int days, long seed, PrintStream out) throws IOException, SQLException {
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require("postgres", "mariadb");
        String shop = stack.createDatabase("identity_demo_shop");
        String pos = stack.createMariaDbDatabase("identity_demo_pos");
        Path directory = Files.createTempDirectory("identity-demo-world");
        long start = System.nanoTime();
        DemoWorld.generate(DemoWorldSettings.builder()
                .customers(customers)
                .days(days)
                .seed(seed)
                .outputDirectory(directory.resolve("out"))
                .dropDirectory(directory.resolve("drop"))
                .shop(new DatabaseTarget(
                        endpoints.postgres().jdbcUrl(shop),
                        endpoints.postgres().user(),
                        endpoints.postgres().password()))
                .pos(new DatabaseTarget(
                        endpoints.mariadb().jdbcUrl(pos),
                        endpoints.mariadb().user(),
                        endpoints.mariadb().password()))
                .build());
        out.printf(
                "generated %d customers over %d days in %.1f s%n", customers, days, (System.nanoTime() - start) / 1e9);

        Map<String, Long> truth = truth(directory.resolve("out/truth/records.csv"));
        List<SourceRecord> records = new ArrayList<>();
        IdentifierNormaliser identifiers = new IdentifierNormaliser(new IdentifierSettings("GB"));
        TraitNormalizer traits = new TraitNormalizer(Clock.systemUTC());
        try (Connection connection = DriverManager.getConnection(
                endpoints.postgres().jdbcUrl(shop),
                endpoints.postgres().user(),
                endpoints.postgres().password())) {
            read(
                    connection,
                    "SELECT id, NULL, email, phone, first_name, last_name, birth_date::text, street, city, postcode,"
                            + " loyalty_card, created_at FROM customers",
                    "shop.customers",
                    "shop",
                    identifiers,
                    traits,
                    records);
            read(
                    connection,
                    "SELECT id, customer_id, email, phone, first_name, last_name, NULL, shipping_street, shipping_city,"
                            + " shipping_postcode, NULL, created_at FROM orders",
                    "shop.orders",
                    "shop",
                    identifiers,
                    traits,
                    records);
        }
        try (Connection connection = DriverManager.getConnection(
                endpoints.mariadb().jdbcUrl(pos),
                endpoints.mariadb().user(),
                endpoints.mariadb().password())) {
            read(
                    connection,
                    "SELECT id, NULL, email, phone, first_name, last_name, CAST(birth_date AS CHAR), street, NULL,"
                            + " postcode, card_number, enrolled_at FROM loyalty_members",
                    "pos.loyalty_members",
                    "pos",
                    identifiers,
                    traits,
                    records);
        }
        records.sort(
                (a, b) -> a.observation().timestamp().compareTo(b.observation().timestamp()));
        int known = 0;
        for (SourceRecord record : records) {
            if (truth.containsKey(record.source() + "/" + record.id())) {
                known++;
            }
        }
        out.printf("%d identity-bearing source records (%d in the truth)%n", records.size(), known);

        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        InMemoryIdentityStore store = new InMemoryIdentityStore(ResolutionRules.defaults(), clock);
        long resolveStart = System.nanoTime();
        List<UUID> profileOf = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (SourceRecord record : records) {
            Resolution resolution = store.resolve(record.observation());
            profileOf.add(resolution.profileId().orElse(null));
            index.put(record.observation().messageId(), profileOf.size() - 1);
        }
        out.printf("deterministic: %.2f s; %s%n", (System.nanoTime() - resolveStart) / 1e9, store.statistics());
        Score deterministic = report(out, "deterministic", records, current(store, records), truth);

        // Golden records per profile, then EM-estimated matching between profiles (no labels).
        Survivorship survivorship = Survivorship.defaults();
        Map<UUID, GoldenRecord> golden = new HashMap<>();
        for (SourceRecord record : records) {
            Optional<UUID> profile = store.profileOf(firstOrNull(record));
            profile.ifPresent(id -> golden.put(
                    id, survivorship.applyAll(golden.getOrDefault(id, GoldenRecord.empty()), record.traits())));
        }
        List<MatchRecord> matchRecords = new ArrayList<>();
        golden.forEach((id, record) -> matchRecords.add(IdentityPipeline.matchRecord(id, record)));
        long matchStart = System.nanoTime();
        ProbabilisticLinker.Result result = new ProbabilisticLinker(MatchSettings.personDefaults()).link(matchRecords);
        if (System.getenv("IDENTITY_HARNESS_DEBUG") != null) {
            out.println(result.model());
        }
        // Diagnostics: is a matched pair the same person (by the majority person of each profile's records)?
        Map<UUID, Long> personOfProfile = new HashMap<>();
        List<UUID> before = current(store, records);
        for (int i = 0; i < records.size(); i++) {
            Long person =
                    truth.get(records.get(i).source() + "/" + records.get(i).id());
            if (before.get(i) != null && person != null) {
                personOfProfile.putIfAbsent(before.get(i), person);
            }
        }
        int[] outcomes = new int[4];
        int linked = 0;
        int refused = 0;
        for (ScoredPair pair : result.matches()) {
            boolean same = java.util.Objects.equals(
                    personOfProfile.get(UUID.fromString(pair.leftId())),
                    personOfProfile.get(UUID.fromString(pair.rightId())));
            if (!same && System.getenv("IDENTITY_HARNESS_DEBUG") != null) {
                StringBuilder levels = new StringBuilder();
                pair.evidence().forEach(e -> levels.append(e.field())
                        .append('=')
                        .append(e.level())
                        .append(' '));
                out.printf("  different persons p=%.4f: %s%n", pair.probability(), levels);
            }
            Identifier left = anyIdentifier(store, UUID.fromString(pair.leftId()));
            Identifier right = anyIdentifier(store, UUID.fromString(pair.rightId()));
            if (left == null || right == null) {
                continue;
            }
            Resolution resolution = store.link(new Link(
                    left,
                    right,
                    LinkKind.PROBABILISTIC,
                    "match-" + linked,
                    clock.instant(),
                    "fellegi-sunter p=%.4f".formatted(pair.probability()),
                    pair.probability()));
            if (resolution.rejections().isEmpty()) {
                linked++;
                outcomes[same ? 0 : 1]++;
            } else {
                refused++;
                outcomes[same ? 2 : 3]++;
            }
        }
        out.printf(
                "matches: linked %d same person / %d different; refused %d same person / %d different%n",
                outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
        int reviewSame = 0;
        for (ScoredPair pair : result.reviews()) {
            if (java.util.Objects.equals(
                    personOfProfile.get(UUID.fromString(pair.leftId())),
                    personOfProfile.get(UUID.fromString(pair.rightId())))) {
                reviewSame++;
            }
        }
        out.printf(
                "review band: %d pairs, %d of them the same person%n",
                result.reviews().size(), reviewSame);
        out.printf(
                "probabilistic: %d profiles, %d candidate pairs, %d matches (%d linked, %d refused by rules), %d in"
                        + " review band; %.2f s%n",
                matchRecords.size(),
                result.candidatePairs(),
                result.matches().size(),
                linked,
                refused,
                result.reviews().size(),
                (System.nanoTime() - matchStart) / 1e9);
        Score combined = report(out, "deterministic+probabilistic", records, current(store, records), truth);
        return new Accuracy(deterministic, combined, outcomes[1]);
    }

    private static Identifier firstOrNull(SourceRecord record) {
        return record.observation().identifiers().isEmpty()
                ? Identifier.anonymousId("none", "none")
                : record.observation().identifiers().get(0);
    }

    private static Identifier anyIdentifier(InMemoryIdentityStore store, UUID profile) {
        return store.profile(profile)
                .flatMap(view ->
                        view.identifiers().stream().map(Member::identifier).min(Identifier::compareTo))
                .orElse(null);
    }

    private static List<UUID> current(InMemoryIdentityStore store, List<SourceRecord> records) {
        List<UUID> out = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            UUID profile = null;
            for (Identifier identifier : record.observation().identifiers()) {
                Optional<UUID> found = store.profileOf(identifier);
                if (found.isPresent()) {
                    profile = found.get();
                    break;
                }
            }
            out.add(profile);
        }
        return out;
    }

    /** Pairwise precision/recall of "same profile" against "same person" over the records in the truth. */
    private static Score report(
            PrintStream out, String label, List<SourceRecord> records, List<UUID> profiles, Map<String, Long> truth) {
        Map<UUID, Map<Long, Long>> byProfile = new HashMap<>();
        Map<Long, Long> byPerson = new HashMap<>();
        int singletons = 0;
        for (int i = 0; i < records.size(); i++) {
            Long person =
                    truth.get(records.get(i).source() + "/" + records.get(i).id());
            if (person == null) {
                continue;
            }
            byPerson.merge(person, 1L, Long::sum);
            UUID profile = profiles.get(i);
            if (profile == null) {
                singletons++;
                continue;
            }
            byProfile.computeIfAbsent(profile, ignored -> new HashMap<>()).merge(person, 1L, Long::sum);
        }
        long truePairs = 0;
        for (long n : byPerson.values()) {
            truePairs += n * (n - 1) / 2;
        }
        long predicted = 0;
        long correct = 0;
        int mixedProfiles = 0;
        for (Map<Long, Long> persons : byProfile.values()) {
            long n = persons.values().stream().mapToLong(Long::longValue).sum();
            predicted += n * (n - 1) / 2;
            for (long k : persons.values()) {
                correct += k * (k - 1) / 2;
            }
            if (persons.size() > 1) {
                mixedProfiles++;
            }
        }
        double precision = predicted == 0 ? 1 : correct / (double) predicted;
        double recall = truePairs == 0 ? 1 : correct / (double) truePairs;
        out.printf(
                "%s: pairwise precision=%.4f recall=%.4f F1=%.4f | %d profiles for %d persons, %d profiles mixing"
                        + " persons, %d records without a usable identifier%n",
                label,
                precision,
                recall,
                2 * precision * recall / (precision + recall),
                byProfile.size(),
                byPerson.size(),
                mixedProfiles,
                singletons);
        return new Score(precision, recall, mixedProfiles);
    }

    private static Map<String, Long> truth(Path file) throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String header = reader.readLine();
            if (header == null) {
                return out;
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                out.put(cells[0] + "/" + cells[1], Long.parseLong(cells[2]));
            }
        }
        return out;
    }

    private static void read(
            Connection connection,
            String sql,
            String source,
            String namespace,
            IdentifierNormaliser identifiers,
            TraitNormalizer traits,
            List<SourceRecord> out)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String id = rows.getString(1);
                Instant at = rows.getTimestamp(12).toInstant();
                List<Identifier> found = new ArrayList<>();
                if (source.equals("shop.customers")) {
                    found.add(Identifier.userId("shop", id));
                }
                if (rows.getString(2) != null) {
                    found.add(Identifier.userId("shop", rows.getString(2)));
                }
                if (source.equals("pos.loyalty_members")) {
                    found.add(Identifier.userId("pos", id));
                }
                identifiers
                        .normalise(IdentifierType.EMAIL, null, rows.getString(3))
                        .toOptional()
                        .map(Identifier::of)
                        .ifPresent(found::add);
                identifiers
                        .normalise(IdentifierType.PHONE, null, rows.getString(4))
                        .toOptional()
                        .map(Identifier::of)
                        .ifPresent(found::add);
                identifiers
                        .normalise(IdentifierType.LOYALTY_CARD, null, rows.getString(11))
                        .toOptional()
                        .map(Identifier::of)
                        .ifPresent(found::add);
                List<TraitObservation> observed = new ArrayList<>();
                traits.name("given_name", rows.getString(5))
                        .toOptional()
                        .ifPresent(v -> observed.add(new TraitObservation("given_name", v, namespace, at)));
                traits.name("family_name", rows.getString(6))
                        .toOptional()
                        .ifPresent(v -> observed.add(new TraitObservation("family_name", v, namespace, at)));
                traits.dateOfBirth(rows.getString(7))
                        .toOptional()
                        .ifPresent(
                                v -> observed.add(new TraitObservation("date_of_birth", v.toString(), namespace, at)));
                traits.address(rows.getString(8))
                        .toOptional()
                        .ifPresent(v -> observed.add(new TraitObservation("address", v, namespace, at)));
                traits.name("city", rows.getString(9))
                        .toOptional()
                        .ifPresent(v -> observed.add(new TraitObservation("city", v, namespace, at)));
                traits.postcode(rows.getString(10))
                        .toOptional()
                        .ifPresent(v -> observed.add(new TraitObservation("postcode", v, namespace, at)));
                identifiers
                        .normalise(IdentifierType.PHONE, null, rows.getString(4))
                        .toOptional()
                        .ifPresent(v -> observed.add(new TraitObservation("phone", v.value(), namespace, at)));
                identifiers
                        .normalise(IdentifierType.EMAIL, null, rows.getString(3))
                        .toOptional()
                        .ifPresent(v -> observed.add(new TraitObservation(
                                "email_local", v.value().substring(0, v.value().indexOf('@')), namespace, at)));
                out.add(new SourceRecord(source, id, new Observation(source + "/" + id, at, source, found), observed));
            }
        }
    }
}
