-- Staff accounts kept by the admins (#13). The last sign-in is shown in the admin's list.
ALTER TABLE account ADD COLUMN last_signin_at TIMESTAMPTZ;

-- Two staff accounts never share an email: the address is where the password link goes.
-- (PNS accounts may share one, as families do; the admin's check also looks at those.)
CREATE UNIQUE INDEX account_email_staf_key ON account (lower(email)) WHERE username IS NOT NULL;

-- Staff lists by instansi.
CREATE INDEX role_grant_instansi ON role_grant (instansi_id, role);
