package com.monstermart.cdp.identity.rest;

import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.resolution.IdentifierProtector;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns identifiers named in requests into graph identifiers (normalised, personal values blind-indexed). */
@ApplicationScoped
public class RequestIdentifiers {
    private final IdentifierProtector protector;

    public RequestIdentifiers(IdentifierProtector protector) {
        this.protector = protector;
    }

    public Identifier graph(Dtos.IdentifierRequest request) {
        if (request == null || request.type() == null || request.value() == null) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_REQUEST,
                    "An identifier needs a type and a value (and a namespace for"
                            + " user_id, anonymous_id, customer_id)");
        }
        IdentifierType type = IdentifierType.fromWireName(request.type())
                .orElseThrow(() -> new IdentityException(
                        IdentityErrorCode.INVALID_IDENTIFIER,
                        "Unknown identifier type '%s' (use user_id, anonymous_id, customer_id, email, phone, device_id,"
                                        .formatted(request.type())
                                + " loyalty_card)"));
        String namespace = type.scope() == IdentifierType.Scope.GLOBAL
                ? IdentifierHint.GLOBAL_NAMESPACE
                : request.namespace() == null ? "" : request.namespace();
        IdentifierHint hint;
        try {
            hint = new IdentifierHint(type, namespace, request.value());
        } catch (IllegalArgumentException e) {
            throw new IdentityException(IdentityErrorCode.INVALID_IDENTIFIER, e.getMessage());
        }
        return protector.protect(hint).orElseThrow().graph();
    }
}
