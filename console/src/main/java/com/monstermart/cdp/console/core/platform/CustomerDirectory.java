package com.monstermart.cdp.console.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.console.core.Caller;
import java.util.Optional;

/**
 * The profile API (profile store), on the caller's behalf. Profiles come back as the API shows them: personal values
 * masked, or decrypted when the caller holds a reveal role and states a purpose (the profile store audits that). The
 * console passes them to the browser unchanged and never logs them.
 */
public interface CustomerDirectory {
    JsonNode profile(Caller caller, String profileId, Optional<String> purpose);

    JsonNode lookup(Caller caller, IdentifierQuery query);
}
