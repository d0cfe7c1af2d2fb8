package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A row, change or call that could not become a canonical event, published to {@link Topics#deadLetter(String)}
 * so that bad data never disappears.
 *
 * @param source the source id
 * @param position where in the source it was read: file and line, LSN or binlog position and table, request id
 *     and index in the batch
 * @param reason why it was rejected, in one line (never personal data)
 * @param problems the validation or data-quality problems, each with its JSON path (empty for other failures)
 * @param payload the input as received (a CSV line, a change as JSON, the call's JSON); may hold personal data
 * @param failedAt when it was rejected
 */
public record DeadLetter(
        String source,
        String position,
        String reason,
        List<ValidationProblem> problems,
        String payload,
        Instant failedAt) {
    public DeadLetter {
        requireNonNull(source, "source is null");
        requireNonNull(position, "position is null");
        requireNonNull(reason, "reason is null");
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
        requireNonNull(payload, "payload is null");
        requireNonNull(failedAt, "failedAt is null");
    }

    /** A dead letter for an event that broke the contract or a data-quality rule. */
    public static DeadLetter invalid(
            String source, String position, List<ValidationProblem> problems, String payload, Instant failedAt) {
        return new DeadLetter(source, position, reason(problems), problems, payload, failedAt);
    }

    /**
     * The one-line reason of an input with these problems: the first problem, and how many more there are (e.g.
     * {@code $.userId: userId or anonymousId is required (and 1 more problems)}).
     */
    public static String reason(List<ValidationProblem> problems) {
        return problems.isEmpty()
                ? "invalid"
                : problems.size() == 1
                        ? problems.getFirst().toString()
                        : problems.getFirst() + " (and %d more problems)".formatted(problems.size() - 1);
    }
}
