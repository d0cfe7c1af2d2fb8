package com.monstermart.cdp.e2e.demo;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code ./cdp demo} prints at the end. */
record DemoReport(
        DemoSettings settings,
        Duration elapsed,
        long truePersons,
        List<PlatformClient.Source> sources,
        long websiteEventsPosted,
        long rawEvents,
        long resolvedEvents,
        Map<String, Long> identityChanges,
        long activeProfiles,
        long openReviews,
        TruthEvaluation.Result accuracy,
        IdentifierLookups.Result lookups,
        Map<String, Long> tableRows,
        String trinoJdbcUrl,
        String sampleQuery,
        Optional<String> consoleUrl) {
    /** The realm's demo users who sign in to the console (password = user name), with what they do there. */
    static final List<List<String>> CONSOLE_USERS = List.of(
            List.of("sales-manager", "follows sales as they happen"),
            List.of("marketer", "sales, customers (masked)"),
            List.of("analyst", "sales, customers (masked)"),
            List.of("privacy-officer", "customers, personal data for a stated purpose (audited)"),
            List.of("connector-operator", "sources, their state, lag and dead letters"),
            List.of("admin", "every screen"));

    DemoReport {
        requireNonNull(settings, "settings is null");
        requireNonNull(elapsed, "elapsed is null");
        sources = List.copyOf(sources);
        identityChanges = Map.copyOf(identityChanges);
        requireNonNull(accuracy, "accuracy is null");
        requireNonNull(lookups, "lookups is null");
        tableRows = Map.copyOf(tableRows);
        requireNonNull(trinoJdbcUrl, "trinoJdbcUrl is null");
        requireNonNull(sampleQuery, "sampleQuery is null");
        requireNonNull(consoleUrl, "consoleUrl is null");
    }

    long merges() {
        return identityChanges.getOrDefault("profiles-merged", 0L);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("%nMonsterMart CDP demo: %,d monsters over %d days (seed %d), done in %s%n%n"
                .formatted(settings.customers(), settings.days(), settings.seed(), format(elapsed)));
        out.append("Records ingested per source                 state        events  dead letters%n".formatted());
        for (PlatformClient.Source source : sources) {
            out.append("  %-40s %-9s %,10d %,13d%n"
                    .formatted(
                            source.id() + " (" + source.kind() + ")",
                            source.state(),
                            source.events(),
                            source.deadLetters()));
        }
        out.append("  (website events posted to the HTTP collector: %,d)%n".formatted(websiteEventsPosted));
        out.append("%nPipeline%n".formatted());
        out.append("  raw events (cdp.raw.events)              %,12d%n".formatted(rawEvents));
        out.append("  resolved events (cdp.resolved.events)    %,12d%n".formatted(resolvedEvents));
        identityChanges.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(change ->
                        out.append("  identity change %-24s %,12d%n".formatted(change.getKey(), change.getValue())));
        out.append("%nIdentity resolution against the demo world's truth%n".formatted());
        out.append("  true persons                             %,12d%n".formatted(truePersons));
        out.append("  active profiles                          %,12d%n".formatted(activeProfiles));
        out.append("  merges                                   %,12d%n".formatted(merges()));
        out.append("  links waiting for review (GET /identity/reviews)%,5d%n".formatted(openReviews));
        out.append(("  scored: %,d source records of %,d persons in %,d profiles (%,d records of devices that several"
                        + " persons share are not scored)%n")
                .formatted(accuracy.records(), accuracy.persons(), accuracy.profiles(), accuracy.sharedRecords()));
        out.append("    precision %.4f  recall %.4f  F1 %.4f (pairs of records in one profile)%n"
                .formatted(accuracy.precision(), accuracy.recall(), accuracy.f1()));
        out.append("    profiles holding more than one person: %,d · persons split over several profiles: %,d%n"
                .formatted(accuracy.wronglyMergedProfiles(), accuracy.splitPersons()));
        out.append("  %-44s %9s %9s %12s%n".formatted("source records (kind)", "in world", "seen", "with person"));
        for (TruthEvaluation.SourceResult source : accuracy.bySource()) {
            out.append("  %-44s %,9d %,9d %,12d%n"
                    .formatted(
                            source.source() + " (" + source.kind() + ")",
                            source.records(),
                            source.inGraph(),
                            source.withTheirPerson()));
        }
        out.append("""
                  ("seen": the identifier reached the platform in the simulated period; "with person": it sits in the
                  profile holding most of its person's records. Nothing links a device used only without signing in,
                  an app, marketplace or catalogue id (those files carry no e-mail, phone or card), and a second shop
                  account is refused by the guardrail of one shop user id per profile (docs/decisions/0007).)
                """);
        out.append(("%nLookups by identifier value (POST /api/profiles/lookup, messy spellings) for %d persons' shop"
                        + " accounts%n")
                .formatted(lookups.persons()));
        out.append("  %-44s %9s %9s%n".formatted("identifier type", "expected", "found"));
        lookups.expected().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(type -> out.append("  %-44s %,9d %,9d%n"
                        .formatted(
                                type.getKey(), type.getValue(), lookups.found().getOrDefault(type.getKey(), 0L))));
        lookups.misses().forEach(miss -> out.append("  missed: ").append(miss).append(System.lineSeparator()));
        out.append("""
                  ("expected": the platform holds the identifier — valid for the identifier vocabulary, not a
                  placeholder shared by unrelated people, or in the identities table for user, customer and anonymous
                  ids; e-mails in upper case with spaces, phones as +CC NNN-NNN-..., cards in lower case with dashes.)
                """);
        out.append("%nIceberg tables (Trino: catalog iceberg, schema cdp)          rows%n".formatted());
        tableRows.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(table -> out.append("  %-40s %,18d%n".formatted(table.getKey(), table.getValue())));
        out.append(("%nQuery it in Trino, signed in: ./cdp trino (as the demo analyst; --user <name> for another"
                        + " realm user, --execute '<sql>' for one statement),%nor JDBC %s with an access token of"
                        + " realm cdp (docs/guides/analyst.md):%n%n")
                .formatted(trinoJdbcUrl));
        sampleQuery.lines().forEach(line -> out.append("  ").append(line).append(System.lineSeparator()));
        consoleUrl.ifPresent(url -> {
            out.append("%nConsole: %s (sign in as one of these users; the password is the user name)%n".formatted(url));
            for (List<String> user : CONSOLE_USERS) {
                out.append("  %-20s %s%n".formatted(user.get(0), user.get(1)));
            }
            out.append("  (docs/guides/console.md explains each screen)%n".formatted());
        });
        out.append(
                "%nNext: ./cdp status · ./cdp logs <service> -f · docs/guides/analyst.md · ./cdp down%n".formatted());
        return out.toString();
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : "%d min %02d s".formatted(seconds / 60, seconds % 60);
    }
}
