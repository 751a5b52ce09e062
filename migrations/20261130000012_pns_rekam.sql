-- Personnel service: each master record as its finished JSON (pns_lengkap's `rekam`), kept
-- beside the normalised tables. Records are read on every form load and changed rarely (an
-- import, a verified proposal), so the form reads one stored value instead of building it from
-- five tables each time. Every master write goes through the personnel service, which rewrites
-- the row in the same transaction (Personnel::refresh_rekam).
CREATE TABLE pns_rekam (
    nip    TEXT PRIMARY KEY REFERENCES pns(nip) ON DELETE CASCADE,
    -- json, not jsonb: read whole and sent on as text, never queried inside
    rekam  JSON NOT NULL
);
INSERT INTO pns_rekam (nip, rekam) SELECT nip, rekam FROM pns_lengkap;
