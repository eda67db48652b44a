-- Applications for public services, the scans attached to them, and their history.
CREATE SCHEMA IF NOT EXISTS applications;

-- A scan as uploaded: the bytes live in the blob store under their SHA-256; this row says who it is for.
CREATE TABLE applications.attachments (
  id                 text PRIMARY KEY,
  sha256             text NOT NULL,
  media_type         text NOT NULL,
  size_bytes         integer NOT NULL CHECK (size_bytes > 0),
  document_id        text NOT NULL,
  file_name          text,
  uploaded_at        timestamptz NOT NULL DEFAULT now(),
  -- set when an application takes the scan; a scan belongs to at most one application
  application_number text
);

CREATE SEQUENCE applications.application_serial;

CREATE TABLE applications.applications (
  number              text PRIMARY KEY,
  service_code        text NOT NULL,
  action              text NOT NULL,
  applicant_id        text NOT NULL,
  applicant_kind      text NOT NULL,
  status              text NOT NULL,
  submitted_at        timestamptz NOT NULL,
  due_date            date,
  deemed_issued_if_silent boolean NOT NULL DEFAULT false,
  payment_id          text,
  idempotency_key     text NOT NULL UNIQUE,
  -- SHA-256 of the canonical request: the same key with a different request is refused
  request_hash        text NOT NULL,
  -- exactly what the registries said when the application was accepted, so the officer sees what was prefilled
  snapshot            jsonb NOT NULL,
  fields              jsonb NOT NULL,
  -- the receipt as first returned; a replay with the same idempotency key returns it unchanged
  receipt             jsonb NOT NULL,
  decided_at          timestamptz,
  decided_by          text,
  refusal_ground      text,
  decision_note       text,
  license_number      text
);

CREATE INDEX applications_by_applicant ON applications.applications (applicant_id, submitted_at DESC);
CREATE INDEX applications_open ON applications.applications (due_date) WHERE status IN ('SUBMITTED', 'IN_REVIEW');
CREATE UNIQUE INDEX applications_payment ON applications.applications (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX attachments_by_application ON applications.attachments (application_number);

CREATE TABLE applications.application_events (
  id          bigserial PRIMARY KEY,
  number      text NOT NULL REFERENCES applications.applications (number),
  at          timestamptz NOT NULL DEFAULT now(),
  status      text NOT NULL,
  actor       text NOT NULL,
  note        text
);
CREATE INDEX application_events_by_number ON applications.application_events (number, id);
