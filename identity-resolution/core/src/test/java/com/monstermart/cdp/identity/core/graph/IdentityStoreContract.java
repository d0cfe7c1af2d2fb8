package com.monstermart.cdp.identity.core.graph;

import static com.monstermart.cdp.identity.core.identifier.Identifier.anonymousId;
import static com.monstermart.cdp.identity.core.identifier.Identifier.deviceId;
import static com.monstermart.cdp.identity.core.identifier.Identifier.email;
import static com.monstermart.cdp.identity.core.identifier.Identifier.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link IdentityStore} must have; one subclass per implementation. */
public abstract class IdentityStoreContract {
    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final AtomicInteger messages = new AtomicInteger();

    protected abstract IdentityStore store(ResolutionRules rules);

    protected IdentityStore store() {
        return store(ResolutionRules.defaults());
    }

    protected Observation event(int minute, Identifier... identifiers) {
        return Observation.of("m-" + messages.incrementAndGet(), T0.plusSeconds(60L * minute), "test", identifiers);
    }

    @Test
    void createsAProfileAndMatchesLaterEvents() {
        IdentityStore store = store();
        Resolution first = store.resolve(event(0, anonymousId("web", "a1")));
        Resolution second = store.resolve(event(1, anonymousId("web", "a1"), email("x@shop.example")));

        assertThat(first.outcome()).isEqualTo(ResolutionOutcome.CREATED);
        assertThat(first.changes()).singleElement().isInstanceOf(IdentityChange.ProfileCreated.class);
        assertThat(second.outcome()).isEqualTo(ResolutionOutcome.MATCHED);
        assertThat(second.profileId()).isEqualTo(first.profileId());
        assertThat(store.profileOf(email("x@shop.example"))).isEqualTo(first.profileId());
    }

    @Test
    void aChainOfEventsBecomesOneProfileAndTheOldestIdSurvives() {
        IdentityStore store = store();
        UUID oldest =
                store.resolve(event(0, anonymousId("web", "a1"))).profileId().orElseThrow();
        UUID younger =
                store.resolve(event(1, anonymousId("web", "a2"))).profileId().orElseThrow();
        store.resolve(event(2, anonymousId("web", "a3")));

        Resolution joinTwoAndThree =
                store.resolve(event(3, deviceId("d1"), anonymousId("web", "a2"), anonymousId("web", "a3")));
        Resolution joinAll =
                store.resolve(event(4, email("x@shop.example"), anonymousId("web", "a1"), anonymousId("web", "a3")));

        assertThat(joinTwoAndThree.outcome()).isEqualTo(ResolutionOutcome.MERGED);
        assertThat(joinAll.outcome()).isEqualTo(ResolutionOutcome.MERGED);
        assertThat(joinAll.profileId()).contains(oldest);
        assertThat(joinAll.changes())
                .filteredOn(change -> change instanceof IdentityChange.ProfilesMerged)
                .singleElement()
                .satisfies(change -> assertThat(((IdentityChange.ProfilesMerged) change).merged())
                        .isEqualTo(younger));
        ProfileView viaMergedId = store.profile(younger).orElseThrow();
        assertThat(viaMergedId.profileId()).isEqualTo(oldest);
        assertThat(viaMergedId.requestedId()).isEqualTo(younger);
        assertThat(viaMergedId.identifiers())
                .extracting(Member::identifier)
                .containsExactlyInAnyOrder(
                        anonymousId("web", "a1"),
                        anonymousId("web", "a2"),
                        anonymousId("web", "a3"),
                        deviceId("d1"),
                        email("x@shop.example"));
        assertThat(viaMergedId.mergedIds()).hasSize(2).contains(younger);
    }

    @Test
    void aStarOfSessionsAroundOneUserIsOneProfile() {
        IdentityStore store = store();
        for (int i = 0; i < 30; i++) {
            store.resolve(event(i, userId("shop", "u1"), anonymousId("web", "cookie-" + i)));
        }
        UUID profile = store.profileOf(userId("shop", "u1")).orElseThrow();
        assertThat(store.profile(profile).orElseThrow().identifiers()).hasSize(31);
        assertThat(store.profileOf(anonymousId("web", "cookie-29"))).contains(profile);
    }

