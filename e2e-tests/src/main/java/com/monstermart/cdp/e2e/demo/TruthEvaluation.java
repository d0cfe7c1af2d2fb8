package com.monstermart.cdp.e2e.demo;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Identity resolution scored against the demo world's truth: every source record whose identifier is in the graph
 * maps to the profile the platform put it in and to the true person behind it; pairs of records are then counted.
 *
 * <p>Precision: of the record pairs the platform put in one profile, the share that are one person. Recall: of the
 * record pairs that are one person, the share the platform put in one profile. Records of identifiers that belong to
 * several persons (a family's shared device) have no right answer — the device can only join one of them — and are
 * counted apart, not scored.
 */
final class TruthEvaluation {
    /** How a truth record ({@code source, record_id}) appears in the identity graph, per the ingestion mappings. */
    record IdentifierOf(String type, String namespace, String prefix) {}

    static final Map<String, IdentifierOf> IDENTIFIERS = Map.ofEntries(
            Map.entry("shop.customers", new IdentifierOf("user_id", "shop", "")),
            Map.entry("web.anonymous_id", new IdentifierOf("anonymous_id", "shop", "")),
            Map.entry("app.user_id", new IdentifierOf("user_id", "app", "")),
            Map.entry("pos.loyalty_members", new IdentifierOf("user_id", "pos", "")),
            Map.entry("marketplace.user_id", new IdentifierOf("user_id", "marketplace", "")),
            Map.entry("catalogue.customer_id", new IdentifierOf("user_id", "catalogue", "")),
            Map.entry("cs.tickets", new IdentifierOf("anonymous_id", "cs", "ticket-")),
            Map.entry("marketplace.orders", new IdentifierOf("anonymous_id", "marketplace", "order-")),
            Map.entry("catalogue.invoices", new IdentifierOf("anonymous_id", "catalogue", "invoice-")));

    /** One identifier of the graph, as the {@code identities} table shows it. */
    record Key(String type, String namespace, String value) {
        Key {
            requireNonNull(type, "type is null");
            requireNonNull(namespace, "namespace is null");
            requireNonNull(value, "value is null");
        }
    }

    /**
     * Records of one truth source and kind.
     *
     * @param source the truth source ({@code shop.customers}, ...)
     * @param kind the truth kind ({@code account}, {@code duplicate_account}, ...)
     * @param records records of this source and kind in the demo world
     * @param inGraph of them, those whose identifier the graph holds (the rest never reached the platform in the
     *     simulated period, e.g. a device that was not used)
     * @param withTheirPerson of those in the graph, the records in the profile that holds most of their person's
     *     records
     */
    record SourceResult(String source, String kind, long records, long inGraph, long withTheirPerson) {}

    /**
     * @param records scored records: in the graph, of one person
     * @param sharedRecords records of identifiers that several persons share (not scored)
     * @param profiles distinct profiles of the scored records
     * @param persons distinct true persons of the scored records
     * @param wronglyMergedProfiles profiles holding records of more than one person
     * @param splitPersons persons whose records sit in more than one profile
     * @param bySource per truth source and kind, in source order
     */
    record Result(
            long records,
            long sharedRecords,
            long profiles,
            long persons,
            double precision,
            double recall,
            long wronglyMergedProfiles,
            long splitPersons,
            List<SourceResult> bySource) {
        Result {
            bySource = List.copyOf(bySource);
        }

        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private record Scored(String source, String kind, String person, String profile) {}

    private TruthEvaluation() {}

    /**
     * @param truthRecords the demo world's {@code truth/records.csv}
     * @param profileOf the profile of each identifier of the graph
     */
    static Result evaluate(Path truthRecords, Map<Key, String> profileOf) {
        List<String[]> rows = read(truthRecords);
        Map<String, Long> personsPerIdentifier = new HashMap<>();
        for (String[] row : rows) {
            personsPerIdentifier.merge(row[0] + "," + row[1], 1L, Long::sum);
        }
        Map<String, long[]> countsBySource = new TreeMap<>();
        List<Scored> scored = new ArrayList<>();
        long shared = 0;
        for (String[] row : rows) {
            IdentifierOf identifier = IDENTIFIERS.get(row[0]);
            if (identifier == null) {
                continue;
            }
            long[] counts = countsBySource.computeIfAbsent(row[0] + "," + row[3], key -> new long[3]);
            counts[0]++;
            Optional<String> profile = lookup(profileOf, identifier, row[1]);
            if (profile.isEmpty()) {
                continue;
            }
            counts[1]++;
            if (personsPerIdentifier.get(row[0] + "," + row[1]) > 1) {
                shared++;
                continue;
            }
            scored.add(new Scored(row[0], row[3], row[2], profile.get()));
        }
        Map<String, Map<String, Long>> personsByProfile = new HashMap<>();
        Map<String, Map<String, Long>> profilesByPerson = new HashMap<>();
        for (Scored record : scored) {
            personsByProfile
                    .computeIfAbsent(record.profile(), key -> new HashMap<>())
                    .merge(record.person(), 1L, Long::sum);
            profilesByPerson
                    .computeIfAbsent(record.person(), key -> new HashMap<>())
                    .merge(record.profile(), 1L, Long::sum);
        }
        Map<String, String> mainProfile = new HashMap<>();
        profilesByPerson.forEach((person, profiles) -> mainProfile.put(
                person,
                profiles.entrySet().stream()
                        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .orElseThrow()
                        .getKey()));
        for (Scored record : scored) {
            if (mainProfile.get(record.person()).equals(record.profile())) {
                countsBySource.get(record.source() + "," + record.kind())[2]++;
            }
        }
        long truePositivePairs = personsByProfile.values().stream()
                .flatMap(persons -> persons.values().stream())
                .mapToLong(TruthEvaluation::pairs)
                .sum();
        long predictedPairs = personsByProfile.values().stream()
                .mapToLong(persons -> pairs(
                        persons.values().stream().mapToLong(Long::longValue).sum()))
                .sum();
        long truePairs = profilesByPerson.values().stream()
                .mapToLong(profiles -> pairs(
                        profiles.values().stream().mapToLong(Long::longValue).sum()))
                .sum();
        List<SourceResult> bySource = new ArrayList<>();
        countsBySource.forEach((key, counts) -> {
            String[] sourceAndKind = key.split(",", 2);
            bySource.add(new SourceResult(sourceAndKind[0], sourceAndKind[1], counts[0], counts[1], counts[2]));
        });
        return new Result(
                scored.size(),
                shared,
                personsByProfile.size(),
                profilesByPerson.size(),
                predictedPairs == 0 ? 1 : (double) truePositivePairs / predictedPairs,
                truePairs == 0 ? 1 : (double) truePositivePairs / truePairs,
                personsByProfile.values().stream()
                        .filter(persons -> persons.size() > 1)
                        .count(),
                profilesByPerson.values().stream()
                        .filter(profiles -> profiles.size() > 1)
                        .count(),
                bySource);
    }

    /** Rows of {@code records.csv}: source, record_id, person_id, kind. */
    private static List<String[]> read(Path truthRecords) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(truthRecords, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("source,record_id,person_id,kind")) {
                throw new IllegalStateException("Unexpected header in " + truthRecords + ": " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                if (fields.length < 4) {
                    throw new IllegalStateException("Unexpected line in " + truthRecords + ": " + line);
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The profile of a truth record's identifier, as the ingestion mappings spell it. */
    private static Optional<String> lookup(Map<Key, String> profileOf, IdentifierOf identifier, String recordId) {
        return Optional.ofNullable(
                profileOf.get(new Key(identifier.type(), identifier.namespace(), identifier.prefix() + recordId)));
    }

    private static long pairs(long count) {
        return count * (count - 1) / 2;
    }
}
