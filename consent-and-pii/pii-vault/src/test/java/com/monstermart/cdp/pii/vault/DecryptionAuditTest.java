package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.PHONE;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.DecryptionEvent;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecryptionAuditTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final AccessContext ACCESS = AccessContext.of("privacy-officer:alice", "access-request:7");

    @TempDir
    Path keys;

    @Test
    void everyDecryptionIsAttributedWithItsOutcome() {
        List<DecryptionEvent> events = new CopyOnWriteArrayList<>();
        try (TinkPiiVault vault = PiiVaults.builder()
                .keyStore(new InMemorySubjectKeyStore())
                .keyEncryptionKey(Vaults.kek(keys, "kek"))
                .auditor(events::add)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build()) {
            FieldReader reader = vault.reader(ACCESS);
            SubjectId subject = newSubject();
            SubjectId erased = newSubject();
            String email = vault.encryptText(subject, EMAIL, "monster@example.com");
            String erasedEmail = vault.encryptText(erased, EMAIL, "gone@example.com");
            vault.shred(erased, ShredRequest.of("test", "audit"));

            reader.decrypt(subject, EMAIL, email);
            reader.decrypt(erased, EMAIL, erasedEmail);
            assertThatThrownBy(() -> reader.decrypt(subject, PHONE, email)).isInstanceOf(PiiVaultException.class);
            assertThatThrownBy(() -> reader.decrypt(subject, EMAIL, "not a ciphertext"))
                    .isInstanceOf(PiiVaultException.class);

            assertThat(events)
                    .containsExactly(
                            new DecryptionEvent(
                                    ACCESS,
                                    subject,
                                    EMAIL,
                                    Optional.of(Ciphertexts.keyId(email)),
                                    DecryptionEvent.Outcome.DECRYPTED,
                                    Optional.empty(),
                                    NOW),
                            new DecryptionEvent(
                                    ACCESS,
                                    erased,
                                    EMAIL,
                                    Optional.of(Ciphertexts.keyId(erasedEmail)),
                                    DecryptionEvent.Outcome.ERASED,
                                    Optional.empty(),
                                    NOW),
                            new DecryptionEvent(
                                    ACCESS,
                                    subject,
                                    PHONE,
                                    Optional.of(Ciphertexts.keyId(email)),
                                    DecryptionEvent.Outcome.FAILED,
                                    Optional.of(PiiVaultErrorCode.DECRYPTION_FAILED),
                                    NOW),
                            new DecryptionEvent(
                                    ACCESS,
                                    subject,
                                    EMAIL,
                                    Optional.empty(),
                                    DecryptionEvent.Outcome.FAILED,
                                    Optional.of(PiiVaultErrorCode.MALFORMED_CIPHERTEXT),
                                    NOW));
            assertThat(events.toString()).doesNotContain("monster@example.com");
        }
    }

    @Test
    void aFailingAuditorFailsTheDecryption() {
        try (TinkPiiVault vault = PiiVaults.builder()
                .keyStore(new InMemorySubjectKeyStore())
                .keyEncryptionKey(Vaults.kek(keys, "kek"))
                .auditor(event -> {
                    throw new IllegalStateException("audit table unreachable");
                })
                .build()) {
            SubjectId subject = newSubject();
            byte[] ciphertext = vault.encrypt(subject, EMAIL, new byte[] {1});

            assertThatThrownBy(() -> vault.reader(ACCESS).decrypt(subject, EMAIL, ciphertext))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("audit table unreachable");
        }
    }

    @Test
    void attributionIsRequired() {
        assertThatThrownBy(() -> AccessContext.of(" ", "purpose"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessage("caller is blank: give a non-empty value");
        assertThatThrownBy(() -> PiiVaults.builder()
                        .keyStore(new InMemorySubjectKeyStore())
                        .keyEncryptionKey(Vaults.kek(keys, "kek"))
                        .build())
                .isInstanceOf(PiiVaultException.class)
                .hasMessage("The vault needs a decryption auditor: call auditor(...)");
    }
}
