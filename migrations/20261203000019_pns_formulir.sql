-- Personnel service: the form as last verified (#10). When a proposal becomes final its values
-- become the master record; the master tables have no column for many form fields (NPWP,
-- karpeg, lokasi kerja, ijazah, diklat, Data Guru/Dokter, Stakeholder, Sosial Ekonomi, Self
-- Assessment, ...), so the whole form is kept beside them and those fields are read from it.
-- NULL until a proposal of this PNS is first written to the master.
ALTER TABLE pns ADD COLUMN formulir JSON;

-- pns_rekam carries it (appended as the last key; the rest as in 20261130000011).
CREATE OR REPLACE VIEW pns_lengkap AS
SELECT p.nip, json_build_object(
    'nip', p.nip, 'nik', p.nik, 'nama', p.nama, 'gelar_depan', p.gelar_depan,
    'gelar_belakang', p.gelar_belakang, 'tempat_lahir', p.tempat_lahir, 'tanggal_lahir', p.tanggal_lahir,
    'jenis_kelamin', p.jenis_kelamin, 'agama', p.agama, 'status_kawin', p.status_kawin, 'alamat', p.alamat,
    'telepon', p.telepon, 'email', p.email, 'instansi_id', p.instansi_id, 'unor_id', p.unor_id,
    'jenis_pegawai', p.jenis_pegawai, 'kedudukan_hukum', p.kedudukan_hukum, 'tmt_cpns', p.tmt_cpns,
    'tmt_pns', p.tmt_pns, 'golongan', p.golongan, 'tmt_golongan', p.tmt_golongan, 'versi', p.versi,
    'riwayat_golongan', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'golongan', g.golongan,
         'tmt', g.tmt, 'nomor_sk', g.nomor_sk, 'tanggal_sk', g.tanggal_sk) ORDER BY g.tmt), '[]')
         FROM riwayat_golongan g WHERE g.nip = p.nip),
    'riwayat_pendidikan', (SELECT coalesce(json_agg(json_build_object('id', e.id, 'tingkat', e.tingkat,
         'nama_sekolah', e.nama_sekolah, 'jurusan', e.jurusan, 'tahun_lulus', e.tahun_lulus)
         ORDER BY e.tahun_lulus), '[]')
         FROM riwayat_pendidikan e WHERE e.nip = p.nip),
    'riwayat_jabatan', (SELECT coalesce(json_agg(json_build_object('id', j.id, 'jenis_jabatan', j.jenis_jabatan,
         'nama_jabatan', j.nama_jabatan, 'eselon', j.eselon, 'unor_id', j.unor_id, 'tmt', j.tmt,
         'nomor_sk', j.nomor_sk, 'tanggal_sk', j.tanggal_sk) ORDER BY j.tmt), '[]')
         FROM riwayat_jabatan j WHERE j.nip = p.nip),
    'pasangan', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'nama', s.nama, 'nik', s.nik,
         'tempat_lahir', s.tempat_lahir, 'tanggal_lahir', s.tanggal_lahir, 'tanggal_menikah', s.tanggal_menikah,
         'nomor_akta_nikah', s.nomor_akta_nikah, 'nip_pasangan', s.nip_pasangan, 'status', s.status)
         ORDER BY s.tanggal_menikah), '[]')
         FROM keluarga_pasangan s WHERE s.nip = p.nip),
    'anak', (SELECT coalesce(json_agg(json_build_object('id', a.id, 'nama', a.nama, 'nik', a.nik,
         'tempat_lahir', a.tempat_lahir, 'tanggal_lahir', a.tanggal_lahir, 'jenis_kelamin', a.jenis_kelamin,
         'status_anak', a.status_anak, 'orang_tua', a.orang_tua, 'tunjangan', a.tunjangan)
         ORDER BY a.tanggal_lahir), '[]')
         FROM keluarga_anak a WHERE a.nip = p.nip),
    'formulir', p.formulir
) AS rekam
FROM pns p;

-- Stored records need no refresh: no PNS has a formulir yet, and a missing key reads as none.
