package com.monstermart.cdp.ingestion.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js scripts of {@code src/test/segment-sdk} with the real Segment SDK. The build copies them to
 * {@code target/segment-sdk} and installs the SDK there with {@code npm ci} from the committed lock file. Node.js
 * must be on {@code PATH}; without it (or the installed SDK) the test fails saying so, it never skips.
 */
public final class SegmentSdk {
    /** Where the build installs the scripts and the SDK (relative to the module: Surefire's working directory). */
    public static final Path DIRECTORY = Path.of("target", "segment-sdk");

    private static final int MINIMUM_NODE_MAJOR = 20;

    private SegmentSdk() {}

    /** Runs {@code node <script>} in {@link #DIRECTORY} with the given environment; returns its standard output. */
    public static String run(String script, Map<String, String> environment, Duration timeout) {
        Path node = node();
        Path sdk = DIRECTORY.resolve("node_modules/@segment/analytics-node/package.json");
        if (!Files.isRegularFile(sdk)) {
            fail("The Segment SDK is not installed in %s: the build installs it with npm ci in the phase"
                            .formatted(DIRECTORY.toAbsolutePath())
                    + " process-test-resources (./mvnw -pl ingestion-connectors process-test-resources)");
        }
        try {
            Path output = Files.createTempFile("segment-sdk-", ".out");
            Path errors = Files.createTempFile("segment-sdk-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(node.toString(), script)
                        .directory(DIRECTORY.toFile())
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    fail("node %s did not finish within %s; its errors: %s"
                            .formatted(script, timeout, Files.readString(errors, StandardCharsets.UTF_8)));
                }
                if (process.exitValue() != 0) {
                    fail("node %s exited with %d; its errors: %s"
                            .formatted(script, process.exitValue(), Files.readString(errors, StandardCharsets.UTF_8)));
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            return fail("Cannot run node %s: %s".formatted(script, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while node %s ran".formatted(script), e);
        }
    }

    /** The {@code node} executable on {@code PATH}, at least version 20 (the SDK's minimum). */
    static Path node() {
        String path = System.getenv("PATH");
        Path found = null;
        for (String directory : (path == null ? "" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "node");
            if (Files.isExecutable(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            return fail("Node.js is not on PATH (%s): the Segment SDK test needs node %d or newer and npm"
                            .formatted(path, MINIMUM_NODE_MAJOR)
                    + " (Debian: apt-get install nodejs npm)");
        }
        String version = version(found);
        int major = version.matches("v\\d+\\..*") ? Integer.parseInt(version.substring(1, version.indexOf('.'))) : 0;
        if (major < MINIMUM_NODE_MAJOR) {
            fail("%s is Node.js %s; the Segment SDK needs %d or newer".formatted(found, version, MINIMUM_NODE_MAJOR));
        }
        return found;
    }

    private static String version(Path node) {
        try {
            Process process = new ProcessBuilder(node.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(10, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            return fail("Cannot run %s --version: %s".formatted(node, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while asking %s for its version".formatted(node), e);
        }
    }
}
