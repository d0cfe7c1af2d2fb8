-- Tables of the identity service (the graph's own tables come with cdp-identity-core, V1..V99).

-- Golden records: every trait value is vault ciphertext of the profile (subject), never plaintext.
CREATE TABLE identity.golden_records (
    profile_id uuid        PRIMARY KEY,
    record     text        NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The forget list: blind indexes of the identifiers of erased people; events carrying one are not profiled.
CREATE TABLE identity.forgotten (
    blind_key    text        PRIMARY KEY,
    profile_id   uuid        NOT NULL,
    forgotten_at timestamptz NOT NULL,
    reason       text        NOT NULL
);
