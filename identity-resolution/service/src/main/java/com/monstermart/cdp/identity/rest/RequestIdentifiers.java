package com.monstermart.cdp.identity.rest;

import com.monstermart.cdp.event.InvalidIdentifierException;
import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.resolution.IdentifierProtector;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns identifiers named in requests into graph identifiers with the platform's one lookup parsing (event-model's
 * {@code IdentifierNormaliser.lookup}): the same stored form as the events' identifiers and the profile API's
 * lookups.
 */
@ApplicationScoped
public class RequestIdentifiers {
    private final IdentifierProtector protector;

    public RequestIdentifiers(IdentifierProtector protector) {
        this.protector = protector;
    }

    public Identifier graph(Dtos.IdentifierRequest request) {
        if (request == null) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_REQUEST,
                    "An identifier needs a type and a value (and a namespace for user_id, anonymous_id, customer_id)");
        }
        try {
            return protector.lookup(request.type(), request.namespace(), request.value());
        } catch (InvalidIdentifierException e) {
            throw new IdentityException(IdentityErrorCode.INVALID_IDENTIFIER, e.getMessage());
        }
    }
}
