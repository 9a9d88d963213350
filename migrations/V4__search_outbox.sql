-- The search index is derived from these tables. Every change that affects what search returns
-- leaves a row here, written by triggers in the same transaction as the change itself, so no code
-- path can forget it and a rolled-back change leaves nothing behind.
--
-- The indexer follows the outbox by transaction snapshot, not by bare sequence number: sequence
-- numbers are handed out before commit, so a reader that saw row 11 may later see row 10 appear.
-- It remembers the snapshot it last read (stored in the Lucene commit) and next applies exactly the
-- rows whose transactions were not yet visible in it. See docs/architecture.md.
CREATE TABLE index_outbox (
    seq        bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- order of application
    txid       xid8         NOT NULL DEFAULT pg_current_xact_id(),       -- the writing transaction
    doc_type   varchar(16)  NOT NULL CHECK (doc_type IN ('resource', 'topic')),
    doc_id     varchar(64)  NOT NULL,
    queued_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX index_outbox_txid_idx ON index_outbox (txid);

CREATE FUNCTION index_outbox_resource() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO index_outbox (doc_type, doc_id) VALUES ('resource', NEW.id);
    RETURN NULL;
END $$;

-- Link health changes on every scrape and does not affect search: only these columns do.
CREATE TRIGGER resource_to_index_insert AFTER INSERT ON resource
    FOR EACH ROW EXECUTE FUNCTION index_outbox_resource();
CREATE TRIGGER resource_to_index_update AFTER UPDATE ON resource
    FOR EACH ROW
    WHEN ((OLD.url, OLD.title, OLD.description, OLD.kind, OLD.language, OLD.domain, OLD.authors, OLD.year, OLD.retired_at)
          IS DISTINCT FROM
          (NEW.url, NEW.title, NEW.description, NEW.kind, NEW.language, NEW.domain, NEW.authors, NEW.year, NEW.retired_at))
    EXECUTE FUNCTION index_outbox_resource();

-- A topic is a document of its own, and its title is part of every resource on its reading path.
CREATE FUNCTION index_outbox_topic() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO index_outbox (doc_type, doc_id) VALUES ('topic', NEW.slug);
    IF TG_OP = 'UPDATE' AND (OLD.title, OLD.retired_at) IS DISTINCT FROM (NEW.title, NEW.retired_at) THEN
        INSERT INTO index_outbox (doc_type, doc_id)
            SELECT 'resource', resource_id FROM topic_entry WHERE topic_slug = NEW.slug ORDER BY position;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER topic_to_index_insert AFTER INSERT ON topic
    FOR EACH ROW EXECUTE FUNCTION index_outbox_topic();
CREATE TRIGGER topic_to_index_update AFTER UPDATE ON topic
    FOR EACH ROW
    WHEN ((OLD.title, OLD.summary, OLD.overview_html, OLD.retired_at)
          IS DISTINCT FROM (NEW.title, NEW.summary, NEW.overview_html, NEW.retired_at))
    EXECUTE FUNCTION index_outbox_topic();

-- Reading-path membership and our notes are part of a resource's document.
CREATE FUNCTION index_outbox_topic_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO index_outbox (doc_type, doc_id) VALUES ('resource', OLD.resource_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.resource_id <> OLD.resource_id) THEN
        INSERT INTO index_outbox (doc_type, doc_id) VALUES ('resource', NEW.resource_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER topic_entry_to_index AFTER INSERT OR UPDATE OR DELETE ON topic_entry
    FOR EACH ROW EXECUTE FUNCTION index_outbox_topic_entry();

-- A snapshot with text brings the page's words into the index.
CREATE FUNCTION index_outbox_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO index_outbox (doc_type, doc_id) VALUES ('resource', NEW.resource_id);
    RETURN NULL;
END $$;

CREATE TRIGGER scrape_snapshot_to_index AFTER INSERT ON scrape_snapshot
    FOR EACH ROW WHEN (NEW.text IS NOT NULL)
    EXECUTE FUNCTION index_outbox_snapshot();
