package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The stack: starts components in dependency order (independent ones in parallel), waits until each is really
 * ready, reports status and stops everything it started.
 */
public final class LocalStack {
    /** The servers; platform services come after them. */
    public static final List<String> SERVERS = List.of(
            PostgresServer.NAME,
            MariaDbServer.NAME,
            KafkaBroker.NAME,
            GreenMailServer.NAME,
            KeycloakServer.NAME,
            TrinoServer.NAME);

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    /**
     * How long one probe may take before it counts as failed (Kafka's round trip allows itself about 30 s), and how
     * long {@link #status()} takes at most, whatever its probes and process look-ups do.
     */
    record Deadlines(Duration probe, Duration status) {
        static final Deadlines DEFAULT = new Deadlines(Duration.ofSeconds(40), Duration.ofSeconds(50));

        Deadlines {
            requireNonNull(probe, "probe is null");
            requireNonNull(status, "status is null");
        }
    }

    private static final int LOG_TAIL_LINES = 25;

    private final StackContext context;
    private final Deadlines deadlines;
    private final Map<String, Component> components;
    private final List<String> order;

    public LocalStack(StackContext context) {
        this(context, components(context), Deadlines.DEFAULT);
    }

    /** A stack of the given components (tests use stand-ins). */
    LocalStack(StackContext context, List<Component> components, Deadlines deadlines) {
        this.context = requireNonNull(context, "context is null");
        this.deadlines = requireNonNull(deadlines, "deadlines is null");
        Map<String, Component> all = new LinkedHashMap<>();
        for (Component component : components) {
            if (all.containsKey(component.name())) {
                throw new StackException(
                        "Two components are named '%s': rename one of them".formatted(component.name()));
            }
            add(all, component);
        }
        for (Component component : all.values()) {
            for (String required : component.requires()) {
                if (!all.containsKey(required)) {
                    throw new StackException("%s requires '%s', which is not a component (known: %s)"
                            .formatted(component.name(), required, all.keySet()));
                }
            }
        }
        this.components = Map.copyOf(all);
        this.order = List.copyOf(all.keySet());
    }

    private static List<Component> components(StackContext context) {
        List<Component> all = new ArrayList<>();
        all.add(
                context.settings().externalDatabaseUrl().isPresent()
                        ? new ExternalPostgres(context)
                        : new PostgresServer(context));
        all.add(new MariaDbServer(context));
        all.add(new KafkaBroker(context));
        all.add(new GreenMailServer(context));
        all.add(new KeycloakServer(context));
        all.add(new TrinoServer(context));
        Set<String> servers = new LinkedHashSet<>(SERVERS);
        for (ServiceDescriptor descriptor :
                ServiceDescriptor.discover(context.settings().home())) {
            if (servers.contains(descriptor.name())) {
                throw new StackException("Two components are named '%s': rename the service in %s"
                        .formatted(
                                descriptor.name(), descriptor.moduleDirectory().resolve(ServiceDescriptor.FILE_NAME)));
            }
            all.add(new PlatformService(context, descriptor));
        }
        return all;
    }

    private static void add(Map<String, Component> all, Component component) {
        all.put(component.name(), component);
    }

    public StackContext context() {
        return context;
    }

    public List<String> componentNames() {
        return order;
    }

    public Component component(String name) {
        Component component = components.get(name);
        if (component == null) {
            throw new StackException("No component '%s'; the stack has %s".formatted(name, order));
        }
        return component;
    }

    /** The named components and everything they require, in start order. */
    public List<String> withRequirements(Collection<String> names) {
        Set<String> needed = new LinkedHashSet<>();
        for (String name : names) {
            collect(component(name), needed);
        }
        return order.stream().filter(needed::contains).toList();
    }

    private void collect(Component component, Set<String> needed) {
        if (needed.add(component.name())) {
            for (String required : component.requires()) {
                collect(component(required), needed);
            }
        }
    }

