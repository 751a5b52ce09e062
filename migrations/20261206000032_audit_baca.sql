-- The audit-log reader (#13) pages newest first, filtered by action or actor.
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_account ON audit_log (account_id, id);
