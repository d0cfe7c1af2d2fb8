package com.monstermart.cdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A command-line JVM ends on SIGTERM even when a shutdown hook is stuck (as one waiting for a held lock is). */
class TerminationTest {
    @Test
    void sigtermEndsAJvmWhoseShutdownHookIsStuck() throws Exception {
        Process process = stuckJvm(true);
        long begin = System.nanoTime();
        process.destroy(); // SIGTERM

        assertThat(process.waitFor(Termination.GRACE.toSeconds() + 10, TimeUnit.SECONDS))
                .as("ended after SIGTERM")
                .isTrue();
        assertThat(process.exitValue()).isEqualTo(128 + 15);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin))
                .isLessThanOrEqualTo(Termination.GRACE.toSeconds() + 5);
    }

    @Test
    void withoutTheHandlersTheSameJvmIgnoresSigterm() throws Exception {
        Process process = stuckJvm(false);
        try {
            process.destroy();
            assertThat(process.waitFor(Termination.GRACE.toSeconds() + 3, TimeUnit.SECONDS))
                    .as("a stuck hook keeps the plain JVM alive (what ./cdp status did)")
                    .isFalse();
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static Process stuckJvm(boolean handlers) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StuckMain.class.getName(),
                        Boolean.toString(handlers))
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("stuck");
        return process;
    }

    /** Waits for ever, with a shutdown hook that waits for ever too. */
    public static final class StuckMain {
        public static void main(String[] arguments) throws InterruptedException {
            if (Boolean.parseBoolean(arguments[0])) {
                Termination.exitPromptlyOnSignals();
            }
            CountDownLatch never = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            System.out.println("stuck");
            never.await();
        }
    }
}
