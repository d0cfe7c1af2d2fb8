package com.monstermart.cdp.event;

import java.util.List;
import java.util.stream.Collectors;

/** An event broke the canonical contract; {@link #problems()} lists every problem with its JSON path. */
public final class InvalidEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<ValidationProblem> problems;

    public InvalidEventException(List<ValidationProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }

    private static String describe(List<ValidationProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid event has at least one problem");
        }
        return "Invalid event: "
                + problems.stream().map(ValidationProblem::toString).collect(Collectors.joining("; "));
    }
}
