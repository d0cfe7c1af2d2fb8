package com.monstermart.cdp.e2e.demo;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.CanonicalIdentifier;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierSettings;
import com.monstermart.cdp.event.IdentifierType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a privacy officer does: for a sample of demo persons, look up their profile by each identifier they have, spelled
 * the messy way people type them, through the profile API ({@code POST /api/profiles/lookup}). An identifier is
 * expected to be found when the platform holds it: a shop account's e-mail, phone and loyalty card that the identifier
 * vocabulary accepts and that are not placeholders shared by unrelated people (the truth flags those; the rules never
 * link them), and user, customer and anonymous ids that the {@code identities} table holds.
 */
final class IdentifierLookups {
    /** How many shop accounts are sampled (the first ones by id that are a person's own account). */
    static final int SAMPLE = 20;

    /**
     * Lookups per identifier type.
     *
     * @param persons persons sampled
     * @param expected per type, lookups of identifiers the platform holds
     * @param found per type, of those, lookups that found a profile
     * @param misses what was not found: type and the reason, never the value
     */
    record Result(int persons, Map<String, Long> expected, Map<String, Long> found, List<String> misses) {
        Result {
            expected = Map.copyOf(expected);
            found = Map.copyOf(found);
            misses = List.copyOf(misses);
        }

        long expectedTotal() {
            return expected.values().stream().mapToLong(Long::longValue).sum();
        }

        long foundTotal() {
            return found.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A lookup as the profile API takes it. */
    record Lookup(String type, String namespace, String value) {
        Lookup {
            requireNonNull(type, "type is null");
            requireNonNull(value, "value is null");
        }
    }

    /** A shop account of the sample. */
    private record Account(String id, String person, String shared, String email, String phone, String card) {}

    private final IdentifierNormaliser identifiers;

    /** @param environment the environment the services read {@code cdp.identifiers.*} from (same region) */
    IdentifierLookups(Map<String, String> environment) {
        this.identifiers = new IdentifierNormaliser(IdentifierSettings.fromConfig(key -> Optional.ofNullable(
                environment.get(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')))));
    }

    /**
     * @param shop the shop database (the source of the accounts' e-mails, phones and cards)
     * @param truthRecords the demo world's {@code truth/records.csv}
     * @param heldIds the user, customer and anonymous ids the {@code identities} table holds
     * @param lookup the profile API: the profile id an identifier belongs to, empty when not found
     */
    Result run(
            Connection shop,
            Path truthRecords,
            Set<TruthEvaluation.Key> heldIds,
            Function<Lookup, Optional<String>> lookup)
            throws SQLException {
        List<String[]> records = read(truthRecords);
        Map<String, String[]> accounts = new HashMap<>();
        Map<String, List<String[]>> byPerson = new HashMap<>();
        for (String[] record : records) {
            byPerson.computeIfAbsent(record[2], key -> new ArrayList<>()).add(record);
            if (record[0].equals("shop.customers") && record[3].equals("account")) {
                accounts.put(record[1], record);
            }
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<String, Long> found = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        List<Account> sample = sample(shop, accounts);
        for (Account account : sample) {
            List<Lookup> lookups = new ArrayList<>();
            if (heldIds.contains(new TruthEvaluation.Key("user_id", "shop", account.id()))) {
                lookups.add(new Lookup("user_id", "SHOP", " " + account.id() + " "));
            }
            personal("email", account.email(), !account.shared().contains("email"))
                    .ifPresent(value -> lookups.add(new Lookup("Email", null, messyEmail(value))));
            personal("phone", account.phone(), !account.shared().contains("phone"))
                    .ifPresent(value -> lookups.add(new Lookup("phone", null, messyPhone(value))));
            personal("loyalty_card", account.card(), true)
                    .ifPresent(value -> lookups.add(new Lookup("loyalty-card", null, messyCard(value))));
            for (String[] record : byPerson.getOrDefault(account.person(), List.of())) {
                if (record[0].equals("pos.loyalty_members")
                        && heldIds.contains(new TruthEvaluation.Key("user_id", "pos", record[1]))) {
                    lookups.add(new Lookup("customer_id", "POS", record[1] + " "));
                }
                if (record[0].equals("web.anonymous_id")
                        && record[3].equals("device")
                        && heldIds.contains(new TruthEvaluation.Key("anonymous_id", "shop", record[1]))) {
                    lookups.add(new Lookup("anonymous_id", "Shop", " " + record[1]));
                }
            }
            for (Lookup wanted : lookups) {
                String type = canonicalName(wanted.type());
                expected.merge(type, 1L, Long::sum);
                if (lookup.apply(wanted).isPresent()) {
                    found.merge(type, 1L, Long::sum);
                } else {
                    misses.add("%s of shop account %s: not found".formatted(type, account.id()));
                }
            }
        }
        return new Result(sample.size(), expected, found, misses);
    }

    /** The canonical value of a personal identifier the platform holds, if it does. */
    private Optional<String> personal(String type, String raw, boolean notShared) {
        if (raw == null || raw.isBlank() || !notShared) {
            return Optional.empty();
        }
        return identifiers
                .normalise(IdentifierType.fromWireName(type).orElseThrow(), null, raw)
                .toOptional()
                .map(CanonicalIdentifier::value);
    }

    private static String canonicalName(String type) {
        return type.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Upper case with surrounding spaces: {@code " GRENDEL@EXAMPLE.COM "}. */
    static String messyEmail(String canonical) {
        return "  " + canonical.toUpperCase(Locale.ROOT) + " ";
    }

    /** An E.164 number written with a space and dashes: {@code "+44 791-112-345-6"}. */
    static String messyPhone(String e164) {
        String digits = e164.substring(1);
        StringBuilder out = new StringBuilder("+").append(digits, 0, 2).append(' ');
        String rest = digits.substring(2);
        for (int i = 0; i < rest.length(); i += 3) {
            if (i > 0) {
                out.append('-');
            }
            out.append(rest, i, Math.min(rest.length(), i + 3));
        }
        return out.toString();
    }

    /** Lower case in groups of four with dashes and a space: {@code " mm-1234-5678"}. */
    static String messyCard(String canonical) {
        StringBuilder out = new StringBuilder(" ");
        String lower = canonical.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i += 4) {
            if (i > 0) {
                out.append('-');
            }
            out.append(lower, i, Math.min(lower.length(), i + 4));
        }
        return out.toString();
    }

    private static List<Account> sample(Connection shop, Map<String, String[]> accounts) throws SQLException {
        List<Account> sample = new ArrayList<>();
        try (Statement statement = shop.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT id, email, phone, loyalty_card FROM customers ORDER BY id")) {
            while (rows.next() && sample.size() < SAMPLE) {
                String id = rows.getString(1);
                String[] record = accounts.get(id);
                if (record == null) {
                    continue;
                }
                sample.add(new Account(
                        id,
                        record[2],
                        record.length > 4 ? record[4] : "",
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4)));
            }
        }
        return sample;
    }

    /** Rows of {@code records.csv}: source, record_id, person_id, kind, shared_identifier. */
    private static List<String[]> read(Path truthRecords) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(truthRecords, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
