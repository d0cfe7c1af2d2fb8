package com.monstermart.cdp.demoworld.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.demoworld.DemoWorldException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path directory;

    @Test
    void helpListsTheOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = GenerateCommand.run(new String[] {"--help"}, new PrintStream(out), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--customers N", "--realtime", "--collector-url URL", "--no-postgres");
    }

    @Test
    void unknownOptionsAndMissingValuesAreExplained() {
        assertThatThrownBy(() -> GenerateCommand.run(new String[] {"--colour"}, System.out, System.err))
                .isInstanceOf(DemoWorldException.class)
                .hasMessage("Unknown option '--colour'. Run ./cdp generate --help");
        assertThatThrownBy(() -> GenerateCommand.run(new String[] {"--customers"}, System.out, System.err))
                .hasMessage("Option --customers needs a value. Run ./cdp generate --help");
        assertThatThrownBy(() -> GenerateCommand.run(new String[] {"--days", "many"}, System.out, System.err))
                .hasMessage("--days needs a whole number, got 'many'");
        assertThatThrownBy(() -> GenerateCommand.run(
                        new String[] {"--collector-url", "http://127.0.0.1:1", "--no-postgres", "--no-mariadb"},
                        System.out,
                        System.err))
                .hasMessage("--collector-url and --write-key go together");
    }

    @Test
    void generatesFilesAndPrintsTheSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GenerateCommand.run(
                new String[] {
                    "--customers",
                    "200",
                    "--days",
                    "7",
                    "--seed",
                    "1",
                    "--no-postgres",
                    "--no-mariadb",
                    "--output",
                    directory.resolve("out").toString(),
                    "--drop-dir",
                    directory.resolve("drop").toString()
                },
                new PrintStream(out),
                new PrintStream(err));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("True persons:           200", "Expected duplicates:", "shop.customers", "Segment events:");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Simulating customers", "100%");
        assertThat(Files.exists(directory.resolve("out/truth/parameters.json"))).isTrue();
    }
}