    /**
     * Starts the named components (and what they require) unless they already run healthy, and waits until all
     * are ready. A failure names the component, shows the tail of its log and says what to do; components that
     * did come up are left running, so a second {@code up} only retries what failed.
     *
     * @param names components to start; platform services that are not built yet are skipped with a note
     */
    public StackEndpoints up(Collection<String> names, Progress progress) {
        return up(names, progress, WhenUnresponsive.RESTART);
    }

    /** What {@link #up} does with a component whose process runs but stays unready past its start timeout. */
    public enum WhenUnresponsive {
        /** Stop and start it again (the user's {@code ./cdp up}). */
        RESTART,
        /** Report it and leave it alone (tests sharing a stack must never restart a server under others). */
        FAIL
    }

    public StackEndpoints up(Collection<String> names, Progress progress, WhenUnresponsive whenUnresponsive) {
        return withStackLock(() -> {
            List<String> selected = withRequirements(names);
            Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
            Map<String, Throwable> failures = new LinkedHashMap<>();
            try (ExecutorService executor = StackThreads.newExecutor("start")) {
                for (String name : selected) {
                    Component component = component(name);
                    CompletableFuture<?>[] requirements =
                            component.requires().stream().map(started::get).toArray(CompletableFuture[]::new);
                    started.put(
                            name,
                            CompletableFuture.allOf(requirements)
                                    .thenRunAsync(() -> bringUp(component, progress, whenUnresponsive), executor));
                }
                for (Map.Entry<String, CompletableFuture<Void>> entry : started.entrySet()) {
                    try {
                        entry.getValue().join();
                    } catch (CompletionException e) {
                        failures.put(entry.getKey(), e.getCause());
                    }
                }
            }
            context.endpoints().write(context.settings().endpointsFile());
            if (!failures.isEmpty()) {
                throw new StackException(failureReport(failures));
            }
            return context.endpoints();
        });
    }

    private void bringUp(Component component, Progress progress, WhenUnresponsive whenUnresponsive) {
        Instant begin = Instant.now();
        if (component instanceof PlatformService service && !service.built()) {
            progress.report("- %-12s skipped: not built (./mvnw package -DskipTests)".formatted(component.name()));
            return;
        }
        Optional<ProcessHandle> running = component.process();
        if (running.isPresent()) {
            Health health = StackThreads.probe(component, deadlines.probe());
            if (health.healthy()) {
                component.afterReady();
                progress.report("= %-12s already running (pid %d)"
                        .formatted(component.name(), running.get().pid()));
                return;
            }
            // It may only be slow (starting, or a busy machine): give it its start timeout before anything else.
            progress.report("~ %-12s running but not ready (%s): waiting".formatted(component.name(), health.detail()));
            try {
                health = awaitReady(component);
                component.afterReady();
                progress.report("✓ %-12s ready after %.1f s of waiting (%s)"
                        .formatted(
                                component.name(),
                                Duration.between(begin, Instant.now()).toMillis() / 1000.0,
                                health.detail()));
                return;
            } catch (StackException e) {
                if (whenUnresponsive == WhenUnresponsive.FAIL
                        || component.process().isEmpty()) {
                    throw e;
                }
                progress.report("~ %-12s still not ready: restarting".formatted(component.name()));
                component.stop();
            }
        } else if (component instanceof ProcessComponent) {
            context.processes().forgetIfDead(component.name());
            requireFreePorts(component);
        }
        progress.report("> %-12s starting".formatted(component.name()));
        component.start();
        Health health = awaitReady(component);
        component.afterReady();
        progress.report("✓ %-12s ready in %.1f s (%s)"
                .formatted(
                        component.name(), Duration.between(begin, Instant.now()).toMillis() / 1000.0, health.detail()));
    }

