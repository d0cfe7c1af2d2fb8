package com.monstermart.cdp.identity.resolution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.Link;
import com.monstermart.cdp.identity.core.graph.Member;
import com.monstermart.cdp.identity.core.graph.ProfileView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JSON of {@code cdp.identity.changes} (key = profileId):
 *
 * <pre>
 * {"type": "profile-created", "profileId": "…", "messageId": "…", "at": "…"}
 * {"type": "profiles-merged", "profileId": "&lt;survivor&gt;", "mergedId": "…", "at": "…",
 *  "evidence": {"kind": "OBSERVED|PROBABILISTIC|MANUAL", "messageId": "…", "rule": "…", "score": 1.0,
 *               "fromType": "email", "toType": "user_id"}}
 * {"type": "profile-split", "profileId": "…", "created": ["…"], "parts": [{"profileId": "…", "identifiers":
 *  [{"type": "email", "namespace": "global", "value": "&lt;blind index&gt;"}]}], "reason": "…", "actor": "…", "at": "…"}
 * {"type": "profile-erased", "profileId": "…", "at": "…"}
 * </pre>
 *
 * Evidence names identifier types only, never values. A rule change that moves identifiers is a
 * {@code profile-split} whose {@code created} lists where they went.
 */
public final class ChangeMessages {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ChangeMessages() {}

    public static ObjectNode of(IdentityChange change) {
        ObjectNode out = JSON.objectNode();
        switch (change) {
            case IdentityChange.ProfileCreated created -> {
                out.put("type", "profile-created");
                out.put("profileId", created.profileId().toString());
                out.put("messageId", created.messageId());
            }
            case IdentityChange.ProfilesMerged merged -> {
                out.put("type", "profiles-merged");
                out.put("profileId", merged.profileId().toString());
                out.put("mergedId", merged.merged().toString());
                Link evidence = merged.evidence();
                ObjectNode node = out.putObject("evidence");
                node.put("kind", evidence.kind().name());
                node.put("messageId", evidence.messageId());
                node.put("rule", evidence.rule());
                node.put("score", evidence.score());
                node.put("fromType", evidence.from().type().wireName());
                node.put("toType", evidence.to().type().wireName());
            }
            case IdentityChange.ProfileSplit split -> {
                out.put("type", "profile-split");
                out.put("profileId", split.profileId().toString());
                ArrayNode created = out.putArray("created");
                split.created().forEach(id -> created.add(id.toString()));
                out.put("reason", split.reason());
                out.put("actor", split.actor());
            }
            case IdentityChange.ProfileReassigned reassigned -> {
                out.put("type", "profile-split");
                out.put("profileId", reassigned.profileId().toString());
                ArrayNode created = out.putArray("created");
                reassigned.now().stream()
                        .filter(id -> !id.equals(reassigned.profileId()))
                        .forEach(id -> created.add(id.toString()));
                out.put("reason", reassigned.reason());
                out.put("actor", reassigned.actor());
            }
        }
        out.put("at", change.at().toString());
        return out;
    }

    /** A split with the identifiers of each part (what the unmerge API knows). */
    public static ObjectNode split(IdentityChange.ProfileSplit change, List<ProfileView> parts) {
        ObjectNode out = of(change);
        ArrayNode array = out.putArray("parts");
        for (ProfileView part : parts) {
            ObjectNode node = array.addObject();
            node.put("profileId", part.profileId().toString());
            ArrayNode identifiers = node.putArray("identifiers");
            for (Member member : part.identifiers()) {
                IdentifierHint hint = member.identifier().stored().hint();
                identifiers
                        .addObject()
                        .put("type", hint.type().wireName())
                        .put("namespace", hint.namespace())
                        .put("value", hint.value());
            }
        }
        return out;
    }

    public static ObjectNode erased(UUID profileId, Instant at) {
        ObjectNode out = JSON.objectNode();
        out.put("type", "profile-erased");
        out.put("profileId", profileId.toString());
        out.put("at", at.toString());
        return out;
    }
}
