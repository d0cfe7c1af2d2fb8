package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in docs/event-contract.md are valid and survive a round trip. */
class ContractDocumentTest {
    private static final Pattern BLOCK = Pattern.compile("<!-- ([a-z-]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);

    @Test
    void canonicalExamplesAreValidEvents() throws IOException {
        List<String> examples = examples("canonical-event");

        assertThat(examples).hasSize(6);
        for (String json : examples) {
            CanonicalEvent event = EventJson.fromJson(json);
            assertThat(EventJson.fromBytes(EventJson.toBytes(event))).isEqualTo(event);
        }
    }

    @Test
    void everyTypeHasAnExample() throws IOException {
        assertThat(examples("canonical-event").stream()
                        .map(EventJson::fromJson)
                        .map(CanonicalEvent::type)
                        .distinct())
                .containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void deadLetterExampleIsValid() throws IOException {
        List<String> examples = examples("dead-letter");

        assertThat(examples).hasSize(1);
        DeadLetter letter = DeadLetterJson.fromBytes(examples.getFirst().getBytes(StandardCharsets.UTF_8));
        assertThat(letter.problems()).hasSize(2);
    }

    private static List<String> examples(String kind) throws IOException {
        String document = Files.readString(contract(), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(document);
        while (matcher.find()) {
            if (matcher.group(1).equals(kind)) {
                blocks.add(matcher.group(2));
            }
        }
        return blocks;
    }

    private static Path contract() {
        String home = System.getProperty("cdp.home");
        Path root = home == null || home.isBlank() ? Path.of("..") : Path.of(home);
        return root.resolve("docs/event-contract.md");
    }
}
