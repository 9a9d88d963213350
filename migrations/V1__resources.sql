-- One row per resource of the reading list, identified by its normalized URL.
CREATE TABLE resource (
    id             varchar(16)  PRIMARY KEY,          -- first 12 hex digits of sha-256(canonical_url): stable across databases
    canonical_url  text         NOT NULL UNIQUE,      -- identity: see CanonicalUrl for the rules
    url            text         NOT NULL,             -- the link as the Markdown wrote it; readers follow this one
    title          text         NOT NULL,
    description    text,
    kind           varchar(16)  NOT NULL
        CHECK (kind IN ('article', 'paper', 'book', 'video', 'course', 'repository', 'list')),
    language       varchar(8)   NOT NULL,
    domain         text         NOT NULL,
    section        text,
    source_file    text         NOT NULL,
    source_line    integer      NOT NULL CHECK (source_line > 0),
    first_seen_at  timestamptz  NOT NULL,
    last_seen_at   timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    retired_at     timestamptz,                       -- set when the entry left the Markdown; never deleted
    CHECK (last_seen_at >= first_seen_at)
);

CREATE INDEX resource_active_kind_idx     ON resource (kind)                         WHERE retired_at IS NULL;
CREATE INDEX resource_active_language_idx ON resource (language)                     WHERE retired_at IS NULL;
CREATE INDEX resource_active_recent_idx   ON resource (first_seen_at DESC, source_line DESC) WHERE retired_at IS NULL;
