package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** One row of {@code ./cdp status}. */
public record ComponentStatus(
        String name,
        State state,
        OptionalLong pid,
        List<Integer> ports,
        long residentBytes,
        Duration uptime,
        String location,
        String detail) {
    public enum State {
        HEALTHY,
        UNHEALTHY,
        STOPPED,
        NOT_BUILT
    }

    public ComponentStatus {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(pid, "pid is null");
        ports = List.copyOf(ports);
        requireNonNull(uptime, "uptime is null");
        requireNonNull(location, "location is null");
        requireNonNull(detail, "detail is null");
    }
}
