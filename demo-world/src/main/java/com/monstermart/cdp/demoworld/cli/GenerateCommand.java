package com.monstermart.cdp.demoworld.cli;

import com.monstermart.cdp.demoworld.CollectorTarget;
import com.monstermart.cdp.demoworld.DatabaseTarget;
import com.monstermart.cdp.demoworld.DemoWorld;
import com.monstermart.cdp.demoworld.DemoWorldErrorCode;
import com.monstermart.cdp.demoworld.DemoWorldException;
import com.monstermart.cdp.demoworld.DemoWorldSettings;
import com.monstermart.cdp.demoworld.GenerationSummary;
import com.monstermart.cdp.demoworld.WorldParameters;
import com.monstermart.cdp.localstack.StackEndpoints;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/** {@code ./cdp generate}: generates the demo world into the running stack's sources. */
public final class GenerateCommand {
    static final String USAGE = """
            Usage: ./cdp generate [options]
              --customers N          true persons to simulate (default 1000, up to 10,000,000)
              --days D               length of the simulated period (default 30)
              --seed S               random seed; same seed, same data (default 42)
              --end TIME             end of the period, ISO-8601 (default 2026-11-01T00:00:00Z; with --realtime: now + live window)
              --live-hours H         the last H hours are applied after the initial load as inserts, updates and
                                     deletes, so CDC sees changes (default 6; 0 loads everything at once)
              --realtime             replay the live window in real time
              --speed X              ... X times faster (default 1)
              --output DIR           Segment NDJSON and ground truth (default .cdp/demo-world)
              --drop-dir DIR         file drops (default .cdp/drop)
              --no-postgres          do not write the shop database
              --no-mariadb           do not write the POS database
              --shop-url JDBC_URL    shop PostgreSQL database (default: the stack's database "shop")
              --pos-url JDBC_URL     POS MariaDB database (default: the stack's database "pos")
              --db-user U            user for explicit URLs (default: the stack's, else cdp);
                                     password from CDP_DEMO_DB_PASSWORD (default: the stack's, else cdp)
              --collector-url URL    post website events to this Segment-compatible collector (/v1/batch)
              --write-key KEY        the collector source's write key
              --messy-rate R         share of deliberately messy file rows (default 0.005)
              --bounce-rate R        target bounce rate (default 0.38)
              --cart-rate R          target add-to-cart rate of non-bounced sessions (default 0.30)
              --abandonment-rate R   target cart abandonment rate (default 0.70)
            """;

    private GenerateCommand() {}

