package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** {@code context.campaign}: the marketing campaign (UTM parameters) that brought the customer. */
public record CampaignContext(
        Optional<String> name,
        Optional<String> source,
        Optional<String> medium,
        Optional<String> term,
        Optional<String> content) {
    public CampaignContext {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        requireNonNull(medium, "medium is null");
        requireNonNull(term, "term is null");
        requireNonNull(content, "content is null");
    }
}
