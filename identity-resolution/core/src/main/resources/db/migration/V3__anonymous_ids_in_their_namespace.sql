-- Anonymous ids move into their namespace (the platform's identifier vocabulary, event-model): before, the graph
-- held an anonymous id of namespace "shop" as a global identifier with the value "shop/<id>" (key
-- "anonymous_id::shop/<id>"); now it is "anonymous_id:shop:<id>", the form events, lookups and the profile store
-- share. Every key of the graph is rewritten in place. Only values whose part before the first "/" is already a
-- canonical namespace ([a-z0-9_.-], 1 to 64) are moved, so the rewrite is one-to-one and no key can collide.
-- Blind indexes of the forget list cannot be recomputed here (they are keyed MACs): see decision "one identifier
-- vocabulary".

CREATE FUNCTION identity.v3_anonymous_key(old_key text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE
        WHEN left(old_key, 14) = 'anonymous_id::' AND substr(old_key, 15) ~ '^[a-z0-9_.-]{1,64}/.'
        THEN 'anonymous_id:' || split_part(substr(old_key, 15), '/', 1) || ':'
             || substr(substr(old_key, 15), strpos(substr(old_key, 15), '/') + 1)
        ELSE old_key
    END
$$;

CREATE FUNCTION identity.v3_anonymous_keys(old_keys text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT coalesce(array_agg(identity.v3_anonymous_key(k) ORDER BY ordinality), '{}')
    FROM unnest(old_keys) WITH ORDINALITY AS keys(k, ordinality)
$$;

UPDATE identity.identifiers
SET key = identity.v3_anonymous_key(key),
    namespace = split_part(value, '/', 1),
    value = substr(value, strpos(value, '/') + 1)
WHERE id_type = 'anonymous_id' AND namespace = '' AND value ~ '^[a-z0-9_.-]{1,64}/.';

UPDATE identity.edges
SET a_key = identity.v3_anonymous_key(a_key), b_key = identity.v3_anonymous_key(b_key)
WHERE left(a_key, 14) = 'anonymous_id::' OR left(b_key, 14) = 'anonymous_id::';

-- Edges are stored with a_key the smaller identifier (type, then namespace, then value): two anonymous ids now
-- compare by namespace first.
UPDATE identity.edges
SET a_key = b_key, b_key = a_key
WHERE left(a_key, 13) = 'anonymous_id:' AND left(b_key, 13) = 'anonymous_id:'
  AND (split_part(a_key, ':', 2) COLLATE "C", substr(a_key, length(split_part(a_key, ':', 2)) + 15) COLLATE "C")
    > (split_part(b_key, ':', 2) COLLATE "C", substr(b_key, length(split_part(b_key, ':', 2)) + 15) COLLATE "C");

UPDATE identity.merges
SET from_key = identity.v3_anonymous_key(from_key), to_key = identity.v3_anonymous_key(to_key)
WHERE left(from_key, 14) = 'anonymous_id::' OR left(to_key, 14) = 'anonymous_id::';

UPDATE identity.rejections
SET from_key = identity.v3_anonymous_key(from_key), to_key = identity.v3_anonymous_key(to_key)
WHERE left(from_key, 14) = 'anonymous_id::' OR left(to_key, 14) = 'anonymous_id::';

UPDATE identity.operations
SET from_key = identity.v3_anonymous_key(from_key),
    to_key = identity.v3_anonymous_key(to_key),
    moved = identity.v3_anonymous_keys(moved)
WHERE left(from_key, 14) = 'anonymous_id::' OR left(to_key, 14) = 'anonymous_id::'
   OR array_to_string(moved, ' ') LIKE '%anonymous\_id::%';

UPDATE identity.observations
SET identifiers = identity.v3_anonymous_keys(identifiers)
WHERE array_to_string(identifiers, ' ') LIKE '%anonymous\_id::%';

UPDATE identity.review_items
SET left_identifier = identity.v3_anonymous_key(left_identifier),
    right_identifier = identity.v3_anonymous_key(right_identifier)
WHERE left(left_identifier, 14) = 'anonymous_id::' OR left(right_identifier, 14) = 'anonymous_id::';

DROP FUNCTION identity.v3_anonymous_keys(text[]);
DROP FUNCTION identity.v3_anonymous_key(text);
