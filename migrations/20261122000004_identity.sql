-- Identity service: accounts, role grants with scopes, sessions, one-time codes, throttling, audit log.

CREATE TABLE account (
    id              UUID PRIMARY KEY,
    nip             TEXT UNIQUE,                    -- set for PNS (and staff who are also PNS)
    username        TEXT UNIQUE,                    -- set for staff accounts
    nama            TEXT NOT NULL,
    email           TEXT,
    password_hash   TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('menunggu_verifikasi', 'aktif', 'nonaktif')),
    instansi_id     UUID,
    unor_id         UUID,
    nomor_pendaftaran TEXT UNIQUE,
    kode_verifikasi TEXT,                           -- printed on the registration slip
    failed_signins  INTEGER NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved_at     TIMESTAMPTZ,
    approved_by     UUID REFERENCES account(id),
    CHECK (nip IS NOT NULL OR username IS NOT NULL)
);
CREATE INDEX account_waiting ON account (instansi_id) WHERE status = 'menunggu_verifikasi';

CREATE TABLE role_grant (
    id           UUID PRIMARY KEY,
    account_id   UUID NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    role         TEXT NOT NULL,
    instansi_id  UUID,
    unor_id      UUID,           -- verifier L1: its unor subtree
    unor_path    TEXT,           -- copy of the unor's materialised path for subtree checks
    kanreg_id    SMALLINT,
    hds_kategori TEXT[] NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX role_grant_account ON role_grant (account_id);

CREATE TABLE session (
    id_hash       BYTEA PRIMARY KEY,            -- sha256 of the cookie value; the raw id is never stored
    account_id    UUID NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    grant_id      UUID NOT NULL REFERENCES role_grant(id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,         -- absolute limit
    ip            TEXT NOT NULL DEFAULT '',
    user_agent    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_account ON session (account_id);

-- Registration in progress: NIP passed the knowledge check; waiting for the emailed code.
CREATE TABLE pendaftaran (
    id            UUID PRIMARY KEY,
    nip           TEXT NOT NULL,
    email         TEXT NOT NULL,
    code_hash     BYTEA NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    confirmed_at  TIMESTAMPTZ
);
CREATE INDEX pendaftaran_nip ON pendaftaran (nip);

CREATE TABLE password_reset (
    token_hash  BYTEA PRIMARY KEY,
    account_id  UUID NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

-- Failed knowledge checks per NIP, and request counts per address, in fixed windows.
CREATE TABLE throttle (
    kunci        TEXT NOT NULL,        -- 'ip:signin:1.2.3.4', 'ip:lookup:...', 'nip:check:...'
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER NOT NULL,
    PRIMARY KEY (kunci, window_start)
);

CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    account_id  UUID,
    action      TEXT NOT NULL,        -- signin_ok, signin_failed, signout, data_read, registration, ...
    subject     TEXT,                 -- e.g. the NIP whose data was read
    ip          TEXT NOT NULL DEFAULT '',
    detail      JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_subject ON audit_log (subject);