    @Test
    void aSharedFamilyDeviceDoesNotMergeTwoUsersOfOneSource() {
        IdentityStore store = store();
        UUID mum = store.resolve(event(0, userId("shop", "mum"), deviceId("family-tablet")))
                .profileId()
                .orElseThrow();
        Resolution kid = store.resolve(event(1, userId("shop", "kid"), deviceId("family-tablet")));

        assertThat(kid.profileId()).isNotEqualTo(Optional.of(mum));
        assertThat(kid.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
            assertThat(rejection.detail()).isEqualTo("user_id.max-per-profile=1");
            assertThat(rejection.to()).contains(deviceId("family-tablet"));
        });
        assertThat(store.profileOf(deviceId("family-tablet"))).contains(mum);
        assertThat(store.rejections(kid.profileId().orElseThrow(), 10)).hasSize(1);
    }

    @Test
    void userIdsOfDifferentSourcesLinkThroughAnEmail() {
        IdentityStore store = store();
        UUID shop = store.resolve(event(0, userId("shop", "42"), email("x@shop.example")))
                .profileId()
                .orElseThrow();
        Resolution pos = store.resolve(event(1, userId("pos", "C-9"), email("x@shop.example")));
        assertThat(pos.profileId()).contains(shop);
    }

    @Test
    void theSixthEmailIsRefusedButOldEmailsOutsideTheWindowDoNotCount() {
        IdentityStore limited = store();
        for (int i = 1; i <= 6; i++) {
            limited.resolve(event(i, userId("shop", "u1"), email("e" + i + "@shop.example")));
        }
        UUID profile = limited.profileOf(userId("shop", "u1")).orElseThrow();
        assertThat(limited.profile(profile).orElseThrow().identifiers()).hasSize(6);
        assertThat(limited.profileOf(email("e6@shop.example"))).isEmpty();
        assertThat(limited.rejections(profile, 10))
                .singleElement()
                .extracting(RejectedLink::detail)
                .isEqualTo("email.max-per-profile=5");

        IdentityStore windowed = store(ResolutionRules.parse(Map.of("email.window", "PT1H")));
        for (int i = 1; i <= 6; i++) {
            // one email a day: never more than one within the hour window
            windowed.resolve(event(i * 24 * 60, userId("shop", "u1"), email("e" + i + "@shop.example")));
        }
        UUID windowedProfile = windowed.profileOf(userId("shop", "u1")).orElseThrow();
        assertThat(windowed.profile(windowedProfile).orElseThrow().identifiers())
                .hasSize(7);
    }

    @Test
    void blockedValuesNeverLink() {
        IdentityStore store = store();
        Resolution onlyBlocked = store.resolve(event(0, anonymousId("web", "undefined"), email("test@example.com")));
        assertThat(onlyBlocked.outcome()).isEqualTo(ResolutionOutcome.UNRESOLVED);
        assertThat(onlyBlocked.profileId()).isEmpty();
        assertThat(onlyBlocked.rejections())
                .extracting(RejectedLink::reason, RejectedLink::detail)
                .containsExactlyInAnyOrder(
                        tuple(RejectionReason.BLOCKED_VALUE, "anonymous_id.blocked-pattern.2"),
                        tuple(RejectionReason.BLOCKED_VALUE, "email.blocked-values"));

        UUID first = store.resolve(event(1, userId("shop", "u1"), email("test@example.com")))
                .profileId()
                .orElseThrow();
        UUID second = store.resolve(event(2, userId("shop", "u2"), email("test@example.com")))
                .profileId()
                .orElseThrow();
        assertThat(first).isNotEqualTo(second);
        assertThat(store.profileOf(email("test@example.com"))).isEmpty();
        assertThat(store.profileOf(deviceId("00000000-0000-0000-0000-000000000000")))
                .isEmpty();
    }

    @Test
    void resolvingIsIdempotentByMessageId() {
        IdentityStore store = store();
        Observation observation = event(0, anonymousId("web", "a1"), email("x@shop.example"));
        Resolution first = store.resolve(observation);
        Resolution again = store.resolve(observation);
        assertThat(again.outcome()).isEqualTo(ResolutionOutcome.DUPLICATE);
        assertThat(again.profileId()).isEqualTo(first.profileId());
        assertThat(store.statistics().observations()).isEqualTo(1);
    }

    @Test
    void aBatchResolvesInOrderAndNamesTheFinalProfile() {
        IdentityStore store = store();
        Observation a = event(0, anonymousId("web", "a1"));
        Observation b = event(1, anonymousId("web", "a2"));
        Observation join = event(2, anonymousId("web", "a1"), anonymousId("web", "a2"));
        List<Resolution> resolutions = store.resolve(List.of(a, b, join, a));

        UUID profile = resolutions.get(0).profileId().orElseThrow();
        assertThat(resolutions)
                .extracting(Resolution::outcome)
                .containsExactly(
                        ResolutionOutcome.CREATED,
                        ResolutionOutcome.CREATED,
                        ResolutionOutcome.MERGED,
                        ResolutionOutcome.DUPLICATE);
        assertThat(resolutions)
                .allSatisfy(resolution -> assertThat(resolution.profileId()).contains(profile));
        assertThat(store.profile(profile).orElseThrow().identifiers()).hasSize(2);
    }

    @Test
    void explainGivesTheChainOfEvidence() {
        IdentityStore store = store();
        Observation first = event(0, userId("shop", "u1"), anonymousId("web", "a1"));
        Observation second = event(1, anonymousId("web", "a1"), deviceId("d1"));
        Observation third = event(2, deviceId("d1"), email("x@shop.example"));
        store.resolve(List.of(first));
        store.resolve(List.of(second));
        store.resolve(List.of(third));

        Explanation explanation = store.explain(userId("shop", "u1"), email("x@shop.example"));
        assertThat(explanation.path())
                .extracting(Link::messageId)
                .containsExactly(first.messageId(), second.messageId(), third.messageId());
        assertThat(explanation.path()).allSatisfy(link -> {
            assertThat(link.kind()).isEqualTo(LinkKind.OBSERVED);
            assertThat(link.rule()).startsWith("event/rules-");
        });
        assertThat(store.explain(deviceId("d1"), deviceId("d1")).path()).isEmpty();
        assertThatThrownBy(() -> store.explain(deviceId("d1"), deviceId("unknown")))
                .isInstanceOf(IdentityException.class)
                .hasMessage("Identifier device_id:unknown is in no profile")
                .extracting(e -> ((IdentityException) e).code())
                .isEqualTo(IdentityErrorCode.IDENTIFIER_NOT_FOUND);
    }

    @Test
    void removingAnIdentifierRecomputesComponentsFromTheJournal() {
        IdentityStore store = store();
        store.resolve(event(0, deviceId("kiosk"), anonymousId("web", "a1"), email("ann@shop.example")));
        store.resolve(event(1, deviceId("kiosk"), anonymousId("web", "a2"), email("bob@shop.example")));
        UUID profile = store.profileOf(deviceId("kiosk")).orElseThrow();
        assertThat(store.profile(profile).orElseThrow().identifiers()).hasSize(5);

        UnmergeResult result = store.removeIdentifier(deviceId("kiosk"), "privacy@monstermart", "shared kiosk");

        assertThat(result.profileId()).isEqualTo(profile);
        assertThat(result.profiles()).hasSize(3);
        UUID ann = store.profileOf(email("ann@shop.example")).orElseThrow();
        UUID bob = store.profileOf(email("bob@shop.example")).orElseThrow();
        UUID kiosk = store.profileOf(deviceId("kiosk")).orElseThrow();
        assertThat(Set.of(ann, bob, kiosk)).hasSize(3);
        assertThat(ann).isEqualTo(profile);
        assertThat(store.profileOf(anonymousId("web", "a1"))).contains(ann);
        assertThat(store.profileOf(anonymousId("web", "a2"))).contains(bob);
        assertThat(result.changes()).singleElement().satisfies(change -> {
            IdentityChange.ProfileSplit split = (IdentityChange.ProfileSplit) change;
            assertThat(split.profileId()).isEqualTo(profile);
            assertThat(split.created()).containsExactlyInAnyOrder(bob, kiosk);
        });

        // The kiosk stays apart from the people it was split from, even when the same evidence comes back.
        Resolution again = store.resolve(event(2, deviceId("kiosk"), email("ann@shop.example")));
        assertThat(again.rejections())
                .singleElement()
                .extracting(RejectedLink::reason)
                .isEqualTo(RejectionReason.SEPARATED);
        assertThat(store.profileOf(deviceId("kiosk"))).contains(kiosk);
    }

    @Test
    void splittingAProfileMovesAGroupOut() {
        IdentityStore store = store();
        store.resolve(event(0, email("ann@shop.example"), anonymousId("web", "a1")));
        store.resolve(event(1, anonymousId("web", "a1"), anonymousId("web", "a2")));
        store.resolve(event(2, anonymousId("web", "a2"), anonymousId("web", "a3")));
        UUID profile = store.profileOf(anonymousId("web", "a1")).orElseThrow();

        UnmergeResult result =
                store.split(profile, Set.of(anonymousId("web", "a2"), anonymousId("web", "a3")), "ops", "test");

        assertThat(result.profiles()).hasSize(2);
        assertThat(store.profileOf(email("ann@shop.example"))).contains(profile);
        UUID moved = store.profileOf(anonymousId("web", "a2")).orElseThrow();
        assertThat(moved).isNotEqualTo(profile);
        assertThat(store.profileOf(anonymousId("web", "a3"))).contains(moved);
        assertThatThrownBy(() ->
                        store.split(profile, Set.of(email("ann@shop.example"), anonymousId("web", "a1")), "ops", "x"))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("Cannot split all 2 identifiers off profile");
        assertThatThrownBy(() -> store.removeIdentifier(anonymousId("web", "nobody"), "ops", "x"))
                .isInstanceOf(IdentityException.class)
                .hasMessage("Identifier anonymous_id:web:nobody is in no profile");
    }

    @Test
    void separatedProfilesAreNeverMerged() {
        IdentityStore store = store();
        UUID a = store.resolve(event(0, anonymousId("web", "a1"))).profileId().orElseThrow();
        UUID b = store.resolve(event(1, anonymousId("web", "b1"))).profileId().orElseThrow();
        store.separate(a, b, "reviewer", "rejected match");

        Resolution attempt = store.resolve(event(2, anonymousId("web", "a1"), anonymousId("web", "b1")));

        assertThat(attempt.rejections())
                .singleElement()
                .extracting(RejectedLink::reason)
                .isEqualTo(RejectionReason.SEPARATED);
        assertThat(store.profileOf(anonymousId("web", "b1"))).contains(b);
    }

    @Test
    void probabilisticLinksMergeWithTheirEvidence() {
        IdentityStore store = store();
        UUID a = store.resolve(event(0, email("ann@shop.example"))).profileId().orElseThrow();
        UUID b = store.resolve(event(1, userId("pos", "C-1"))).profileId().orElseThrow();

        Resolution linked = store.link(new Link(
                email("ann@shop.example"),
                userId("pos", "C-1"),
                LinkKind.PROBABILISTIC,
                "match-1",
                T0.plusSeconds(600),
                "fellegi-sunter p=0.998",
                0.998));

        assertThat(linked.outcome()).isEqualTo(ResolutionOutcome.MERGED);
        assertThat(linked.profileId()).contains(a);
        assertThat(store.profileOf(userId("pos", "C-1"))).contains(a);
        assertThat(store.profile(b).orElseThrow().profileId()).isEqualTo(a);
        assertThat(store.explain(email("ann@shop.example"), userId("pos", "C-1"))
                        .path())
                .singleElement()
                .satisfies(link -> {
                    assertThat(link.kind()).isEqualTo(LinkKind.PROBABILISTIC);
                    assertThat(link.score()).isEqualTo(0.998);
                });
    }

    @Test
    void aRuleChangeIsDryRunThenAppliedAndOldIdsStillResolve() {
        IdentityStore store = store();
        store.resolve(event(0, email("ann@shop.example"), deviceId("shared-kiosk")));
        store.resolve(event(1, email("bob@shop.example"), deviceId("shared-kiosk")));
        store.resolve(event(2, email("cat@shop.example"), anonymousId("web", "c1")));
        UUID merged = store.profileOf(email("ann@shop.example")).orElseThrow();
        assertThat(store.profileOf(email("bob@shop.example"))).contains(merged);

        ResolutionRules blockKiosk = ResolutionRules.parse(Map.of("device_id.blocked-values", "shared-kiosk"));
        RuleChangeReport dryRun = store.dryRun(blockKiosk);

        assertThat(dryRun.applied()).isFalse();
        assertThat(dryRun.profilesBefore()).isEqualTo(2);
        assertThat(dryRun.profilesAfter()).isEqualTo(3);
        assertThat(dryRun.unchangedProfiles()).isEqualTo(1);
        assertThat(dryRun.splitProfiles()).isEqualTo(1);
        assertThat(dryRun.detachedIdentifiers()).isEqualTo(1);
        assertThat(dryRun.changes()).isEmpty();
        assertThat(store.profileOf(email("bob@shop.example"))).contains(merged);

        RuleChangeReport applied = store.applyRules(blockKiosk, "admin");

        assertThat(applied.applied()).isTrue();
        assertThat(applied.splitProfiles()).isEqualTo(1);
        assertThat(applied.changes()).singleElement().isInstanceOf(IdentityChange.ProfileReassigned.class);
        assertThat(store.rules()).isEqualTo(blockKiosk);
        assertThat(store.profileOf(email("ann@shop.example"))).contains(merged);
        UUID bob = store.profileOf(email("bob@shop.example")).orElseThrow();
        assertThat(bob).isNotEqualTo(merged);
        assertThat(store.profileOf(deviceId("shared-kiosk"))).isEmpty();
        // new events follow the new rules
        Resolution later = store.resolve(event(3, email("ann@shop.example"), deviceId("shared-kiosk")));
        assertThat(later.rejections())
                .singleElement()
                .extracting(RejectedLink::reason)
                .isEqualTo(RejectionReason.BLOCKED_VALUE);
    }

    @Test
    void concurrentResolversLoseNoMergeAndNeverSplitAComponent() throws Exception {
        IdentityStore store = store();
        int people = 60;
        int identifiersEach = 6;
        List<Observation> observations = new ArrayList<>();
        Random random = new Random(7);
        for (int person = 0; person < people; person++) {
            for (int i = 1; i < identifiersEach; i++) {
                // a random spanning tree of each person's identifiers, one edge per event
                int parent = random.nextInt(i);
                observations.add(event(
                        observations.size(),
                        anonymousId("web", "p" + person + "-" + parent),
                        anonymousId("web", "p" + person + "-" + i)));
            }
        }
        Collections.shuffle(observations, random);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i < observations.size(); i += threads) {
                        store.resolve(observations.get(i));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        Set<UUID> profiles = new HashSet<>();
        for (int person = 0; person < people; person++) {
            UUID profile =
                    store.profileOf(anonymousId("web", "p" + person + "-0")).orElseThrow();
            for (int i = 1; i < identifiersEach; i++) {
                assertThat(store.profileOf(anonymousId("web", "p" + person + "-" + i)))
                        .contains(profile);
            }
            assertThat(store.profile(profile).orElseThrow().identifiers()).hasSize(identifiersEach);
            profiles.add(profile);
        }
        assertThat(profiles).hasSize(people);
        assertThat(store.statistics().profiles()).isEqualTo(people);
        assertThat(store.statistics().identifiers()).isEqualTo((long) people * identifiersEach);
    }

    @Test
    void concurrentBatchesWithReplaysLoseNoMergeAndNeverSplitAComponent() throws Exception {
        IdentityStore store = store();
        int people = 80;
        int identifiersEach = 7;
        List<Observation> observations = new ArrayList<>();
        Random random = new Random(11);
        for (int person = 0; person < people; person++) {
            for (int i = 1; i < identifiersEach; i++) {
                int parent = random.nextInt(i);
                observations.add(event(
                        observations.size(),
                        anonymousId("web", "b" + person + "-" + parent),
                        anonymousId("web", "b" + person + "-" + i)));
            }
        }
        Collections.shuffle(observations, random);
        int threads = 4;
        int batch = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, UUID> answered = new ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    // Each thread resolves its share in batches, then replays its first batch (a consumer that lost
                    // its offsets): the replay must answer DUPLICATE and change nothing.
                    List<Observation> mine = new ArrayList<>();
                    for (int i = offset; i < observations.size(); i += threads) {
                        mine.add(observations.get(i));
                    }
                    for (int from = 0; from < mine.size(); from += batch) {
                        for (Resolution resolution :
                                store.resolve(mine.subList(from, Math.min(mine.size(), from + batch)))) {
                            answered.put(
                                    resolution.messageId(),
                                    resolution.profileId().orElseThrow());
                        }
                    }
                    assertThat(store.resolve(mine.subList(0, batch)))
                            .extracting(Resolution::outcome)
                            .containsOnly(ResolutionOutcome.DUPLICATE);
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        Set<UUID> profiles = new HashSet<>();
        for (int person = 0; person < people; person++) {
            UUID profile =
                    store.profileOf(anonymousId("web", "b" + person + "-0")).orElseThrow();
            for (int i = 1; i < identifiersEach; i++) {
                assertThat(store.profileOf(anonymousId("web", "b" + person + "-" + i)))
                        .contains(profile);
            }
            assertThat(store.profile(profile).orElseThrow().identifiers()).hasSize(identifiersEach);
            profiles.add(profile);
        }
        assertThat(profiles).hasSize(people);
        assertThat(answered).hasSize(observations.size());
        // Every id an event was answered with (merged since or not) resolves to its person's one profile.
        for (UUID id : answered.values()) {
            assertThat(profiles).contains(store.profile(id).orElseThrow().profileId());
        }
        assertThat(store.statistics().profiles()).isEqualTo(people);
        assertThat(store.statistics().identifiers()).isEqualTo((long) people * identifiersEach);
        assertThat(store.statistics().observations()).isEqualTo(observations.size());
    }
}
