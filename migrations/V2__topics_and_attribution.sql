-- Who wrote a resource and when, where known: one resource's facts live on its row.
ALTER TABLE resource
    ADD COLUMN authors text,
    ADD COLUMN year    integer CHECK (year BETWEEN 1900 AND 2100);

-- Topics written by us in content/topics/<slug>.md. Like resources, never deleted: retired instead.
CREATE TABLE topic (
    slug               varchar(64)  PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title              text         NOT NULL,
    summary            text         NOT NULL,
    position           integer      NOT NULL,
    overview_markdown  text         NOT NULL,
    overview_html      text         NOT NULL,   -- rendered with raw HTML escaped; derived from overview_markdown
    related            text[]       NOT NULL DEFAULT '{}',
    demos              text[]       NOT NULL DEFAULT '{}',
    source_file        text         NOT NULL,
    first_seen_at      timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    retired_at         timestamptz
);

-- A topic's reading path: which resources, in which order, with our note on why.
-- Derived from the topic file, so it is replaced whenever the topic changes.
CREATE TABLE topic_entry (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_slug   varchar(64)  NOT NULL REFERENCES topic (slug),
    resource_id  varchar(16)  NOT NULL REFERENCES resource (id),
    position     integer      NOT NULL,
    note         text,
    UNIQUE (topic_slug, resource_id),
    UNIQUE (topic_slug, position)
);

CREATE INDEX topic_entry_resource_idx ON topic_entry (resource_id);
