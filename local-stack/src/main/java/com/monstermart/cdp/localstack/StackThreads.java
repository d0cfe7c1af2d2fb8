package com.monstermart.cdp.localstack;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The threads of the stack's parallel work (starting, probing and stopping components): daemon platform threads,
 * and every probe bounded by a deadline.
 *
 * <p>Not virtual threads: a probe's first use of a client initialises classes (the HTTP client, JDBC drivers, Kafka,
 * the JDK's loggers), and a virtual thread waiting for another thread's class initialisation or for a JDK-internal
 * lock stays pinned to its carrier. With as many such waiters as carriers (two on a 2-core machine) the thread that
 * holds the lock never gets a carrier again: {@code ./cdp status} hung that way. Daemon threads also mean that a
 * probe stuck in a client call cannot keep the JVM alive.
 */
public final class StackThreads {
    private StackThreads() {}

    /** One new daemon platform thread per task; close it with {@code shutdownNow()} when tasks may hang. */
    public static ExecutorService newExecutor(String purpose) {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().daemon().name("cdp-" + purpose + "-", 0).factory());
    }

    /**
     * One probe of a component, on a thread of its own, bounded: a probe that does not answer within the deadline
     * counts as unhealthy (its thread is interrupted and left behind as a daemon).
     */
    public static Health probe(Component component, Duration deadline) {
        FutureTask<Health> task = new FutureTask<>(component::probe);
        Thread thread = Thread.ofPlatform()
                .daemon()
                .name("cdp-probe-" + component.name())
                .start(task);
        try {
            return task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            return Health.unhealthy("the probe did not answer within %d s".formatted(deadline.toSeconds()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Health.unhealthy(
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while probing " + component.name(), e);
        }
    }
}
