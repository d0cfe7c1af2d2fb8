package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.eviction.KafkaKeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real second JVM with a warm cache sees a shred within seconds (Kafka broadcast, and the key event poll alone). */
@WithCdpStack({"postgres", "kafka"})
class SecondJvmShredTest {
    @TempDir
    Path directory;

    @Test
    void aShredReachesASecondJvmThroughKafka(CdpStack stack) throws Exception {
        shredIsSeenByASecondJvm(stack, Duration.ofHours(1));
    }

    @Test
    void aShredReachesASecondJvmThroughTheKeyEventLogAlone(CdpStack stack) throws Exception {
        shredIsSeenByASecondJvm(stack, Duration.ofSeconds(1));
    }

    /** With an hour-long poll interval only the broadcast can evict; with no broadcast received, only the poll. */
    private void shredIsSeenByASecondJvm(CdpStack stack, Duration childPollInterval) throws Exception {
        Path kekFile = directory.resolve("kek.json");
        LocalKeysetKek.openOrCreate(kekFile);
        String topic = stack.createTopic("pii_second_jvm", 1);
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        boolean broadcast = childPollInterval.compareTo(Duration.ofMinutes(1)) > 0;
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_second_jvm");
                TinkPiiVault vault = Vaults.onDatabase(database, LocalKeysetKek.open(kekFile))
                        .evictionBus(
                                broadcast
                                        ? new KafkaKeyEvictionBus(bootstrap, topic, Map.of(), Duration.ofSeconds(30))
                                        : com.monstermart.cdp.pii.vault.eviction.KeyEvictionBus.none())
                        .build();
                Child child = Child.start(
                        directory,
                        database.jdbcUrl(),
                        database.user(),
                        database.password(),
                        kekFile.toString(),
                        bootstrap,
                        topic,
                        Long.toString(childPollInterval.toMillis()))) {
            SubjectId subject = newSubject();
            String ciphertext = vault.encryptText(subject, EMAIL, "second-jvm@example.com");
            assertThat(child.ask("decrypt " + subject + " " + ciphertext)).isEqualTo("value second-jvm@example.com");

            vault.shred(subject, ShredRequest.of("test", "second jvm"));

            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> child.ask("decrypt " + subject + " " + ciphertext)
                            .equals("erased " + Ciphertexts.keyId(ciphertext)));
        }
    }

    /** The child JVM, talking line by line. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final PrintStream in;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Path errors;

        private Child(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
            this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("error io " + e.getMessage());
                }
            });
        }

        static Child start(Path directory, String... arguments) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                    VaultProcess.class.getName()));
            command.addAll(List.of(arguments));
            Path errors = directory.resolve("child-" + System.nanoTime() + ".log");
            Process process =
                    new ProcessBuilder(command).redirectError(errors.toFile()).start();
            Child child = new Child(process, errors);
            String first = child.next(Duration.ofSeconds(60));
            assertThat(first).as("child start; its log: %s", child.log()).isEqualTo("ready");
            return child;
        }

        String ask(String command) throws Exception {
            in.println(command);
            return next(Duration.ofSeconds(20));
        }

        private String next(Duration timeout) throws Exception {
            String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("The child JVM did not answer; its log: " + log());
            }
            return line;
        }

        private String log() throws IOException {
            return Files.exists(errors) ? Files.readString(errors) : "";
        }

        @Override
        public void close() throws Exception {
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
