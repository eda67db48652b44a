-- Who read whose personal data, for which purpose: append-only, hash-chained.
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.access_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL,
  request_id     text NOT NULL,
  service        text NOT NULL,
  actor_kind     text NOT NULL,
  -- the partner or portal client, the officer ("officer:<IIN>"), or "self" for a citizen's own data
  actor_id       text NOT NULL,
  actor_agency   text,
  purpose        text,
  -- the data subject as an HMAC under the audit key (lookups), and masked for display; never in clear
  subject_hash   text NOT NULL,
  subject_masked text NOT NULL,
  fields         text[] NOT NULL,
  prev_hash      text NOT NULL,
  hash           text NOT NULL
);
CREATE INDEX access_log_by_subject ON audit.access_log (subject_hash, id DESC);

-- The end of the chain: appending locks this row, so appends from every process form one sequence.
CREATE TABLE audit.chain (
  id        integer PRIMARY KEY CHECK (id = 1),
  last_hash text NOT NULL
);
INSERT INTO audit.chain (id, last_hash) VALUES (1, 'genesis');

-- Nothing edits or removes an audit record; the chain would show it anyway, but refuse it outright.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records cannot be changed or deleted';
END;
$$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON audit.access_log FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
