package com.monstermart.cdp.localstack.cli;

import com.monstermart.cdp.localstack.ComponentStatus;
import com.monstermart.cdp.localstack.LocalStack;
import com.monstermart.cdp.localstack.StackContext;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.StackException;
import com.monstermart.cdp.localstack.StackSettings;
import com.monstermart.cdp.localstack.Termination;
import com.monstermart.cdp.localstack.TrinoJdbc;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./cdp up | down | status | logs | restart | env}: the local stack from the command line. The
 * {@code ./cdp} script builds the launcher, finds a JDK and runs this class.
 */
public final class Cdp {
    private static final int USAGE = 2;
    private static final int FAILED = 1;

    private final PrintStream out;
    private final PrintStream err;

    private Cdp(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] arguments) {
        Termination.exitPromptlyOnSignals();
        silenceClientLogging();
        Cdp cdp = new Cdp(
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.exit(cdp.run(List.of(arguments)));
    }

    int run(List<String> arguments) {
        if (arguments.isEmpty() || List.of("help", "-h", "--help").contains(arguments.get(0))) {
            usage(out);
            return arguments.isEmpty() ? USAGE : 0;
        }
        String command = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            Path home = Path.of(System.getProperty("cdp.home", "."))
                    .toAbsolutePath()
                    .normalize();
            LocalStack stack = new LocalStack(new StackContext(StackSettings.fromEnvironment(home, System.getenv())));
            return switch (command) {
                case "up" -> up(stack, rest);
                case "down" -> down(stack);
                case "status" -> status(stack);
                case "restart" -> restart(stack, rest);
                case "logs" -> logs(stack, rest);
                case "env" -> env(stack);
                case "trino" -> new TrinoCommand(err, System.getenv()).run(stack, rest);
                default -> {
                    err.println("Unknown command '" + command + "'.");
                    usage(err);
                    yield USAGE;
                }
            };
        } catch (StackException e) {
            err.println();
            err.println(e.getMessage());
            return FAILED;
        }
    }

    private int up(LocalStack stack, List<String> arguments) {
        List<String> names = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("--servers")) {
                names.addAll(LocalStack.SERVERS);
            } else if (argument.startsWith("-")) {
                err.println("Unknown option " + argument);
                return USAGE;
            } else {
                names.add(argument);
            }
        }
        if (names.isEmpty()) {
            names.addAll(stack.componentNames());
        }
        Instant begin = Instant.now();
        out.printf(
                "Starting %s (data in %s)%n",
                String.join(", ", stack.withRequirements(names)),
                stack.context().settings().dataDirectory());
        stack.up(names, out::println);
        out.printf("%nUp in %.1f s.%n%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        printStatus(stack.status());
        printWhereToLook(stack.context().endpoints(), stack.context().serviceLocations());
        return 0;
    }

    private int down(LocalStack stack) {
        Instant begin = Instant.now();
        stack.down(out::println);
        out.printf(
                "Stack stopped in %.1f s; data kept in %s.%n",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0,
                stack.context().settings().dataDirectory());
        return 0;
    }

    private int status(LocalStack stack) {
        List<ComponentStatus> statuses = stack.status();
        printStatus(statuses);
        boolean serversHealthy = statuses.stream()
                .filter(status -> LocalStack.SERVERS.contains(status.name()))
                .allMatch(status -> status.state() == ComponentStatus.State.HEALTHY);
        return serversHealthy ? 0 : FAILED;
    }

    private int restart(LocalStack stack, List<String> names) {
        if (names.isEmpty()) {
            err.println("Usage: ./cdp restart <component>...");
            return USAGE;
        }
        for (String name : names) {
            stack.component(name).stop();
            out.println("■ " + name + " stopped");
        }
        stack.up(names, out::println);
        return 0;
    }

    private int logs(LocalStack stack, List<String> arguments) {
        String name = null;
        boolean follow = false;
        int lines = 100;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "-f", "--follow" -> follow = true;
                case "-n", "--lines" -> {
                    if (i + 1 == arguments.size()) {
                        err.println("-n needs a number of lines");
                        return USAGE;
                    }
                    lines = Integer.parseInt(arguments.get(++i));
                }
                default -> name = argument;
            }
        }
        if (name == null) {
            err.println("Usage: ./cdp logs <component> [-f] [-n lines]; components: "
                    + String.join(", ", stack.componentNames()));
            return USAGE;
        }
        stack.component(name);
        Path log = stack.context().settings().logFile(name);
        if (!Files.exists(log)) {
            err.println("No log yet for " + name + " (" + log + "): it has not been started.");
            return FAILED;
        }
        LocalStack.tail(log, lines).forEach(out::println);
        if (follow) {
            follow(log);
        }
        return 0;
    }

    /** Prints what is appended to the log until interrupted (Ctrl-C). */
    private void follow(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long position = file.length();
            while (true) {
                long length = file.length();
                if (length < position) {
                    position = 0; // the log was rotated by a restart
                }
                if (length > position) {
                    file.seek(position);
                    byte[] bytes = new byte[(int) (length - position)];
                    file.readFully(bytes);
                    out.print(new String(bytes, StandardCharsets.UTF_8));
                    position = length;
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        } catch (IOException e) {
            throw new StackException("Cannot follow " + log + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shell exports for the endpoints, for {@code eval "$(./cdp env)"}. */
    private int env(LocalStack stack) {
        stack.context()
                .endpoints()
                .toProperties()
                .forEach((key, value) -> out.printf(
                        "export CDP_%s='%s'%n",
                        key.toString()
                                .toUpperCase(Locale.ROOT)
                                .replace('.', '_')
                                .replace('-', '_'),
                        value.toString().replace("'", "'\\''")));
        return 0;
    }

    private void printStatus(List<ComponentStatus> statuses) {
        String format = "%-14s %-10s %-8s %-12s %7s %8s  %s%n";
        out.printf(format, "COMPONENT", "STATE", "PID", "PORTS", "RSS", "UPTIME", "DETAIL");
        for (ComponentStatus status : statuses) {
            out.printf(
                    format,
                    status.name(),
                    status.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    status.pid().isPresent() ? Long.toString(status.pid().getAsLong()) : "-",
                    String.join(
                            ",", status.ports().stream().map(String::valueOf).toList()),
                    status.residentBytes() == 0 ? "-" : "%d MB".formatted(status.residentBytes() / (1024 * 1024)),
                    status.uptime().isZero() ? "-" : formatDuration(status.uptime()),
                    status.detail());
        }
    }

    private void printWhereToLook(StackEndpoints endpoints, java.util.Map<String, String> services) {
        out.println();
        out.println("Where to look:");
        if (services.containsKey("console")) {
            out.printf(
                    "  Console      %s/  (sign in as a realm cdp user below; docs/guides/console.md)%n",
                    services.get("console"));
        }
        out.printf(
                "  Trino        %s  (./cdp trino [--user analyst] signs in; JDBC %s, token of realm cdp; docs/guides/analyst.md)%n",
                endpoints.trinoUrl(), TrinoJdbc.urlWithTls(endpoints.trino(), "iceberg", "cdp"));
        out.printf(
                "  Keycloak     %s/admin/  (master admin: %s/%s; realm cdp users: sales-manager, marketer, privacy-officer, analyst, connector-operator, admin; password = user name)%n",
                endpoints.keycloak().url(),
                endpoints.keycloak().adminUser(),
                endpoints.keycloak().adminPassword());
        out.printf(
                "  Mail catcher %s/api/user/<email>/messages/  (SMTP %s:%d)%n",
                endpoints.mail().apiUrl(),
                endpoints.mail().smtpHost(),
                endpoints.mail().smtpPort());
        out.printf(
                "  PostgreSQL   %s  (user %s)%n",
                endpoints.postgres().jdbcUrl(StackEndpoints.Postgres.PLATFORM_DATABASE),
                endpoints.postgres().user());
        out.printf(
                "  MariaDB      %s  (user %s; the stores' POS demo source)%n",
                endpoints.mariadb().jdbcUrl(StackEndpoints.MariaDb.POS_DATABASE),
                endpoints.mariadb().user());
        out.printf("  Kafka        %s%n", endpoints.kafkaBootstrapServers());
        out.println("  Logs         ./cdp logs <component> [-f]");
    }

    private static String formatDuration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return "%dm%02ds".formatted(seconds / 60, seconds % 60);
        }
        return "%dh%02dm".formatted(seconds / 3600, (seconds % 3600) / 60);
    }

    private static void usage(PrintStream stream) {
        stream.println("""
                Usage: ./cdp <command>

                  up [--servers] [component...]  start the stack (default: the five servers and every built service)
                  down                           stop everything the stack started; data is kept
                  status                         health, ports and memory of each component
                  restart <component>...         stop and start components
                  logs <component> [-f] [-n N]   show (and follow) a component's log
                  env                            shell exports of the endpoints: eval "$(./cdp env)"
                  trino [--user U] [--execute SQL] the Trino CLI, signed in as a realm user (default analyst; --help)
                  test                           run the test suite against a stack started once (the README's test command)
                  demo [--customers N ...]       run the platform end to end on the demo world, then a summary (the README's run command; --help)
                  generate [--customers N ...]   generate the demo world into the shop and POS databases, .cdp/drop and events (--help)
                  help                           this text

                Settings (environment variables, with defaults):""");
        for (StackSettings.Setting setting : StackSettings.Setting.values()) {
            stream.printf("  %-30s %-18s %s%n", setting.variable(), setting.defaultValue(), setting.description());
        }
    }

    /** Held so the level set on it is not lost when the logger is garbage collected. */
    private static final java.util.logging.Logger KAFKA_CLIENT_LOGGER =
            java.util.logging.Logger.getLogger("org.apache.kafka");

    /**
     * The Kafka client logs every refused connection while the broker starts; the probes report what matters, so
     * the terminal gets none of it.
     */
    private static void silenceClientLogging() {
        KAFKA_CLIENT_LOGGER.setLevel(java.util.logging.Level.OFF);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
}
