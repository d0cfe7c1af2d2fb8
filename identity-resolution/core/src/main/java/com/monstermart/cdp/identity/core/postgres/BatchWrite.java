package com.monstermart.cdp.identity.core.postgres;

import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.Link;
import com.monstermart.cdp.identity.core.graph.MemoryGraph;
import com.monstermart.cdp.identity.core.graph.Observation;
import com.monstermart.cdp.identity.core.graph.RejectedLink;
import com.monstermart.cdp.identity.core.graph.Resolution;
import com.monstermart.cdp.identity.core.graph.ResolutionOutcome;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes back what resolving a batch changed in a loaded graph — new profiles, merges, new identifiers, edges,
 * separations, the merge journal, rejections and the batch's observations — in one statement: data-modifying
 * {@code WITH} parts fed by arrays ({@code unnest}), one round trip whatever the batch's size.
 *
 * <p>The parts touch disjoint rows, so running them on one snapshot is safe: merges rewrite rows of profiles this
 * transaction has locked (the merged profiles themselves, the ids merged into them earlier, and their identifiers),
 * new profiles are inserted already pointing at the profile they end in, and new identifiers are new keys. Rows are
 * inserted in a fixed order (identifiers and edges by key), so that concurrent batches wait for each other rather
 * than deadlock; profiles and observations keep their creation order, which their sequences record.
 */
final class BatchWrite {
    private static final String SQL = """
            WITH new_profiles AS (
                INSERT INTO identity.profiles (id, created_seq, created_at, merged_into, merged_at)
                SELECT n.id, nextval('identity.profile_seq'), CAST(n.created_at AS timestamptz), n.merged_into,
                       CAST(n.merged_at AS timestamptz)
                FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]))
                     WITH ORDINALITY AS n(id, created_at, merged_into, merged_at, position)
                ORDER BY n.position
                RETURNING 1
            ), merged_aliases AS (
                UPDATE identity.profiles p
                SET merged_into = (CAST(? AS uuid[]))[array_position(CAST(? AS uuid[]), p.merged_into)],
                    merged_at = CAST(? AS timestamptz)
                WHERE p.merged_into = ANY(CAST(? AS uuid[]))
                RETURNING 1
            ), merged_profiles AS (
                UPDATE identity.profiles p
                SET merged_into = (CAST(? AS uuid[]))[array_position(CAST(? AS uuid[]), p.id)],
                    merged_at = CAST(? AS timestamptz)
                WHERE p.id = ANY(CAST(? AS uuid[]))
                RETURNING 1
            ), moved_identifiers AS (
                UPDATE identity.identifiers i
                SET profile_id = (CAST(? AS uuid[]))[array_position(CAST(? AS uuid[]), i.profile_id)]
                WHERE i.profile_id = ANY(CAST(? AS uuid[]))
                RETURNING 1
            ), new_identifiers AS (
                INSERT INTO identity.identifiers (key, id_type, namespace, value, profile_id, attached_at)
                SELECT n.key, n.id_type, n.namespace, n.value, n.profile_id, CAST(n.attached_at AS timestamptz)
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS uuid[]), CAST(? AS text[]))
                     WITH ORDINALITY AS n(key, id_type, namespace, value, profile_id, attached_at, position)
                ORDER BY n.position
                RETURNING 1
            ), new_edges AS (
                INSERT INTO identity.edges (a_key, b_key, kind, message_id, at, rule, score)
                SELECT n.a_key, n.b_key, n.kind, n.message_id, CAST(n.at AS timestamptz), n.rule, n.score
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS float8[]))
                     WITH ORDINALITY AS n(a_key, b_key, kind, message_id, at, rule, score, position)
                ORDER BY n.position
                ON CONFLICT (a_key, b_key) DO NOTHING
                RETURNING 1
            ), new_separations AS (
                INSERT INTO identity.separations (first_id, second_id, created_at)
                SELECT n.first_id, n.second_id, CAST(? AS timestamptz)
                FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[])) AS n(first_id, second_id)
                ON CONFLICT DO NOTHING
                RETURNING 1
            ), journal AS (
                INSERT INTO identity.merges (survivor, merged, from_key, to_key, kind, message_id, rule, score, at)
                SELECT n.survivor, n.merged, n.from_key, n.to_key, n.kind, n.message_id, n.rule, n.score,
                       CAST(n.at AS timestamptz)
                FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS float8[]),
                            CAST(? AS text[]))
                     WITH ORDINALITY AS n(survivor, merged, from_key, to_key, kind, message_id, rule, score, at,
                                          position)
                ORDER BY n.position
                RETURNING 1
            ), rejected AS (
                INSERT INTO identity.rejections (from_key, to_key, reason, detail, message_id, at)
                SELECT n.from_key, n.to_key, n.reason, n.detail, n.message_id, CAST(n.at AS timestamptz)
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]))
                     WITH ORDINALITY AS n(from_key, to_key, reason, detail, message_id, at, position)
                ORDER BY n.position
                RETURNING 1
            ), observed AS (
                INSERT INTO identity.observations (message_id, event_time, source, identifiers, profile_id, outcome)
                SELECT n.message_id, CAST(n.event_time AS timestamptz), n.source, CAST(n.identifiers AS text[]),
                       n.profile_id, n.outcome
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS uuid[]), CAST(? AS text[]))
                     WITH ORDINALITY AS n(message_id, event_time, source, identifiers, profile_id, outcome, position)
                ORDER BY n.position
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM new_profiles), (SELECT count(*) FROM merged_aliases),
                   (SELECT count(*) FROM merged_profiles), (SELECT count(*) FROM moved_identifiers),
                   (SELECT count(*) FROM new_identifiers), (SELECT count(*) FROM new_edges),
                   (SELECT count(*) FROM new_separations), (SELECT count(*) FROM journal),
                   (SELECT count(*) FROM rejected), (SELECT count(*) FROM observed)
            """;

