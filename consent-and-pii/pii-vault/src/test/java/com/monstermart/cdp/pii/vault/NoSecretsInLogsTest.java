package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.event.BlindIndexInput;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierSettings;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the vault logs or throws, while it handles distinctive plaintext, holds none of it nor key bytes. */
class NoSecretsInLogsTest {
    private static final String EMAIL_VALUE = "Zyzzyva.Quux@Example.ORG";
    private static final String PHONE_VALUE = "+61 3 9123 4567";

    @TempDir
    Path keys;

    @Test
    void neitherLogsNorExceptionsCarryPlaintextOrKeys() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getParameters() == null
                        ? record.getMessage()
                        : MessageFormat.format(record.getMessage(), record.getParameters());
                logged.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("com.monstermart.cdp.pii");
        Level previous = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        List<String> messages = new ArrayList<>();
        try {
            KeyEncryptionKey kek = Vaults.kek(keys, "kek");
            KeyEncryptionKey next = Vaults.kek(keys, "next");
            InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
            try (TinkPiiVault vault = PiiVaults.builder()
                    .keyStore(store)
                    .keyEncryptionKey(kek)
                    .auditor(event -> logged.add(event.toString()))
                    .build()) {
                SubjectId subject = newSubject();
                String email = vault.encryptText(subject, EMAIL, EMAIL_VALUE);
                vault.encryptText(subject, Vaults.PHONE, PHONE_VALUE);
                vault.reader(AccessContext.of("test", "logs")).decrypt(subject, EMAIL, email);
                messages.add(failure(
                        () -> vault.reader(AccessContext.of("test", "logs")).decrypt(subject, Vaults.PHONE, email)));
                messages.add(failure(
                        () -> vault.reader(AccessContext.of("test", "logs")).decrypt(newSubject(), EMAIL, email)));
                messages.add(failure(
                        () -> vault.reader(AccessContext.of("test", "logs")).decrypt(subject, EMAIL, EMAIL_VALUE)));
                messages.add(failure(() ->
                        new IdentifierNormaliser(new IdentifierSettings("US")).lookup("phone", null, EMAIL_VALUE)));
                messages.add(failure(() ->
                        new IdentifierNormaliser(IdentifierSettings.defaults()).lookup("email", null, PHONE_VALUE)));
                vault.blindIndex(new BlindIndexInput("email", EMAIL_VALUE));
                vault.blindIndex(new BlindIndexInput("email", EMAIL_VALUE)).toString();
                vault.shred(subject, ShredRequest.of("test", "logs"));
                messages.add(failure(() -> vault.encryptText(subject, EMAIL, EMAIL_VALUE)));
            }
            try (TinkPiiVault rotating = PiiVaults.builder()
                    .keyStore(store)
                    .keyEncryptionKey(next)
                    .previousKeyEncryptionKeys(List.of(kek))
                    .auditor(event -> logged.add(event.toString()))
                    .build()) {
                rotating.encryptText(newSubject(), EMAIL, EMAIL_VALUE);
                rotating.rotateKeyEncryptionKey();
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(previous);
        }

        List<String> everything = new ArrayList<>(logged);
        everything.addAll(messages);
        assertThat(logged).isNotEmpty();
        List<String> secrets = new ArrayList<>(
                List.of(EMAIL_VALUE, EMAIL_VALUE.toLowerCase(java.util.Locale.ROOT), PHONE_VALUE, "+61391234567"));
        secrets.addAll(keyValues(keys.resolve("kek.json")));
        secrets.addAll(keyValues(keys.resolve("next.json")));
        for (String line : everything) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }

    private static String failure(Runnable action) {
        try {
            action.run();
            throw new AssertionError("expected a failure");
        } catch (PiiVaultException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The base64 key material in a Tink JSON keyset file. */
    private static List<String> keyValues(Path file) throws Exception {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"value\":\\s*\"([^\"]+)\"").matcher(Files.readString(file));
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        assertThat(values).isNotEmpty();
        return values;
    }
}
