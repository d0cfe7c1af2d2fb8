package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an event.
 *
 * @param path JSON path of the offending field, e.g. {@code $.event} or {@code $.batch[3].userId}
 * @param message what is wrong and what is expected; never contains personal data
 */
public record ValidationProblem(String path, String message) {
    public ValidationProblem {
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    /**
     * The same problem inside an enclosing document: {@code $.event} under {@code $.batch[3]} becomes
     * {@code $.batch[3].event}.
     */
    public ValidationProblem under(String prefix) {
        requireNonNull(prefix, "prefix is null");
        return new ValidationProblem(prefix + (path.startsWith("$") ? path.substring(1) : "." + path), message);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