    private BatchWrite() {}

    static void write(
            Connection connection,
            MemoryGraph graph,
            Set<UUID> preexisting,
            List<Resolution> resolutions,
            List<Observation> observations,
            Instant now)
            throws SQLException {
        MemoryGraph.Tracking tracking = graph.tracked();
        Parameters parameters = new Parameters(connection);

        List<MemoryGraph.Profile> created = tracking.created();
        parameters.uuids(created, MemoryGraph.Profile::id);
        parameters.texts(created, profile -> time(profile.createdAt()));
        parameters.uuids(created, profile -> {
            UUID target = graph.resolve(profile.id());
            return target.equals(profile.id()) ? null : target;
        });
        parameters.texts(created, profile -> graph.resolve(profile.id()).equals(profile.id()) ? null : time(now));

        List<Map.Entry<UUID, UUID>> merges = tracking.merged().entrySet().stream()
                .filter(entry -> preexisting.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        // Rows are found through the index with one array condition, and each row's target is looked up by position:
        // a join with unnest made the planner hash-join it against a sequential scan of the whole table, and a join
        // with both conditions ran the array condition once per merged profile.
        for (int part = 0; part < 3; part++) {
            parameters.uuids(merges, entry -> graph.resolve(entry.getKey()));
            parameters.uuids(merges, Map.Entry::getKey);
            if (part < 2) {
                parameters.text(time(now));
            }
            parameters.uuids(merges, Map.Entry::getKey);
        }

        List<Map.Entry<Identifier, Instant>> attached = List.copyOf(new TreeMap<>(tracking.attached()).entrySet());
        parameters.texts(attached, entry -> entry.getKey().key());
        parameters.texts(attached, entry -> entry.getKey().type().wireName());
        parameters.texts(attached, entry -> entry.getKey().namespace());
        parameters.texts(attached, entry -> entry.getKey().value());
        parameters.uuids(
                attached, entry -> graph.profileOf(entry.getKey()).orElseThrow().id());
        parameters.texts(attached, entry -> time(entry.getValue()));

        List<Link> edges = new ArrayList<>(tracking.newEdges());
        edges.sort(Comparator.comparing((Link link) -> link.key().first())
                .thenComparing(link -> link.key().second()));
        parameters.texts(edges, link -> link.key().first().key());
        parameters.texts(edges, link -> link.key().second().key());
        parameters.texts(edges, link -> link.kind().name());
        parameters.texts(edges, Link::messageId);
        parameters.texts(edges, link -> time(link.at()));
        parameters.texts(edges, Link::rule);
        parameters.doubles(edges, Link::score);

        List<UUID[]> separations = new ArrayList<>();
        for (MemoryGraph.Separation separation : tracking.newSeparations()) {
            separations.add(new UUID[] {separation.first(), separation.second()});
            separations.add(new UUID[] {separation.second(), separation.first()});
        }
        parameters.text(time(now));
        parameters.uuids(separations, pair -> pair[0]);
        parameters.uuids(separations, pair -> pair[1]);

        List<IdentityChange.ProfilesMerged> journal = new ArrayList<>();
        List<RejectedLink> rejections = new ArrayList<>();
        for (Resolution resolution : resolutions) {
            for (IdentityChange change : resolution.changes()) {
                if (change instanceof IdentityChange.ProfilesMerged merged) {
                    journal.add(merged);
                }
            }
            rejections.addAll(resolution.rejections());
        }
        parameters.uuids(journal, IdentityChange.ProfilesMerged::profileId);
        parameters.uuids(journal, IdentityChange.ProfilesMerged::merged);
        parameters.texts(journal, merged -> merged.evidence().from().key());
        parameters.texts(journal, merged -> merged.evidence().to().key());
        parameters.texts(journal, merged -> merged.evidence().kind().name());
        parameters.texts(journal, merged -> merged.evidence().messageId());
        parameters.texts(journal, merged -> merged.evidence().rule());
        parameters.doubles(journal, merged -> merged.evidence().score());
        parameters.texts(journal, merged -> time(merged.at()));

        parameters.texts(rejections, rejection -> rejection.from().key());
        parameters.texts(
                rejections, rejection -> rejection.to().map(Identifier::key).orElse(null));
        parameters.texts(rejections, rejection -> rejection.reason().name());
        parameters.texts(rejections, RejectedLink::detail);
        parameters.texts(rejections, RejectedLink::messageId);
        parameters.texts(rejections, rejection -> time(rejection.at()));

        Map<String, Resolution> byMessage = new HashMap<>();
        for (Resolution resolution : resolutions) {
            if (resolution.outcome() != ResolutionOutcome.DUPLICATE) {
                byMessage.put(resolution.messageId(), resolution);
            }
        }
        // Each observation's identifiers as an array literal (a slice of one flat array parameter would copy the whole
        // array for every row).
        parameters.texts(observations, Observation::messageId);
        parameters.texts(observations, observation -> time(observation.timestamp()));
        parameters.texts(observations, Observation::source);
        parameters.texts(observations, observation -> arrayLiteral(observation.identifiers()));
        parameters.uuids(
                observations,
                observation ->
                        byMessage.get(observation.messageId()).profileId().orElse(null));
        parameters.texts(
                observations,
                observation -> byMessage.get(observation.messageId()).outcome().name());

        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            parameters.bind(statement);
            statement.executeQuery().close();
        }
        graph.resetTracking();
    }

