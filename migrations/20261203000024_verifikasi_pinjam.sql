-- Taking submissions offline: a checkout holds the item for one verifier for 24 hours (the
-- claim columns of verifikasi_item are set to its end, so every claim check applies), and this
-- row outlives the claim so that a release by a supervisor can be told from an expiry: the
-- offline verifier's decisions on a released checkout come back as conflicts.
CREATE TABLE verifikasi_pinjam (
    id           UUID PRIMARY KEY,
    item_id      UUID NOT NULL REFERENCES verifikasi_item(id) ON DELETE CASCADE,
    oleh         UUID NOT NULL,
    oleh_nama    TEXT NOT NULL,
    dipinjam     TIMESTAMPTZ NOT NULL DEFAULT now(),
    sampai       TIMESTAMPTZ NOT NULL,
    -- NULL while active; then how it ended
    selesai      TIMESTAMPTZ,
    akhir        TEXT CHECK (akhir IN ('diputus', 'dikembalikan', 'dilepas', 'kedaluwarsa')),
    dilepas_oleh UUID,
    dilepas_nama TEXT,
    alasan       TEXT NOT NULL DEFAULT '' CHECK (length(alasan) <= 500),
    CHECK ((selesai IS NULL) = (akhir IS NULL))
);
-- One active checkout per item; a verifier's active ones are counted against their limit.
CREATE UNIQUE INDEX verifikasi_pinjam_aktif ON verifikasi_pinjam (item_id) WHERE selesai IS NULL;
CREATE INDEX verifikasi_pinjam_oleh ON verifikasi_pinjam (oleh) WHERE selesai IS NULL;
