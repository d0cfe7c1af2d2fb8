package com.monstermart.cdp.identity.core.pipeline;

import static com.monstermart.cdp.identity.core.identifier.Identifier.email;
import static com.monstermart.cdp.identity.core.identifier.Identifier.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.identity.core.golden.Survivorship;
import com.monstermart.cdp.identity.core.golden.TraitObservation;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.InMemoryIdentityStore;
import com.monstermart.cdp.identity.core.graph.LinkKind;
import com.monstermart.cdp.identity.core.graph.Observation;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.matching.Comparison;
import com.monstermart.cdp.identity.core.matching.IncrementalMatcher;
import com.monstermart.cdp.identity.core.matching.MatchModel;
import com.monstermart.cdp.identity.core.matching.MatchSettings;
import com.monstermart.cdp.identity.core.matching.MatchThresholds;
import com.monstermart.cdp.identity.core.review.InMemoryReviewQueue;
import com.monstermart.cdp.identity.core.review.ReviewDecisions;
import com.monstermart.cdp.identity.core.review.ReviewItem;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityPipelineTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Map<String, String> ANN = Map.of(
            "given_name", "ann",
            "family_name", "smith",
            "date_of_birth", "1985-02-28",
            "address", "1 main street",
            "postcode", "2000",
            "city", "springfield");

    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final InMemoryIdentityStore store = new InMemoryIdentityStore(ResolutionRules.defaults(), clock);
    private final InMemoryReviewQueue queue = new InMemoryReviewQueue();
    private final MatchSettings settings =
            MatchSettings.personDefaults().withThresholds(new MatchThresholds(0.9999, 0.5));
    private final IdentityPipeline pipeline = new IdentityPipeline(
            store,
            new InMemoryProfileTraits(),
            Survivorship.defaults(),
            Optional.of(new IncrementalMatcher(settings, handMadeModel(settings.comparisons()))),
            queue,
            clock);
    private int messages;

    /** exact: m=0.9 u=0.01; else: m=0.02 u=0.9; in between: m=0.08/(n-2) u=0.09/(n-2); prior 0.001. */
    static MatchModel handMadeModel(List<Comparison> comparisons) {
        double[][] m = new double[comparisons.size()][];
        double[][] u = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            int levels = comparisons.get(c).levels();
            m[c] = new double[levels];
            u[c] = new double[levels];
            m[c][0] = 0.9;
            u[c][0] = 0.01;
            m[c][levels - 1] = 0.02;
            u[c][levels - 1] = 0.9;
            for (int l = 1; l < levels - 1; l++) {
                m[c][l] = 0.08 / (levels - 2);
                u[c][l] = 0.09 / (levels - 2);
            }
        }
        return new MatchModel(comparisons, 0.001, m, u);
    }

    private IdentityPipeline.Output event(Identifier identifier, Map<String, String> traits) {
        messages++;
        List<TraitObservation> observations = new ArrayList<>();
        traits.forEach((trait, value) ->
                observations.add(new TraitObservation(trait, value, "shop", T0.plusSeconds(messages))));
        return pipeline.process(List.of(new IdentityPipeline.Input(
                        Observation.of("m" + messages, T0.plusSeconds(messages), "test", identifier), observations)))
                .get(0);
    }

    @Test
    void aConfidentMatchMergesAndAProbableOneGoesToReview() {
        UUID ann = event(email("ann@shop.example"), ANN).profileId().orElseThrow();

        IdentityPipeline.Output store = event(userId("pos", "9"), ANN);

        assertThat(store.profileId()).contains(ann);
        assertThat(store.changes())
                .filteredOn(change -> change instanceof IdentityChange.ProfilesMerged)
                .singleElement()
                .satisfies(change -> assertThat(((IdentityChange.ProfilesMerged) change)
                                .evidence()
                                .kind())
                        .isEqualTo(LinkKind.PROBABILISTIC));
        assertThat(this.store.profileOf(userId("pos", "9"))).contains(ann);

        IdentityPipeline.Output probable = event(
                email("a.smith@mail.example"),
                Map.of("given_name", "ann", "family_name", "smith", "date_of_birth", "1985-02-28"));

        assertThat(probable.profileId()).isNotEqualTo(Optional.of(ann));
        assertThat(probable.reviews()).singleElement().satisfies(item -> {
            assertThat(item.probability()).isBetween(0.5, 0.9999);
            assertThat(item.evidence()).extracting(evidence -> evidence.level()).contains("exact", "missing");
        });
        ReviewItem item = queue.list(ReviewItem.Status.OPEN, 10).get(0);

        ReviewDecisions decisions = new ReviewDecisions(queue, this.store, clock);
        ReviewDecisions.Decision accepted = decisions.accept(item.id(), "reviewer");

        assertThat(accepted.item().status()).isEqualTo(ReviewItem.Status.ACCEPTED);
        assertThat(this.store.profileOf(email("a.smith@mail.example"))).contains(ann);
        assertThat(this.store
                        .explain(email("a.smith@mail.example"), email("ann@shop.example"))
                        .path())
                .extracting(link -> link.kind())
                .contains(LinkKind.MANUAL);
    }

    @Test
    void aRejectedReviewSeparatesTheProfilesAndIsNotProposedAgain() {
        UUID ann = event(email("ann@shop.example"), ANN).profileId().orElseThrow();
        Map<String, String> probable =
                Map.of("given_name", "ann", "family_name", "smith", "date_of_birth", "1985-02-28");
        IdentityPipeline.Output other = event(email("other@mail.example"), probable);
        ReviewItem item = other.reviews().get(0);

        new ReviewDecisions(queue, store, clock).reject(item.id(), "reviewer");

        IdentityPipeline.Output again = event(email("other@mail.example"), probable);
        assertThat(again.reviews()).isEmpty();
        assertThat(store.profileOf(email("other@mail.example"))).isNotEqualTo(Optional.of(ann));
    }
}
