package com.monstermart.cdp.profile.persistence;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.DecryptionEvent;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.core.pii.VaultTraitComparator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The vault's audit hook: every decryption for a person (caller and purpose from the API) becomes a row of
 * {@code profile_store.pii_audit}, written before the value is returned (if the row cannot be written, the
 * decryption fails). The store's own comparisons for history ({@link VaultTraitComparator#PURPOSE}) never leave the
 * process and are counted instead.
 */
public final class PostgresAuditLog implements DecryptionAuditor {
    private final DataSource dataSource;
    private final AtomicLong internalDecryptions = new AtomicLong();

    public PostgresAuditLog(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    /** One audit row. */
    public record Entry(
            Instant at,
            String caller,
            String purpose,
            String subject,
            String field,
            String outcome,
            String errorCode) {}

    @Override
    public void record(DecryptionEvent event) {
        if (event.access().caller().equals(VaultTraitComparator.CALLER)
                && event.access().purpose().equals(VaultTraitComparator.PURPOSE)) {
            internalDecryptions.incrementAndGet();
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO profile_store.pii_audit
                            (at, caller, purpose, subject, field, key_id, outcome, error_code)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)) {
            statement.setTimestamp(1, Timestamp.from(event.at()));
            statement.setString(2, event.access().caller());
            statement.setString(3, event.access().purpose());
            statement.setString(4, event.subject().value());
            statement.setString(5, event.field().toString());
            statement.setString(6, event.keyId().map(KeyId::toString).orElse(null));
            statement.setString(7, event.outcome().name().toLowerCase(java.util.Locale.ROOT));
            statement.setString(
                    8, event.errorCode().map(PiiVaultErrorCode::name).orElse(null));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.HOT_STORE_FAILED,
                    "Cannot write the decryption audit row, so the value stays encrypted: " + e.getMessage(),
                    e);
        }
    }

    /** Decryptions for history change detection since start. */
    public long internalDecryptions() {
        return internalDecryptions.get();
    }

    /** The audit rows of a subject, oldest first. */
    public List<Entry> entries(String subject) {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT at, caller, purpose, subject, field, outcome, error_code FROM profile_store.pii_audit
                        WHERE subject = ? ORDER BY id
                        """)) {
            statement.setString(1, subject);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    entries.add(new Entry(
                            result.getTimestamp(1).toInstant(),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.HOT_STORE_FAILED, "Cannot read the audit log: " + e.getMessage(), e);
        }
        return entries;
    }
}
