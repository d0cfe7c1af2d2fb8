package com.monstermart.cdp.console.core.platform;

import java.time.Instant;
import java.util.List;

/**
 * A dead letter without its payload: the rejected input may hold personal data, so the console shows only where it
 * came from and why it was refused (the rule and field, never the value of a personal field).
 */
public record DeadLetterSummary(String position, String reason, List<Problem> problems, Instant failedAt) {
    public DeadLetterSummary {
        problems = List.copyOf(problems);
    }

    public record Problem(String path, String message) {}
}
