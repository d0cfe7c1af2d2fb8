package com.monstermart.cdp.identity.resolution;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.StoredIdentifier;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the resolved event: the canonical event JSON with a top-level {@code profileId}, every value under the
 * configured paths encrypted with the profile's key (field = the value's JSON path, table = the resolved topic),
 * and identifiers replaced by the stored form the graph holds (canonical type, namespace and value; blind indexes for
 * personal types), so the profile store keeps exactly what a lookup computes.
 */
public final class EventProtector {
    private final PiiVault vault;
    private final String fieldTable;
    private final List<String[]> paths;

    public EventProtector(PiiVault vault, String fieldTable, List<String> encryptedPaths) {
        this.vault = requireNonNull(vault, "vault is null");
        this.fieldTable = requireNonNull(fieldTable, "fieldTable is null");
        this.paths = new ArrayList<>();
        for (String path : encryptedPaths) {
            this.paths.add(path.strip().split("\\."));
        }
    }

    /** Whether protecting this event encrypts anything (then its profile needs a key). */
    public boolean encrypts(CanonicalEvent event, Map<IdentifierHint, Identifier> graphIdentifiers) {
        for (IdentifierHint hint : event.identifiers()) {
            if (!graphIdentifiers.containsKey(hint) && isPersonal(hint)) {
                return true;
            }
        }
        for (String[] path : paths) {
            Object value =
                    switch (path[0]) {
                        case "traits" -> event.traits().get(path[1]);
                        case "properties" -> event.properties().get(path[1]);
                        case "context" ->
                            path[1].equals("ip")
                                    ? event.context().ip().orElse(null)
                                    : event.context().extensions().get(path[1]);
                        default -> null;
                    };
            if (value != null) {
                return true;
            }
        }
        return false;
    }

    public ObjectNode protect(CanonicalEvent event, UUID profileId, Map<IdentifierHint, Identifier> graphIdentifiers) {
        ObjectNode root = EventJson.toTree(event);
        SubjectId subject = SubjectId.of(profileId.toString());
        for (String[] path : paths) {
            JsonNode parent = root;
            for (int i = 0; i < path.length - 1 && parent != null; i++) {
                parent = parent.get(path[i]);
            }
            if (parent instanceof ObjectNode object && object.has(path[path.length - 1])) {
                String name = path[path.length - 1];
                object.set(name, encrypt(subject, String.join(".", path), object.get(name)));
            }
        }
        JsonNode identifiers = root.get("identifiers");
        if (identifiers instanceof ArrayNode array) {
            root.set("identifiers", identifiers(event, subject, array, graphIdentifiers));
        }
        root.put("profileId", profileId.toString());
        return root;
    }

    /**
     * The identifiers of the resolved event: each resolved one in the stored form the graph holds (canonical type and
     * namespace, blind index for personal types, marked {@code blindIndexed}), once; an invalid or blocked personal
     * value encrypted (never published in clear); other unresolved ones as they came.
     */
    private ArrayNode identifiers(
            CanonicalEvent event,
            SubjectId subject,
            ArrayNode array,
            Map<IdentifierHint, Identifier> graphIdentifiers) {
        ArrayNode out = array.arrayNode(array.size());
        Set<StoredIdentifier> published = new HashSet<>();
        for (int i = 0; i < array.size() && i < event.identifiers().size(); i++) {
            IdentifierHint hint = event.identifiers().get(i);
            Identifier graph = graphIdentifiers.get(hint);
            if (!(array.get(i) instanceof ObjectNode node)) {
                continue;
            }
            if (graph != null) {
                StoredIdentifier stored = graph.stored();
                if (published.add(stored)) {
                    node.put("type", stored.type().wireName());
                    node.put("namespace", stored.namespace());
                    node.put("value", stored.value());
                    if (stored.blindIndexed()) {
                        node.put("blindIndexed", true);
                    }
                    out.add(node);
                }
            } else {
                if (isPersonal(hint)) {
                    node.set("value", encrypt(subject, "identifiers.value", node.get("value")));
                }
                out.add(node);
            }
        }
        return out;
    }

    private static boolean isPersonal(IdentifierHint hint) {
        return hint.type().personal();
    }

    private JsonNode encrypt(SubjectId subject, String path, JsonNode node) {
        if (node == null || node.isNull()) {
            return node;
        }
        if (node.isValueNode()) {
            return TextNode.valueOf(vault.encryptText(subject, FieldRef.of(fieldTable, path), node.asText()));
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            List<Map.Entry<String, JsonNode>> copy = new ArrayList<>();
            fields.forEachRemaining(copy::add);
            for (Map.Entry<String, JsonNode> field : copy) {
                object.set(field.getKey(), encrypt(subject, path + "." + field.getKey(), field.getValue()));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, encrypt(subject, path, array.get(i)));
            }
            return array;
        }
        return node;
    }
}
