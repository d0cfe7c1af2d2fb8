package com.monstermart.cdp.demoworld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @TempDir
    Path directory;

    private GenerationSummary generate(String name, long seed) {
        return DemoWorld.generate(DemoWorldSettings.builder()
                .customers(700)
                .days(20)
                .seed(seed)
                .liveWindow(Duration.ofHours(12))
                .outputDirectory(directory.resolve(name).resolve("out"))
                .dropDirectory(directory.resolve(name).resolve("drop"))
                .messyRowRate(0.01)
                .build());
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndDifferentSeedDoesNot() throws IOException {
        GenerationSummary first = generate("first", 7);
        GenerationSummary second = generate("second", 7);
        GenerationSummary other = generate("other", 8);

        Map<String, byte[]> firstFiles = files(directory.resolve("first"));
        Map<String, byte[]> secondFiles = files(directory.resolve("second"));
        assertThat(firstFiles.keySet()).isEqualTo(secondFiles.keySet());
        assertThat(firstFiles.keySet())
                .contains(
                        "out/truth/persons.csv",
                        "out/truth/records.csv",
                        "out/truth/sessions.csv",
                        "out/truth/parameters.json",
                        "drop/rees46-events-2026-10.csv.gz",
                        "drop/online-retail-ii-2026-10.csv");
        for (String name : firstFiles.keySet()) {
            assertThat(secondFiles.get(name)).as(name).isEqualTo(firstFiles.get(name));
        }
        assertThat(second.recordsBySource()).isEqualTo(first.recordsBySource());
        assertThat(second.rowsByTable()).isEqualTo(first.rowsByTable());
        assertThat(second.liveChanges()).isEqualTo(first.liveChanges());

        Map<String, byte[]> otherFiles = files(directory.resolve("other"));
        assertThat(otherFiles.get("out/truth/persons.csv")).isNotEqualTo(firstFiles.get("out/truth/persons.csv"));
        assertThat(otherFiles.get("out/truth/sessions.csv")).isNotEqualTo(firstFiles.get("out/truth/sessions.csv"));
        assertThat(other.persons()).isEqualTo(700);
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