    private Health awaitReady(Component component) {
        Instant deadline = Instant.now().plus(component.startTimeout());
        Health health = Health.unhealthy("not probed yet");
        while (Instant.now().isBefore(deadline)) {
            health = StackThreads.probe(component, deadlines.probe());
            if (health.healthy()) {
                return health;
            }
            Optional<ProcessHandle> process = component.process();
            if (component instanceof ProcessComponent && process.isEmpty()) {
                throw new StackException(
                        "%s exited during start-up (last probe: %s)".formatted(component.name(), health.detail()));
            }
            pause(process);
        }
        throw new StackException("%s was not ready within %d s (last probe: %s)"
                .formatted(component.name(), component.startTimeout().toSeconds(), health.detail()));
    }

    /** Waits one probe interval, returning early if the process exits. */
    private static void pause(Optional<ProcessHandle> process) {
        try {
            if (process.isPresent()) {
                process.get().onExit().get(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                TimeUnit.MILLISECONDS.sleep(PROBE_INTERVAL.toMillis());
            }
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // the interval passed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the stack", e);
        }
    }

    private void requireFreePorts(Component component) {
        for (int port : component.ports()) {
            if (PortProbe.listening(StackSettings.HOST, port)) {
                throw new StackException(
                        ("Port %d, which %s needs, is taken by another program. Stop that program or move %s "
                                        + "to another port (see ./cdp help for the CDP_*_PORT variables).")
                                .formatted(port, component.name(), component.name()));
            }
        }
    }

    private String failureReport(Map<String, Throwable> failures) {
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, Throwable> failure : failures.entrySet()) {
            Throwable cause = failure.getValue();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            String name = failure.getKey();
            report.append("%s failed: %s%n".formatted(name, cause.getMessage()));
            Path log = context.settings().logFile(name);
            List<String> tail = tail(log, LOG_TAIL_LINES);
            if (!tail.isEmpty()) {
                report.append("--- last lines of %s ---%n".formatted(log));
                tail.forEach(line -> report.append("  ").append(line).append(System.lineSeparator()));
                report.append("---%n".formatted());
            }
        }
        report.append(
                ("What to do: read the log above (./cdp logs <component>), fix the cause, then run ./cdp up again;"
                                + " components that started are kept. ./cdp down stops everything, and removing %s starts afresh.")
                        .formatted(context.settings().dataDirectory()));
        return report.toString();
    }

