package com.monstermart.cdp.profile.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.DecryptionEvent;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Masking, decryption and change detection against a real vault (in-memory key store, local KEK). */
class PiiTest {
    private static final PiiFields FIELDS = new PiiFields(PiiFields.DEFAULT_TABLE);
    private static final SubjectId SUBJECT = SubjectId.of("p-1");

    @TempDir
    Path directory;

    private final List<DecryptionEvent> audit = new CopyOnWriteArrayList<>();
    private PiiVault vault;

    @BeforeEach
    void openVault() {
        vault = PiiVaults.builder()
                .keyStore(new InMemorySubjectKeyStore())
                .keyEncryptionKey(LocalKeysetKek.openOrCreate(directory.resolve("kek.json")))
                .auditor(audit::add)
                .build();
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    private String encrypt(String path, String value) {
        return vault.encryptText(SUBJECT, FieldRef.of(PiiFields.DEFAULT_TABLE, path), value);
    }

    @Test
    void twoEncryptionsOfOneValueAreTheSameTraitAndDifferentValuesAreNot() {
        VaultTraitComparator comparator = new VaultTraitComparator(vault, FIELDS);
        String first = encrypt("traits.email", "ghoul@example.com");
        String again = encrypt("traits.email", "ghoul@example.com");
        String other = encrypt("traits.email", "yeti@example.com");

        assertThat(first).isNotEqualTo(again);
        assertThat(comparator.same("p-1", "email", first, again)).isTrue();
        assertThat(comparator.same("p-1", "email", first, other)).isFalse();
        assertThat(comparator.same(
                        "p-1",
                        "address",
                        Map.of("city", encrypt("traits.address.city", "Oslo"), "country", "NO"),
                        Map.of("city", encrypt("traits.address.city", "Oslo"), "country", "NO")))
                .isTrue();
        assertThat(comparator.same("p-1", "address", Map.of("country", "NO"), Map.of("country", "SE")))
                .isFalse();
        assertThat(audit).allSatisfy(event -> assertThat(event.access())
                .isEqualTo(AccessContext.of(VaultTraitComparator.CALLER, VaultTraitComparator.PURPOSE)));
    }

    @Test
    void maskingHidesEveryCiphertextAndDecryptsNothing() {
        Disclosure masking = Disclosure.masking(FIELDS);

        Object shown = masking.show(
                "p-1",
                "traits",
                Map.of("email", encrypt("traits.email", "ghoul@example.com"), "plan", "gold", "visits", 3L));

        assertThat(shown).isEqualTo(Map.of("email", Disclosure.MASKED, "plan", "gold", "visits", 3L));
        assertThat(audit).isEmpty();
    }

    @Test
    void revealingDecryptsThroughTheCallersReaderAndReportsEachDecryption() {
        AccessContext officer = AccessContext.of("user:olga", "access-request-1");
        Disclosure revealing = Disclosure.revealing(vault.reader(officer), FIELDS);

        Object shown = revealing.show(
                "p-1",
                "traits",
                Map.of(
                        "email", encrypt("traits.email", "ghoul@example.com"),
                        "address", Map.of("city", encrypt("traits.address.city", "Oslo"))));

        assertThat(shown).isEqualTo(Map.of("email", "ghoul@example.com", "address", Map.of("city", "Oslo")));
        assertThat(audit).hasSize(2).allSatisfy(event -> {
            assertThat(event.access()).isEqualTo(officer);
            assertThat(event.outcome()).isEqualTo(DecryptionEvent.Outcome.DECRYPTED);
        });
        assertThat(revealing.revealed()).isTrue();
    }

    @Test
    void valuesOfErasedSubjectsReadErasedAndValuesOfOtherFieldsUnreadable() {
        String email = encrypt("traits.email", "ghoul@example.com");
        Disclosure wrongField = Disclosure.revealing(vault.reader(AccessContext.of("user:olga", "check")), FIELDS);
        assertThat(wrongField.show("p-1", "traits.phone", email)).isEqualTo(Disclosure.UNREADABLE);

        vault.shred(SUBJECT, new ShredRequest("privacy-officer:olga", "erasure-1"));
        Disclosure revealing = Disclosure.revealing(vault.reader(AccessContext.of("user:olga", "check")), FIELDS);

        assertThat(revealing.show("p-1", "traits.email", email)).isEqualTo(Disclosure.ERASED);
        assertThat(revealing.erasedSeen()).isTrue();
        assertThat(new VaultTraitComparator(vault, FIELDS).same("p-1", "email", email, "v1.notaciphertext"))
                .isFalse();
    }
}
