package com.monstermart.cdp.console.platform;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.console.core.Caller;
import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import com.monstermart.cdp.console.core.platform.CustomerDirectory;
import com.monstermart.cdp.console.core.platform.IdentifierQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@link CustomerDirectory} over the profile store's {@code /api/profiles}. */
public final class HttpCustomerDirectory implements CustomerDirectory {
    private final ServiceHttp profiles;

    public HttpCustomerDirectory(ServiceHttp profiles) {
        this.profiles = requireNonNull(profiles, "profiles is null");
    }

    @Override
    public JsonNode profile(Caller caller, String profileId, Optional<String> purpose) {
        if (!profileId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new ConsoleException(
                    ConsoleErrorCode.INVALID_REQUEST, "A profile id is letters, digits and dashes (a UUID)");
        }
        String query = purpose.map(text -> "?purpose=" + encode(text)).orElse("");
        return profiles.get(caller, "/api/profiles/" + profileId + query);
    }

    /**
     * Personal values go in the body of {@code POST /api/profiles/lookup}, which computes their blind index; a user
     * id is stored as it is (identity resolution does not blind pseudonymous ids), so it is looked up directly by
     * {@code GET /api/profiles/by-identifier} with the id as the index.
     */
    @Override
    public JsonNode lookup(Caller caller, IdentifierQuery query) {
        if (!query.personal()) {
            return profiles.get(
                    caller,
                    "/api/profiles/by-identifier?type=%s&namespace=%s&blindIndex=%s"
                            .formatted(encode(query.type()), encode(query.namespace()), encode(query.value())));
        }
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("type", query.type())
                .put("namespace", query.namespace())
                .put("value", query.value());
        return profiles.post(caller, "/api/profiles/lookup", Optional.of(body));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
