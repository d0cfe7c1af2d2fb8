package com.monstermart.cdp.console.platform;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.console.core.Caller;
import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import com.monstermart.cdp.console.core.platform.ReviewQueue;
import com.monstermart.cdp.console.core.platform.ReviewSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ReviewQueue} over identity resolution's {@code /identity/reviews}. */
public final class HttpReviewQueue implements ReviewQueue {
    private final ServiceHttp identity;

    public HttpReviewQueue(ServiceHttp identity) {
        this.identity = requireNonNull(identity, "identity is null");
    }

    @Override
    public List<ReviewSummary> open(Caller caller, int limit) {
        List<ReviewSummary> reviews = new ArrayList<>();
        for (JsonNode review : identity.get(caller, "/identity/reviews?status=OPEN&limit=" + limit)) {
            reviews.add(summary(review));
        }
        return reviews;
    }

    @Override
    public ReviewSummary accept(Caller caller, String reviewId) {
        return summary(identity.post(caller, "/identity/reviews/%s/accept".formatted(id(reviewId)), Optional.empty()));
    }

    @Override
    public ReviewSummary reject(Caller caller, String reviewId) {
        return summary(identity.post(caller, "/identity/reviews/%s/reject".formatted(id(reviewId)), Optional.empty()));
    }

    private static UUID id(String reviewId) {
        try {
            return UUID.fromString(reviewId);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(
                    ConsoleErrorCode.INVALID_REQUEST,
                    "A review id is a UUID, not '%s'"
                            .formatted(reviewId.length() > 40 ? reviewId.substring(0, 40) : reviewId));
        }
    }

    private static ReviewSummary summary(JsonNode review) {
        List<ReviewSummary.Evidence> evidence = new ArrayList<>();
        for (JsonNode item : review.path("evidence")) {
            evidence.add(new ReviewSummary.Evidence(
                    item.path("field").asText(),
                    item.path("level").asText(),
                    item.path("weight").asDouble()));
        }
        return new ReviewSummary(
                review.path("id").asText(),
                Json.text(review.path("leftProfile")),
                Json.text(review.path("rightProfile")),
                review.path("probability").asDouble(),
                evidence,
                Json.text(review.path("status")),
                Json.instant(review.path("createdAt")),
                Json.text(review.path("decidedBy")),
                Json.instant(review.path("decidedAt")));
    }
}
