package com.monstermart.cdp.profile.core;

import static com.monstermart.cdp.profile.testing.TestEvents.T0;
import static com.monstermart.cdp.profile.testing.TestEvents.at;
import static com.monstermart.cdp.profile.testing.TestEvents.change;
import static com.monstermart.cdp.profile.testing.TestEvents.cipher;
import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.profile.core.ProfileChange.ProfileErased;
import com.monstermart.cdp.profile.core.ProfileChange.ProfileSplit;
import com.monstermart.cdp.profile.core.ProfileChange.ProfilesMerged;
import com.monstermart.cdp.profile.core.ProfileChange.SplitPart;
import com.monstermart.cdp.profile.core.ProfileStoreTables.History;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Identities;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Products;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Profiles;
import com.monstermart.cdp.profile.testing.FakeTables;
import com.monstermart.cdp.profile.testing.InMemoryStateStore;
import com.monstermart.cdp.profile.testing.TestEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchProcessorTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final FakeTables tables = new FakeTables();
    private final MessageIdIndex messageIds = new MessageIdIndex(1000);
    private final BatchProcessor processor = processor(messageIds);

    private BatchProcessor processor(MessageIdIndex index) {
        return new BatchProcessor(
                store,
                tables,
                new EventRows(List.of()),
                index,
                TraitComparator.EQUALS,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** One batch as the service runs it: tables first, then the hot store. */
    private BatchResult batch(InputRecord... records) {
        return batch(processor, records);
    }

    private BatchResult batch(BatchProcessor batchProcessor, InputRecord... records) {
        batchProcessor.begin(tables.watermarks(store.committedOffsets()));
        batchProcessor.accept(Arrays.asList(records));
        BatchResult result = batchProcessor.finish();
        tables.commit(result.stateChanges().offsets());
        store.commit(result.stateChanges());
        return result;
    }

    @Test
    void writesEveryEventOnceAndSkipsDuplicateMessageIds() {
        ResolvedEvent page = TestEvents.page("p-1", "m-1", T0);
        BatchResult first = batch(at(0, 0, page), at(0, 1, TestEvents.page("p-1", "m-2", T0.plusSeconds(5))));
        BatchResult second = batch(at(0, 2, page));

        assertThat(tables.rows(ProfileStoreTables.EVENTS, "message_id"))
                .extracting(row -> row.get("message_id"))
                .containsExactly("m-1", "m-2");
        assertThat(first.counters().eventRows()).isEqualTo(2);
        assertThat(second.counters().duplicates()).isEqualTo(1);
        assertThat(store.profile("p-1").eventCount()).isEqualTo(2);
        assertThat(store.committedOffsets()).containsEntry(new StreamPartition(TestEvents.EVENTS_TOPIC, 0), 2L);
    }

    @Test
    void foldsTraitsNewestFirstAndKeepsTheirHistory() {
        batch(at(0, 0, TestEvents.identify("p-1", "m-1", T0, Map.of("email", cipher("a"), "country", "NL"))));
        batch(at(0, 1, TestEvents.identify("p-1", "m-2", T0.plusSeconds(60), Map.of("email", cipher("b")))));
        // A late event with an older timestamp does not overwrite the newer email.
        batch(at(0, 2, TestEvents.identify("p-1", "m-3", T0.minusSeconds(60), Map.of("email", cipher("old")))));

        assertThat(tables.rows(ProfileStoreTables.PROFILES, Profiles.PROFILE_ID, "email", "country", "version"))
                .containsExactly(Map.of("profile_id", "p-1", "email", cipher("b"), "country", "NL", "version", 2));
        assertThat(tables.rows(
                        ProfileStoreTables.PROFILE_HISTORY,
                        History.VERSION,
                        History.VALID_FROM,
                        History.VALID_TO,
                        History.IS_CURRENT,
                        History.CHANGE,
                        "email"))
                .containsExactlyInAnyOrder(
                        history(1, T0, T0.plusSeconds(60), false, "created", cipher("a")),
                        history(2, T0.plusSeconds(60), null, true, "traits", cipher("b")));
        ProfileState state = store.profile("p-1");
        assertThat(state.eventCount()).isEqualTo(3);
        assertThat(state.firstSeenAt()).contains(T0.minusSeconds(60));
    }

    @Test
    void aGroupEventKeepsItsGroupInTheEventRowAndItsTraitsOutOfTheProfile() {
        batch(at(0, 0, TestEvents.identify("p-1", "m-1", T0, Map.of("email", cipher("a"), "name", cipher("Ann")))));
        batch(at(
                0,
                1,
                TestEvents.group(
                        "p-1",
                        "m-2",
                        T0.plusSeconds(60),
                        "guild-7",
                        Map.of("name", cipher("The Fen Guild"), "email", cipher("office"), "employees", 12L))));

        List<Map<String, Object>> events =
                tables.rows(ProfileStoreTables.EVENTS, "message_id", "type", "group_id", "traits");
        assertThat(events).extracting(row -> row.get("type")).containsExactly("identify", "group");
        assertThat(events).extracting(row -> row.get("group_id")).containsExactly(null, "guild-7");
        assertThat((String) events.get(1).get("traits"))
                .contains("\"name\":\"enc:v1:The Fen Guild\"", "\"email\":\"enc:v1:office\"", "\"employees\":12");
        assertThat(tables.rows(ProfileStoreTables.PROFILES, Profiles.PROFILE_ID, "email", "name", "version"))
                .containsExactly(
                        Map.of("profile_id", "p-1", "email", cipher("a"), "name", cipher("Ann"), "version", 1));
        assertThat(store.profile("p-1").eventCount()).isEqualTo(2);
        assertThat(store.profile("p-1").traits()).containsOnlyKeys("email", "name");
    }

    @Test
    void versionsOpenedAndClosedWithinOneBatchAreWrittenClosed() {
        batch(
                at(0, 0, TestEvents.identify("p-1", "m-1", T0, Map.of("email", cipher("a")))),
                at(0, 1, TestEvents.identify("p-1", "m-2", T0.plusSeconds(1), Map.of("email", cipher("b")))),
                at(0, 2, TestEvents.identify("p-1", "m-3", T0.plusSeconds(2), Map.of("email", cipher("c")))));

        assertThat(tables.rows(ProfileStoreTables.PROFILE_HISTORY, History.VERSION, History.IS_CURRENT))
                .containsExactlyInAnyOrder(
                        Map.of("version", 1, "is_current", false),
                        Map.of("version", 2, "is_current", false),
                        Map.of("version", 3, "is_current", true));
    }

    @Test
    void mergeMovesCountersTraitsAndIdentifiersToTheSurvivor() {
        batch(
                at(0, 0, TestEvents.identify("p-1", "m-1", T0, Map.of("email", cipher("a")))),
                at(1, 0, TestEvents.identify("p-2", "m-2", T0.plusSeconds(10), Map.of("phone", cipher("tel")))),
                at(1, 1, TestEvents.orderCompleted("p-2", "m-3", T0.plusSeconds(20), "o-1", "29.00")));
        batch(change(0, 0, new ProfilesMerged("p-1", "p-2", T0.plusSeconds(30))));
        // An event still carrying the merged id goes to the survivor.
        batch(at(1, 2, TestEvents.page("p-2", "m-4", T0.plusSeconds(40))));

        assertThat(tables.rows(
                        ProfileStoreTables.PROFILES,
                        Profiles.PROFILE_ID,
                        Profiles.STATUS,
                        Profiles.MERGED_INTO,
                        Profiles.EVENT_COUNT,
                        Profiles.ORDER_COUNT,
                        Profiles.LIFETIME_REVENUE))
                .containsExactlyInAnyOrder(
                        row(
                                "profile_id",
                                "p-1",
                                "status",
                                "active",
                                "merged_into",
                                null,
                                "event_count",
                                4L,
                                "order_count",
                                1L,
                                "lifetime_revenue",
                                new BigDecimal("29.00")),
                        row(
                                "profile_id",
                                "p-2",
                                "status",
                                "merged",
                                "merged_into",
                                "p-1",
                                "event_count",
                                2L,
                                "order_count",
                                1L,
                                "lifetime_revenue",
                                new BigDecimal("29.00")));
        ProfileState survivor = store.profile("p-1");
        assertThat(survivor.traitValues()).containsEntry("email", cipher("a")).containsEntry("phone", cipher("tel"));
        assertThat(tables.rows(ProfileStoreTables.IDENTITIES, Identities.BLIND_INDEX, Identities.PROFILE_ID))
                .containsExactlyInAnyOrder(
                        Map.of("blind_index", "bi-email-p-1", "profile_id", "p-1"),
                        Map.of("blind_index", "bi-email-p-2", "profile_id", "p-1"));
        assertThat(tables.rows(
                        ProfileStoreTables.PROFILE_HISTORY,
                        History.PROFILE_ID,
                        History.VERSION,
                        History.CHANGE,
                        History.IS_CURRENT))
                .containsExactlyInAnyOrder(
                        Map.of("profile_id", "p-1", "version", 1, "change", "created", "is_current", false),
                        Map.of("profile_id", "p-1", "version", 2, "change", "absorbed", "is_current", true),
                        Map.of("profile_id", "p-2", "version", 1, "change", "created", "is_current", false),
                        Map.of("profile_id", "p-2", "version", 2, "change", "merged", "is_current", true));
        assertThat(store.owners()).containsValues("p-1").doesNotContainValue("p-2");
    }

    @Test
    void mergingTwiceIsANoOp() {
        batch(at(0, 0, TestEvents.page("p-1", "m-1", T0)), at(0, 1, TestEvents.page("p-2", "m-2", T0)));
        batch(change(0, 0, new ProfilesMerged("p-1", "p-2", T0.plusSeconds(1))));
        batch(change(0, 1, new ProfilesMerged("p-1", "p-2", T0.plusSeconds(1))));

        assertThat(store.profile("p-1").eventCount()).isEqualTo(2);
        assertThat(store.profile("p-1").version()).isEqualTo(2);
    }

    @Test
    void chainedMergesPointEveryMergedProfileAtTheLastSurvivor() {
        batch(
                at(0, 0, TestEvents.page("p-1", "m-1", T0)),
                at(0, 1, TestEvents.page("p-2", "m-2", T0)),
                at(0, 2, TestEvents.page("p-3", "m-3", T0)));
        batch(change(0, 0, new ProfilesMerged("p-2", "p-3", T0.plusSeconds(1))));
        batch(change(0, 1, new ProfilesMerged("p-1", "p-2", T0.plusSeconds(2))));

        assertThat(tables.rows(ProfileStoreTables.PROFILES, Profiles.PROFILE_ID, Profiles.MERGED_INTO))
                .containsExactlyInAnyOrder(
                        row("profile_id", "p-1", "merged_into", null),
                        row("profile_id", "p-2", "merged_into", "p-1"),
                        row("profile_id", "p-3", "merged_into", "p-1"));
        assertThat(store.profile("p-1").eventCount()).isEqualTo(3);
    }

    @Test
    void splitMovesTheListedIdentifiersToTheNewProfile() {
        ResolvedEvent withTwoIdentifiers = new ResolvedEvent(
                "p-1",
                TestEvents.base(com.monstermart.cdp.event.EventType.IDENTIFY, "m-1", T0)
                        .traits(Map.of("email", cipher("a")))
                        .identifier(IdentifierHint.email("bi-a"))
                        .identifier(IdentifierHint.phone("bi-phone"))
                        .build());
        batch(at(0, 0, withTwoIdentifiers));
        IdentifierKey phone = new IdentifierKey("phone", "global", "bi-phone");
        batch(change(
                0,
                0,
                new ProfileSplit(
                        "p-1",
                        List.of(new SplitPart("p-1", List.of()), new SplitPart("p-9", List.of(phone))),
                        "unmerge-request",
                        T0.plusSeconds(5))));

        assertThat(store.profile("p-1").identifiers()).doesNotContainKey(phone);
        assertThat(store.profile("p-9").identifiers()).containsKey(phone);
        assertThat(store.owners()).containsEntry(phone, "p-9");
        assertThat(tables.rows(ProfileStoreTables.IDENTITIES, Identities.BLIND_INDEX, Identities.PROFILE_ID))
                .containsExactlyInAnyOrder(
                        Map.of("blind_index", "bi-a", "profile_id", "p-1"),
                        Map.of("blind_index", "bi-phone", "profile_id", "p-9"));
        assertThat(tables.rows(
                        ProfileStoreTables.PROFILE_HISTORY, History.PROFILE_ID, History.CHANGE, History.IS_CURRENT))
                .contains(
                        Map.of("profile_id", "p-1", "change", "split", "is_current", true),
                        Map.of("profile_id", "p-9", "change", "split", "is_current", true));
    }

    @Test
    void anIdentifierSeenOnAnotherProfileMovesThere() {
        ResolvedEvent onFirst = new ResolvedEvent(
                "p-1",
                TestEvents.base(com.monstermart.cdp.event.EventType.PAGE, "m-1", T0)
                        .identifier(IdentifierHint.deviceId("bi-device"))
                        .build());
        ResolvedEvent onSecond = new ResolvedEvent(
                "p-2",
                TestEvents.base(com.monstermart.cdp.event.EventType.PAGE, "m-2", T0.plusSeconds(1))
                        .identifier(IdentifierHint.deviceId("bi-device"))
                        .build());
        batch(at(0, 0, onFirst));
        batch(at(0, 1, onSecond));

        IdentifierKey device = new IdentifierKey("device_id", "global", "bi-device");
        assertThat(store.profile("p-1").identifiers()).doesNotContainKey(device);
        assertThat(store.owners()).containsEntry(device, "p-2");
        assertThat(tables.rows(ProfileStoreTables.PROFILES, Profiles.PROFILE_ID, Profiles.IDENTIFIER_COUNT))
                .containsExactlyInAnyOrder(
                        Map.of("profile_id", "p-1", "identifier_count", 0),
                        Map.of("profile_id", "p-2", "identifier_count", 1));
    }

    @Test
    void erasureKeepsOnlyTheIdAndStatus() {
        batch(at(0, 0, TestEvents.identify("p-1", "m-1", T0, Map.of("email", cipher("a")))));
        batch(change(0, 0, new ProfileErased("p-1", T0.plusSeconds(5))));
        batch(at(0, 1, TestEvents.identify("p-1", "m-2", T0.plusSeconds(6), Map.of("email", cipher("again")))));

        assertThat(tables.rows(ProfileStoreTables.PROFILES, Profiles.STATUS, "email", Profiles.EVENT_COUNT))
                .containsExactly(row("status", "erased", "email", null, "event_count", 0L));
        assertThat(tables.rows(ProfileStoreTables.IDENTITIES)).isEmpty();
        assertThat(store.owners()).isEmpty();
        assertThat(store.recentEvents()).isEmpty();
        assertThat(tables.rows(ProfileStoreTables.PROFILE_HISTORY, History.CHANGE, History.IS_CURRENT, "email"))
                .contains(row("change", "erased", "is_current", true, "email", null));
    }

    @Test
    void ordersItemsAndProductVersionsComeFromEcommerceEvents() {
        batch(
                at(0, 0, TestEvents.productViewed("p-1", "m-1", T0, "p-1", "4.50")),
                at(0, 1, TestEvents.orderCompleted("p-1", "m-2", T0.plusSeconds(60), "o-1", "29.00")));
        batch(at(0, 2, TestEvents.productViewed("p-1", "m-3", T0.plusSeconds(3600), "p-1", "5.00")));
        batch(at(
                0,
                3,
                TestEvents.track(
                        "p-1",
                        "m-4",
                        T0.plusSeconds(7200),
                        EcommerceEvents.ORDER_REFUNDED,
                        Map.of("order_id", "o-1"))));

        assertThat(tables.rows(ProfileStoreTables.ORDERS, "order_id", "status", "revenue", "item_count"))
                .containsExactly(row(
                        "order_id", "o-1", "status", "refunded", "revenue", new BigDecimal("29.00"), "item_count", 2));
        assertThat(tables.rows(ProfileStoreTables.ORDER_ITEMS, "line_number", "product_id", "quantity", "line_total"))
                .containsExactlyInAnyOrder(
                        row("line_number", 1, "product_id", "p-1", "quantity", 2, "line_total", new BigDecimal("9.00")),
                        row(
                                "line_number",
                                2,
                                "product_id",
                                "p-2",
                                "quantity",
                                1,
                                "line_total",
                                new BigDecimal("20.00")));
        assertThat(tables.rows(
                        ProfileStoreTables.PRODUCTS,
                        Products.PRODUCT_ID,
                        Products.VERSION,
                        Products.PRICE,
                        Products.IS_CURRENT))
                .containsExactlyInAnyOrder(
                        row("product_id", "p-1", "version", 1, "price", new BigDecimal("4.50"), "is_current", false),
                        row("product_id", "p-1", "version", 2, "price", new BigDecimal("5.00"), "is_current", true),
                        row("product_id", "p-2", "version", 1, "price", new BigDecimal("20.00"), "is_current", true));
    }

    @Test
    void aReplayAfterACrashBetweenTableCommitsWritesEveryRowOnce() {
        batch(at(0, 0, TestEvents.identify("p-1", "m-1", T0, Map.of("email", cipher("a")))));
        InputRecord[] second = {
            at(0, 1, TestEvents.identify("p-1", "m-2", T0.plusSeconds(10), Map.of("email", cipher("b")))),
            at(0, 2, TestEvents.orderCompleted("p-1", "m-3", T0.plusSeconds(20), "o-1", "10.00")),
            change(0, 0, new ProfilesMerged("p-1", "p-2", T0.plusSeconds(30)))
        };
        // The crash: events and profiles committed, the other tables and the hot store not.
        processor.begin(tables.watermarks(store.committedOffsets()));
        processor.accept(Arrays.asList(second));
        BatchResult crashed = processor.finish();
        tables.commitOnly(
                List.of(ProfileStoreTables.EVENTS, ProfileStoreTables.PROFILES),
                crashed.stateChanges().offsets());

        // The restart: a new processor whose index is rebuilt from the events table, reading from the hot store's
        // offsets.
        MessageIdIndex rebuilt = new MessageIdIndex(1000);
        for (Row event : tables.rows(ProfileStoreTables.EVENTS)) {
            rebuilt.record((String) event.get("message_id"), (Integer) event.get("ingest_partition"), (Long)
                    event.get("ingest_offset"));
        }
        batch(processor(rebuilt), second);

        assertThat(tables.rows(ProfileStoreTables.EVENTS)).hasSize(3);
        assertThat(tables.rows(ProfileStoreTables.PROFILES, Profiles.PROFILE_ID, "email", Profiles.ORDER_COUNT))
                .containsExactlyInAnyOrder(
                        row("profile_id", "p-1", "email", cipher("b"), "order_count", 1L),
                        row("profile_id", "p-2", "email", null, "order_count", 0L));
        assertThat(tables.rows(ProfileStoreTables.PROFILE_HISTORY, History.PROFILE_ID, History.VERSION))
                .containsExactlyInAnyOrder(
                        Map.of("profile_id", "p-1", "version", 1),
                        Map.of("profile_id", "p-1", "version", 2),
                        Map.of("profile_id", "p-1", "version", 3),
                        Map.of("profile_id", "p-2", "version", 1),
                        Map.of("profile_id", "p-2", "version", 2));
        assertThat(tables.rows(ProfileStoreTables.ORDERS)).hasSize(1);
        assertThat(tables.rows(ProfileStoreTables.ORDER_ITEMS)).hasSize(2);
        assertThat(store.profile("p-1").eventCount()).isEqualTo(3);
    }

    @Test
    void recordsTheHotStoreAlreadyHasAreSkipped() {
        InputRecord first = at(0, 0, TestEvents.page("p-1", "m-1", T0));
        batch(first);
        BatchResult replay = batch(first, at(0, 1, TestEvents.page("p-1", "m-2", T0)));

        assertThat(replay.counters().replayed()).isEqualTo(1);
        assertThat(tables.rows(ProfileStoreTables.EVENTS)).hasSize(2);
        assertThat(store.profile("p-1").eventCount()).isEqualTo(2);
    }

    private static Map<String, Object> history(
            int version, Instant from, Instant to, boolean current, String change, String email) {
        return row(
                "version",
                version,
                "valid_from",
                from,
                "valid_to",
                to,
                "is_current",
                current,
                "change",
                change,
                "email",
                email);
    }

    /** A map that may hold nulls, in the given order. */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
