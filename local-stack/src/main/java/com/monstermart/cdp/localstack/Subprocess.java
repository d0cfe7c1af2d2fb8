package com.monstermart.cdp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short-lived helper commands (initdb, chown, kill). */
final class Subprocess {
    private Subprocess() {}

    /** Runs a command to completion; a failure says what it was for and what the command printed. */
    static String run(List<String> command, Duration timeout, String purpose) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException("%s did not finish within %s".formatted(purpose, timeout));
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new StackException("%s failed (exit code %d): %s".formatted(purpose, process.exitValue(), text));
            }
            return text;
        } catch (IOException e) {
            throw new StackException("%s could not run: %s".formatted(purpose, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(purpose + " was interrupted", e);
        }
    }

    /** Sends a signal by name (INT, TERM...); a process that is already gone is not an error. */
    static void signal(long pid, String signal) {
        try {
            Process process = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new StackException("Cannot signal process %d: %s".formatted(pid, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
