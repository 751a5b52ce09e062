-- Verification service (#10): the work item of each sent proposal at each level, its claim,
-- the verifiers' per-field decisions, the history of what each level did, and the routing
-- table that says which levels a proposal needs. Proposals themselves are personnel's; the
-- work item copies the columns its queues filter on, so a queue never reads personnel's tables.

-- Which levels a proposal needs: every proposal of an instansi kind takes the levels of
-- `semua`; a proposal changing a field of another kind (`nip`: birth date or gender, which
-- change the NIP) also takes that kind's levels. Data, not code: an agency changes the table.
CREATE TABLE verifikasi_rute (
    jenis_instansi  TEXT NOT NULL CHECK (jenis_instansi IN ('pusat', 'daerah')),
    jenis_perubahan TEXT NOT NULL CHECK (jenis_perubahan IN ('semua', 'nip')),
    tingkat         SMALLINT NOT NULL CHECK (tingkat BETWEEN 1 AND 4),
    -- who works this level, as the PNS's timeline names it
    kantor          TEXT NOT NULL,
    PRIMARY KEY (jenis_instansi, jenis_perubahan, tingkat)
);
INSERT INTO verifikasi_rute (jenis_instansi, jenis_perubahan, tingkat, kantor) VALUES
    ('daerah', 'semua', 1, 'SKPD/UPT'),
    ('daerah', 'semua', 2, 'BKD'),
    ('daerah', 'semua', 3, 'Kantor Regional BKN'),
    ('daerah', 'nip', 4, 'Direktorat Status BKN'),
    ('pusat', 'semua', 1, 'Satker'),
    ('pusat', 'semua', 2, 'Biro Kepegawaian/Ropeg'),
    ('pusat', 'semua', 3, 'Direktorat Pengadaan dan Kepangkatan BKN'),
    ('pusat', 'nip', 4, 'Direktorat Status BKN');

-- One proposal round at one level. Created waiting (`menunggu`) when the round reaches the
-- level; ends passed on (`diteruskan`), returned (`dikembalikan`), approved as final (`final`)
-- or withdrawn by Turun Status (`dibatalkan`).
CREATE TABLE verifikasi_item (
    id            UUID PRIMARY KEY,
    usulan_id     UUID NOT NULL,
    putaran       INTEGER NOT NULL,
    tingkat       SMALLINT NOT NULL CHECK (tingkat BETWEEN 1 AND 4),
    -- the levels this round takes, in order (from verifikasi_rute when it was sent)
    tingkat_rute  SMALLINT[] NOT NULL,
    status        TEXT NOT NULL DEFAULT 'menunggu'
                  CHECK (status IN ('menunggu', 'diteruskan', 'dikembalikan', 'final', 'dibatalkan')),
    -- copied from the proposal when sent: what queues filter, search and sort on
    nip           TEXT NOT NULL,
    nama          TEXT NOT NULL,
    instansi_id   UUID NOT NULL,
    jenis_instansi TEXT NOT NULL,
    unor_path     TEXT NOT NULL,
    kanreg_id     SMALLINT NOT NULL,
    tanggal_lahir DATE NOT NULL,
    ada_dokumen   BOOLEAN NOT NULL,
    ada_tanda     BOOLEAN NOT NULL,
    jumlah_perubahan INTEGER NOT NULL,
    dikirim       TIMESTAMPTZ NOT NULL,
    -- the claim: who has it open, until when (15 minutes, renewed while the page is open)
    klaim_oleh    UUID,
    klaim_nama    TEXT,
    klaim_sampai  TIMESTAMPTZ,
    diputus_oleh  UUID,
    diputus_pada  TIMESTAMPTZ,
    UNIQUE (usulan_id, putaran, tingkat)
);
-- Queues: waiting items of one level, oldest first, keyset on (dikirim, id). L1/L2 narrow by
-- instansi (then unit path), L3 by Kanreg, L4 not at all.
CREATE INDEX verifikasi_antrian_instansi ON verifikasi_item (tingkat, instansi_id, dikirim, id) WHERE status = 'menunggu';
CREATE INDEX verifikasi_antrian_kanreg ON verifikasi_item (tingkat, kanreg_id, dikirim, id) WHERE status = 'menunggu';
CREATE INDEX verifikasi_antrian_semua ON verifikasi_item (tingkat, dikirim, id) WHERE status = 'menunggu';
CREATE INDEX verifikasi_item_usulan ON verifikasi_item (usulan_id, putaran);

-- Per-field decisions of one level in one round.
CREATE TABLE verifikasi_keputusan (
    item_id    UUID NOT NULL REFERENCES verifikasi_item(id) ON DELETE CASCADE,
    bagian     TEXT NOT NULL,
    -- the entry's id in a list section; '' for a record section
    entri      TEXT NOT NULL DEFAULT '',
    field      TEXT NOT NULL,
    hasil      TEXT NOT NULL CHECK (hasil IN ('terima', 'tolak')),
    alasan     TEXT NOT NULL DEFAULT '' CHECK (length(alasan) <= 500),
    PRIMARY KEY (item_id, bagian, entri, field)
);

-- What each level did, and the idempotency key of the request that did it: a retried or
-- replayed (offline) decision finds its key and gets the first answer.
CREATE TABLE verifikasi_riwayat (
    kunci      UUID PRIMARY KEY,
    item_id    UUID NOT NULL UNIQUE REFERENCES verifikasi_item(id) ON DELETE CASCADE,
    tindakan   TEXT NOT NULL CHECK (tindakan IN ('teruskan', 'kembalikan', 'batal')),
    oleh       UUID NOT NULL,
    kantor     TEXT NOT NULL,
    catatan    TEXT NOT NULL DEFAULT '',
    -- the answer given, repeated to a retry
    jawaban    JSON NOT NULL,
    pada       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Proposals sent before this migration wait at their first level like any sent afterwards
-- (a one-off backfill: the only place verification reads personnel's and reference's tables).
INSERT INTO verifikasi_item (id, usulan_id, putaran, tingkat, tingkat_rute, nip, nama, instansi_id, jenis_instansi,
                             unor_path, kanreg_id, tanggal_lahir, ada_dokumen, ada_tanda, jumlah_perubahan, dikirim)
SELECT gen_random_uuid(), u.id, u.putaran, 1,
       ARRAY(SELECT DISTINCT r.tingkat FROM verifikasi_rute r
             WHERE r.jenis_instansi = i.jenis
               AND (r.jenis_perubahan = 'semua'
                    OR (r.jenis_perubahan = 'nip' AND EXISTS (
                        SELECT 1 FROM usulan_perubahan c WHERE c.usulan_id = u.id AND c.putaran = u.putaran
                          AND c.bagian = 'data-utama' AND c.field IN ('tanggal_lahir', 'jenis_kelamin'))))
             ORDER BY r.tingkat),
       p.nip, p.nama, p.instansi_id, i.jenis, n.path, i.kanreg_id, p.tanggal_lahir,
       EXISTS (SELECT 1 FROM dokumen d WHERE d.nip = p.nip),
       EXISTS (SELECT 1 FROM usulan_tanda t WHERE t.nip = p.nip AND t.status <> 'selesai'),
       (SELECT count(*) FROM usulan_perubahan c WHERE c.usulan_id = u.id AND c.putaran = u.putaran),
       coalesce(u.dikirim, now())
FROM usulan u
JOIN pns p ON p.nip = u.nip
JOIN instansi i ON i.id = p.instansi_id
JOIN unor n ON n.id = p.unor_id
WHERE u.status = 'dikirim';
