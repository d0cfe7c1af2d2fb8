package com.monstermart.cdp.identity.core.postgres;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.matching.ScoredPair;
import com.monstermart.cdp.identity.core.review.ReviewItem;
import com.monstermart.cdp.identity.core.review.ReviewQueue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The review queue in {@code identity.review_items}. */
public final class PostgresReviewQueue implements ReviewQueue {
    private static final String COLUMNS = "id, left_profile, left_identifier, right_profile, right_identifier,"
            + " probability, evidence, status, created_at, decided_by, decided_at";

    private final Transactions transactions;

    public PostgresReviewQueue(DataSource dataSource) {
        this.transactions = new Transactions(requireNonNull(dataSource, "dataSource is null"), 5);
    }

    @Override
    public ReviewItem offer(ReviewItem item) {
        return transactions.inTransaction("queue a review item", connection -> {
            String pair = pairKey(item.leftProfile(), item.rightProfile());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO identity.review_items (" + COLUMNS
                    + ", pair_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?) ON CONFLICT DO NOTHING")) {
                insert.setObject(1, item.id());
                insert.setObject(2, item.leftProfile());
                insert.setString(3, item.leftIdentifier().key());
                insert.setObject(4, item.rightProfile());
                insert.setString(5, item.rightIdentifier().key());
                insert.setDouble(6, item.probability());
                insert.setString(7, evidence(item.evidence()));
                insert.setString(8, ReviewItem.Status.OPEN.name());
                insert.setTimestamp(9, Timestamp.from(item.createdAt()));
                insert.setString(10, pair);
                if (insert.executeUpdate() == 1) {
                    return item;
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM identity.review_items WHERE pair_key = ? AND status = 'OPEN'")) {
                select.setString(1, pair);
                List<ReviewItem> open = read(select);
                return open.isEmpty() ? item : open.get(0);
            }
        });
    }

    @Override
    public Optional<ReviewItem> item(UUID id) {
        return transactions.inTransaction("read a review item", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM identity.review_items WHERE id = ?")) {
                select.setObject(1, id);
                return read(select).stream().findFirst();
            }
        });
    }

    @Override
    public List<ReviewItem> list(ReviewItem.Status status, int limit) {
        return transactions.inTransaction("list review items", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM identity.review_items WHERE status = ? ORDER BY created_at DESC, id LIMIT ?")) {
                select.setString(1, status.name());
                select.setInt(2, limit);
                return read(select);
            }
        });
    }

    @Override
    public boolean rejectedBefore(UUID first, UUID second) {
        return transactions.inTransaction("check rejected reviews", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM identity.review_items WHERE pair_key = ? AND status = 'REJECTED')")) {
                select.setString(1, pairKey(first, second));
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getBoolean(1);
                }
            }
        });
    }

    @Override
    public Optional<ReviewItem> decide(UUID id, ReviewItem.Status status, String actor, Instant at) {
        return transactions.inTransaction("decide a review item", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE identity.review_items SET status = ?, decided_by = ?, decided_at = ?"
                            + " WHERE id = ? AND status = 'OPEN' RETURNING " + COLUMNS)) {
                update.setString(1, status.name());
                update.setString(2, actor);
                update.setTimestamp(3, Timestamp.from(at));
                update.setObject(4, id);
                return read(update).stream().findFirst();
            }
        });
    }

    private static String pairKey(UUID a, UUID b) {
        return a.compareTo(b) <= 0 ? a + "/" + b : b + "/" + a;
    }

    private static String evidence(List<ScoredPair.Evidence> evidence) {
        StringBuilder out = new StringBuilder();
        for (ScoredPair.Evidence each : evidence) {
            out.append(each.field())
                    .append('\t')
                    .append(each.level())
                    .append('\t')
                    .append(each.weight())
                    .append('\n');
        }
        return out.toString();
    }

    private static List<ScoredPair.Evidence> parseEvidence(String text) {
        List<ScoredPair.Evidence> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t");
            out.add(new ScoredPair.Evidence(parts[0], parts[1], Double.parseDouble(parts[2])));
        }
        return out;
    }

    private static List<ReviewItem> read(PreparedStatement statement) throws SQLException {
        List<ReviewItem> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp decidedAt = rows.getTimestamp(11);
                out.add(new ReviewItem(
                        rows.getObject(1, UUID.class),
                        rows.getObject(2, UUID.class),
                        Identifier.parseKey(rows.getString(3)),
                        rows.getObject(4, UUID.class),
                        Identifier.parseKey(rows.getString(5)),
                        rows.getDouble(6),
                        parseEvidence(rows.getString(7)),
                        ReviewItem.Status.valueOf(rows.getString(8)),
                        rows.getTimestamp(9).toInstant(),
                        Optional.ofNullable(rows.getString(10)),
                        Optional.ofNullable(decidedAt).map(Timestamp::toInstant)));
            }
        }
        return out;
    }
}
