package com.monstermart.cdp.pii.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.event.BlindIndexInput;
import com.monstermart.cdp.event.CanonicalIdentifier;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierSettings;
import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.event.StoredIdentifier;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.BlindIndex;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithCdpStack("postgres")
class BlindIndexTest {
    private static final IdentifierNormaliser IDENTIFIERS = new IdentifierNormaliser(new IdentifierSettings("US"));

    @TempDir
    Path keys;

    @Test
    void theIndexIsStableAcrossRestartsAndEqualForEquivalentSpellings(CdpStack stack) {
        KeyEncryptionKey kek = Vaults.kek(keys, "kek");
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_blind")) {
            BlindIndex email;
            BlindIndex phone;
            try (TinkPiiVault vault = Vaults.onDatabase(database, kek).build()) {
                email = index(vault, "email", "  Monster@Example.COM ");
                phone = index(vault, "phone", "(201) 555-0123");
                assertThat(vault.blindIndex(email("monster@example.com"))).isEqualTo(email);
                assertThat(vault.blindIndex(phone("+1 201-555-0123"))).isEqualTo(phone);
                assertThat(vault.blindIndex(email("other@example.com"))).isNotEqualTo(email);
            }
            try (TinkPiiVault restarted = Vaults.onDatabase(database, kek).build()) {
                assertThat(restarted.blindIndex(email("monster@example.com"))).isEqualTo(email);
                assertThat(restarted.blindIndex(phone("2015550123"))).isEqualTo(phone);
            }
            assertThat(email.bytes()).hasSize(16);
            assertThat(email.text()).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(BlindIndex.fromText(email.text())).isEqualTo(email);
        }
    }

    @Test
    void differentIndexKeysGiveDifferentIndexes(CdpStack stack) {
        KeyEncryptionKey kek = Vaults.kek(keys, "kek");
        try (TestDatabase one = TestDatabase.migrated(stack, "pii_blind_one");
                TestDatabase two = TestDatabase.migrated(stack, "pii_blind_two");
                TinkPiiVault first = Vaults.onDatabase(one, kek).build();
                TinkPiiVault second = Vaults.onDatabase(two, kek).build();
                TinkPiiVault otherKeyName = Vaults.onDatabase(one, kek)
                        .settings(PiiVaultSettings.defaults().withBlindIndexKeyName("tenant-b"))
                        .build()) {
            BlindIndex index = first.blindIndex(email("monster@example.com"));

            assertThat(second.blindIndex(email("monster@example.com"))).isNotEqualTo(index);
            assertThat(otherKeyName.blindIndex(email("monster@example.com"))).isNotEqualTo(index);
        }
    }

    @Test
    void theKindIsPartOfTheIndex(CdpStack stack) {
        KeyEncryptionKey kek = Vaults.kek(keys, "kek");
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_blind_kind");
                TinkPiiVault vault = Vaults.onDatabase(database, kek).build()) {
            BlindIndex asEmail = vault.blindIndex(new BlindIndexInput("email", "a@b.example"));

            assertThat(asEmail)
                    .isNotEqualTo(vault.blindIndex(new BlindIndexInput("phone", "a@b.example")))
                    .isNotEqualTo(vault.blindIndex(new BlindIndexInput("identity_key", "a@b.example")));
        }
    }

    @Test
    void theStoredFormIsTheBlindIndexOfPersonalTypesAndTheValueOfOthers(CdpStack stack) {
        KeyEncryptionKey kek = Vaults.kek(keys, "kek");
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_blind_stored");
                TinkPiiVault vault = Vaults.onDatabase(database, kek).build()) {
            CanonicalIdentifier email = IDENTIFIERS.lookup("email", null, " Monster@Example.COM");
            CanonicalIdentifier customer = IDENTIFIERS.lookup("customer_id", "Shop", " C-42 ");

            assertThat(vault.storedForm(email))
                    .isEqualTo(new StoredIdentifier(
                            IdentifierType.EMAIL,
                            "global",
                            vault.blindIndex(new BlindIndexInput("email", "monster@example.com"))
                                    .text()));
            assertThat(vault.storedForm(customer))
                    .isEqualTo(new StoredIdentifier(IdentifierType.USER_ID, "shop", "C-42"));
            assertThatThrownBy(() -> vault.blindIndex(new BlindIndexInput("Email", "x")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static BlindIndex index(TinkPiiVault vault, String type, String raw) {
        return vault.blindIndex(IDENTIFIERS.lookup(type, null, raw).blindIndexInput());
    }

    private static BlindIndexInput email(String raw) {
        return IDENTIFIERS.lookup("email", null, raw).blindIndexInput();
    }

    private static BlindIndexInput phone(String raw) {
        return IDENTIFIERS.lookup("phone", null, raw).blindIndexInput();
    }
}
