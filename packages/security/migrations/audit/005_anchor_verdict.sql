-- The newest verdict of the anchor on the trail, signed with the anchor's Ed25519 key: a process that finds a
-- fresh one written by another process reports it instead of reading the same records again (one verification
-- per round across all processes, not one per process). The database cannot forge one; an old one is not taken.
CREATE TABLE audit.anchor_verdict (
  id        integer PRIMARY KEY CHECK (id = 1),
  verdict   jsonb NOT NULL,
  signature text NOT NULL
);
