-- Personnel service (#10): a verified birth-date or gender change changes the NIP. The NIP stays
-- the key people see; every table referring to a PNS follows the change (ON UPDATE CASCADE)
-- instead of being rewritten by hand, and the old NIP stays an alias for sign-in and look-ups.

DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT conname, conrelid::regclass AS tabel, pg_get_constraintdef(oid) AS def
             FROM pg_constraint WHERE contype = 'f' AND confrelid = 'pns'::regclass
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tabel, c.conname);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s ON UPDATE CASCADE', c.tabel, c.conname, c.def);
    END LOOP;
END
$$;

CREATE TABLE pns_nip_lama (
    nip_lama  TEXT PRIMARY KEY CHECK (nip_lama ~ '^[0-9]{18}$'),
    nip       TEXT NOT NULL REFERENCES pns(nip) ON UPDATE CASCADE ON DELETE CASCADE,
    diganti   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pns_nip_lama_nip ON pns_nip_lama (nip);