    public static void main(String[] args) {
        PrintStream err = System.err;
        try {
            int code = run(args, System.out, err);
            System.exit(code);
        } catch (DemoWorldException e) {
            err.println();
            err.println("generate failed (" + e.code() + "): " + e.getMessage());
            System.exit(e.code() == DemoWorldErrorCode.INVALID_SETTINGS ? 2 : 1);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path home = Path.of(System.getProperty("cdp.home", "")).toAbsolutePath().normalize();
        DemoWorldSettings.Builder builder = DemoWorldSettings.builder()
                .outputDirectory(home.resolve(".cdp/demo-world"))
                .dropDirectory(home.resolve(".cdp/drop"));
        boolean postgres = true;
        boolean mariadb = true;
        boolean realtime = false;
        double speed = 1;
        String shopUrl = null;
        String posUrl = null;
        String user = null;
        String collectorUrl = null;
        String writeKey = null;
        Instant end = null;
        double liveHours = 6;
        WorldParameters parameters = WorldParameters.defaults();
        WorldParameters.SessionRates rates = parameters.sessions();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "generate" -> {}
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--customers" -> builder.customers(integer(option, value(args, ++i, option)));
                case "--days" -> builder.days(integer(option, value(args, ++i, option)));
                case "--seed" -> builder.seed(Long.parseLong(value(args, ++i, option)));
                case "--end" -> end = instant(value(args, ++i, option));
                case "--live-hours" -> liveHours = number(option, value(args, ++i, option));
                case "--realtime" -> realtime = true;
                case "--speed" -> {
                    speed = number(option, value(args, ++i, option));
                    realtime = true;
                }
                case "--output" ->
                    builder.outputDirectory(Path.of(value(args, ++i, option)).toAbsolutePath());
                case "--drop-dir" ->
                    builder.dropDirectory(Path.of(value(args, ++i, option)).toAbsolutePath());
                case "--no-postgres" -> postgres = false;
                case "--no-mariadb" -> mariadb = false;
                case "--shop-url" -> shopUrl = value(args, ++i, option);
                case "--pos-url" -> posUrl = value(args, ++i, option);
                case "--db-user" -> user = value(args, ++i, option);
                case "--collector-url" -> collectorUrl = value(args, ++i, option);
                case "--write-key" -> writeKey = value(args, ++i, option);
                case "--messy-rate" -> builder.messyRowRate(number(option, value(args, ++i, option)));
                case "--bounce-rate" ->
                    rates = new WorldParameters.SessionRates(
                            number(option, value(args, ++i, option)),
                            rates.addToCartRate(),
                            rates.cartAbandonmentRate(),
                            rates.sessionTimeoutMinutes(),
                            rates.appShare());
                case "--cart-rate" ->
                    rates = new WorldParameters.SessionRates(
                            rates.bounceRate(),
                            number(option, value(args, ++i, option)),
                            rates.cartAbandonmentRate(),
                            rates.sessionTimeoutMinutes(),
                            rates.appShare());
                case "--abandonment-rate" ->
                    rates = new WorldParameters.SessionRates(
                            rates.bounceRate(),
                            rates.addToCartRate(),
                            number(option, value(args, ++i, option)),
                            rates.sessionTimeoutMinutes(),
                            rates.appShare());
                default -> throw invalid("Unknown option '%s'. Run ./cdp generate --help".formatted(option));
            }
        }
        builder.parameters(parameters.withSessions(rates));
        Duration liveWindow = Duration.ofSeconds(Math.round(liveHours * 3600));
        builder.liveWindow(liveWindow);
        if (end == null && realtime) {
            end = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(liveWindow);
        }
        if (end != null) {
            builder.end(end);
        }
        if (realtime) {
            builder.realtime(speed);
        }
        if ((collectorUrl == null) != (writeKey == null)) {
            throw invalid("--collector-url and --write-key go together");
        }
        if (collectorUrl != null) {
            builder.collector(new CollectorTarget(URI.create(collectorUrl), writeKey));
        }
        StackEndpoints stack = null;
        Path stackFile = home.resolve(".cdp").resolve("stack.properties");
        if ((postgres && shopUrl == null) || (mariadb && posUrl == null) || user == null) {
            if (Files.exists(stackFile)) {
                stack = StackEndpoints.read(stackFile);
            }
        }
        String password = System.getenv().getOrDefault("CDP_DEMO_DB_PASSWORD", null);
        if (postgres) {
            builder.shop(target(
                    shopUrl,
                    stack == null ? null : stack.postgres().jdbcUrl(StackEndpoints.Postgres.SHOP_DATABASE),
                    user != null
                            ? user
                            : stack == null ? "cdp" : stack.postgres().user(),
                    password != null
                            ? password
                            : stack == null ? "cdp" : stack.postgres().password(),
                    "--shop-url",
                    "--no-postgres"));
        }
        if (mariadb) {
            builder.pos(target(
                    posUrl,
                    stack == null ? null : stack.mariadb().jdbcUrl(StackEndpoints.MariaDb.POS_DATABASE),
                    user != null
                            ? user
                            : stack == null ? "cdp" : stack.mariadb().user(),
                    password != null
                            ? password
                            : stack == null ? "cdp" : stack.mariadb().password(),
                    "--pos-url",
                    "--no-mariadb"));
        }
        DemoWorldSettings settings = builder.build();
        err.printf(
                Locale.ROOT,
                "Generating the MonsterMart demo world: %,d customers, %d days to %s, seed %d%n",
                settings.customers(),
                settings.days(),
                settings.end(),
                settings.seed());
        ConsoleProgress progress = new ConsoleProgress(err);
        GenerationSummary summary = DemoWorld.generate(settings, progress);
        progress.finishLine();
        printSummary(out, settings, summary);
        return 0;
    }

    private static DatabaseTarget target(
            String explicit, String fromStack, String user, String password, String urlOption, String skipOption) {
        String url = explicit != null ? explicit : fromStack;
        if (url == null) {
            throw invalid("The local stack is not running (no .cdp/stack.properties). Run ./cdp up, pass %s, or %s"
                    .formatted(urlOption, skipOption));
        }
        return new DatabaseTarget(url, user, password);
    }

    static void printSummary(PrintStream out, DemoWorldSettings settings, GenerationSummary summary) {
        out.println();
        out.printf(Locale.ROOT, "True persons:           %,d%n", summary.persons());
        out.printf(
                Locale.ROOT,
                "Expected duplicates:    %,d profile records beyond one per person (accounts, loyalty cards, guest orders, tickets)%n",
                summary.expectedDuplicates().getOrDefault("profiles", 0L));
        out.println("Records per source (true person known for each):");
        for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(summary.recordsBySource()).entrySet()) {
            out.printf(
                    Locale.ROOT,
                    "  %-24s %,12d   (%,d duplicates)%n",
                    entry.getKey(),
                    entry.getValue(),
                    summary.expectedDuplicates().getOrDefault(entry.getKey(), 0L));
        }
        out.println("Rows per table after the run:");
        for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(summary.rowsByTable()).entrySet()) {
            out.printf(Locale.ROOT, "  %-24s %,12d%n", entry.getKey(), entry.getValue());
        }
        out.printf(Locale.ROOT, "Live changes (CDC):     %,d%n", summary.liveChanges());
        out.printf(
                Locale.ROOT,
                "Segment events:         %,d (posted: %,d)%n",
                summary.segmentEvents(),
                summary.segmentEventsPosted());
        out.printf(
                Locale.ROOT,
                "Files:                  %d (drop: %s)%n",
                summary.files().size(),
                settings.dropDirectory());
        out.printf(Locale.ROOT, "Truth:                  %s%n", settings.truthDirectory());
        out.printf(
                Locale.ROOT,
                "Elapsed:                %.1f s%n",
                summary.elapsed().toMillis() / 1000.0);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw invalid("Option %s needs a value. Run ./cdp generate --help".formatted(option));
        }
        return args[index];
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid("%s needs a whole number, got '%s'".formatted(option, value));
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid("%s needs a number, got '%s'".formatted(option, value));
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("--end needs an ISO-8601 instant such as 2026-11-01T00:00:00Z, got '%s'".formatted(value));
        }
    }

    private static DemoWorldException invalid(String message) {
        return new DemoWorldException(DemoWorldErrorCode.INVALID_SETTINGS, message);
    }
}
