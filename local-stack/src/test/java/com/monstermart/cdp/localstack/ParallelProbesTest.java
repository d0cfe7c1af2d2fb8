package com.monstermart.cdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cdp status} (and every other parallel probe of the stack) cannot hang: probes run on platform threads,
 * each within a deadline, and the whole status call within one. The starvation deadlock that made {@code ./cdp
 * status} hang on a 2-core machine is reproduced in a JVM with two carrier threads.
 */
class ParallelProbesTest {
    @TempDir
    Path home;

    @Test
    void probesRunOnPlatformThreads() {
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            components.add(new StandIn("stand-in-" + i, () -> {
                virtual.add(Thread.currentThread().isVirtual());
                return Health.healthy("ok");
            }));
        }

        List<ComponentStatus> statuses =
                stack(components, LocalStack.Deadlines.DEFAULT).status();

        assertThat(statuses).extracting(ComponentStatus::state).containsOnly(ComponentStatus.State.HEALTHY);
        assertThat(virtual).hasSize(6).containsOnly(false);
    }

    @Test
    void aProbeThatNeverAnswersIsReportedAfterItsDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        List<Component> components =
                List.of(new StandIn("answers", () -> Health.healthy("ok")), new StandIn("stuck", () -> {
                    awaitIgnoringInterrupts(never);
                    return Health.healthy("unreachable");
                }));
        LocalStack stack = stack(components, new LocalStack.Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(10)));

        Instant begin = Instant.now();
        List<ComponentStatus> statuses = stack.status();

        assertThat(Duration.between(begin, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(statuses.get(0).state()).isEqualTo(ComponentStatus.State.HEALTHY);
        assertThat(statuses.get(1).state()).isEqualTo(ComponentStatus.State.UNHEALTHY);
        assertThat(statuses.get(1).detail()).isEqualTo("the probe did not answer within 1 s");
        assertThat(stack.healthy(List.of("stuck"))).isFalse();
    }

    @Test
    void statusEndsWithinItsDeadlineWhateverAComponentDoes() {
        CountDownLatch never = new CountDownLatch(1);
        StandIn stuckLookUp = new StandIn("stuck-look-up", () -> Health.healthy("ok")) {
            @Override
            public Optional<ProcessHandle> process() {
                awaitIgnoringInterrupts(never);
                return Optional.empty();
            }
        };
        LocalStack stack = stack(
                List.of(stuckLookUp, new StandIn("answers", () -> Health.healthy("ok"))),
                new LocalStack.Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(2)));

        Instant begin = Instant.now();
        List<ComponentStatus> statuses = stack.status();

        assertThat(Duration.between(begin, Instant.now())).isLessThan(Duration.ofSeconds(6));
        assertThat(statuses.get(0).state()).isEqualTo(ComponentStatus.State.UNHEALTHY);
        assertThat(statuses.get(0).detail()).isEqualTo("no status within 2 s");
        assertThat(statuses.get(1).state()).isEqualTo(ComponentStatus.State.HEALTHY);
    }

    /**
     * The fault seen: probes on virtual threads, one holding a lock while unmounted, the others pinned to both
     * carriers waiting for a class initialisation that needs that lock. Run in a fresh JVM with two carriers, many
     * rounds, each with classes initialised for the first time (a new class loader per round).
     */
    @Test
    void parallelFirstUseOfClassesNeverStarvesTwoCarriers() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djdk.virtualThreadScheduler.parallelism=2",
                        "-Djdk.virtualThreadScheduler.maxPoolSize=2",
                        "-XX:ActiveProcessorCount=2",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StarvationRounds.class.getName(),
                        home.toString(),
                        "50")
                .redirectErrorStream(true)
                .start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readNBytes(64_000), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the rounds ended (output: %s)", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("50 rounds without a hang");
    }

    /** The rounds of {@link #parallelFirstUseOfClassesNeverStarvesTwoCarriers}, in the forked JVM. */
    public static final class StarvationRounds {
        /** Held while unmounted by one probe and needed by the class initialiser others run (public: a class of
         * another loader reads it). */
        public static final ReentrantLock LOCK = new ReentrantLock();

        public static void main(String[] arguments) throws Exception {
            Path home = Path.of(arguments[0]);
            int rounds = Integer.parseInt(arguments[1]);
            for (int round = 1; round <= rounds; round++) {
                ClassLoader fresh = new ChildFirstLoader(StarvationRounds.class.getClassLoader());
                CountDownLatch lockTaken = new CountDownLatch(1);
                List<Component> components = new ArrayList<>();
                components.add(new StandIn("holds-lock", () -> {
                    LOCK.lock();
                    try {
                        lockTaken.countDown();
                        sleep(Duration.ofMillis(200)); // unmounts a virtual thread, keeping the lock
                    } finally {
                        LOCK.unlock();
                    }
                    return Health.healthy("released");
                }));
                for (int i = 0; i < 3; i++) {
                    components.add(new StandIn("initialises-" + i, () -> {
                        await(lockTaken);
                        initialise(fresh);
                        return Health.healthy("initialised");
                    }));
                }
                LocalStack stack = stack(
                        home, components, new LocalStack.Deadlines(Duration.ofSeconds(30), Duration.ofSeconds(40)));
                List<ComponentStatus> statuses = stack.status();
                for (ComponentStatus status : statuses) {
                    if (status.state() != ComponentStatus.State.HEALTHY) {
                        System.out.println("round " + round + ": " + status.name() + " " + status.detail());
                        System.exit(1);
                    }
                }
            }
            System.out.println(rounds + " rounds without a hang");
            System.exit(0);
        }

        private static void initialise(ClassLoader loader) {
            try {
                Class.forName(NeedsTheLock.class.getName(), true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Its static initialiser takes the lock, as the HTTP client's first use took the JDK's logger lock. */
    static final class NeedsTheLock {
        static {
            StarvationRounds.LOCK.lock();
            StarvationRounds.LOCK.unlock();
        }
    }

    /** Loads {@link NeedsTheLock} anew (so its initialiser runs again); everything else from the parent. */
    static final class ChildFirstLoader extends ClassLoader {
        ChildFirstLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(NeedsTheLock.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (var input = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = input.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return loaded;
            }
        }
    }

    /** A component with no process whose probe is given. */
    static class StandIn implements Component {
        private final String name;
        private final Supplier<Health> probe;

        StandIn(String name, Supplier<Health> probe) {
            this.name = name;
            this.probe = probe;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> requires() {
            return List.of();
        }

        @Override
        public List<Integer> ports() {
            return List.of();
        }

        @Override
        public String location() {
            return "nowhere";
        }

        @Override
        public Duration startTimeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public void start() {}

        @Override
        public Health probe() {
            return probe.get();
        }

        @Override
        public Optional<ProcessHandle> process() {
            return Optional.empty();
        }

        @Override
        public void stop() {}
    }

    private LocalStack stack(List<Component> components, LocalStack.Deadlines deadlines) {
        return stack(home, components, deadlines);
    }

    private static LocalStack stack(Path home, List<Component> components, LocalStack.Deadlines deadlines) {
        return new LocalStack(
                new StackContext(StackSettings.forTestJvm(home, home.resolve("data"), Map.of())),
                components,
                deadlines);
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // a stuck client call ignores interrupts too
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
