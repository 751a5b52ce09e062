-- Personnel service: the family in the master record (data keluarga): spouses, current and
-- former, and children. Personal data: staff reads are audited like NIK and birth date.

CREATE TABLE keluarga_pasangan (
    id                UUID PRIMARY KEY,
    nip               TEXT NOT NULL REFERENCES pns(nip) ON DELETE CASCADE,
    nama              TEXT NOT NULL,
    nik               TEXT CHECK (nik ~ '^[0-9]{16}$'),
    tempat_lahir      TEXT NOT NULL,
    tanggal_lahir     DATE NOT NULL,
    tanggal_menikah   DATE NOT NULL,
    nomor_akta_nikah  TEXT NOT NULL,
    -- the spouse's own NIP when the spouse is a PNS too
    nip_pasangan      TEXT CHECK (nip_pasangan ~ '^[0-9]{18}$'),
    status            TEXT NOT NULL CHECK (status IN ('MENIKAH', 'CERAI', 'MENINGGAL'))
);
CREATE INDEX keluarga_pasangan_nip ON keluarga_pasangan (nip);

CREATE TABLE keluarga_anak (
    id             UUID PRIMARY KEY,
    nip            TEXT NOT NULL REFERENCES pns(nip) ON DELETE CASCADE,
    nama           TEXT NOT NULL,
    nik            TEXT CHECK (nik ~ '^[0-9]{16}$'),
    tempat_lahir   TEXT NOT NULL,
    tanggal_lahir  DATE NOT NULL,
    jenis_kelamin  TEXT NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
    status_anak    TEXT NOT NULL CHECK (status_anak IN ('KANDUNG', 'TIRI', 'ANGKAT')),
    orang_tua      TEXT NOT NULL CHECK (orang_tua IN ('PNS', 'PASANGAN', 'BERSAMA')),
    tunjangan      BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX keluarga_anak_nip ON keluarga_anak (nip);
