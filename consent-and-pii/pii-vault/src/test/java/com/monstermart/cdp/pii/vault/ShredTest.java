package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.PHONE;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.ShredReceipt;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.eviction.KafkaKeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithCdpStack({"postgres", "kafka"})
class ShredTest {
    private static final AccessContext ACCESS = AccessContext.of("test", "shred-test");
    private static final ShredRequest REQUEST = ShredRequest.of("privacy-officer:alice", "erasure-request:42");
    /** Settings under which only the path being tested can evict: no poll, no expiry within the test. */
    private static final PiiVaultSettings NO_POLL = PiiVaultSettings.defaults()
            .withEventPollInterval(Duration.ofHours(1))
            .withCacheTimeToLive(Duration.ofHours(1));

    @TempDir
    static Path keys;

    private static TestDatabase database;
    private static KeyEncryptionKey kek;
    private static TinkPiiVault vault;
    private static FieldReader reader;

    @BeforeAll
    static void start(CdpStack stack) {
        database = TestDatabase.migrated(stack, "pii_shred");
        kek = Vaults.kek(keys, "kek");
        vault = Vaults.onDatabase(database, kek).build();
        reader = vault.reader(ACCESS);
    }

    @AfterAll
    static void stop() {
        vault.close();
        database.close();
    }

    @Test
    void aShreddedSubjectsValuesDecryptAsErasedAndItGetsNoNewKey() {
        SubjectId subject = newSubject();
        String email = vault.encryptText(subject, EMAIL, "monster@example.com");
        byte[] phone = vault.encrypt(subject, PHONE, new byte[] {1, 2, 3});
        assertThat(reader.decrypt(subject, EMAIL, email).erased()).isFalse();

        ShredReceipt receipt = vault.shred(subject, REQUEST);

        assertThat(receipt.outcome()).isEqualTo(ShredReceipt.Outcome.SHREDDED);
        assertThat(receipt.destroyedKeyIds()).containsExactly(Ciphertexts.keyId(email));
        Decrypted decrypted = reader.decrypt(subject, EMAIL, email);
        assertThat(decrypted).isInstanceOf(Decrypted.Erased.class);
        assertThat(((Decrypted.Erased) decrypted).keyId()).isEqualTo(Ciphertexts.keyId(email));
        assertThat(decrypted.textOr("[erased]")).isEqualTo("[erased]");
        assertThat(reader.decrypt(subject, PHONE, phone).erased()).isTrue();
        assertThatThrownBy(() -> vault.encryptText(subject, EMAIL, "new@example.com"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("it was erased")
                .hasMessageNotContaining("new@example.com")
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.SUBJECT_ERASED);
        assertThat(database.queryLong(
                        "SELECT count(*) FROM pii_vault.subject_key WHERE wrapped_key IS NULL AND subject_id = '"
                                + subject.value() + "'"))
                .isEqualTo(1);
    }

    @Test
    void shreddingIsIdempotentAndEveryRequestIsRecorded() {
        SubjectId subject = newSubject();
        String email = vault.encryptText(subject, EMAIL, "x@example.com");
        Instant before = Instant.now().minusSeconds(5);

        ShredReceipt first = vault.shred(subject, REQUEST);
        ShredReceipt second = vault.shred(subject, ShredRequest.of("privacy-officer:bob", "retry"));

        assertThat(first.outcome()).isEqualTo(ShredReceipt.Outcome.SHREDDED);
        assertThat(second.outcome()).isEqualTo(ShredReceipt.Outcome.NO_LIVE_KEYS);
        assertThat(second.destroyedKeyIds()).isEmpty();
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        List<ShredReceipt> history = vault.shredHistory(subject);
        assertThat(history).containsExactly(first, second);
        assertThat(history.getFirst().requestedBy()).isEqualTo("privacy-officer:alice");
        assertThat(history.getFirst().reason()).isEqualTo("erasure-request:42");
        assertThat(history.getFirst().destroyedKeyIds()).containsExactly(Ciphertexts.keyId(email));
        assertThat(history.getFirst().shreddedAt()).isAfter(before);
        assertThat(vault.keyRing(subject).erased()).isTrue();
        assertThat(reader.decrypt(subject, EMAIL, email).erased()).isTrue();
    }

    @Test
    void aSubjectShreddedBeforeItHadAKeyNeverGetsOne() {
        SubjectId subject = newSubject();

        ShredReceipt receipt = vault.shred(subject, REQUEST);

        assertThat(receipt.outcome()).isEqualTo(ShredReceipt.Outcome.NO_LIVE_KEYS);
        assertThatThrownBy(() -> vault.encrypt(subject, EMAIL, new byte[1]))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.SUBJECT_ERASED);
        assertThat(vault.createKeys(List.of(subject))).isZero();
    }

