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
        String query = purpose.map(text -> "?purpose=" + URLEncoder.encode(text, StandardCharsets.UTF_8))
                .orElse("");
        return profiles.get(caller, "/api/profiles/" + profileId + query);
    }

    @Override
    public JsonNode lookup(Caller caller, IdentifierQuery query) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("type", query.type())
                .put("namespace", query.namespace())
                .put("value", query.value());
        return profiles.post(caller, "/api/profiles/lookup", Optional.of(body));
    }
}