    public static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /**
     * Stops every component, platform services first and PostgreSQL last, then any process still marked as
     * belonging to this stack (an orphan from a lost pid file).
     */
    public void down(Progress progress) {
        withStackLock(() -> {
            List<Component> services = order.stream()
                    .map(components::get)
                    .filter(component -> component instanceof PlatformService)
                    .toList();
            stopAll(services, progress);
            stopAll(
                    SERVERS.stream()
                            .filter(name -> !name.equals(PostgresServer.NAME))
                            .map(components::get)
                            .toList(),
                    progress);
            stopAll(List.of(components.get(PostgresServer.NAME)), progress);
            for (ProcessHandle orphan : orphans()) {
                progress.report("x killing leftover process %d %s"
                        .formatted(orphan.pid(), orphan.info().command().orElse("")));
                ProcessControl.terminate(orphan, Duration.ofSeconds(10));
            }
            try {
                Files.deleteIfExists(context.settings().endpointsFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private void stopAll(List<Component> toStop, Progress progress) {
        try (ExecutorService executor = StackThreads.newExecutor("stop")) {
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (Component component : toStop) {
                stops.add(CompletableFuture.runAsync(
                        () -> {
                            Optional<ProcessHandle> process = component.process();
                            if (process.isPresent()) {
                                Instant begin = Instant.now();
                                component.stop();
                                progress.report("■ %-12s stopped in %.1f s"
                                        .formatted(
                                                component.name(),
                                                Duration.between(begin, Instant.now())
                                                                .toMillis()
                                                        / 1000.0));
                            } else {
                                context.processes().forgetIfDead(component.name());
                            }
                        },
                        executor));
            }
            stops.forEach(CompletableFuture::join);
        }
    }

    /** Processes whose command line carries this stack's data directory, other than this JVM and its parents. */
    List<ProcessHandle> orphans() {
        String marker = context.settings().dataDirectory().toString() + "/";
        String javaMarker = context.stackMarker();
        Set<Long> mine = new LinkedHashSet<>();
        for (Optional<ProcessHandle> each = Optional.of(ProcessHandle.current());
                each.isPresent();
                each = each.get().parent()) {
            mine.add(each.get().pid());
        }
        return ProcessHandle.allProcesses()
                .filter(handle -> !mine.contains(handle.pid()))
                .filter(handle -> handle.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).stream()
                                .anyMatch(argument -> argument.equals(javaMarker) || argument.startsWith(marker)))
                        .orElse(false))
                .toList();
    }

    /**
     * The status of every component, probed in parallel and within a deadline (50 s): a component whose
     * status is not known by then is reported unhealthy rather than waited for.
     */
    public List<ComponentStatus> status() {
        ExecutorService executor = StackThreads.newExecutor("status");
        try {
            List<Component> all = order.stream().map(components::get).toList();
            List<CompletableFuture<ComponentStatus>> futures = all.stream()
                    .map(component -> CompletableFuture.supplyAsync(() -> status(component), executor))
                    .toList();
            Instant deadline = Instant.now().plus(deadlines.status());
            List<ComponentStatus> statuses = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                statuses.add(awaitStatus(all.get(i), futures.get(i), deadline));
            }
            return statuses;
        } finally {
            executor.shutdownNow();
        }
    }

    private ComponentStatus awaitStatus(
            Component component, CompletableFuture<ComponentStatus> future, Instant deadline) {
        try {
            long remaining =
                    Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            return future.get(remaining, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return unknownStatus(
                    component,
                    "no status within %d s".formatted(deadlines.status().toSeconds()));
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            return unknownStatus(
                    component, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while reading the stack's status", e);
        }
    }

    private static ComponentStatus unknownStatus(Component component, String detail) {
        return new ComponentStatus(
                component.name(),
                ComponentStatus.State.UNHEALTHY,
                OptionalLong.empty(),
                component.ports(),
                0,
                Duration.ZERO,
                component.location(),
                detail);
    }

    private ComponentStatus status(Component component) {
        if (component instanceof PlatformService service
                && !service.built()
                && component.process().isEmpty()) {
            return new ComponentStatus(
                    component.name(),
                    ComponentStatus.State.NOT_BUILT,
                    OptionalLong.empty(),
                    component.ports(),
                    0,
                    Duration.ZERO,
                    component.location(),
                    "run ./mvnw package -DskipTests");
        }
        Optional<ProcessHandle> process = component.process();
        if (process.isEmpty() && component instanceof ProcessComponent) {
            return new ComponentStatus(
                    component.name(),
                    ComponentStatus.State.STOPPED,
                    OptionalLong.empty(),
                    component.ports(),
                    0,
                    Duration.ZERO,
                    component.location(),
                    "");
        }
        Health health = StackThreads.probe(component, deadlines.probe());
        return new ComponentStatus(
                component.name(),
                health.healthy() ? ComponentStatus.State.HEALTHY : ComponentStatus.State.UNHEALTHY,
                process.map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty()),
                component.ports(),
                process.map(ProcessControl::residentBytes).orElse(0L),
                process.flatMap(handle -> handle.info().startInstant())
                        .map(start -> Duration.between(start, Instant.now()))
                        .orElse(Duration.ZERO),
                component.location(),
                health.detail());
    }

    /** Whether every named component runs and answers its probe (used by tests to reuse a stack). */
    public boolean healthy(Collection<String> names) {
        return withRequirements(names).stream()
                .map(this::component)
                .allMatch(component -> (component.process().isPresent() || !(component instanceof ProcessComponent))
                        && StackThreads.probe(component, deadlines.probe()).healthy());
    }

    private interface LockedAction<T> {
        T run();
    }

    /** One stack command at a time per data directory. */
    private <T> T withStackLock(LockedAction<T> action) {
        Path lockFile = context.settings().dataDirectory().resolve(".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    lock = channel.lock();
                }
                try (FileLock ignored = lock) {
                    return action.run();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