    @Test
    void shreddingASurvivorDestroysTheKeysOfSubjectsMergedIntoIt() {
        SubjectId survivor = newSubject();
        SubjectId merged = newSubject();
        String survivorsEmail = vault.encryptText(survivor, EMAIL, "a@example.com");
        String mergedEmail = vault.encryptText(merged, EMAIL, "b@example.com");
        vault.merge(survivor, merged);

        ShredReceipt receipt = vault.shred(survivor, REQUEST);

        assertThat(receipt.destroyedKeyIds())
                .containsExactlyInAnyOrder(Ciphertexts.keyId(survivorsEmail), Ciphertexts.keyId(mergedEmail));
        assertThat(reader.decrypt(survivor, EMAIL, mergedEmail).erased()).isTrue();
        assertThat(reader.decrypt(merged, EMAIL, mergedEmail).erased()).isTrue();
    }

    @Test
    void aVaultWithAWarmCacheElsewhereSeesTheShredThroughKafka(CdpStack stack) {
        String topic = stack.createTopic("pii_privacy_commands", 3);
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        try (TinkPiiVault shredder = Vaults.onDatabase(database, kek)
                        .settings(NO_POLL)
                        .evictionBus(new KafkaKeyEvictionBus(bootstrap, topic, Map.of(), Duration.ofSeconds(30)))
                        .build();
                TinkPiiVault elsewhere = Vaults.onDatabase(database, kek)
                        .settings(NO_POLL)
                        .evictionBus(new KafkaKeyEvictionBus(bootstrap, topic, Map.of(), Duration.ofSeconds(30)))
                        .build()) {
            SubjectId subject = newSubject();
            String email = shredder.encryptText(subject, EMAIL, "warm@example.com");
            FieldReader elsewhereReader = elsewhere.reader(ACCESS);
            assertThat(elsewhereReader.decrypt(subject, EMAIL, email).textOr("?"))
                    .isEqualTo("warm@example.com");

            shredder.shred(subject, REQUEST);

            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> elsewhereReader.decrypt(subject, EMAIL, email).erased());
        }
    }

    @Test
    void aVaultWithAWarmCacheElsewhereSeesTheShredThroughTheKeyEventLog() {
        try (TinkPiiVault elsewhere = Vaults.onDatabase(database, kek)
                .settings(NO_POLL.withEventPollInterval(Duration.ofMillis(200)))
                .build()) {
            SubjectId subject = newSubject();
            String email = vault.encryptText(subject, EMAIL, "warm@example.com");
            FieldReader elsewhereReader = elsewhere.reader(ACCESS);
            assertThat(elsewhereReader.decrypt(subject, EMAIL, email).erased()).isFalse();

            vault.shred(subject, REQUEST);

            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> elsewhereReader.decrypt(subject, EMAIL, email).erased());
        }
    }

    @Test
    void aVaultThatCannotReadKeyEventsStopsUsingCachedKeys() {
        SwitchableKeyStore store = new SwitchableKeyStore();
        try (TinkPiiVault isolated = com.monstermart.cdp.pii.vault.PiiVaults.builder()
                .keyStore(store)
                .keyEncryptionKey(kek)
                .auditor(com.monstermart.cdp.pii.vault.api.DecryptionAuditor.discarding())
                .settings(NO_POLL.withEventPollInterval(Duration.ofMillis(50))
                        .withEventPollMaximumStaleness(Duration.ofMillis(300)))
                .build()) {
            SubjectId subject = newSubject();
            String email = isolated.encryptText(subject, EMAIL, "cached@example.com");
            assertThat(isolated.reader(ACCESS).decrypt(subject, EMAIL, email).erased())
                    .isFalse();

            store.fail();

            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThatThrownBy(
                                    () -> isolated.reader(ACCESS).decrypt(subject, EMAIL, email))
                            .isInstanceOf(PiiVaultException.class)
                            .extracting(e -> ((PiiVaultException) e).code())
                            .isEqualTo(PiiVaultErrorCode.KEY_STORE_UNAVAILABLE));
        }
    }
}
