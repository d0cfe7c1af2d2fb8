package com.monstermart.cdp.ingestion.contract;

import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.file.FileState;
import com.monstermart.cdp.ingestion.persistence.JdbcFileStateStore;
import com.monstermart.cdp.ingestion.testing.Sources;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

@QuarkusTest
class FileContractTest extends SourceContractTest {
    @Inject
    JdbcFileStateStore states;

    private Path directory;

    @Override
    protected SourceKind kind() {
        return SourceKind.FILE;
    }

    @Override
    protected String createSource() {
        String id = Sources.uniqueId("contract-files");
        try {
            directory = Files.createTempDirectory("contract-files");
            Files.writeString(directory.resolve("touchpoints-1.csv"), "n,user\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.create(SpecJson.readYaml("""
                        id: %s
                        kind: file
                        namespace: files
                        files:
                          directory: %s
                          pollInterval: 100ms
                          patterns:
                            - glob: "touchpoints-*.csv"
                              events: [{type: track, event: Product Viewed, userId: "u${n}", properties: {n: "${n|int}"}}]
                        """.formatted(id, directory), SourceSpec.class, "test"), "contract test");
        return id;
    }

    @Override
    protected void produce(String id, int from, int count) {
        StringBuilder lines = new StringBuilder();
        for (int n = from; n < from + count; n++) {
            lines.append(n).append(",u").append(n).append('\n');
        }
        try {
            Files.writeString(directory.resolve("touchpoints-1.csv"), lines, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileState saved;

    @Override
    protected void started(String id) {
        saved = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> states.find(id, "touchpoints-1.csv"), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Rewinds the file's position to before the touchpoints, as a crash before saving it would. */
    @Override
    protected void replay(String id) {
        registry.pause(id, "contract test");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> registry.status(id).state() == com.monstermart.cdp.ingestion.core.SourceState.PAUSED);
        states.save(saved);
        registry.resume(id, "contract test");
    }
}
