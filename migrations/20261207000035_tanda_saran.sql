-- Personnel service: when a help-desk ticket about a missing entry (categories F–O) is solved,
-- the officer names the entry now in the list; the flag keeps it so the form can offer it
-- beside the field. A code (or a unit's id) and its name as the officer saw it.

ALTER TABLE usulan_tanda
    ADD COLUMN saran      TEXT,
    ADD COLUMN saran_nama TEXT,
    ADD CONSTRAINT usulan_tanda_saran CHECK ((saran IS NULL) = (saran_nama IS NULL));
