package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code context}: where and how an event was collected.
 *
 * @param source the source and the position in it ({@code context.source})
 * @param sessionId the browsing or store-visit session, if known
 * @param ip the client's IP address (personal data)
 * @param userAgent the client's user agent
 * @param gpc whether the client signalled Global Privacy Control ({@code Sec-GPC: 1}): an opt-out of sale and sharing
 * @param page the page the event happened on
 * @param campaign the campaign (UTM parameters)
 * @param library the SDK or connector that produced the event
 * @param locale the client's locale, e.g. {@code en-US}
 * @param extensions every other context field, kept as sent (Segment's {@code device}, {@code os}, {@code traits},
 *     ...); keys never repeat the named fields above
 */
public record EventContext(
        SourceRef source,
        Optional<String> sessionId,
        Optional<String> ip,
        Optional<String> userAgent,
        boolean gpc,
        Optional<PageContext> page,
        Optional<CampaignContext> campaign,
        Optional<LibraryContext> library,
        Optional<String> locale,
        Map<String, Object> extensions) {
    /** JSON names of the fields above; extension keys may not use them. */
    public static final Set<String> NAMED_FIELDS =
            Set.of("source", "sessionId", "ip", "userAgent", "gpc", "page", "campaign", "library", "locale");

    public EventContext {
        requireNonNull(source, "source is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(ip, "ip is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(page, "page is null");
        requireNonNull(campaign, "campaign is null");
        requireNonNull(library, "library is null");
        requireNonNull(locale, "locale is null");
        extensions = JsonValues.copyObject(requireNonNull(extensions, "extensions is null"), "$.context");
        for (String key : extensions.keySet()) {
            if (NAMED_FIELDS.contains(key)) {
                throw new IllegalArgumentException(
                        "Context extension '%s' repeats a named context field; set the field instead".formatted(key));
            }
        }
    }

    /** A context with only the source; add the rest with {@link #toBuilder()} or {@link #builder(SourceRef)}. */
    public static EventContext of(SourceRef source) {
        return builder(source).build();
    }

    public static Builder builder(SourceRef source) {
        return new Builder(source);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(source);
        builder.sessionId = sessionId.orElse(null);
        builder.ip = ip.orElse(null);
        builder.userAgent = userAgent.orElse(null);
        builder.gpc = gpc;
        builder.page = page.orElse(null);
        builder.campaign = campaign.orElse(null);
        builder.library = library.orElse(null);
        builder.locale = locale.orElse(null);
        builder.extensions.putAll(extensions);
        return builder;
    }

    /** Builds contexts; unset optional fields stay empty. */
    public static final class Builder {
        private SourceRef source;
        private String sessionId;
        private String ip;
        private String userAgent;
        private boolean gpc;
        private PageContext page;
        private CampaignContext campaign;
        private LibraryContext library;
        private String locale;
        private final Map<String, Object> extensions = new java.util.LinkedHashMap<>();

        private Builder(SourceRef source) {
            this.source = requireNonNull(source, "source is null");
        }

        public Builder source(SourceRef value) {
            this.source = requireNonNull(value, "source is null");
            return this;
        }

        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        public Builder ip(String value) {
            this.ip = value;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /** The client signalled Global Privacy Control ({@code Sec-GPC: 1}). */
        public Builder globalPrivacyControl() {
            this.gpc = true;
            return this;
        }

        public Builder page(PageContext value) {
            this.page = value;
            return this;
        }

        public Builder campaign(CampaignContext value) {
            this.campaign = value;
            return this;
        }

        public Builder library(LibraryContext value) {
            this.library = value;
            return this;
        }

        public Builder locale(String value) {
            this.locale = value;
            return this;
        }

        /** Adds or replaces an extension field (any context key other than the named fields). */
        public Builder extension(String key, Object value) {
            extensions.put(requireNonNull(key, "key is null"), value);
            return this;
        }

        public EventContext build() {
            return new EventContext(
                    source,
                    Optional.ofNullable(sessionId),
                    Optional.ofNullable(ip),
                    Optional.ofNullable(userAgent),
                    gpc,
                    Optional.ofNullable(page),
                    Optional.ofNullable(campaign),
                    Optional.ofNullable(library),
                    Optional.ofNullable(locale),
                    extensions);
        }
    }
}
