-- The evidence kept with each application: the registry facts prefilled at submission and the receipt, signed
-- by the service (Ed25519) in the submission's transaction, so the applicant, an officer or a court can later
-- prove what the registries said. The bundle is kept as the exact canonical JSON text that was signed (text,
-- not jsonb, which would reorder it), with the signature and the signing key, so a rotated key's bundles
-- still verify.
CREATE TABLE applications.evidence (
  number     text PRIMARY KEY REFERENCES applications.applications (number),
  bundle     text NOT NULL,
  algorithm  text NOT NULL,
  signature  text NOT NULL,
  key_id     text NOT NULL,
  public_key text NOT NULL,
  signed_at  timestamptz NOT NULL
);

-- Written once: the signed text is what the applicant may already hold, so it is never changed or removed here.
CREATE FUNCTION applications.refuse_evidence_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'signed evidence cannot be changed or deleted';
END;
$$;
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON applications.evidence FOR EACH ROW EXECUTE FUNCTION applications.refuse_evidence_change();
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON applications.evidence FOR EACH STATEMENT EXECUTE FUNCTION applications.refuse_evidence_change();
