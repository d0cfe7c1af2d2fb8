package com.monstermart.cdp.identity.core.pipeline;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.golden.GoldenRecord;
import com.monstermart.cdp.identity.core.golden.Survivorship;
import com.monstermart.cdp.identity.core.golden.TraitObservation;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.IdentityStore;
import com.monstermart.cdp.identity.core.graph.Link;
import com.monstermart.cdp.identity.core.graph.LinkKind;
import com.monstermart.cdp.identity.core.graph.Member;
import com.monstermart.cdp.identity.core.graph.Observation;
import com.monstermart.cdp.identity.core.graph.Resolution;
import com.monstermart.cdp.identity.core.graph.ResolutionOutcome;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.matching.IncrementalMatcher;
import com.monstermart.cdp.identity.core.matching.MatchDecision;
import com.monstermart.cdp.identity.core.matching.MatchRecord;
import com.monstermart.cdp.identity.core.review.ReviewItem;
import com.monstermart.cdp.identity.core.review.ReviewQueue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole resolution of a batch of events: deterministic resolution, golden-record survivorship (merged profiles'
 * records are merged too), then probabilistic matching of the touched profiles against the others — auto-merge
 * above the threshold (a {@link LinkKind#PROBABILISTIC} link, rules still apply), review queue in the band.
 */
public final class IdentityPipeline {
    /** The profile source name in match records. */
    public static final String PROFILE_SOURCE = "profile";

    private final IdentityStore store;
    private final ProfileTraits traits;
    private final Survivorship survivorship;
    private final Optional<IncrementalMatcher> matcher;
    private final ReviewQueue reviews;
    private final Clock clock;

    public IdentityPipeline(
            IdentityStore store,
            ProfileTraits traits,
            Survivorship survivorship,
            Optional<IncrementalMatcher> matcher,
            ReviewQueue reviews,
            Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.traits = requireNonNull(traits, "traits is null");
        this.survivorship = requireNonNull(survivorship, "survivorship is null");
        this.matcher = requireNonNull(matcher, "matcher is null");
        this.reviews = requireNonNull(reviews, "reviews is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** An event's identifiers and its trait values. */
    public record Input(Observation observation, List<TraitObservation> traits) {
        public Input {
            requireNonNull(observation, "observation is null");
            traits = List.copyOf(traits);
        }
    }

    /**
     * What resolving one event did.
     *
     * @param profileId the event's profile after deterministic and probabilistic merges
     * @param changes every identity change (deterministic and probabilistic), for {@code cdp.identity.changes}
     * @param reviews review items the event's profile produced
     */
    public record Output(
            Resolution resolution, Optional<UUID> profileId, List<IdentityChange> changes, List<ReviewItem> reviews) {
        public Output {
            requireNonNull(resolution, "resolution is null");
            requireNonNull(profileId, "profileId is null");
            changes = List.copyOf(changes);
            reviews = List.copyOf(reviews);
        }
    }

    public List<Output> process(List<Input> batch) {
        List<Resolution> resolutions =
                store.resolve(batch.stream().map(Input::observation).toList());
        List<Output> out = new ArrayList<>(batch.size());
        Map<UUID, UUID> redirects = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            out.add(afterResolution(batch.get(i), resolutions.get(i), redirects));
        }
        return out;
    }

    private Output afterResolution(Input input, Resolution resolution, Map<UUID, UUID> redirects) {
        if (resolution.profileId().isEmpty() || resolution.outcome() == ResolutionOutcome.DUPLICATE) {
            return new Output(resolution, resolution.profileId(), List.of(), List.of());
        }
        List<IdentityChange> changes = new ArrayList<>(resolution.changes());
        mergeRecords(resolution.changes());
        // Resolutions name the profile at the end of the deterministic batch; only probabilistic merges made while
        // this batch was matched can have moved it since.
        UUID profile = resolution.profileId().get();
        while (redirects.containsKey(profile)) {
            profile = redirects.get(profile);
        }
        if (!input.traits().isEmpty()) {
            traits.save(profile, survivorship.applyAll(traits.record(profile), input.traits()));
        }
        List<ReviewItem> queued = new ArrayList<>();
        if (matcher.isPresent() && (!input.traits().isEmpty() || resolution.outcome() == ResolutionOutcome.CREATED)) {
            profile = match(profile, changes, queued, redirects);
        }
        return new Output(resolution, Optional.of(profile), changes, queued);
    }

    private void mergeRecords(List<IdentityChange> changes) {
        for (IdentityChange change : changes) {
            if (change instanceof IdentityChange.ProfileCreated created) {
                traits.prime(created.profileId());
            }
            if (change instanceof IdentityChange.ProfilesMerged merged) {
                GoldenRecord survivor = traits.record(merged.profileId());
                GoldenRecord loser = traits.record(merged.merged());
                if (!loser.traits().isEmpty()) {
                    traits.save(merged.profileId(), survivorship.merge(survivor, loser));
                }
                traits.remove(merged.merged());
                matcher.ifPresent(index -> index.remove(merged.merged().toString()));
            }
        }
    }

    private UUID match(UUID profile, List<IdentityChange> changes, List<ReviewItem> queued, Map<UUID, UUID> redirects) {
        IncrementalMatcher index = matcher.get();
        MatchRecord record = matchRecord(profile, traits.record(profile));
        if (record.fields().isEmpty()) {
            return profile;
        }
        UUID current = profile;
        for (IncrementalMatcher.Candidate candidate : index.match(record)) {
            UUID other = UUID.fromString(candidate.record().id());
            Optional<Identifier> mine = anyIdentifier(current);
            Optional<Identifier> theirs = anyIdentifier(other);
            if (mine.isEmpty() || theirs.isEmpty()) {
                continue;
            }
            UUID otherNow = store.profileOf(theirs.get()).orElse(other);
            if (otherNow.equals(current)) {
                continue;
            }
            if (candidate.decision() == MatchDecision.MATCH) {
                Resolution linked = store.link(new Link(
                        mine.get(),
                        theirs.get(),
                        LinkKind.PROBABILISTIC,
                        "match-" + UUID.randomUUID(),
                        clock.instant(),
                        "fellegi-sunter p=%.4f".formatted(candidate.score().probability()),
                        candidate.score().probability()));
                changes.addAll(linked.changes());
                mergeRecords(linked.changes());
                for (IdentityChange change : linked.changes()) {
                    if (change instanceof IdentityChange.ProfilesMerged merged) {
                        redirects.put(merged.merged(), merged.profileId());
                    }
                }
                current = linked.profileId().orElse(current);
            } else if (!reviews.rejectedBefore(current, otherNow)) {
                queued.add(reviews.offer(new ReviewItem(
                        UUID.randomUUID(),
                        current,
                        mine.get(),
                        otherNow,
                        theirs.get(),
                        candidate.score().probability(),
                        candidate.score().evidence(),
                        ReviewItem.Status.OPEN,
                        clock.instant(),
                        Optional.empty(),
                        Optional.empty())));
            }
        }
        index.add(matchRecord(current, traits.record(current)));
        return current;
    }

    private Optional<Identifier> anyIdentifier(UUID profile) {
        return store.profile(profile)
                .flatMap(view ->
                        view.identifiers().stream().map(Member::identifier).min(Comparator.naturalOrder()));
    }

    /** A profile's golden record as a match record (id = profile id). */
    public static MatchRecord matchRecord(UUID profileId, GoldenRecord record) {
        return new MatchRecord(profileId.toString(), PROFILE_SOURCE, record.values());
    }
}
