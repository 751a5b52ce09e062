-- Reference service: national code lists, Kanreg regions, instansi, unor, instansi settings.

CREATE TABLE kanreg (
    id      SMALLINT PRIMARY KEY,          -- 0 = BKN Pusat (central instansi), 1..14 = Kanreg I..XIV
    kode    TEXT NOT NULL UNIQUE,          -- 'PUSAT', 'I' .. 'XIV'
    nama    TEXT NOT NULL,
    kota    TEXT NOT NULL
);

CREATE TABLE provinsi (
    kode      CHAR(2) PRIMARY KEY,         -- BPS/Kemendagri code, first two digits of a NIK
    nama      TEXT NOT NULL,
    kanreg_id SMALLINT NOT NULL REFERENCES kanreg(id)
);

-- One table for the short national code lists; `jenis` names the list.
CREATE TABLE kode_referensi (
    jenis  TEXT NOT NULL,                  -- agama, status_kawin, jenis_kelamin, tingkat_pendidikan, jenis_jabatan, eselon, jenis_pegawai, kedudukan_hukum
    kode   TEXT NOT NULL,
    nama   TEXT NOT NULL,
    urutan SMALLINT NOT NULL,
    PRIMARY KEY (jenis, kode)
);

CREATE TABLE golongan (
    kode    TEXT PRIMARY KEY,              -- 'III/a'
    nomor   SMALLINT NOT NULL UNIQUE,      -- 11..45, ordered: I/a = 11 ... IV/e = 45
    pangkat TEXT NOT NULL                  -- 'Penata Muda'
);

CREATE TABLE instansi (
    id            UUID PRIMARY KEY,
    kode          TEXT NOT NULL UNIQUE,
    nama          TEXT NOT NULL,
    jenis         TEXT NOT NULL CHECK (jenis IN ('pusat', 'daerah')),
    provinsi_kode CHAR(2) REFERENCES provinsi(kode),
    kanreg_id     SMALLINT NOT NULL REFERENCES kanreg(id)
);

CREATE TABLE unor (
    id          UUID PRIMARY KEY,
    instansi_id UUID NOT NULL REFERENCES instansi(id),
    parent_id   UUID REFERENCES unor(id),
    nama        TEXT NOT NULL,
    jenis       TEXT NOT NULL,             -- 'SKPD', 'UPT', 'Satker', 'Biro', 'Bidang', ...
    -- materialised path of ids from the root, so "in this subtree" is a prefix test
    path        TEXT NOT NULL
);
CREATE INDEX unor_instansi ON unor (instansi_id);
CREATE INDEX unor_path ON unor (path text_pattern_ops);

CREATE TABLE instansi_setting (
    instansi_id           UUID PRIMARY KEY REFERENCES instansi(id),
    verifikasi_pendaftaran BOOLEAN NOT NULL DEFAULT TRUE,
    pendataan_mulai       DATE,
    pendataan_selesai     DATE
);
