package com.monstermart.cdp.localstack.testing;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.localstack.RealmCredentials;
import java.util.List;

/** A user created in realm {@code cdp} for one test. */
public record RealmUser(String username, String password, List<String> roles) {
    public RealmUser {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        roles = List.copyOf(roles);
    }

    /** How this user signs in (password grant). */
    public RealmCredentials.Person credentials() {
        return new RealmCredentials.Person(username, password);
    }

    public String email() {
        return username + "@test.monstermart.example";
    }
}
