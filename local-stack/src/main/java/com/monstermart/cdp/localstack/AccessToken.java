package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token of realm {@code cdp}.
 *
 * @param value the signed JWT, as a bearer token
 * @param username its {@code preferred_username} (the Trino user)
 * @param expiresAt when it stops being accepted
 */
public record AccessToken(String value, String username, Instant expiresAt) {
    public AccessToken {
        requireNonNull(value, "value is null");
        requireNonNull(username, "username is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    /** Whether it is still good for at least this long. */
    public boolean validFor(Duration duration) {
        return Instant.now().plus(duration).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[" + username + ", expires " + expiresAt + "]";
    }
}
