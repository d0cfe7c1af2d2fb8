package com.monstermart.cdp.identity.rest;

import com.monstermart.cdp.event.StoredIdentifier;
import com.monstermart.cdp.identity.core.graph.Link;
import com.monstermart.cdp.identity.core.graph.Member;
import com.monstermart.cdp.identity.core.graph.ProfileView;
import com.monstermart.cdp.identity.core.graph.RejectedLink;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.matching.ScoredPair;
import com.monstermart.cdp.identity.core.review.ReviewItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the identity API. Personal identifier values appear only as blind indexes. */
public final class Dtos {
    private Dtos() {}

    /** An identifier as a caller names it (raw value: normalised and blind-indexed by the service). */
    public record IdentifierRequest(String type, String namespace, String value) {}

    /**
     * An identifier as the graph holds it, in the vocabulary's stored form: personal values are blind indexes, global
     * types have the namespace {@code global}.
     */
    public record IdentifierResponse(String type, String namespace, String value, boolean blindIndexed) {
        static IdentifierResponse of(Identifier identifier) {
            StoredIdentifier stored = identifier.stored();
            return new IdentifierResponse(
                    stored.type().wireName(), stored.namespace(), stored.value(), stored.blindIndexed());
        }
    }

    public record MemberResponse(IdentifierResponse identifier, Instant attachedAt) {
        static MemberResponse of(Member member) {
            return new MemberResponse(IdentifierResponse.of(member.identifier()), member.attachedAt());
        }
    }

    public record ProfileResponse(
            UUID profileId,
            UUID requestedId,
            Instant createdAt,
            List<MemberResponse> identifiers,
            List<UUID> mergedIds) {
        static ProfileResponse of(ProfileView view) {
            return new ProfileResponse(
                    view.profileId(),
                    view.requestedId(),
                    view.createdAt(),
                    view.identifiers().stream().map(MemberResponse::of).toList(),
                    view.mergedIds());
        }
    }

    public record ExplainRequest(IdentifierRequest from, IdentifierRequest to) {}

    public record LinkResponse(
            IdentifierResponse from,
            IdentifierResponse to,
            String kind,
            String messageId,
            Instant at,
            String rule,
            double score) {
        static LinkResponse of(Link link) {
            return new LinkResponse(
                    IdentifierResponse.of(link.from()),
                    IdentifierResponse.of(link.to()),
                    link.kind().name(),
                    link.messageId(),
                    link.at(),
                    link.rule(),
                    link.score());
        }
    }

    public record ExplainResponse(UUID profileId, List<LinkResponse> path) {}

    public record RejectionResponse(
            IdentifierResponse from,
            IdentifierResponse to,
            String reason,
            String detail,
            String messageId,
            Instant at) {
        static RejectionResponse of(RejectedLink rejection) {
            return new RejectionResponse(
                    IdentifierResponse.of(rejection.from()),
                    rejection.to().map(IdentifierResponse::of).orElse(null),
                    rejection.reason().name(),
                    rejection.detail(),
                    rejection.messageId(),
                    rejection.at());
        }
    }

    /** Split these identifiers off the profile (one identifier: remove it). */
    public record UnmergeRequest(List<IdentifierRequest> identifiers, String reason) {}

    public record UnmergeResponse(UUID profileId, List<ProfileResponse> profiles) {}

    public record ForgetRequest(UUID profileId, String reason) {}

    public record ForgetResponse(UUID profileId, int identifiersForgotten) {}

    public record ReviewResponse(
            UUID id,
            UUID leftProfile,
            UUID rightProfile,
            double probability,
            List<ScoredPair.Evidence> evidence,
            String status,
            Instant createdAt,
            String decidedBy,
            Instant decidedAt) {
        static ReviewResponse of(ReviewItem item) {
            return new ReviewResponse(
                    item.id(),
                    item.leftProfile(),
                    item.rightProfile(),
                    item.probability(),
                    item.evidence(),
                    item.status().name(),
                    item.createdAt(),
                    item.decidedBy().orElse(null),
                    item.decidedAt().orElse(null));
        }
    }

    public record RulesResponse(String version, Map<String, String> rules) {}

    public record EstimateResponse(int profiles, long candidatePairs, double lambda) {}

    public record ErrorResponse(String code, String message) {}
}
