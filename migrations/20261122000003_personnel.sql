-- Personnel service: the master PNS records (SAPK baseline) and their history.
-- NIP and NIK are TEXT with a format check, not CHAR(n): a CHAR column compared with a text
-- parameter cannot use its index.
-- Instansi/unor ids refer to the reference service by value (no cross-service foreign keys).

CREATE TABLE pns (
    nip              TEXT PRIMARY KEY CHECK (nip ~ '^[0-9]{18}$'),
    nik              TEXT NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    nama             TEXT NOT NULL,
    gelar_depan      TEXT NOT NULL DEFAULT '',
    gelar_belakang   TEXT NOT NULL DEFAULT '',
    tempat_lahir     TEXT NOT NULL,
    tanggal_lahir    DATE NOT NULL,
    jenis_kelamin    TEXT NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
    agama            TEXT NOT NULL,
    status_kawin     TEXT NOT NULL,
    alamat           TEXT NOT NULL DEFAULT '',
    telepon          TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    instansi_id      UUID NOT NULL,
    unor_id          UUID NOT NULL,
    jenis_pegawai    TEXT NOT NULL,
    kedudukan_hukum  TEXT NOT NULL,
    tmt_cpns         DATE NOT NULL,
    tmt_pns          DATE,
    golongan         TEXT NOT NULL,
    tmt_golongan     DATE NOT NULL,
    versi            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX pns_instansi ON pns (instansi_id);
CREATE INDEX pns_unor ON pns (unor_id);

CREATE TABLE riwayat_golongan (
    id        UUID PRIMARY KEY,
    nip       TEXT NOT NULL REFERENCES pns(nip) ON DELETE CASCADE,
    golongan  TEXT NOT NULL,
    tmt       DATE NOT NULL,
    nomor_sk  TEXT NOT NULL,
    tanggal_sk DATE NOT NULL
);
CREATE INDEX riwayat_golongan_nip ON riwayat_golongan (nip);

CREATE TABLE riwayat_pendidikan (
    id           UUID PRIMARY KEY,
    nip          TEXT NOT NULL REFERENCES pns(nip) ON DELETE CASCADE,
    tingkat      TEXT NOT NULL,
    nama_sekolah TEXT NOT NULL,
    jurusan      TEXT NOT NULL DEFAULT '',
    tahun_lulus  SMALLINT NOT NULL
);
CREATE INDEX riwayat_pendidikan_nip ON riwayat_pendidikan (nip);

CREATE TABLE riwayat_jabatan (
    id          UUID PRIMARY KEY,
    nip         TEXT NOT NULL REFERENCES pns(nip) ON DELETE CASCADE,
    jenis_jabatan TEXT NOT NULL,
    nama_jabatan TEXT NOT NULL,
    eselon      TEXT,
    unor_id     UUID NOT NULL,
    tmt         DATE NOT NULL,
    nomor_sk    TEXT NOT NULL,
    tanggal_sk  DATE NOT NULL
);
CREATE INDEX riwayat_jabatan_nip ON riwayat_jabatan (nip);
