package com.monstermart.cdp.pii.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random values, unicode text and garbage against a vault over the in-memory store. */
class FieldEncryptionPropertiesTest {
    private static final Set<PiiVaultErrorCode> GARBAGE_CODES = EnumSet.of(
            PiiVaultErrorCode.MALFORMED_CIPHERTEXT,
            PiiVaultErrorCode.UNSUPPORTED_CIPHERTEXT_VERSION,
            PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING,
            PiiVaultErrorCode.DECRYPTION_FAILED);

    private static Path keys;
    private static TinkPiiVault vault;
    private static FieldReader reader;

    @BeforeContainer
    static void start() throws IOException {
        keys = Files.createTempDirectory("pii-vault-properties");
        vault = Vaults.inMemory(keys);
        reader = vault.reader(AccessContext.of("test", "properties"));
    }

    @AfterContainer
    static void stop() throws IOException {
        vault.close();
        try (var files = Files.walk(keys)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Property(tries = 300)
    void anyBytesRoundTrip(@ForAll("subjects") String subject, @ForAll("fields") FieldRef field, @ForAll byte[] value) {
        SubjectId id = SubjectId.of(subject);
        byte[] ciphertext = vault.encrypt(id, field, value);

        assertThat(((Decrypted.Value) reader.decrypt(id, field, ciphertext)).bytes())
                .isEqualTo(value);
    }

    @Property(tries = 300)
    void anyUnicodeTextRoundTripsInTextForm(
            @ForAll("subjects") String subject, @ForAll("fields") FieldRef field, @ForAll("text") String value) {
        SubjectId id = SubjectId.of(subject);
        String ciphertext = vault.encryptText(id, field, value);

        assertThat(ciphertext).startsWith("v1.");
        assertThat(reader.decrypt(id, field, ciphertext).textOr("?")).isEqualTo(value);
    }

    @Property(tries = 200)
    void anotherColumnNeverDecrypts(
            @ForAll("subjects") String subject,
            @ForAll("fields") FieldRef field,
            @ForAll("fields") FieldRef other,
            @ForAll byte[] value) {
        net.jqwik.api.Assume.that(!field.equals(other));
        SubjectId id = SubjectId.of(subject);
        byte[] ciphertext = vault.encrypt(id, field, value);

        assertThatThrownBy(() -> reader.decrypt(id, other, ciphertext))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.DECRYPTION_FAILED);
    }

    @Property(tries = 500)
    void garbageFailsWithACodeNeverAnotherException(@ForAll("subjects") String subject, @ForAll byte[] garbage) {
        SubjectId id = SubjectId.of(subject);
        vault.encrypt(id, Vaults.EMAIL, new byte[] {1});

        assertThatThrownBy(() -> reader.decrypt(id, Vaults.EMAIL, garbage))
                .isInstanceOf(PiiVaultException.class)
                .satisfies(e -> assertThat(GARBAGE_CODES).contains(((PiiVaultException) e).code()));
    }

    @Property(tries = 300)
    void flippingAnyBitIsDetected(@ForAll("subjects") String subject, @ForAll byte[] value, @ForAll int position) {
        SubjectId id = SubjectId.of(subject);
        byte[] ciphertext = vault.encrypt(id, Vaults.EMAIL, value);
        int bit = Math.floorMod(position, ciphertext.length * 8);
        ciphertext[bit / 8] ^= (byte) (1 << (bit % 8));

        assertThatThrownBy(() -> reader.decrypt(id, Vaults.EMAIL, ciphertext))
                .isInstanceOf(PiiVaultException.class)
                .satisfies(e -> assertThat(GARBAGE_CODES).contains(((PiiVaultException) e).code()));
    }

    private static boolean wellFormed(String text) {
        return java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank() && wellFormed(s));
    }

    @Provide
    Arbitrary<FieldRef> fields() {
        Arbitrary<String> names =
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank());
        return net.jqwik.api.Combinators.combine(names, names).as(FieldRef::new);
    }

    @Property(tries = 100)
    void textWithALoneSurrogateIsRefusedNotMangled(@ForAll("subjects") String subject, @ForAll("text") String value) {
        String broken = value + "\ud800";

        assertThatThrownBy(() -> vault.encryptText(SubjectId.of(subject), Vaults.EMAIL, broken))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("lone UTF-16 surrogate at index " + value.length());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).filter(FieldEncryptionPropertiesTest::wellFormed),
                Arbitraries.strings()
                        .withChars("äöüßéèñ漢字👾🧟‍♂️\u0301\u200d\u0000\r\n\t ")
                        .ofMaxLength(100)
                        .filter(FieldEncryptionPropertiesTest::wellFormed));
    }
}
