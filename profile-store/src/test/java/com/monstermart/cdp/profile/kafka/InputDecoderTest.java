package com.monstermart.cdp.profile.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.profile.core.IdentifierKey;
import com.monstermart.cdp.profile.core.InputRecord;
import com.monstermart.cdp.profile.core.ProfileChange;
import com.monstermart.cdp.profile.core.ProfileChange.SplitPart;
import com.monstermart.cdp.profile.testing.ResolvedEvents;
import com.monstermart.cdp.profile.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputDecoderTest {
    private final InputDecoder decoder = new InputDecoder("events", "changes");

    private InputRecord decode(String topic, String json) {
        return decoder.decode(topic, 0, 7, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsResolvedEventsWithTheirProfileId() {
        byte[] json = ResolvedEvents.json(
                TestEvents.identify("p-1", "m-1", TestEvents.T0, Map.of("email", TestEvents.cipher("a"))));

        InputRecord record = decoder.decode("events", 1, 42, json);

        assertThat(record).isInstanceOfSatisfying(InputRecord.EventRecord.class, event -> {
            assertThat(event.event().profileId()).isEqualTo("p-1");
            assertThat(event.event().messageId()).isEqualTo("m-1");
            assertThat(event.position().partition()).isEqualTo(1);
            assertThat(event.position().offset()).isEqualTo(42);
        });
    }

    @Test
    void readsIdentityResolutionsBlindIndexedIdentifiers() {
        String json = new String(
                        ResolvedEvents.json(TestEvents.page("p-1", "m-1", TestEvents.T0)), StandardCharsets.UTF_8)
                .replace(
                        "\"identifiers\":[]",
                        "\"identifiers\":[{\"type\":\"email\",\"namespace\":\"global\",\"value\":\"Zm9vYmFyYmF6\","
                                + "\"blindIndexed\":true}]");

        InputRecord record = decode("events", json);

        assertThat(record).isInstanceOfSatisfying(InputRecord.EventRecord.class, event -> assertThat(
                        event.event().event().identifiers())
                .singleElement()
                .satisfies(hint -> assertThat(hint.value()).isEqualTo("Zm9vYmFyYmF6")));
    }

    @Test
    void anEventWithoutProfileIdOrInvalidIsUnreadableWithoutQuotingIt() {
        InputRecord missing = decode("events", "{\"type\":\"page\",\"messageId\":\"secret@example.com\"}");
        InputRecord malformed = decode("events", "{not json");
        InputRecord tombstone = decoder.decode("events", 0, 1, null);

        assertThat(List.of(missing, malformed, tombstone)).allSatisfy(record -> assertThat(record)
                .isInstanceOfSatisfying(InputRecord.Unreadable.class, bad -> assertThat(bad.reason())
                        .doesNotContain("secret")));
    }

    @Test
    void readsTheChangeMessagesIdentityResolutionPublishes() {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(change("""
                        {"type":"profile-created","profileId":"p-1","messageId":"m-1","at":"2026-11-21T10:00:00Z"}""")).isEqualTo(new ProfileChange.ProfileCreated("p-1", at));
        assertThat(change("""
                        {"type":"profiles-merged","profileId":"p-1","mergedId":"p-2","at":"2026-11-21T10:00:00Z",
                         "evidence":{"kind":"OBSERVED","messageId":"m-9","rule":"email","score":1.0,
                                     "fromType":"email","toType":"user_id"}}""")).isEqualTo(new ProfileChange.ProfilesMerged("p-1", "p-2", at));
        assertThat(change("""
                        {"type":"profile-split","profileId":"p-1","created":["p-3"],"reason":"unmerge","actor":"a",
                         "at":"2026-11-21T10:00:00Z","parts":[{"profileId":"p-3","identifiers":
                         [{"type":"email","namespace":"global","value":"bi-x"}]}]}"""))
                .isEqualTo(new ProfileChange.ProfileSplit(
                        "p-1",
                        List.of(new SplitPart("p-3", List.of(new IdentifierKey("email", "global", "bi-x")))),
                        "unmerge",
                        at));
        assertThat(change("""
                        {"type":"profile-split","profileId":"p-1","created":["p-4"],"reason":"rule-change",
                         "at":"2026-11-21T10:00:00Z"}"""))
                .isEqualTo(new ProfileChange.ProfileSplit(
                        "p-1", List.of(new SplitPart("p-4", List.of())), "rule-change", at));
        assertThat(change("""
                        {"type":"profile-erased","profileId":"p-1","at":"2026-11-21T10:00:00Z"}""")).isEqualTo(new ProfileChange.ProfileErased("p-1", at));
    }

    @Test
    void anUnknownChangeTypeIsUnreadable() {
        assertThat(decode(
                        "changes",
                        "{\"type\":\"profile-renamed\",\"profileId\":\"p\",\"at\":\"2026-11-21T10:00:00Z\"}"))
                .isInstanceOfSatisfying(InputRecord.Unreadable.class, bad -> assertThat(bad.reason())
                        .isEqualTo("invalid: IllegalArgumentException"));
    }

    private ProfileChange change(String json) {
        InputRecord record = decode("changes", json);
        assertThat(record).isInstanceOf(InputRecord.ChangeRecord.class);
        return ((InputRecord.ChangeRecord) record).change();
    }
}
