package com.monstermart.cdp.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.console.ConsoleStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser tests ({@code src/test/browser}, node's test runner with Playwright driving Debian's Chromium)
 * against this console, signed in through the real Keycloak, reading from the real services. Their output is printed;
 * screenshots and measurements are in {@code target/browser-tests/artifacts}.
 */
@QuarkusTest
@QuarkusTestResource(ConsoleStack.class)
class ConsoleBrowserTest {
    private static final Path DIRECTORY = Path.of("target", "browser-tests");
    private static final long TIMEOUT_MINUTES = 20;

    @TestHTTPResource("/")
    URL console;

    @ConfigProperty(name = "cdp.test.collector-url")
    String collectorUrl;

    @ConfigProperty(name = "cdp.test.write-key")
    String writeKey;

    @Test
    void everyRoleUsesItsScreensInABrowser() throws IOException, InterruptedException {
        assertThat(DIRECTORY.resolve("node_modules").resolve("playwright-core"))
                .as("npm ci ran in %s (the Maven build does it in process-test-resources)", DIRECTORY)
                .isDirectory();
        Path chromium = Path.of(System.getProperty("cdp.chromium", "/usr/bin/chromium"));
        assertThat(chromium)
                .as("Debian's Chromium (apt-get install chromium; .ci/run does)")
                .isExecutable();
        List<String> command = new ArrayList<>(
                List.of("node", "--test", "--test-concurrency=1", "--test-timeout=900000", "--test-reporter=spec"));
        command.add("console.test.mjs");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true);
        builder.environment().put("CONSOLE_URL", console.toString().replace("localhost", "127.0.0.1"));
        builder.environment().put("COLLECTOR_URL", collectorUrl);
        builder.environment().put("WRITE_KEY", writeKey);
        builder.environment().put("ARTIFACTS", "artifacts");
        builder.environment().put("CHROMIUM", chromium.toString());
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(line -> {
                System.out.println("[browser] " + line);
                output.append(line).append('\n');
            });
        }
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished)
                .as("the browser tests ended within %d minutes", TIMEOUT_MINUTES)
                .isTrue();
        assertThat(process.exitValue()).as("browser tests:%n%s", output).isZero();
        assertThat(DIRECTORY.resolve("artifacts").resolve("live-sales-latency.json"))
                .exists();
        try (var screenshots = Files.list(DIRECTORY.resolve("artifacts").resolve("screenshots"))) {
            assertThat(screenshots.count()).isGreaterThanOrEqualTo(10);
        }
    }
}
