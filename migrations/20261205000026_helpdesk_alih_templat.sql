-- Help desk (#12), second part: a ticket transferred to another office (with the reason, kept
-- as history), and canned replies each office keeps for its officers.

ALTER TABLE hds_peristiwa DROP CONSTRAINT hds_peristiwa_jenis_check;
ALTER TABLE hds_peristiwa ADD CONSTRAINT hds_peristiwa_jenis_check
    CHECK (jenis IN ('baru', 'pesan', 'catatan', 'status', 'petugas', 'hadir', 'alih'));

-- Every transfer: from which office to which, why, and by whom. The ticket's own columns hold
-- where it is now.
CREATE TABLE hds_pengalihan (
    id                  BIGSERIAL PRIMARY KEY,
    tiket_id            UUID NOT NULL REFERENCES hds_tiket(id) ON DELETE CASCADE,
    dari_penerima       TEXT NOT NULL,
    dari_kantor_id      SMALLINT,
    dari_instansi_id    UUID,
    ke_penerima         TEXT NOT NULL,
    ke_kantor_id        SMALLINT,
    ke_instansi_id      UUID,
    alasan              TEXT NOT NULL CHECK (length(alasan) BETWEEN 10 AND 1000),
    oleh                UUID NOT NULL,
    oleh_nama           TEXT NOT NULL,
    dibuat              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hds_pengalihan_tiket ON hds_pengalihan (tiket_id, id);

-- Canned replies of one office (a Kanreg or national office, an instansi's BKD or admin):
-- every officer of the office sees and edits the same set.
CREATE TABLE hds_templat (
    id                   UUID PRIMARY KEY,
    penerima             TEXT NOT NULL CHECK (penerima IN ('kantor', 'bkd', 'admin_instansi')),
    kantor_id            SMALLINT,
    penerima_instansi_id UUID,
    CHECK ((penerima = 'kantor') = (kantor_id IS NOT NULL)),
    CHECK ((penerima = 'kantor') = (penerima_instansi_id IS NULL)),
    judul                TEXT NOT NULL CHECK (length(judul) BETWEEN 3 AND 80),
    isi                  TEXT NOT NULL CHECK (length(isi) BETWEEN 1 AND 4000),
    diubah_oleh          TEXT NOT NULL,
    diubah               TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT hds_templat_judul_key UNIQUE NULLS NOT DISTINCT (penerima, kantor_id, penerima_instansi_id, judul)
);

-- The history is written once, never edited.
REVOKE UPDATE, DELETE ON hds_pengalihan FROM sipupns_app;
