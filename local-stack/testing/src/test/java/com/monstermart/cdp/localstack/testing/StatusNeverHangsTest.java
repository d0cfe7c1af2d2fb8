package com.monstermart.cdp.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./cdp status} against the real servers, each round in a fresh JVM (so every client class is initialised
 * for the first time, in parallel, as when it hung) with two carrier threads, two rounds at a time: every round ends
 * within the status deadline plus a JVM's start. Rounds: {@code -Dcdp.status-rounds=N} (default 4; see
 * docs/benchmarks.md for long runs).
 */
@WithCdpStack({"postgres", "mariadb", "kafka", "greenmail", "keycloak", "trino"})
class StatusNeverHangsTest {
    /** The launcher's status deadline (50 s) plus room for the JVM's start on a loaded machine. */
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(90);

    @Test
    void statusInFreshJvmsWithTwoCarriersAlwaysEnds(CdpStack stack) throws Exception {
        int rounds = Integer.getInteger("cdp.status-rounds", 4);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pairs = Executors.newFixedThreadPool(2)) {
            for (int round = 1; round <= rounds; round++) {
                int number = round;
                results.add(pairs.submit(() -> round(stack, number)));
            }
            for (Future<String> result : results) {
                String output = result.get();
                for (String server : LocalStack.SERVERS) {
                    assertThat(output).as(output).containsPattern("(?m)^" + server + " +(healthy|unhealthy) ");
                }
            }
        }
    }

    private static String round(CdpStack stack, int round) throws Exception {
        Path output = Files.createTempFile("cdp-status-" + round, ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Djdk.virtualThreadScheduler.parallelism=2",
                            "-Djdk.virtualThreadScheduler.maxPoolSize=2",
                            "-XX:ActiveProcessorCount=2",
                            "-Djava.util.logging.manager=java.util.logging.LogManager",
                            "-Dcdp.home=" + CdpStack.home(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "com.monstermart.cdp.localstack.cli.Cdp",
                            "status")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(stack.environment());
            Process process = builder.start();
            boolean ended = process.waitFor(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(ended)
                    .as(
                            "round %d of ./cdp status ended within %d s (output so far: %s)",
                            round, ROUND_LIMIT.toSeconds(), text)
                    .isTrue();
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
