-- Probable matches waiting for a person (accept = manual link, reject = separation).
CREATE TABLE identity.review_items (
    id               uuid             PRIMARY KEY,
    left_profile     uuid             NOT NULL,
    left_identifier  text             NOT NULL,   -- identifier key (blind-indexed value in the service)
    right_profile    uuid             NOT NULL,
    right_identifier text             NOT NULL,
    probability      double precision NOT NULL,
    evidence         text             NOT NULL,   -- one "field<TAB>level<TAB>weight" line per comparison
    status           text             NOT NULL,   -- OPEN, ACCEPTED, REJECTED
    created_at       timestamptz      NOT NULL,
    decided_by       text             NULL,
    decided_at       timestamptz      NULL,
    -- one open item per pair of profiles (stored with left < right)
    pair_key         text             NOT NULL
);
CREATE UNIQUE INDEX review_items_open_pair ON identity.review_items (pair_key) WHERE status = 'OPEN';
CREATE INDEX review_items_status ON identity.review_items (status, created_at DESC);
