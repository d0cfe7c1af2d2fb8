package com.monstermart.cdp.e2e.demo;

import com.monstermart.cdp.localstack.Distributions;
import com.monstermart.cdp.localstack.LocalStack;
import com.monstermart.cdp.localstack.Progress;
import com.monstermart.cdp.localstack.StackContext;
import com.monstermart.cdp.localstack.StackException;
import com.monstermart.cdp.localstack.StackSettings;
import com.monstermart.cdp.localstack.Termination;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./cdp demo [--customers N] [--days D] [--seed S] [--timeout-minutes M]}: the README's run command. Starts
 * from a clean platform (data of earlier runs removed; downloads, Keycloak and logs kept), then {@link DemoRun}.
 */
public final class DemoCommand {
    /** Data of the stack that a demo replaces; everything else in the data directory is kept. */
    static final List<String> PLATFORM_DATA =
            List.of("postgres", "mariadb", "kafka", "warehouse", "drop", "demo-world", "pii-vault", "trino/data");

    static final String USAGE = "Usage: ./cdp demo [--customers N] [--days D] [--seed S] [--timeout-minutes M]";

    private DemoCommand() {}

    public static void main(String[] arguments) {
        Termination.exitPromptlyOnSignals();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (List.of(arguments).contains("--help") || List.of(arguments).contains("-h")) {
            out.println(USAGE);
            out.println(
                    "Runs the platform end to end on the demo world and prints a summary (defaults: --customers 1000 --days 30 --seed 42 --timeout-minutes 20).");
            out.println("It replaces the platform data of an earlier run; downloads, Keycloak and logs are kept.");
            System.exit(0);
        }
        try {
            DemoSettings settings = parse(List.of(arguments));
            Path home = Path.of(System.getProperty("cdp.home", "."))
                    .toAbsolutePath()
                    .normalize();
            StackSettings stackSettings = StackSettings.fromEnvironment(home, System.getenv());
            Progress progress = out::println;
            out.printf(
                    "MonsterMart CDP demo: %,d monsters, %d days, seed %d. Earlier platform data in %s is replaced.%n",
                    settings.customers(), settings.days(), settings.seed(), stackSettings.dataDirectory());
            reset(new LocalStack(new StackContext(stackSettings)), progress);
            DemoReport report = new DemoRun(new LocalStack(new StackContext(stackSettings)), settings, progress).run();
            out.print(report.render());
            System.exit(0);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            System.exit(2);
        } catch (StackException | UncheckedIOException e) {
            err.println();
            err.println("The demo failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static DemoSettings parse(List<String> arguments) {
        DemoSettings defaults = DemoSettings.defaults();
        int customers = defaults.customers();
        int days = defaults.days();
        long seed = defaults.seed();
        Duration timeout = defaults.pipelineTimeout();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (i + 1 == arguments.size()) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = arguments.get(++i);
            try {
                switch (option) {
                    case "--customers" -> customers = Integer.parseInt(value);
                    case "--days" -> days = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--timeout-minutes" -> timeout = Duration.ofMinutes(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Option %s needs a number, not '%s'".formatted(option, value));
            }
        }
        return new DemoSettings(customers, days, seed, timeout);
    }

    /**
     * Stops everything and removes the platform's data (databases, topics, tables, files, keys) so the demo starts
     * clean; unpacked distributions, Keycloak and logs stay.
     */
    static void reset(LocalStack stack, Progress progress) {
        Path data = stack.context().settings().dataDirectory();
        boolean anything = PLATFORM_DATA.stream().anyMatch(name -> Files.exists(data.resolve(name)));
        if (!anything) {
            return;
        }
        progress.report("Removing the platform data of an earlier run...");
        stack.down(progress);
        for (String name : PLATFORM_DATA) {
            delete(data.resolve(name));
        }
        for (var descriptor : com.monstermart.cdp.localstack.ServiceDescriptor.discover(
                stack.context().settings().home())) {
            delete(stack.context().settings().componentDirectory(descriptor.name()));
        }
    }

    private static void delete(Path path) {
        try {
            Distributions.deleteRecursively(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + path, e);
        }
    }
}
