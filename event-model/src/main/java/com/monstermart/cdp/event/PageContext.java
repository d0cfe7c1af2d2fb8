package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** {@code context.page}: the page an event happened on (Segment's page context fields). */
public record PageContext(
        Optional<String> path,
        Optional<String> referrer,
        Optional<String> search,
        Optional<String> title,
        Optional<String> url) {
    public PageContext {
        requireNonNull(path, "path is null");
        requireNonNull(referrer, "referrer is null");
        requireNonNull(search, "search is null");
        requireNonNull(title, "title is null");
        requireNonNull(url, "url is null");
    }

    public static PageContext ofUrl(String url) {
        return new PageContext(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(url));
    }
}
