-- Personnel service: "[?]" flags. A PNS marks a field whose right value cannot be chosen
-- (a missing reference entry, wrong master data) and says why; the flag stays on the field,
-- visible to the PNS, until the helpdesk turns it into a ticket and solves it.

CREATE TABLE usulan_tanda (
    id          UUID PRIMARY KEY,
    nip         TEXT NOT NULL REFERENCES pns(nip) ON DELETE CASCADE,
    bagian      TEXT NOT NULL,
    -- the entry's id, in a list section
    entri       TEXT,
    field       TEXT NOT NULL,
    keterangan  TEXT NOT NULL CHECK (length(keterangan) BETWEEN 1 AND 1000),
    status      TEXT NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka', 'tiket', 'selesai')),
    dibuat      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX usulan_tanda_nip ON usulan_tanda (nip, dibuat);
