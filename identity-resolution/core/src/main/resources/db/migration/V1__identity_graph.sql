-- The identity graph (schema "identity" of the platform database). Identifier values are what the caller
-- resolves on: in the service, personal values (email, phone, loyalty card) are blind indexes, never plaintext.

CREATE SCHEMA IF NOT EXISTS identity;

-- One sequence orders the operation log (observations and manual operations) for replays.
CREATE SEQUENCE identity.journal_seq;
-- Profile age: the survivor of a merge is the profile with the lowest created_seq.
CREATE SEQUENCE identity.profile_seq;

CREATE TABLE identity.profiles (
    id          uuid        PRIMARY KEY,
    created_seq bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    -- Kept flat: a merged profile points straight at the live profile it resolves to.
    merged_into uuid        NULL,
    merged_at   timestamptz NULL
);
CREATE INDEX profiles_merged_into ON identity.profiles (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE identity.identifiers (
    key         text        PRIMARY KEY,   -- type:namespace:value
    id_type     text        NOT NULL,
    namespace   text        NOT NULL,
    value       text        NOT NULL,
    profile_id  uuid        NOT NULL,
    attached_at timestamptz NOT NULL
);
CREATE INDEX identifiers_profile ON identity.identifiers (profile_id);

-- Journal edges: why identifiers are together. One row per identifier pair (a_key < b_key), first evidence kept.
CREATE TABLE identity.edges (
    a_key      text             NOT NULL,
    b_key      text             NOT NULL,
    kind       text             NOT NULL,
    message_id text             NOT NULL,
    at         timestamptz      NOT NULL,
    rule       text             NOT NULL,
    score      double precision NOT NULL,
    revoked_at timestamptz      NULL,
    revoked_by text             NULL,
    PRIMARY KEY (a_key, b_key)
);
CREATE INDEX edges_b_key ON identity.edges (b_key);

-- Every merge with its evidence.
CREATE TABLE identity.merges (
    id         bigserial        PRIMARY KEY,
    survivor   uuid             NOT NULL,
    merged     uuid             NOT NULL,
    from_key   text             NOT NULL,
    to_key     text             NOT NULL,
    kind       text             NOT NULL,
    message_id text             NOT NULL,
    rule       text             NOT NULL,
    score      double precision NOT NULL,
    at         timestamptz      NOT NULL
);
CREATE INDEX merges_survivor ON identity.merges (survivor);
CREATE INDEX merges_merged ON identity.merges (merged);

-- Links that rules refused.
CREATE TABLE identity.rejections (
    id         bigserial   PRIMARY KEY,
    from_key   text        NOT NULL,
    to_key     text        NULL,
    reason     text        NOT NULL,
    detail     text        NOT NULL,
    message_id text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX rejections_from ON identity.rejections (from_key);
CREATE INDEX rejections_to ON identity.rejections (to_key) WHERE to_key IS NOT NULL;

-- Profiles that must never merge (unmerges, rejected reviews); stored in both directions.
CREATE TABLE identity.separations (
    first_id   uuid        NOT NULL,
    second_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (first_id, second_id)
);

-- The operation log. Observations: idempotency by message_id, and what rule changes replay.
CREATE TABLE identity.observations (
    message_id  text        PRIMARY KEY,
    seq         bigint      NOT NULL DEFAULT nextval('identity.journal_seq'),
    event_time  timestamptz NOT NULL,
    source      text        NOT NULL,
    identifiers text[]      NOT NULL,
    profile_id  uuid        NULL,
    outcome     text        NOT NULL,
    resolved_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX observations_seq ON identity.observations (seq);

-- Manual and probabilistic operations, in the same sequence as observations.
CREATE TABLE identity.operations (
    seq            bigint           PRIMARY KEY DEFAULT nextval('identity.journal_seq'),
    operation_id   text             NOT NULL UNIQUE,
    kind           text             NOT NULL,   -- LINK, SPLIT, SEPARATE
    from_key       text             NULL,
    to_key         text             NULL,
    link_kind      text             NULL,
    rule           text             NULL,
    score          double precision NULL,
    moved          text[]           NULL,
    first_profile  uuid             NULL,
    second_profile uuid             NULL,
    actor          text             NOT NULL,
    reason         text             NOT NULL,
    at             timestamptz      NOT NULL
);

-- The current rule set (one row).
CREATE TABLE identity.rules (
    id         integer     PRIMARY KEY CHECK (id = 1),
    version    text        NOT NULL,
    properties text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
