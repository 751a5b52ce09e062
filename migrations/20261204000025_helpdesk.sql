-- Helpdesk service (#12): HDS tickets from PNS, routed by category to the office that answers,
-- their conversation, and the event log the officers' live inbox follows.
-- Other services' rows (PNS, instansi, offices, accounts, flags) are referred to by value.

-- The 2015 categories A–R with their SLA clocks (hours; set by admin BKN).
CREATE TABLE hds_kategori (
    kode            TEXT PRIMARY KEY CHECK (kode ~ '^[A-R]$'),
    sla_jawab_jam   INT NOT NULL CHECK (sla_jawab_jam > 0),
    sla_selesai_jam INT NOT NULL CHECK (sla_selesai_jam >= sla_jawab_jam)
);
INSERT INTO hds_kategori (kode, sla_jawab_jam, sla_selesai_jam) VALUES
    ('A', 24, 120), ('B', 24, 240), ('C', 24, 240), ('D', 24, 240), ('E', 48, 240),
    ('F', 24, 72), ('G', 24, 72), ('H', 24, 72), ('I', 24, 72), ('J', 24, 72),
    ('K', 24, 72), ('L', 24, 72), ('M', 24, 72), ('N', 24, 72), ('O', 24, 72),
    ('P', 8, 24), ('Q', 8, 24), ('R', 24, 72);

-- Routing: category × the kind of the PNS's instansi (for B: the instansi the PNS moved to,
-- and whether it is in another province) → who answers: the region's Kanreg, a national
-- office, the instansi's BKD/Ropeg, or the instansi's PUPNS admin.
CREATE TABLE hds_rute (
    kategori       TEXT NOT NULL REFERENCES hds_kategori(kode),
    jenis_instansi TEXT NOT NULL CHECK (jenis_instansi IN ('pusat', 'daerah')),
    antar_provinsi BOOLEAN,
    penerima       TEXT NOT NULL CHECK (penerima IN ('kanreg', 'kantor', 'bkd', 'admin_instansi')),
    kantor_id      SMALLINT CHECK ((penerima = 'kantor') = (kantor_id IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (kategori, jenis_instansi, antar_provinsi)
);
-- Offices (reference's `kantor`): 101 Direktorat Pengadaan dan KP, 102 Direktorat Pensiun,
-- 104 Deputi SINKA.
INSERT INTO hds_rute (kategori, jenis_instansi, antar_provinsi, penerima, kantor_id) VALUES
    ('A', 'daerah', NULL, 'kanreg', NULL), ('A', 'pusat', NULL, 'kantor', 104),
    ('B', 'daerah', false, 'bkd', NULL), ('B', 'daerah', true, 'kanreg', NULL), ('B', 'pusat', NULL, 'kantor', 101),
    ('C', 'daerah', NULL, 'kanreg', NULL), ('C', 'pusat', NULL, 'kantor', 102),
    ('D', 'daerah', NULL, 'kanreg', NULL), ('D', 'pusat', NULL, 'kantor', 104),
    ('P', 'daerah', NULL, 'kanreg', NULL), ('P', 'pusat', NULL, 'kantor', 101);
INSERT INTO hds_rute (kategori, jenis_instansi, penerima, kantor_id)
SELECT k, j, 'kantor', 104 FROM unnest(ARRAY['E', 'G', 'H', 'I', 'J', 'M', 'N', 'O']) k, unnest(ARRAY['pusat', 'daerah']) j;
INSERT INTO hds_rute (kategori, jenis_instansi, penerima)
SELECT k, j, 'admin_instansi' FROM unnest(ARRAY['F', 'K', 'L', 'R']) k, unnest(ARRAY['pusat', 'daerah']) j;
INSERT INTO hds_rute (kategori, jenis_instansi, penerima)
SELECT 'Q', j, 'bkd' FROM unnest(ARRAY['pusat', 'daerah']) j;

CREATE SEQUENCE hds_tiket_nomor_seq;

CREATE TABLE hds_tiket (
    id                   UUID PRIMARY KEY,
    -- what the PNS quotes: HDS-<year>-<6 digits>
    nomor                TEXT NOT NULL UNIQUE,
    nip                  TEXT NOT NULL,
    nama                 TEXT NOT NULL,
    instansi_id          UUID NOT NULL,
    kategori             TEXT NOT NULL REFERENCES hds_kategori(kode),
    subjek               TEXT NOT NULL CHECK (length(subjek) BETWEEN 1 AND 150),
    uraian               TEXT NOT NULL CHECK (length(uraian) BETWEEN 1 AND 4000),
    -- who answers: a Kanreg or national office (kantor_id), or an instansi's BKD/Ropeg or admin
    penerima             TEXT NOT NULL CHECK (penerima IN ('kantor', 'bkd', 'admin_instansi')),
    kantor_id            SMALLINT,
    penerima_instansi_id UUID,
    CHECK ((penerima = 'kantor') = (kantor_id IS NOT NULL)),
    CHECK ((penerima = 'kantor') = (penerima_instansi_id IS NULL)),
    -- B: the instansi the PNS says they moved to
    instansi_tujuan_id   UUID,
    -- personnel's "[?]" flag the ticket was raised from
    tanda_id             UUID,
    status               TEXT NOT NULL DEFAULT 'baru'
                         CHECK (status IN ('baru', 'dibuka', 'menunggu_pns', 'selesai', 'ditutup')),
    petugas_id           UUID,
    petugas_nama         TEXT,
    nilai                SMALLINT CHECK (nilai BETWEEN 1 AND 5),
    dibuat               TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the SLA clocks: first officer answer, and solved
    dijawab              TIMESTAMPTZ,
    diselesaikan         TIMESTAMPTZ,
    diperbarui           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hds_tiket_nip ON hds_tiket (nip, dibuat DESC);
CREATE INDEX hds_tiket_kantor ON hds_tiket (kantor_id, diperbarui DESC) WHERE kantor_id IS NOT NULL;
CREATE INDEX hds_tiket_instansi ON hds_tiket (penerima_instansi_id, diperbarui DESC) WHERE penerima_instansi_id IS NOT NULL;

CREATE TABLE hds_pesan (
    id       BIGSERIAL PRIMARY KEY,
    tiket_id UUID NOT NULL REFERENCES hds_tiket(id) ON DELETE CASCADE,
    dari     TEXT NOT NULL CHECK (dari IN ('pns', 'petugas')),
    akun_id  UUID NOT NULL,
    nama     TEXT NOT NULL,
    isi      TEXT NOT NULL CHECK (length(isi) BETWEEN 1 AND 4000),
    -- an officers' note, never shown to the PNS
    internal BOOLEAN NOT NULL DEFAULT false,
    dibuat   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hds_pesan_tiket ON hds_pesan (tiket_id, id);

-- How far each reader has read each ticket (unread counts).
CREATE TABLE hds_dibaca (
    tiket_id UUID NOT NULL REFERENCES hds_tiket(id) ON DELETE CASCADE,
    akun_id  UUID NOT NULL,
    pesan_id BIGINT NOT NULL,
    PRIMARY KEY (tiket_id, akun_id)
);

-- Messages of a ticket that a reader has not read: others' messages after the reader's mark
-- (officers' notes count only for officers).
CREATE FUNCTION hds_belum_dibaca(p_tiket UUID, p_akun UUID, p_internal BOOLEAN) RETURNS BIGINT
LANGUAGE sql STABLE AS $$
    SELECT count(*) FROM hds_pesan p
     WHERE p.tiket_id = p_tiket AND (NOT p.internal OR p_internal) AND p.akun_id <> p_akun
       AND p.id > coalesce((SELECT d.pesan_id FROM hds_dibaca d WHERE d.tiket_id = p_tiket AND d.akun_id = p_akun), 0)
$$;

-- Officers who have a ticket open now (renewed while the page is open): each sees the others.
CREATE TABLE hds_hadir (
    tiket_id UUID NOT NULL REFERENCES hds_tiket(id) ON DELETE CASCADE,
    akun_id  UUID NOT NULL,
    nama     TEXT NOT NULL,
    sampai   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tiket_id, akun_id)
);

-- The event log the live inbox follows. `id` is taken at insert, so events can commit out of
-- order; `nomor`, the id browsers resume from (Last-Event-ID), is given after commit by one
-- numberer at a time (`helpdesk::peristiwa`), so a number is never seen before a lower one.
-- The ticket's routing is copied so each connection filters without a query.
CREATE SEQUENCE hds_peristiwa_nomor_seq;
CREATE TABLE hds_peristiwa (
    id                   BIGSERIAL PRIMARY KEY,
    nomor                BIGINT UNIQUE,
    tiket_id             UUID NOT NULL,
    jenis                TEXT NOT NULL CHECK (jenis IN ('baru', 'pesan', 'catatan', 'status', 'petugas', 'hadir')),
    nip                  TEXT NOT NULL,
    kategori             TEXT NOT NULL,
    kantor_id            SMALLINT,
    penerima             TEXT NOT NULL,
    penerima_instansi_id UUID,
    dibuat               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hds_peristiwa_belum ON hds_peristiwa (id) WHERE nomor IS NULL;

-- A ticket with its clocks: raised at (WIB), its age in minutes (until solved), and whether
-- it is past its SLA (no first answer, or not solved, in time) while still open.
CREATE VIEW hds_tiket_sla AS
SELECT t.*,
       to_char(t.dibuat AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') AS dibuat_wib,
       (extract(epoch FROM coalesce(t.diselesaikan, now()) - t.dibuat) / 60)::bigint AS umur_menit,
       (t.status IN ('baru', 'dibuka', 'menunggu_pns')
        AND ((t.dijawab IS NULL AND now() > t.dibuat + make_interval(hours => k.sla_jawab_jam))
             OR now() > t.dibuat + make_interval(hours => k.sla_selesai_jam))) AS terlambat
FROM hds_tiket t JOIN hds_kategori k ON k.kode = t.kategori;
