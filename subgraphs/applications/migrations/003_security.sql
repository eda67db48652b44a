-- Who may see an application (the agency handling the service, per region for akimats), who uploaded
-- each scan, and the signatures that make an application and a decision binding.
ALTER TABLE applications.applications
  ADD COLUMN applicant_region   text,
  ADD COLUMN signature          text,
  ADD COLUMN signer             jsonb,
  ADD COLUMN decision_signature text,
  ADD COLUMN decision_signer    jsonb;

CREATE INDEX applications_for_agencies ON applications.applications (service_code, applicant_region, status, submitted_at);

ALTER TABLE applications.attachments ADD COLUMN uploaded_by text;
