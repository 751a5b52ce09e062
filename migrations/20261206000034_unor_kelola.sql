-- Reference service (#13): an instansi's admin keeps its unit tree. A unit is closed, never
-- deleted (records and history name it); a closed unit is offered in no picker.
ALTER TABLE unor ADD COLUMN ditutup_pada TIMESTAMPTZ;
