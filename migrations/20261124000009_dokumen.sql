-- Personnel service: supporting documents (scans of decrees, diplomas) attached to a
-- proposal's sections and entries. The bytes live outside the database, in the data folder,
-- named by their SHA-256 (a file uploaded twice is stored once); rows say whose they are.

CREATE TABLE dokumen (
    id         UUID PRIMARY KEY,
    nip        TEXT NOT NULL REFERENCES pns(nip) ON DELETE CASCADE,
    bagian     TEXT NOT NULL,
    -- the entry's id, in a list section
    entri      TEXT,
    nama_file  TEXT NOT NULL CHECK (length(nama_file) BETWEEN 1 AND 200),
    jenis      TEXT NOT NULL CHECK (jenis IN ('application/pdf', 'image/jpeg', 'image/png')),
    ukuran     INTEGER NOT NULL CHECK (ukuran > 0),
    sha256     TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    diunggah   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dokumen_nip ON dokumen (nip, diunggah);
