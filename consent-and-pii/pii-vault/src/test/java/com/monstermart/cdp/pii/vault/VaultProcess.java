package com.monstermart.cdp.pii.vault;

import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.eviction.KafkaKeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A second vault process for {@link SecondJvmShredTest}: reads {@code decrypt <subject> <ciphertext>} lines and answers
 * {@code value <text>}, {@code erased <key id>} or {@code error <code>}.
 *
 * <p>Arguments: JDBC URL, user, password, KEK file, Kafka bootstrap servers, topic, key event poll interval (ms).
 */
public final class VaultProcess {
    private VaultProcess() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (TinkPiiVault vault = PiiVaults.builder()
                .dataSource(dataSource)
                .keyEncryptionKey(LocalKeysetKek.open(Path.of(args[3])))
                .evictionBus(new KafkaKeyEvictionBus(args[4], args[5], Map.of(), Duration.ofSeconds(30)))
                .settings(PiiVaultSettings.defaults()
                        .withCacheTimeToLive(Duration.ofHours(1))
                        .withEventPollInterval(Duration.ofMillis(Long.parseLong(args[6]))))
                .auditor(DecryptionAuditor.discarding())
                .build()) {
            FieldReader reader = vault.reader(AccessContext.of("second-jvm", "test"));
            out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.split(" ");
                if (!parts[0].equals("decrypt")) {
                    out.println("error unknown-command");
                    continue;
                }
                try {
                    Decrypted decrypted = reader.decrypt(SubjectId.of(parts[1]), Vaults.EMAIL, parts[2]);
                    out.println(
                            switch (decrypted) {
                                case Decrypted.Value value -> "value " + value.text();
                                case Decrypted.Erased erased -> "erased " + erased.keyId();
                            });
                } catch (PiiVaultException e) {
                    out.println("error " + e.code());
                }
            }
        }
    }
}
