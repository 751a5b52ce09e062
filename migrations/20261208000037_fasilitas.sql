-- Reference service (#13): the instansi's health and education facilities (fasilitas
-- kesehatan: puskesmas, hospitals; fasilitas pendidikan: schools). The instansi's admin keeps
-- them; Data Dokter's "Unit kesehatan" and Data Guru's "Sekolah tempat mengajar" pick from
-- them by id. A facility is closed, never deleted: a proposal that named it still reads it.
CREATE TABLE fasilitas (
    id           UUID PRIMARY KEY,
    instansi_id  UUID NOT NULL REFERENCES instansi(id),
    bidang       TEXT NOT NULL CHECK (bidang IN ('kesehatan', 'pendidikan')),
    nama         TEXT NOT NULL,
    -- a code of kode_referensi 'fasilitas_kesehatan_jenis' / 'fasilitas_pendidikan_jenis'
    jenis        TEXT NOT NULL,
    ditutup_pada TIMESTAMPTZ
);
-- One name per instansi and field, closed ones included (reopening is not offered).
CREATE UNIQUE INDEX fasilitas_nama_key ON fasilitas (instansi_id, bidang, lower(nama));

-- Drafts and master records typed the health facility as free text until now: each
-- distinct name becomes a facility of the PNS's instansi, and the form names it by id.
INSERT INTO fasilitas (id, instansi_id, bidang, nama, jenis)
SELECT gen_random_uuid(), instansi_id, 'kesehatan', min(nama), min(jenis)
FROM (
    SELECT p.instansi_id, btrim(f.isi #>> '{dokter,unit_kesehatan}') AS nama,
           coalesce(nullif(f.isi #>> '{dokter,jenis_fasilitas}', ''), 'FK01') AS jenis
    FROM (SELECT nip, isi::jsonb AS isi FROM usulan
          UNION ALL SELECT nip, formulir::jsonb FROM pns WHERE formulir IS NOT NULL) f
    JOIN pns p ON p.nip = f.nip
) lama
WHERE length(nama) >= 2 AND nama !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
GROUP BY instansi_id, lower(nama);

UPDATE usulan u
SET isi = jsonb_set(u.isi::jsonb, '{dokter,unit_kesehatan}', to_jsonb(f.id::text))::json
FROM pns p, fasilitas f
WHERE p.nip = u.nip AND f.instansi_id = p.instansi_id AND f.bidang = 'kesehatan'
  AND lower(f.nama) = lower(btrim(u.isi::jsonb #>> '{dokter,unit_kesehatan}'));

UPDATE pns p
SET formulir = jsonb_set(p.formulir::jsonb, '{dokter,unit_kesehatan}', to_jsonb(f.id::text))::json
FROM fasilitas f
WHERE p.formulir IS NOT NULL AND f.instansi_id = p.instansi_id AND f.bidang = 'kesehatan'
  AND lower(f.nama) = lower(btrim(p.formulir::jsonb #>> '{dokter,unit_kesehatan}'));
