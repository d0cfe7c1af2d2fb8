package com.monstermart.cdp.demoworld;

import static java.util.Objects.requireNonNull;

/** A database the generator owns and fills: its tables are dropped and created anew. */
public record DatabaseTarget(String jdbcUrl, String user, String password) {
    public DatabaseTarget {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + jdbcUrl + ", user=" + user + "]";
    }
}
