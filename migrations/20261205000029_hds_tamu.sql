-- Helpdesk service: tickets from registration ("[?]" beside the masked name and instansi),
-- raised by someone who has no account yet. The request is tied to the NIP and an email,
-- held until the one-time code mailed there is confirmed; the ticket is then followed through
-- links mailed to that address (a new link with every notice; only their SHA-256 is kept).

CREATE TABLE hds_tamu (
    id                 UUID PRIMARY KEY,
    nip                TEXT NOT NULL,
    email              TEXT NOT NULL CHECK (length(email) <= 254),
    kategori           TEXT NOT NULL REFERENCES hds_kategori(kode),
    subjek             TEXT NOT NULL CHECK (length(subjek) BETWEEN 1 AND 150),
    uraian             TEXT NOT NULL CHECK (length(uraian) BETWEEN 1 AND 4000),
    instansi_tujuan_id UUID,
    -- the asking address, for the per-address limit
    ip                 TEXT NOT NULL,
    kode_hash          BYTEA NOT NULL,
    percobaan          INT NOT NULL DEFAULT 0,
    kedaluwarsa        TIMESTAMPTZ NOT NULL,
    -- set once the code is confirmed: the ticket it became
    tiket_id           UUID UNIQUE REFERENCES hds_tiket(id) ON DELETE CASCADE,
    dibuat             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hds_tamu_nip ON hds_tamu (nip, dibuat);
CREATE INDEX hds_tamu_email ON hds_tamu (email, dibuat);
CREATE INDEX hds_tamu_ip ON hds_tamu (ip, dibuat);

CREATE TABLE hds_tamu_tautan (
    digest      BYTEA PRIMARY KEY,
    tiket_id    UUID NOT NULL REFERENCES hds_tiket(id) ON DELETE CASCADE,
    kedaluwarsa TIMESTAMPTZ NOT NULL
);
CREATE INDEX hds_tamu_tautan_tiket ON hds_tamu_tautan (tiket_id);

-- A guest's ticket: notices carry a new link instead of the sign-in page's.
ALTER TABLE hds_tiket ADD COLUMN tamu BOOLEAN NOT NULL DEFAULT false;
