-- Reference service: study programmes and general positions that SAPK master records carry
-- but the first seed of the lists lacked (older school types, nursing degrees, common JFU).
INSERT INTO kode_referensi (jenis, kode, nama, urutan) VALUES
    ('jurusan', 'J0391', 'SMK Akuntansi', 391),
    ('jurusan', 'J0392', 'SMK Budidaya Tanaman', 392),
    ('jurusan', 'J0393', 'SMK Teknik Bangunan', 393),
    ('jurusan', 'J0394', 'SPG Pendidikan Guru', 394),
    ('jurusan', 'J0395', 'D3 Budidaya Tanaman', 395),
    ('jurusan', 'J0396', 'S1 Pendidikan Bahasa Indonesia', 396),
    ('jurusan', 'J0397', 'S1 Ilmu Ekonomi Pembangunan', 397),
    ('jurusan', 'J0398', 'S1 Ilmu Keperawatan', 398),
    ('jurusan', 'J0399', 'S2 Keperawatan', 399),
    ('jurusan', 'J0400', 'S3 Ilmu Keperawatan', 400),
    ('jurusan', 'J0401', 'S3 Statistika', 401),
    ('jurusan', 'J0402', 'S1 Ilmu Administrasi Publik', 402),
    ('jurusan', 'J0403', 'S1 Ilmu Pertanian', 403),
    ('jfu', 'JFU0209', 'Pengawas Bangunan', 209),
    ('jfu', 'JFU0210', 'Pengelola Data Pertanian', 210),
    ('jfu', 'JFU0211', 'Pengelola Perpustakaan Sekolah', 211),
    ('jfu', 'JFU0212', 'Pengolah Data Statistik', 212),
    ('jfu', 'JFU0213', 'Penyusun Bahan Hukum', 213)
ON CONFLICT (jenis, kode) DO NOTHING;
