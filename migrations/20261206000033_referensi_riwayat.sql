-- Reference service (#13): the BKN admin keeps the national code lists in the app. An entry is
-- never deleted (records keep its code): it is retired and stays readable, but no picker offers
-- it. Every change is kept with who, when, before and after.

ALTER TABLE kode_referensi ADD COLUMN aktif BOOLEAN NOT NULL DEFAULT TRUE;

-- One name once per list: the master keeps some values by name, so a name must find one code.
CREATE UNIQUE INDEX kode_referensi_nama_key ON kode_referensi (jenis, lower(nama));

CREATE TABLE kode_referensi_riwayat (
    id      BIGSERIAL PRIMARY KEY,
    jenis   TEXT NOT NULL,
    kode    TEXT NOT NULL,
    aksi    TEXT NOT NULL CHECK (aksi IN ('tambah', 'ubah_nama', 'nonaktifkan', 'aktifkan')),
    sebelum JSONB,                      -- {kode, nama, aktif}; NULL for an added entry
    sesudah JSONB NOT NULL,
    oleh    UUID NOT NULL,              -- the admin's account (identity's; no cross-service key)
    oleh_label TEXT NOT NULL,           -- their username and name then (identity owns accounts)
    pada    TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (jenis, kode) REFERENCES kode_referensi (jenis, kode)
);
CREATE INDEX kode_referensi_riwayat_entri ON kode_referensi_riwayat (jenis, kode, id DESC);
