package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

/** Who signs in to realm {@code cdp}: a person (password grant) or a service account (client-credentials grant). */
public sealed interface RealmCredentials permits RealmCredentials.Person, StackEndpoints.ServiceAccount {
    /** The user name tokens carry ({@code preferred_username}), which is also the Trino user. */
    String username();

    /** A person of the realm; signs in through the public command-line client {@code cdp-cli}. */
    record Person(String username, String password) implements RealmCredentials {
        public Person {
            requireNonNull(username, "username is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public String toString() {
            return "Person[" + username + "]";
        }
    }
}
