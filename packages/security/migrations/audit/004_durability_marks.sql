-- One row per audit writer (a process), rewritten with a synchronous commit after each batch: the chain's lock is
-- released by a commit that does not wait for the WAL flush, and this commit, made after it, returns only once
-- the WAL up to it (and so the batch before it) is on disk. Also written by the anchor before it signs what it read.
CREATE TABLE audit.durability_marks (
  writer text PRIMARY KEY,
  at     timestamptz NOT NULL
);
