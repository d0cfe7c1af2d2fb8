package com.monstermart.cdp.identity.core.postgres;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Runs work in short READ COMMITTED transactions and retries it when it lost a race: a serialization failure, a
 * deadlock, a unique violation (two transactions created the same identifier), a row lock another transaction holds
 * ({@code NOWAIT}) or a stale read detected after taking row locks ({@link Conflict}).
 */
final class Transactions {
    private static final System.Logger LOG = System.getLogger(Transactions.class.getName());
    // serialization failure, deadlock, unique violation, lock not available (NOWAIT)
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505", "55P03");

    private final DataSource dataSource;
    private final int maxAttempts;
    private final AtomicLong retries = new AtomicLong();

    Transactions(DataSource dataSource, int maxAttempts) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.maxAttempts = maxAttempts;
    }

    /** A transaction body. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Thrown by a body that found the graph changed under it after locking: the transaction is retried. */
    static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message, null, false, false);
        }
    }

    long retries() {
        return retries.get();
    }

    /**
     * What a body of {@link #inReadCommittedTransaction} starts its first statement with (a multi-statement string), so
     * that the isolation level costs no round trip of its own.
     */
    static final String READ_COMMITTED = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";

    private enum Isolation {
        SET_HERE,
        SET_BY_BODY
    }

    /** Runs {@code work} in a READ COMMITTED transaction (set in a statement of its own), retrying lost races. */
    <T> T inTransaction(String what, Work<T> work) {
        return run(what, work, Isolation.SET_HERE);
    }

    /** As {@link #inTransaction}, but the body's first statement must begin with {@link #READ_COMMITTED}. */
    <T> T inReadCommittedTransaction(String what, Work<T> work) {
        return run(what, work, Isolation.SET_BY_BODY);
    }

    private <T> T run(String what, Work<T> work, Isolation isolation) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    if (isolation == Isolation.SET_HERE) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(READ_COMMITTED);
                        }
                    }
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(connection);
                    if (!retryable(e) || attempt >= maxAttempts) {
                        throw e;
                    }
                    retries.incrementAndGet();
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            "Retrying {0} (attempt {1}) after {2}",
                            what,
                            attempt,
                            e.getMessage());
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(
                            ThreadLocalRandom.current().nextLong(100, 200L * attempt)));
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IdentityException(
                        IdentityErrorCode.STORE_FAILURE,
                        "PostgreSQL failed to %s (SQLState %s): %s; check the database and retry"
                                .formatted(what, e.getSQLState(), e.getMessage()),
                        e);
            } catch (Conflict e) {
                throw new IdentityException(
                        IdentityErrorCode.STORE_FAILURE,
                        "Could not %s: the graph kept changing concurrently for %d attempts"
                                .formatted(what, maxAttempts),
                        e);
            }
        }
    }

    private static boolean retryable(Exception e) {
        if (e instanceof Conflict) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                SQLException next = sql.getNextException();
                if (next.getSQLState() != null && RETRYABLE.contains(next.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Rollback failed: {0}", e.getMessage());
        }
    }
}
