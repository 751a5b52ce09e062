-- Personnel service: proposals get their own id (#10). A PNS has at most one open proposal
-- and may start another after the last one became final; each sending starts a new round
-- (putaran) whose change rows the verifiers decide on, keyed by (proposal, round, field),
-- never by a row number.

ALTER TABLE usulan ADD COLUMN id UUID NOT NULL DEFAULT gen_random_uuid();
-- rounds sent so far: the first sending is round 1, a re-sent returned proposal round 2, ...
ALTER TABLE usulan ADD COLUMN putaran INTEGER NOT NULL DEFAULT 0;
UPDATE usulan SET putaran = 1 WHERE dikirim IS NOT NULL;
-- the fields rejected when it was last returned, with their reasons (domain::verifikasi::Penolakan):
-- the form shows them to the PNS; verification sends them through personnel's API
ALTER TABLE usulan ADD COLUMN penolakan JSON NOT NULL DEFAULT '[]';

-- Change rows and timeline steps move from the NIP to the proposal's id.
ALTER TABLE usulan_perubahan ADD COLUMN usulan_id UUID;
ALTER TABLE usulan_perubahan ADD COLUMN putaran INTEGER;
UPDATE usulan_perubahan c SET usulan_id = u.id, putaran = greatest(u.putaran, 1) FROM usulan u WHERE u.nip = c.nip;
ALTER TABLE usulan_riwayat ADD COLUMN usulan_id UUID;
UPDATE usulan_riwayat r SET usulan_id = u.id FROM usulan u WHERE u.nip = r.nip;

ALTER TABLE usulan_perubahan DROP CONSTRAINT usulan_perubahan_nip_fkey;
ALTER TABLE usulan_perubahan DROP CONSTRAINT usulan_perubahan_pkey;
ALTER TABLE usulan_riwayat DROP CONSTRAINT usulan_riwayat_nip_fkey;
ALTER TABLE usulan DROP CONSTRAINT usulan_pkey;
ALTER TABLE usulan ADD PRIMARY KEY (id);
-- one open proposal per PNS; final ones stay as the record of what was verified
CREATE UNIQUE INDEX usulan_terbuka ON usulan (nip) WHERE status <> 'final';
CREATE INDEX usulan_nip ON usulan (nip, dibuat);

ALTER TABLE usulan_perubahan DROP COLUMN nip;
ALTER TABLE usulan_perubahan ALTER COLUMN usulan_id SET NOT NULL;
ALTER TABLE usulan_perubahan ALTER COLUMN putaran SET NOT NULL;
ALTER TABLE usulan_perubahan ADD PRIMARY KEY (usulan_id, putaran, urutan);
ALTER TABLE usulan_perubahan ADD FOREIGN KEY (usulan_id) REFERENCES usulan(id) ON DELETE CASCADE;
-- a field changes at most once per round: what a decision is keyed by
CREATE UNIQUE INDEX usulan_perubahan_field ON usulan_perubahan (usulan_id, putaran, bagian, coalesce(entri, ''), field);

-- The timeline stays per PNS (it spans proposals) and says which proposal each step is of.
ALTER TABLE usulan_riwayat ALTER COLUMN usulan_id SET NOT NULL;
ALTER TABLE usulan_riwayat ADD FOREIGN KEY (usulan_id) REFERENCES usulan(id) ON DELETE CASCADE;
ALTER TABLE usulan_riwayat ADD FOREIGN KEY (nip) REFERENCES pns(nip) ON DELETE CASCADE;
-- the office that acted (verifiers act for an office; the PNS sees the office, not the person)
ALTER TABLE usulan_riwayat ADD COLUMN kantor TEXT NOT NULL DEFAULT '';
