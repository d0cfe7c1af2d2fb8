package com.monstermart.cdp.pii.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.BlindIndex;
import com.monstermart.cdp.pii.vault.api.IdentifierKind;
import com.monstermart.cdp.pii.vault.api.IdentifierNormaliser;
import com.monstermart.cdp.pii.vault.api.IdentifierNormalisers;
import com.monstermart.cdp.pii.vault.api.NormalisedIdentifier;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithCdpStack("postgres")
class BlindIndexTest {
    private static final IdentifierNormaliser EMAIL = IdentifierNormalisers.email();
    private static final IdentifierNormaliser PHONE = IdentifierNormalisers.phone("US");

    @TempDir
    Path keys;

    @Test
    void theIndexIsStableAcrossRestartsAndEqualForEquivalentSpellings(CdpStack stack) {
        KeyEncryptionKey kek = Vaults.kek(keys, "kek");
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_blind")) {
            BlindIndex email;
            BlindIndex phone;
            try (TinkPiiVault vault = Vaults.onDatabase(database, kek).build()) {
                email = vault.blindIndex(EMAIL, "  Monster@Example.COM ");
                phone = vault.blindIndex(PHONE, "(201) 555-0123");
                assertThat(vault.blindIndex(EMAIL, "monster@example.com")).isEqualTo(email);
                assertThat(vault.blindIndex(PHONE, "+1 201-555-0123")).isEqualTo(phone);
                assertThat(vault.blindIndex(EMAIL, "other@example.com")).isNotEqualTo(email);
            }
            try (TinkPiiVault restarted = Vaults.onDatabase(database, kek).build()) {
                assertThat(restarted.blindIndex(EMAIL, "monster@example.com")).isEqualTo(email);
                assertThat(restarted.blindIndex(PHONE, "2015550123")).isEqualTo(phone);
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
            BlindIndex index = first.blindIndex(EMAIL, "monster@example.com");

            assertThat(second.blindIndex(EMAIL, "monster@example.com")).isNotEqualTo(index);
            assertThat(otherKeyName.blindIndex(EMAIL, "monster@example.com")).isNotEqualTo(index);
        }
    }

    @Test
    void theKindIsPartOfTheIndex(CdpStack stack) {
        KeyEncryptionKey kek = Vaults.kek(keys, "kek");
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_blind_kind");
                TinkPiiVault vault = Vaults.onDatabase(database, kek).build()) {
            NormalisedIdentifier asEmail = EMAIL.normalise("a@b.example");
            NormalisedIdentifier asCustomerId =
                    IdentifierNormalisers.customerId().normalise("a@b.example");
            NormalisedIdentifier asOther = IdentifierNormalisers.trimmed(new IdentifierKind("loyalty_card"))
                    .normalise("a@b.example");

            assertThat(vault.blindIndex(asEmail))
                    .isNotEqualTo(vault.blindIndex(asCustomerId))
                    .isNotEqualTo(vault.blindIndex(asOther));
        }
    }
}
