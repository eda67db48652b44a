-- Degraded mode (issue 15): an application submitted while a registry did not answer records which registry,
-- when, and the facts left unread; a worker reads the registry again once it is back and records, once, how
-- the registry's answer compares with what was submitted. Officers decide only after that (REGISTRY_CHECK_PENDING).
CREATE TABLE applications.registry_checks (
  application_number text PRIMARY KEY REFERENCES applications.applications (number),
  -- [{registry, code, at, facts: [{fact, documentId, substituteIds, noSubstituteBecause}], fields: [fieldId]}]
  outages            jsonb NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  attempts           integer NOT NULL DEFAULT 0,
  -- also the lease: a worker that takes a row moves this forward, so another worker (another replica) leaves it alone
  next_attempt_at    timestamptz NOT NULL DEFAULT now(),
  last_attempt_at    timestamptz,
  -- when the comparison was recorded; NULL while the check is pending
  checked_at         timestamptz,
  -- {readAt, facts: [{fact, registry, documentId, confirmed, summary, reason}], fields: [{fieldId, registry, submitted, registryValue, same}]}
  comparison         jsonb,
  -- why the last attempt did not finish (registry and code only; never personal data)
  last_error         text
);

CREATE INDEX registry_checks_due ON applications.registry_checks (next_attempt_at) WHERE checked_at IS NULL;
