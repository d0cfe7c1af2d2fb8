package com.monstermart.cdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessControlTest {
    @TempDir
    Path directory;

    @Test
    void stopTakesDownTheProcessAndEverythingItForked() throws Exception {
        ProcessControl processes = new ProcessControl(directory.resolve("run"));
        // Like kc.sh, a shell that forks a long-running child and waits for it.
        ProcessHandle shell = processes.start(new ProcessControl.Launch(
                "forking",
                List.of("bash", "-c", "sleep 600 & sleep 600 & wait"),
                directory,
                Map.of(),
                directory.resolve("forking.log")));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> shell.descendants().count() == 2);
        List<ProcessHandle> children = shell.descendants().toList();

        assertThat(processes.running("forking")).contains(shell);
        assertThat(processes.stop("forking", Duration.ofSeconds(5))).isTrue();

        assertThat(shell.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(processes.running("forking")).isEmpty();
        assertThat(directory.resolve("run/forking.pid")).doesNotExist();
    }

    @Test
    void pidFileOfAnotherProcessIsNotTrusted() throws Exception {
        ProcessControl processes = new ProcessControl(directory);
        // The pid is alive (this JVM) but started at another time: a recycled pid after a reboot.
        Files.writeString(
                directory.resolve("stale.pid"), ProcessHandle.current().pid() + " 1\n");
        assertThat(processes.running("stale")).isEmpty();
        processes.forgetIfDead("stale");
        assertThat(directory.resolve("stale.pid")).doesNotExist();
    }

    @Test
    void logOfThePreviousRunIsKept() throws Exception {
        ProcessControl processes = new ProcessControl(directory);
        Path log = directory.resolve("echo.log");
        for (String word : List.of("first", "second")) {
            ProcessHandle handle =
                    processes.start(new ProcessControl.Launch("echo", List.of("echo", word), directory, Map.of(), log));
            handle.onExit().get();
        }
        assertThat(Files.readString(log)).contains("second");
        assertThat(Files.readString(directory.resolve("echo.log.1"))).contains("first");
    }
}
