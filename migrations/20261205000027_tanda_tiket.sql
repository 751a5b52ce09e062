-- Personnel service: a "[?]" flag remembers the help-desk ticket that took it up, so the form
-- can show "waiting for HDS, ticket HDS-…" and the ticket's solving can settle the flag.
-- (The ticket is helpdesk's: no foreign key across the services' tables.)

ALTER TABLE usulan_tanda
    ADD COLUMN tiket_id    UUID,
    ADD COLUMN tiket_nomor TEXT;
CREATE UNIQUE INDEX usulan_tanda_tiket ON usulan_tanda (tiket_id) WHERE tiket_id IS NOT NULL;
