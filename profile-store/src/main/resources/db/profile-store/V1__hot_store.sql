-- The profile store's hot store: current state maintained from the same stream as the Iceberg tables, for the
-- profile API. States are JSON text (written on every batch, never queried inside).

CREATE TABLE profiles (
    profile_id  text PRIMARY KEY,
    status      text        NOT NULL,
    merged_into text,
    updated_at  timestamptz NOT NULL,
    state       text        NOT NULL
);
CREATE INDEX profiles_merged_into ON profiles (merged_into) WHERE merged_into IS NOT NULL;

-- Blind-indexed identifier -> profile, for lookups by identifier.
CREATE TABLE identities (
    identifier_type text        NOT NULL,
    namespace       text        NOT NULL,
    blind_index     text        NOT NULL,
    profile_id      text        NOT NULL,
    source_id       text,
    first_seen_at   timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    PRIMARY KEY (identifier_type, namespace, blind_index)
);
CREATE INDEX identities_profile ON identities (profile_id);

-- The newest events per profile for the API, kept for a retention period (personal values stay ciphertext).
CREATE TABLE recent_events (
    message_id  text PRIMARY KEY,
    profile_id  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    type        text        NOT NULL,
    name        text,
    source_id   text        NOT NULL,
    properties  text        NOT NULL
);
CREATE INDEX recent_events_profile ON recent_events (profile_id, occurred_at DESC);
CREATE INDEX recent_events_occurred ON recent_events (occurred_at);

CREATE TABLE products (
    product_id text PRIMARY KEY,
    state      text NOT NULL
);

CREATE TABLE orders (
    order_id   text PRIMARY KEY,
    profile_id text NOT NULL,
    state      text NOT NULL
);

-- Per consumer group and partition, the last offset whose changes are committed here (the replay point).
CREATE TABLE stream_offsets (
    consumer        text   NOT NULL,
    topic           text   NOT NULL,
    kafka_partition int    NOT NULL,
    last_offset     bigint NOT NULL,
    PRIMARY KEY (consumer, topic, kafka_partition)
);

-- Every decryption of personal data: who, why, which subject and field, and what came of it. Never plaintext.
CREATE TABLE pii_audit (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL,
    caller     text        NOT NULL,
    purpose    text        NOT NULL,
    subject    text        NOT NULL,
    field      text        NOT NULL,
    key_id     text,
    outcome    text        NOT NULL,
    error_code text
);
CREATE INDEX pii_audit_subject ON pii_audit (subject, at);
