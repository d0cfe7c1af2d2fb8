package com.monstermart.cdp.identity.persistence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.identity.core.golden.GoldenRecord;
import com.monstermart.cdp.identity.core.pipeline.ProfileTraits;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Golden records in {@code identity.golden_records}: every value is vault ciphertext of the profile (field
 * {@code identity.golden_records / traits.<name>}). Reads decrypt for the purpose "identity matching"; values of
 * erased subjects are dropped. Records are cached in memory (write-through).
 */
public final class VaultProfileTraits implements ProfileTraits {
    private static final String TABLE = "identity.golden_records";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final PiiVault vault;
    private final FieldReader reader;
    private final Clock clock;
    private final Map<UUID, GoldenRecord> cache = new ConcurrentHashMap<>();
    /** Whether a profile has a row (absent = unknown). */
    private final Map<UUID, Boolean> stored = new ConcurrentHashMap<>();

    public VaultProfileTraits(DataSource dataSource, PiiVault vault, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.vault = requireNonNull(vault, "vault is null");
        this.reader = vault.reader(AccessContext.of("identity-resolution", "identity matching"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public GoldenRecord record(UUID profileId) {
        GoldenRecord cached = cache.get(profileId);
        if (cached != null) {
            return cached;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT record FROM identity.golden_records WHERE profile_id = ?")) {
            select.setObject(1, profileId);
            try (ResultSet rows = select.executeQuery()) {
                boolean found = rows.next();
                GoldenRecord record = found ? decode(profileId, rows.getString(1)) : GoldenRecord.empty();
                cache.put(profileId, record);
                stored.put(profileId, found);
                return record;
            }
        } catch (SQLException e) {
            throw PostgresForgetList.failure("read a golden record", e);
        }
    }

    @Override
    public void save(UUID profileId, GoldenRecord record) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO identity.golden_records (profile_id, record, updated_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (profile_id) DO UPDATE SET record = EXCLUDED.record,"
                                + " updated_at = EXCLUDED.updated_at")) {
            upsert.setObject(1, profileId);
            upsert.setString(2, encode(profileId, record));
            upsert.setTimestamp(3, Timestamp.from(clock.instant()));
            upsert.executeUpdate();
            cache.put(profileId, record);
            stored.put(profileId, Boolean.TRUE);
        } catch (SQLException e) {
            throw PostgresForgetList.failure("write a golden record", e);
        }
    }

    @Override
    public void prime(UUID profileId) {
        cache.putIfAbsent(profileId, GoldenRecord.empty());
        stored.putIfAbsent(profileId, Boolean.FALSE);
    }

    @Override
    public void remove(UUID profileId) {
        cache.remove(profileId);
        if (Boolean.FALSE.equals(stored.remove(profileId))) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM identity.golden_records WHERE profile_id = ?")) {
            delete.setObject(1, profileId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw PostgresForgetList.failure("delete a golden record", e);
        }
    }

    @Override
    public Map<UUID, GoldenRecord> all() {
        Map<UUID, GoldenRecord> out = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT profile_id, record FROM identity.golden_records")) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                GoldenRecord record = decode(id, rows.getString(2));
                out.put(id, record);
                cache.put(id, record);
                stored.put(id, Boolean.TRUE);
            }
        } catch (SQLException e) {
            throw PostgresForgetList.failure("read the golden records", e);
        }
        return out;
    }

    private String encode(UUID profileId, GoldenRecord record) {
        SubjectId subject = SubjectId.of(profileId.toString());
        ObjectNode root = JSON.createObjectNode();
        record.traits().forEach((name, trait) -> {
            FieldRef field = FieldRef.of(TABLE, "traits." + name);
            ObjectNode node = root.putObject(name);
            node.put("value", vault.encryptText(subject, field, trait.value()));
            node.put("source", trait.source());
            node.put("updatedAt", trait.updatedAt().toString());
            ArrayNode candidates = node.putArray("candidates");
            for (GoldenRecord.Candidate candidate : trait.candidates()) {
                candidates
                        .addObject()
                        .put("value", vault.encryptText(subject, field, candidate.value()))
                        .put("source", candidate.source())
                        .put("lastSeen", candidate.lastSeen().toString())
                        .put("count", candidate.count());
            }
        });
        return root.toString();
    }

    private GoldenRecord decode(UUID profileId, String text) {
        SubjectId subject = SubjectId.of(profileId.toString());
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Golden record of " + profileId + " is not JSON", e);
        }
        Map<String, GoldenRecord.Trait> traits = new HashMap<>();
        root.properties().forEach(entry -> {
            FieldRef field = FieldRef.of(TABLE, "traits." + entry.getKey());
            JsonNode node = entry.getValue();
            Optional<String> value = decrypt(subject, field, node.path("value").asText());
            List<GoldenRecord.Candidate> candidates = new ArrayList<>();
            for (JsonNode candidate : node.path("candidates")) {
                decrypt(subject, field, candidate.path("value").asText())
                        .ifPresent(plain -> candidates.add(new GoldenRecord.Candidate(
                                plain,
                                candidate.path("source").asText(),
                                Instant.parse(candidate.path("lastSeen").asText()),
                                candidate.path("count").asLong())));
            }
            value.ifPresent(plain -> traits.put(
                    entry.getKey(),
                    new GoldenRecord.Trait(
                            entry.getKey(),
                            plain,
                            node.path("source").asText(),
                            Instant.parse(node.path("updatedAt").asText()),
                            candidates)));
        });
        return new GoldenRecord(traits);
    }

    private Optional<String> decrypt(SubjectId subject, FieldRef field, String ciphertext) {
        try {
            Decrypted decrypted = reader.decrypt(subject, field, ciphertext);
            return decrypted instanceof Decrypted.Value value ? Optional.of(value.text()) : Optional.empty();
        } catch (PiiVaultException e) {
            return Optional.empty();
        }
    }
}
