package com.monstermart.cdp.console.core;

import static java.util.Objects.requireNonNull;

/**
 * The signed-in user as the platform's services see them: the console calls the services with the user's own access
 * token, so each service applies its own role checks and audits the real person.
 *
 * @param username the realm user name (for messages; never personal data of customers)
 * @param accessToken the bearer token (audience {@code cdp-api}); never logged
 */
public record Caller(String username, String accessToken) {
    public Caller {
        requireNonNull(username, "username is null");
        requireNonNull(accessToken, "accessToken is null");
    }

    @Override
    public String toString() {
        return "Caller[" + username + "]";
    }
}
