-- Personnel service: each PNS's re-registration proposal (usulan). The draft is the whole
-- form as the PNS typed it (domain::form::Formulir, JSON); on sending, the field-level
-- changes against the master version it started from are written out for the verifiers.

CREATE TABLE usulan (
    nip           TEXT PRIMARY KEY REFERENCES pns(nip) ON DELETE CASCADE,
    -- pns.versi the draft was started from: sending is refused if the master moved on.
    master_versi  INTEGER NOT NULL,
    -- optimistic concurrency: every save names the version it edited.
    versi         INTEGER NOT NULL DEFAULT 1,
    status        TEXT NOT NULL DEFAULT 'draf'
                  CHECK (status IN ('draf', 'dikirim', 'dikembalikan', 'final')),
    -- the whole draft form; json, not jsonb: stored and read whole, never queried inside
    isi           JSON NOT NULL,
    -- slugs of the sections reviewed and saved since their last change
    diperiksa     TEXT[] NOT NULL DEFAULT '{}',
    dibuat        TIMESTAMPTZ NOT NULL DEFAULT now(),
    diubah        TIMESTAMPTZ NOT NULL DEFAULT now(),
    dikirim       TIMESTAMPTZ
);
CREATE INDEX usulan_status ON usulan (status);

-- The change set sent for verification: one row per changed field.
CREATE TABLE usulan_perubahan (
    nip     TEXT NOT NULL REFERENCES usulan(nip) ON DELETE CASCADE,
    urutan  INTEGER NOT NULL,
    bagian  TEXT NOT NULL,
    aksi    TEXT NOT NULL CHECK (aksi IN ('ubah', 'tambah', 'hapus')),
    entri   TEXT,
    field   TEXT NOT NULL,
    lama    TEXT NOT NULL,
    baru    TEXT NOT NULL,
    PRIMARY KEY (nip, urutan)
);

-- What happened to the proposal, in order: the PNS's progress timeline.
CREATE TABLE usulan_riwayat (
    id         BIGSERIAL PRIMARY KEY,
    nip        TEXT NOT NULL REFERENCES usulan(nip) ON DELETE CASCADE,
    peristiwa  TEXT NOT NULL CHECK (peristiwa IN ('dikirim', 'disetujui', 'dikembalikan', 'final', 'turun_status')),
    tingkat    SMALLINT CHECK (tingkat BETWEEN 1 AND 4),
    oleh       TEXT NOT NULL,
    catatan    TEXT NOT NULL DEFAULT '',
    pada       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX usulan_riwayat_nip ON usulan_riwayat (nip, id);

-- Idempotency keys of saves: a retried save (the browser resending after a lost response,
-- or an offline queue replaying) gets the first answer instead of a version conflict.
CREATE TABLE usulan_simpan (
    kunci  UUID PRIMARY KEY,
    nip    TEXT NOT NULL,
    versi  INTEGER NOT NULL,
    pada   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX usulan_simpan_pada ON usulan_simpan (pada);
