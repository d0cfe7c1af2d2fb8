package com.monstermart.cdp.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One thing {@code ./cdp up} starts: a server of the stack or a platform service.
 *
 * <p>Readiness is real: a component is ready when a client can use it (a query runs, a token is issued, a
 * record makes a round trip), not when its port opens.
 */
public interface Component {
    String name();

    /** Components that must be ready before this one starts. */
    List<String> requires();

    /** The loopback ports it listens on. */
    List<Integer> ports();

    /** Where a person looks at it (a URL or a connection string). */
    String location();

    /** How long a start may take before it counts as failed. */
    Duration startTimeout();

    /** Prepares its files on first start and launches the process; does not wait for readiness. */
    void start();

    /** One readiness probe: quick, and true only if a client can really use the component. */
    Health probe();

    /** Runs after the first successful probe of a start (creating databases, topics...). */
    default void afterReady() {}

    /** The process, when one runs (an external server has none). */
    Optional<ProcessHandle> process();

    /** Stops the process and everything it forked. */
    void stop();
}
