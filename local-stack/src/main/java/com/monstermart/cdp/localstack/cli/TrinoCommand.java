package com.monstermart.cdp.localstack.cli;

import com.monstermart.cdp.localstack.AccessToken;
import com.monstermart.cdp.localstack.KeycloakTokens;
import com.monstermart.cdp.localstack.LocalStack;
import com.monstermart.cdp.localstack.RealmCredentials;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.StackException;
import com.monstermart.cdp.localstack.Termination;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code ./cdp trino}: the real Trino CLI ({@code io.trino:trino-cli}), signed in to the stack's Trino as a realm user
 * or a service account, trusting the stack's certificate. Interactive, or one statement with {@code --execute}.
 *
 * <p>The token and settings reach the CLI through a configuration file readable only by the caller
 * ({@code TRINO_CONFIG}), never through its command line, which every local user can read.
 */
final class TrinoCommand {
    static final String USAGE = """
            Usage: ./cdp trino [--user NAME] [--password PASSWORD] [--service-account operations|analytics]
                               [--catalog iceberg] [--schema cdp] [--execute SQL] [-- more trino CLI options]

              --user NAME           sign in as this realm user (default analyst)
              --password PASSWORD   the user's password; else $CDP_TRINO_PASSWORD; else, for the local
                                    stack's demo users, the user name; else it is asked for
              --service-account X   sign in as a service account instead (operations: admin tasks;
                                    analytics: the analytics runner)
              --execute SQL         run the statement(s) and exit (CSV on standard output)""";

    /** The local realm's demo users, whose password is their user name (docs/operations/local-stack.md). */
    static final List<String> DEMO_USERS =
            List.of("marketer", "privacy-officer", "analyst", "connector-operator", "admin");

    private final PrintStream err;
    private final Map<String, String> environment;

    /** Messages go to {@code err}, so that {@code --execute}'s standard output holds only the result. */
    TrinoCommand(PrintStream err, Map<String, String> environment) {
        this.err = err;
        this.environment = environment;
    }

    /** The parsed options. */
    record Options(
            String user,
            Optional<String> password,
            Optional<String> serviceAccount,
            String catalog,
            String schema,
            Optional<String> execute,
            List<String> passThrough) {}

    static Options parse(List<String> arguments) {
        String user = "analyst";
        Optional<String> password = Optional.empty();
        Optional<String> serviceAccount = Optional.empty();
        String catalog = "iceberg";
        String schema = "cdp";
        Optional<String> execute = Optional.empty();
        List<String> passThrough = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--")) {
                passThrough.addAll(arguments.subList(i + 1, arguments.size()));
                break;
            }
            String value = i + 1 < arguments.size() ? arguments.get(i + 1) : null;
            switch (argument) {
                case "--user" -> user = required(argument, value);
                case "--password" -> password = Optional.of(required(argument, value));
                case "--service-account" -> serviceAccount = Optional.of(required(argument, value));
                case "--catalog" -> catalog = required(argument, value);
                case "--schema" -> schema = required(argument, value);
                case "--execute" -> execute = Optional.of(required(argument, value));
                default -> throw new IllegalArgumentException("Unknown option " + argument);
            }
            i++;
        }
        return new Options(user, password, serviceAccount, catalog, schema, execute, passThrough);
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    int run(LocalStack stack, List<String> arguments) {
        if (arguments.contains("--help") || arguments.contains("-h")) {
            err.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (stack.component("trino").process().isEmpty()) {
            throw new StackException("Trino is not running: start it with ./cdp up trino");
        }
        StackEndpoints endpoints = stack.context().endpoints();
        RealmCredentials credentials = credentials(options, endpoints.keycloak());
        AccessToken token = new KeycloakTokens(endpoints.keycloak()).issue(credentials);
        err.printf(
                "Signed in to Trino %s as %s (realm cdp; token valid until %s).%n",
                endpoints.trinoUrl(), token.username(), token.expiresAt());
        Path config = writeConfig(stack, endpoints.trino(), token, options);
        try {
            return runCli(stack, config, options);
        } finally {
            try {
                Files.deleteIfExists(config);
            } catch (IOException e) {
                err.println("Could not delete " + config + ": " + e.getMessage());
            }
        }
    }

    private RealmCredentials credentials(Options options, StackEndpoints.Keycloak keycloak) {
        if (options.serviceAccount().isPresent()) {
            return switch (options.serviceAccount().get()) {
                case "operations", "cdp-operations" -> keycloak.operations();
                case "analytics", "cdp-analytics" -> keycloak.analytics();
                default ->
                    throw new StackException("Unknown service account '%s': operations or analytics"
                            .formatted(options.serviceAccount().get()));
            };
        }
        String password = options.password()
                .or(() -> Optional.ofNullable(environment.get("CDP_TRINO_PASSWORD")))
                .or(() -> DEMO_USERS.contains(options.user()) ? Optional.of(options.user()) : Optional.empty())
                .orElseGet(() -> askPassword(options.user()));
        return new RealmCredentials.Person(options.user(), password);
    }

    private static String askPassword(String user) {
        Console console = System.console();
        if (console == null) {
            throw new StackException("No password for %s: give --password or set CDP_TRINO_PASSWORD".formatted(user));
        }
        char[] password = console.readPassword("Password of %s in realm cdp: ", user);
        if (password == null) {
            throw new StackException("No password entered");
        }
        return new String(password);
    }

    /** The CLI's settings and token in a file only the caller can read. */
    private static Path writeConfig(LocalStack stack, StackEndpoints.Trino trino, AccessToken token, Options options) {
        Properties config = new Properties();
        config.setProperty("server", trino.url());
        config.setProperty("user", token.username());
        config.setProperty("access-token", token.value());
        config.setProperty("truststore-path", trino.certificate());
        config.setProperty("catalog", options.catalog());
        config.setProperty("schema", options.schema());
        try {
            Path directory = stack.context().settings().componentDirectory("trino");
            Files.createDirectories(directory);
            Path file = Files.createTempFile(
                    directory,
                    "cli-",
                    ".properties",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                config.store(writer, "./cdp trino: removed when the CLI exits");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Trino CLI's configuration", e);
        }
    }

    private int runCli(LocalStack stack, Path config, Options options) {
        List<String> command = new ArrayList<>(List.of(
                stack.context().javaBinary().toString(),
                "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-jar",
                stack.context().distributions().trinoCli().toString()));
        if (options.execute().isPresent()) {
            // No terminal is needed for one statement (and JLine would warn that it has none).
            command.add(1, "-Dorg.jline.terminal.dumb=true");
            command.add("--execute=" + options.execute().get());
        }
        command.addAll(options.passThrough());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("TRINO_CONFIG", config.toString());
        try (AutoCloseable ignored = Termination.ignoreInterruptsWhile()) {
            Process cli = builder.start();
            Thread stopCli = new Thread(cli::destroy, "cdp-stop-trino-cli");
            Runtime.getRuntime().addShutdownHook(stopCli);
            int exitCode = cli.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopCli);
            return exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while the Trino CLI ran", e);
        } catch (Exception e) {
            throw new StackException("Cannot run the Trino CLI: " + e.getMessage(), e);
        }
    }
}
