-- The scrape queue: one job per resource, the resource's next check. Claimed with
-- SELECT … FOR UPDATE SKIP LOCKED and held by a lease that expires, so a crashed worker's job is
-- picked up again and two workers never fetch the same URL at once.
CREATE TABLE scrape_job (
    resource_id      varchar(16)  PRIMARY KEY REFERENCES resource (id),
    next_attempt_at  timestamptz  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),  -- failures in a row
    lease_owner      text,
    lease_until      timestamptz,
    last_error       text,
    updated_at       timestamptz  NOT NULL,
    CHECK ((lease_owner IS NULL) = (lease_until IS NULL))
);

CREATE INDEX scrape_job_due_idx ON scrape_job (next_attempt_at);

-- What each fetch found. Written in the same transaction that completes the job.
CREATE TABLE scrape_snapshot (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id      varchar(16)  NOT NULL REFERENCES resource (id),
    fetched_at       timestamptz  NOT NULL,
    status           varchar(24)  NOT NULL
        CHECK (status IN ('ok', 'unchanged', 'redirected', 'gone', 'blocked_by_robots', 'refused', 'deferred', 'error')),
    http_status      integer,
    final_url        text         NOT NULL,
    content_type     text,
    etag             text,
    last_modified    text,
    content_hash     varchar(64),          -- sha-256 of the body, hex
    title            text,
    author           text,
    published        text,
    language         varchar(16),
    text             text,
    word_count       integer,
    reading_minutes  integer,              -- ≈ 230 words a minute
    page_count       integer,              -- PDFs
    duration_ms      integer      NOT NULL,
    detail           text
);

CREATE INDEX scrape_snapshot_resource_idx ON scrape_snapshot (resource_id, fetched_at DESC);

-- Link health as readers see it, derived from the snapshots and kept on the resource for cheap pages.
ALTER TABLE resource
    ADD COLUMN link_checked_at   timestamptz,
    ADD COLUMN link_status       varchar(24),
    ADD COLUMN link_http_status  integer,
    ADD COLUMN link_failing_since timestamptz,   -- first failure of the current run of failures
    ADD COLUMN link_broken_since  timestamptz;   -- set when dead: 404/410, or failing for two weeks
