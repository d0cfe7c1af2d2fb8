package com.monstermart.cdp.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical contract's rules beyond structure (docs/event-contract.md, "Rules"). Returns every problem, each
 * with the JSON path of its field; messages never repeat the offending personal data.
 */
public final class EventValidator {
    /** Longest {@code messageId}. */
    public static final int MAX_MESSAGE_ID_LENGTH = 128;
    /** Longest {@code userId}, {@code anonymousId}, {@code previousId} and {@code groupId}. */
    public static final int MAX_ID_LENGTH = 256;
    /** Longest track {@code event} name and page {@code name} / {@code category}. */
    public static final int MAX_NAME_LENGTH = 200;

    private EventValidator() {}

    /** Every rule the event breaks; empty when valid. */
    public static List<ValidationProblem> validate(CanonicalEvent event) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (event.messageId().isBlank()) {
            problems.add(new ValidationProblem("$.messageId", "must not be blank"));
        } else if (event.messageId().length() > MAX_MESSAGE_ID_LENGTH) {
            problems.add(new ValidationProblem(
                    "$.messageId", "is longer than %d characters".formatted(MAX_MESSAGE_ID_LENGTH)));
        }
        checkId(event.userId(), "$.userId", problems);
        checkId(event.anonymousId(), "$.anonymousId", problems);
        checkId(event.previousId(), "$.previousId", problems);
        checkId(event.groupId(), "$.groupId", problems);
        boolean identified = present(event.userId()) || present(event.anonymousId());
        switch (event.type()) {
            case IDENTIFY, PAGE -> {
                if (!identified) {
                    problems.add(new ValidationProblem("$.userId", "userId or anonymousId is required"));
                }
            }
            case TRACK -> {
                if (!identified) {
                    problems.add(new ValidationProblem("$.userId", "userId or anonymousId is required"));
                }
                if (!present(event.event())) {
                    problems.add(new ValidationProblem("$.event", "is required for track events"));
                }
            }
            case GROUP -> {
                if (!identified) {
                    problems.add(new ValidationProblem("$.userId", "userId or anonymousId is required"));
                }
                if (!present(event.groupId())) {
                    problems.add(new ValidationProblem("$.groupId", "is required for group events"));
                }
            }
            case ALIAS -> {
                if (!present(event.userId())) {
                    problems.add(new ValidationProblem("$.userId", "is required for alias events"));
                }
                if (!present(event.previousId())) {
                    problems.add(new ValidationProblem("$.previousId", "is required for alias events"));
                }
            }
        }
        if (event.type() != EventType.ALIAS && event.previousId().isPresent()) {
            problems.add(new ValidationProblem("$.previousId", "only alias events carry previousId"));
        }
        if (event.type() != EventType.TRACK && event.event().isPresent()) {
            problems.add(new ValidationProblem(
                    "$.event",
                    "only track events carry an event name; this is a "
                            + event.type().wireName()));
        }
        checkName(event.event(), "$.event", problems);
        checkName(event.name(), "$.name", problems);
        checkName(event.category(), "$.category", problems);
        if (event.receivedAt().isBefore(event.timestamp().minusSeconds(365L * 24 * 3600))) {
            problems.add(new ValidationProblem("$.timestamp", "is more than a year after receivedAt"));
        }
        return problems;
    }

    /** Throws {@link InvalidEventException} when {@link #validate} finds problems. */
    public static CanonicalEvent requireValid(CanonicalEvent event) {
        List<ValidationProblem> problems = validate(event);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return event;
    }

    private static void checkId(Optional<String> value, String path, List<ValidationProblem> problems) {
        if (value.isEmpty()) {
            return;
        }
        if (value.get().isBlank()) {
            problems.add(new ValidationProblem(path, "must not be blank; leave it out instead"));
        } else if (value.get().length() > MAX_ID_LENGTH) {
            problems.add(new ValidationProblem(path, "is longer than %d characters".formatted(MAX_ID_LENGTH)));
        }
    }

    private static void checkName(Optional<String> value, String path, List<ValidationProblem> problems) {
        if (value.isPresent() && value.get().length() > MAX_NAME_LENGTH) {
            problems.add(new ValidationProblem(path, "is longer than %d characters".formatted(MAX_NAME_LENGTH)));
        }
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
