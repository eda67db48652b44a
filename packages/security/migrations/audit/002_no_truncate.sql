-- TRUNCATE skips row triggers: refuse it too (verify() would report the emptied chain, but refuse it outright).
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON audit.access_log FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER chain_no_truncate BEFORE TRUNCATE ON audit.chain FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER chain_no_delete BEFORE DELETE ON audit.chain FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