    /**
     * A time as text PostgreSQL reads as {@code timestamptz}, rounded to its microseconds (half up, as the JDBC
     * driver rounds a {@code Timestamp}).
     */
    private static String time(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** A PostgreSQL array literal of the identifiers' keys: {"k1","k2"}, quotes and backslashes escaped. */
    static String arrayLiteral(List<Identifier> identifiers) {
        StringBuilder out = new StringBuilder("{");
        for (Identifier identifier : identifiers) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            String key = identifier.key();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    /** The statement's parameters, in order. */
    private static final class Parameters {
        private final Connection connection;
        private final List<Object> values = new ArrayList<>();

        Parameters(Connection connection) {
            this.connection = connection;
        }

        void text(String value) {
            values.add(value);
        }

        <T> void texts(List<T> rows, Function<T, String> column) throws SQLException {
            values.add(
                    connection.createArrayOf("text", rows.stream().map(column).toArray(String[]::new)));
        }

        <T> void uuids(List<T> rows, Function<T, UUID> column) throws SQLException {
            values.add(
                    connection.createArrayOf("uuid", rows.stream().map(column).toArray(UUID[]::new)));
        }

        <T> void doubles(List<T> rows, Function<T, Double> column) throws SQLException {
            values.add(
                    connection.createArrayOf("float8", rows.stream().map(column).toArray(Double[]::new)));
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof String text) {
                    statement.setString(i + 1, text);
                } else {
                    statement.setArray(i + 1, (java.sql.Array) value);
                }
            }
        }
    }
}
