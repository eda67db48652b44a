-- The consents a partner's read was made under (purposes no law exempts need the person's consent); null otherwise.
ALTER TABLE audit.access_log ADD COLUMN consent_ids text[];
