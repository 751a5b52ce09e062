-- Reference service (#10): offices (kantor), the places that verify and answer. Kanreg I–XIV,
-- and at BKN the Direktorat Status (L4), the Direktorat Pengadaan dan Kepangkatan (L3 for
-- central instansi), the Direktorat Pensiun, the Biro Kepegawaian and the Deputi SINKA. An
-- instansi's own BKD/Ropeg is named after the instansi and needs no row. L3/L4 verifier and
-- HDS grants carry their office; routing rules name the offices of fixed levels.

CREATE TABLE kantor (
    id        SMALLINT PRIMARY KEY,
    kode      TEXT NOT NULL UNIQUE,
    nama      TEXT NOT NULL,
    jenis     TEXT NOT NULL CHECK (jenis IN ('kanreg', 'direktorat', 'biro', 'deputi')),
    -- the region whose instansi it verifies: its own for a Kanreg, 0 (central instansi) for
    -- the Direktorat Pengadaan dan Kepangkatan, none for national offices
    kanreg_id SMALLINT REFERENCES kanreg(id)
);
INSERT INTO kantor (id, kode, nama, jenis, kanreg_id)
SELECT id, 'KANREG-' || id, nama, 'kanreg', id FROM kanreg WHERE id > 0;
INSERT INTO kantor (id, kode, nama, jenis, kanreg_id) VALUES
    (100, 'DIT-STATUS', 'Direktorat Status Kepegawaian BKN', 'direktorat', NULL),
    (101, 'DIT-PENGADAAN', 'Direktorat Pengadaan dan Kepangkatan BKN', 'direktorat', 0),
    (102, 'DIT-PENSIUN', 'Direktorat Pensiun BKN', 'direktorat', NULL),
    (103, 'BIRO-KEPEGAWAIAN', 'Biro Kepegawaian BKN', 'biro', NULL),
    (104, 'DEPUTI-SINKA', 'Deputi Bidang Sistem Informasi Kepegawaian BKN', 'deputi', NULL);

-- Identity: a grant's office, by value (no key across services).
ALTER TABLE role_grant ADD COLUMN kantor_id SMALLINT;
UPDATE role_grant SET kantor_id = kanreg_id WHERE role IN ('verifikator_l3', 'petugas_hds') AND kanreg_id > 0;
UPDATE role_grant SET kantor_id = 101 WHERE role = 'verifikator_l3' AND kanreg_id = 0;
UPDATE role_grant SET kantor_id = 100 WHERE role = 'verifikator_l4';

-- Verification: the office of a level that is always the same office.
ALTER TABLE verifikasi_rute ADD COLUMN kantor_id SMALLINT;
UPDATE verifikasi_rute SET kantor_id = 100 WHERE tingkat = 4;
UPDATE verifikasi_rute SET kantor_id = 101 WHERE jenis_instansi = 'pusat' AND tingkat = 3;
