-- A decision's fingerprint (SHA-256 of the request as sent), kept with its idempotency key: a
-- retry with the same key and the same body gets the first answer; the same key with another
-- body is refused (KeyReused) instead of silently answered with a decision it did not ask for.
-- Decisions recorded before this column have none and are answered as before.
ALTER TABLE verifikasi_riwayat ADD COLUMN sidik BYTEA CHECK (sidik IS NULL OR length(sidik) = 32);
