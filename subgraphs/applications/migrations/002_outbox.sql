-- Deliveries of accepted applications to Е-лицензирование. A row, with the whole payload to deliver, is
-- written in the same transaction as the application, so an application the applicant was told is accepted
-- always has one and delivery reads nothing back; the worker delivers it (at least once; the upstream keeps
-- one application per number, so in effect exactly once).
CREATE TABLE applications.outbox (
  id                 bigserial PRIMARY KEY,
  application_number text NOT NULL UNIQUE REFERENCES applications.applications (number),
  -- the DeliverApplicationRequest of the registries' contract, as accepted
  payload            jsonb NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  attempts           integer NOT NULL DEFAULT 0,
  -- also the lease: a worker that takes a row moves this forward, so another worker leaves it alone
  next_attempt_at    timestamptz NOT NULL DEFAULT now(),
  last_attempt_at    timestamptz,
  delivered_at       timestamptz,
  last_error         text
);

CREATE INDEX outbox_due ON applications.outbox (next_attempt_at) WHERE delivered_at IS NULL;
