-- Help desk: files attached to a ticket (the PNS's evidence, officers' answers). The bytes are
-- kept by their SHA-256 in the help desk's own folder under the data dir (`hds-lampiran/`),
-- never with personnel's documents.
CREATE TABLE hds_lampiran (
    id         UUID PRIMARY KEY,
    tiket_id   UUID NOT NULL REFERENCES hds_tiket(id),
    dari       TEXT NOT NULL CHECK (dari IN ('pns', 'petugas')),
    akun_id    UUID NOT NULL,
    nama       TEXT NOT NULL,             -- who attached it, as shown
    nama_file  TEXT NOT NULL,
    jenis      TEXT NOT NULL,             -- the type found in the content
    ukuran     INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    dibuat     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hds_lampiran_tiket ON hds_lampiran (tiket_id, dibuat);

-- A new attachment is an event: the open pages of the PNS and the officers show it at once.
ALTER TABLE hds_peristiwa DROP CONSTRAINT hds_peristiwa_jenis_check;
ALTER TABLE hds_peristiwa ADD CONSTRAINT hds_peristiwa_jenis_check
    CHECK (jenis IN ('baru', 'pesan', 'catatan', 'status', 'petugas', 'hadir', 'alih', 'lampiran'));
