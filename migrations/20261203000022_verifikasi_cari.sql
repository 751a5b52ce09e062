-- Queue search that stays fast with a million waiting (#10, docs/PERFORMANCE.md "Verification").
-- pg_trgm is a trusted extension: the database owner that runs migrations may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- "Part of the name" (ILIKE '%…%') is found through trigrams instead of a scan of the table.
CREATE INDEX verifikasi_antrian_nama ON verifikasi_item USING gin (nama gin_trgm_ops)
    WHERE status = 'menunggu';

-- The queue indexes carry what the page shows and filters on, so the walk in (dikirim, id)
-- order tests name, NIP, age, unit and flags on index tuples (Index Only Scan, no heap visits).
DROP INDEX verifikasi_antrian_instansi;
DROP INDEX verifikasi_antrian_kanreg;
DROP INDEX verifikasi_antrian_semua;
CREATE INDEX verifikasi_antrian_instansi ON verifikasi_item (tingkat, instansi_id, dikirim, id)
    INCLUDE (nip, nama, putaran, jumlah_perubahan, ada_dokumen, ada_tanda, tanggal_lahir, unor_path,
             klaim_nama, klaim_sampai)
    WHERE status = 'menunggu';
CREATE INDEX verifikasi_antrian_kanreg ON verifikasi_item (tingkat, kanreg_id, dikirim, id)
    INCLUDE (nip, nama, putaran, jumlah_perubahan, ada_dokumen, ada_tanda, tanggal_lahir, unor_path,
             klaim_nama, klaim_sampai)
    WHERE status = 'menunggu';
CREATE INDEX verifikasi_antrian_semua ON verifikasi_item (tingkat, dikirim, id)
    INCLUDE (nip, nama, putaran, jumlah_perubahan, ada_dokumen, ada_tanda, tanggal_lahir, unor_path,
             klaim_nama, klaim_sampai)
    WHERE status = 'menunggu';
