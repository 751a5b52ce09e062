-- Reference service: the kind of a functional position that brings its own form section
-- (Data Guru for teachers, Data Dokter for doctors and dentists). Which sections a PNS fills
-- follows the position's code and this kind, not the wording of its name.

ALTER TABLE kode_referensi
    ADD COLUMN jenis_fungsional TEXT CHECK (jenis_fungsional IN ('guru', 'dokter')),
    ADD CONSTRAINT kode_referensi_jenis_fungsional_jabatan
        CHECK (jenis_fungsional IS NULL OR jenis IN ('jft', 'jfu'));

-- The seeded JFT/JFU rows, by the rule the form used so far (the name's first word).
UPDATE kode_referensi SET jenis_fungsional = 'guru'
 WHERE jenis IN ('jft', 'jfu') AND lower(nama) LIKE 'guru%';
UPDATE kode_referensi SET jenis_fungsional = 'dokter'
 WHERE jenis IN ('jft', 'jfu') AND lower(nama) LIKE 'dokter%';
