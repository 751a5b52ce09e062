-- Sign-in failures per (account, address): an address that failed against a locked account stays
-- refused, while the owner signing in from a clean address still gets in (docs/SECURITY.md).
CREATE TABLE signin_failure (
    account_id     UUID NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    ip             TEXT NOT NULL,
    failures       INTEGER NOT NULL DEFAULT 0,
    last_failed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, ip)
);
CREATE INDEX signin_failure_last ON signin_failure (last_failed_at);

-- Registration numbers from a sequence: two registrations finishing together never collide.
-- Numbers handed out before are random 8-digit values; the sequence starts above them.
CREATE SEQUENCE nomor_pendaftaran_seq START WITH 100000000;
