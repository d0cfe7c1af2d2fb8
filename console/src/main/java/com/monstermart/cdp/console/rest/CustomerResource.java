package com.monstermart.cdp.console.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.console.core.Capability;
import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import com.monstermart.cdp.console.core.Screen;
import com.monstermart.cdp.console.core.platform.CustomerDirectory;
import com.monstermart.cdp.console.core.platform.IdentifierQuery;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The customer page's data from the profile API: masked by default; decrypted only for a reveal role with a stated
 * purpose, which the profile store audits. Identifier values and purposes travel in bodies, never in URLs.
 */
@Path("/api/console/customers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private static final int MINIMUM_PURPOSE = 5;
    private static final int MAXIMUM_PURPOSE = 200;

    private final CustomerDirectory customers;
    private final SignedInUser user;

    public CustomerResource(CustomerDirectory customers, SignedInUser user) {
        this.customers = customers;
        this.user = user;
    }

    /** An identifier typed into the customer search. */
    public record LookupRequest(String type, String namespace, String value) {}

    /** Why personal data is needed; recorded with the user's name by the profile store. */
    public record RevealRequest(String purpose) {}

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The customer an identifier belongs to (masked)")
    public JsonNode lookup(LookupRequest request) {
        user.require(Screen.CUSTOMERS);
        if (request == null) {
            throw new ConsoleException(
                    ConsoleErrorCode.INVALID_REQUEST, "Send {\"type\": \"email\", \"value\": \"...\"}");
        }
        return customers.lookup(
                user.caller(), IdentifierQuery.of(request.type(), request.namespace(), request.value()));
    }

    @GET
    @Path("/{profileId}")
    @Operation(summary = "A customer's profile (masked)")
    public JsonNode profile(@PathParam("profileId") String profileId) {
        user.require(Screen.CUSTOMERS);
        return customers.profile(user.caller(), profileId, Optional.empty());
    }

    @POST
    @Path("/{profileId}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A customer's profile with personal data, for a stated purpose (audited)")
    public JsonNode reveal(@PathParam("profileId") String profileId, RevealRequest request) {
        user.require(Screen.CUSTOMERS);
        if (!Capability.REVEAL_PERSONAL_DATA.allows(user.roles())) {
            throw new ConsoleException(
                    ConsoleErrorCode.FORBIDDEN,
                    "Only a privacy officer or an administrator may see a customer's personal data");
        }
        String purpose = request == null || request.purpose() == null
                ? ""
                : request.purpose().strip();
        if (purpose.length() < MINIMUM_PURPOSE || purpose.length() > MAXIMUM_PURPOSE) {
            throw new ConsoleException(
                    ConsoleErrorCode.PURPOSE_REQUIRED,
                    "Say why you need the personal data (%d to %d characters); it is recorded with your name"
                            .formatted(MINIMUM_PURPOSE, MAXIMUM_PURPOSE));
        }
        return customers.profile(user.caller(), profileId, Optional.of(purpose));
    }
}
