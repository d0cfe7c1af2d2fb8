package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

/** {@code context.library}: the SDK or connector that produced the event. */
public record LibraryContext(String name, String version) {
    public LibraryContext {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
    }
}
