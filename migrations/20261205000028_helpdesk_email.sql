-- Helpdesk service: the address a ticket's notices go to (the PNS's account email when it was
-- raised; none: no mail). The mail says only that the ticket was answered or solved.

ALTER TABLE hds_tiket ADD COLUMN email TEXT CHECK (length(email) <= 254);
