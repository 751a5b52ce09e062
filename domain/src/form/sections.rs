//! The sections of the re-registration form (the 2015 e-PUPNS tabs), as the PNS
//! types them. Every value is text; `rules` parses and checks it.

use super::spec::Kind::*;
use super::spec::{form_struct, Opt};
use crate::fasilitas::BidangFasilitas;
use crate::kode::DaftarKode;

const JENIS_KENAIKAN: &[Opt] = &[
    Opt { value: "CPNS", id: "Pengangkatan CPNS", en: "Appointment as CPNS" },
    Opt { value: "PNS", id: "Pengangkatan PNS", en: "Appointment as PNS" },
    Opt { value: "REGULER", id: "Kenaikan pangkat reguler", en: "Regular promotion" },
    Opt { value: "PILIHAN", id: "Kenaikan pangkat pilihan (jabatan)", en: "Promotion by position" },
    Opt { value: "PI", id: "Penyesuaian ijazah", en: "Promotion by diploma" },
    Opt { value: "ISTIMEWA", id: "Kenaikan pangkat istimewa", en: "Exceptional promotion" },
    Opt { value: "ANUMERTA", id: "Kenaikan pangkat anumerta", en: "Posthumous promotion" },
];

const STATUS_PERKAWINAN: &[Opt] = &[
    Opt { value: "MENIKAH", id: "Menikah", en: "Married" },
    Opt { value: "CERAI", id: "Cerai", en: "Divorced" },
    Opt { value: "MENINGGAL", id: "Meninggal", en: "Deceased" },
];

const STATUS_ANAK: &[Opt] = &[
    Opt { value: "KANDUNG", id: "Kandung", en: "Biological" },
    Opt { value: "TIRI", id: "Tiri", en: "Step-child" },
    Opt { value: "ANGKAT", id: "Angkat", en: "Adopted" },
];

const SEKOLAH_ANAK: &[Opt] = &[
    Opt { value: "BELUM", id: "Belum sekolah", en: "Not yet at school" },
    Opt { value: "TK", id: "TK/PAUD", en: "Kindergarten" },
    Opt { value: "SD", id: "SD", en: "Primary school" },
    Opt { value: "SLTP", id: "SLTP", en: "Junior high school" },
    Opt { value: "SLTA", id: "SLTA", en: "Senior high school" },
    Opt { value: "PT", id: "Perguruan tinggi", en: "University" },
    Opt { value: "SELESAI", id: "Tidak sekolah lagi", en: "No longer at school" },
];

const STATUS_RUMAH: &[Opt] = &[
    Opt { value: "MILIK", id: "Milik sendiri", en: "Own house" },
    Opt { value: "SEWA", id: "Sewa/kontrak", en: "Rented" },
    Opt { value: "DINAS", id: "Rumah dinas", en: "Official housing" },
    Opt { value: "KELUARGA", id: "Menumpang keluarga", en: "Living with family" },
];

const TIPE_RUMAH: &[Opt] = &[
    Opt { value: "T21", id: "Tipe 21 atau lebih kecil", en: "Type 21 or smaller" },
    Opt { value: "T36", id: "Tipe 36", en: "Type 36" },
    Opt { value: "T45", id: "Tipe 45", en: "Type 45" },
    Opt { value: "T54", id: "Tipe 54–70", en: "Type 54–70" },
    Opt { value: "T70", id: "Lebih dari tipe 70", en: "Larger than type 70" },
];

const PENGELUARAN: &[Opt] = &[
    Opt { value: "A", id: "Kurang dari Rp 2 juta", en: "Under Rp 2 million" },
    Opt { value: "B", id: "Rp 2–4 juta", en: "Rp 2–4 million" },
    Opt { value: "C", id: "Rp 4–7 juta", en: "Rp 4–7 million" },
    Opt { value: "D", id: "Rp 7–10 juta", en: "Rp 7–10 million" },
    Opt { value: "E", id: "Lebih dari Rp 10 juta", en: "Over Rp 10 million" },
];

const ORANG_TUA: &[Opt] = &[
    Opt { value: "PNS", id: "PNS ini", en: "This civil servant" },
    Opt { value: "PASANGAN", id: "Pasangan", en: "The spouse" },
    Opt { value: "BERSAMA", id: "Keduanya", en: "Both" },
];

form_struct! {
    /// Data Utama: the identity fields, each shown beside its master value.
    DataUtama {
        nama: Text, req, "Nama (tanpa gelar)", "Name (without titles)";
        gelar_depan: Text, opt, "Gelar depan", "Title before the name";
        gelar_belakang: Text, opt, "Gelar belakang", "Title after the name";
        tempat_lahir: Text, req, "Tempat lahir", "Place of birth";
        tanggal_lahir: Date, req, "Tanggal lahir", "Date of birth";
        jenis_kelamin: Code(DaftarKode::JenisKelamin), req, "Jenis kelamin", "Gender";
        agama: Code(DaftarKode::Agama), req, "Agama", "Religion";
        status_kawin: Code(DaftarKode::StatusKawin), req, "Status perkawinan", "Marital status";
        nik: Nik, req, "NIK", "National ID number (NIK)";
        npwp: Text, opt, "NPWP", "Tax number (NPWP)";
        nomor_karpeg: Text, opt, "Nomor kartu pegawai (Karpeg)", "Employee card number (Karpeg)";
        alamat: LongText, req, "Alamat", "Address";
        telepon: Text, opt, "Nomor telepon", "Phone number";
        email: Text, opt, "Email", "Email";
        jenis_pegawai: Code(DaftarKode::JenisPegawai), req, "Jenis pegawai", "Employee type";
        tmt_cpns: Date, req, "TMT CPNS", "Start date as CPNS";
        tmt_pns: Date, opt, "TMT PNS", "Start date as PNS";
    }
}

form_struct! {
    /// Data Posisi: where the PNS works now.
    DataPosisi {
        unor: Unor, req, "Unit organisasi (unor)", "Organisational unit (unor)";
        lokasi_kerja: Search(DaftarKode::KabupatenKota), req, "Lokasi kerja (kabupaten/kota)", "Place of work (regency/city)";
        jenis_jabatan: Code(DaftarKode::JenisJabatan), req, "Jenis jabatan", "Kind of position";
        jabatan: Jabatan, req, "Jabatan", "Position";
        eselon: Code(DaftarKode::Eselon), opt, "Eselon", "Echelon";
        tmt_jabatan: Date, req, "TMT jabatan", "Position held since";
        kedudukan_hukum: Code(DaftarKode::KedudukanHukum), req, "Kedudukan hukum", "Employment status";
    }
}

form_struct! {
    /// Riwayat Golongan: one rank, from SK CPNS to the latest.
    EntriGolongan {
        id: Hidden, opt, "", "";
        golongan: Code(DaftarKode::Golongan), req, "Golongan", "Rank (golongan)";
        jenis_kenaikan: Choice(JENIS_KENAIKAN), req, "Jenis kenaikan pangkat", "Kind of promotion";
        masa_kerja_tahun: Number, req, "Masa kerja golongan (tahun)", "Service in rank (years)";
        masa_kerja_bulan: Number, req, "Masa kerja golongan (bulan)", "Service in rank (months)";
        nomor_sk: Text, req, "Nomor SK", "Decree number";
        tanggal_sk: Date, req, "Tanggal SK", "Decree date";
        tmt: Date, req, "TMT golongan", "Effective date";
        nomor_bkn: Text, opt, "Nomor persetujuan BKN", "BKN approval number";
        tanggal_bkn: Date, opt, "Tanggal persetujuan BKN", "BKN approval date";
    }
}

form_struct! {
    /// Riwayat Pendidikan: one school or degree.
    EntriPendidikan {
        id: Hidden, opt, "", "";
        tingkat: Code(DaftarKode::TingkatPendidikan), req, "Tingkat pendidikan", "Level";
        jurusan: Search(DaftarKode::Jurusan), opt, "Jurusan / program studi", "Field of study";
        nama_sekolah: Text, req, "Nama sekolah / perguruan tinggi", "School or university";
        tahun_lulus: Year, req, "Tahun lulus", "Year of graduation";
        nomor_ijazah: Text, opt, "Nomor ijazah", "Diploma number";
        tanggal_ijazah: Date, opt, "Tanggal ijazah", "Diploma date";
        gelar: Text, opt, "Gelar yang diperoleh", "Degree obtained";
        pertama_cpns: YesNo, opt, "Pendidikan pertama saat CPNS", "Education held when appointed CPNS";
    }
}

form_struct! {
    /// Riwayat Diklat (struktural or fungsional; the section decides the list `nama` comes from).
    EntriDiklat {
        id: Hidden, opt, "", "";
        diklat: Search(DaftarKode::DiklatFungsional), req, "Nama diklat", "Training";
        penyelenggara: Text, req, "Penyelenggara", "Organiser";
        tanggal_mulai: Date, req, "Tanggal mulai", "Start date";
        tanggal_selesai: Date, req, "Tanggal selesai", "End date";
        jumlah_jam: Number, req, "Jumlah jam", "Hours";
        nomor_sertifikat: Text, opt, "Nomor sertifikat", "Certificate number";
        tanggal_sertifikat: Date, opt, "Tanggal sertifikat", "Certificate date";
    }
}

form_struct! {
    /// Riwayat Jabatan: one position held.
    EntriJabatan {
        id: Hidden, opt, "", "";
        jenis_jabatan: Code(DaftarKode::JenisJabatan), req, "Jenis jabatan", "Kind of position";
        unor: Unor, req, "Unit organisasi", "Organisational unit";
        jabatan: Jabatan, req, "Jabatan", "Position";
        eselon: Code(DaftarKode::Eselon), opt, "Eselon", "Echelon";
        tmt: Date, req, "TMT jabatan", "Effective date";
        tmt_selesai: Date, opt, "Selesai menjabat", "Held until";
        nomor_sk: Text, req, "Nomor SK", "Decree number";
        tanggal_sk: Date, req, "Tanggal SK", "Decree date";
        tmt_pelantikan: Date, opt, "TMT pelantikan", "Inauguration date";
    }
}

form_struct! {
    /// Keluarga: a husband or wife, present or past.
    EntriPasangan {
        id: Hidden, opt, "", "";
        nama: Text, req, "Nama", "Name";
        nik: Nik, opt, "NIK", "NIK";
        tempat_lahir: Text, req, "Tempat lahir", "Place of birth";
        tanggal_lahir: Date, req, "Tanggal lahir", "Date of birth";
        tanggal_menikah: Date, req, "Tanggal menikah", "Date of marriage";
        nomor_akta_nikah: Text, req, "Nomor akta nikah", "Marriage certificate number";
        pns: YesNo, req, "Pasangan PNS?", "Is the spouse a civil servant?";
        nip: Nip, opt, "NIP pasangan", "Spouse's NIP";
        status: Choice(STATUS_PERKAWINAN), req, "Status", "Status";
    }
}

form_struct! {
    /// Keluarga: a child, with the schooling that Sosial Ekonomi asks about.
    EntriAnak {
        id: Hidden, opt, "", "";
        nama: Text, req, "Nama", "Name";
        nik: Nik, opt, "NIK", "NIK";
        tempat_lahir: Text, req, "Tempat lahir", "Place of birth";
        tanggal_lahir: Date, req, "Tanggal lahir", "Date of birth";
        jenis_kelamin: Code(DaftarKode::JenisKelamin), req, "Jenis kelamin", "Gender";
        status_anak: Choice(STATUS_ANAK), req, "Status anak", "Relationship";
        orang_tua: Choice(ORANG_TUA), req, "Anak dari", "Child of";
        tunjangan: YesNo, req, "Mendapat tunjangan", "Receives the child allowance";
        sekolah: Choice(SEKOLAH_ANAK), opt, "Jenjang sekolah", "Schooling level";
        nama_sekolah: Text, opt, "Nama sekolah", "School";
    }
}

form_struct! {
    /// Data Guru (teachers only).
    DataGuru {
        nuptk: Text, req, "NUPTK", "Teacher number (NUPTK)";
        sekolah: Fasilitas(BidangFasilitas::Pendidikan), req, "Sekolah tempat mengajar", "School taught at";
        mata_pelajaran: Search(DaftarKode::MataPelajaran), req, "Mata pelajaran", "Subject taught";
        tahun_sertifikasi: Year, opt, "Tahun sertifikasi", "Certification year";
        nomor_sertifikat: Text, opt, "Nomor sertifikat pendidik", "Teaching certificate number";
        jam_mengajar: Number, req, "Jam mengajar per minggu", "Teaching hours per week";
    }
}

form_struct! {
    /// Data Dokter (doctors only).
    DataDokter {
        bidang_spesialis: Search(DaftarKode::BidangSpesialis), req, "Bidang spesialis", "Speciality";
        nomor_str: Text, req, "Nomor STR", "Registration number (STR)";
        str_berlaku_sampai: Date, req, "STR berlaku sampai", "STR valid until";
        unit_kesehatan: Fasilitas(BidangFasilitas::Kesehatan), req, "Unit kesehatan (fasilitas)", "Health facility";
        jenis_fasilitas: Code(DaftarKode::FasilitasKesehatanJenis), req, "Jenis fasilitas", "Kind of facility";
    }
}

form_struct! {
    /// Data Stakeholder: memberships other agencies keep.
    DataStakeholder {
        bapertarum: YesNo, req, "Peserta Bapertarum", "Member of Bapertarum";
        nomor_bpjs: Text, opt, "Nomor BPJS Kesehatan", "BPJS Kesehatan number";
        nomor_kpe: Text, opt, "Nomor KPE (Kartu Pegawai Elektronik)", "Electronic employee card (KPE) number";
    }
}

form_struct! {
    /// Sosial Ekonomi: housing and household.
    SosialEkonomi {
        status_rumah: Choice(STATUS_RUMAH), req, "Status tempat tinggal", "Housing";
        tipe_rumah: Choice(TIPE_RUMAH), req, "Tipe rumah", "House type";
        jarak_km: Number, req, "Jarak ke tempat kerja (km)", "Distance to work (km)";
        jumlah_tanggungan: Number, req, "Jumlah tanggungan", "Number of dependants";
        pengeluaran: Choice(PENGELUARAN), req, "Pengeluaran rumah tangga per bulan", "Monthly household expenses";
    }
}

form_struct! {
    /// Self Assessment: competencies scored 1 (kurang) to 5 (sangat baik).
    SelfAssessment {
        integritas: Score, req, "Saya bertindak jujur dan sesuai aturan meski tidak diawasi.", "I act honestly and by the rules even when unobserved.";
        integritas_2: Score, req, "Saya menolak pemberian yang berkaitan dengan tugas.", "I refuse gifts connected with my duties.";
        kerja_sama: Score, req, "Saya aktif membantu rekan kerja menyelesaikan tugas tim.", "I actively help colleagues finish team work.";
        kerja_sama_2: Score, req, "Saya menghargai pendapat yang berbeda dalam tim.", "I respect differing opinions within the team.";
        komunikasi: Score, req, "Saya menyampaikan informasi dengan jelas, lisan maupun tertulis.", "I convey information clearly, orally and in writing.";
        komunikasi_2: Score, req, "Saya mendengarkan dan memastikan pesan dipahami.", "I listen and make sure messages are understood.";
        orientasi_hasil: Score, req, "Saya menyelesaikan pekerjaan tepat waktu dan sesuai target.", "I finish work on time and on target.";
        orientasi_hasil_2: Score, req, "Saya mencari cara kerja yang lebih efisien.", "I look for more efficient ways of working.";
        pelayanan_publik: Score, req, "Saya melayani masyarakat dengan ramah dan tidak diskriminatif.", "I serve the public courteously and without discrimination.";
        pelayanan_publik_2: Score, req, "Saya menindaklanjuti keluhan masyarakat.", "I follow up complaints from the public.";
        pengembangan_diri: Score, req, "Saya terus belajar untuk meningkatkan kompetensi.", "I keep learning to improve my competence.";
        pengembangan_diri_2: Score, req, "Saya membagikan pengetahuan kepada rekan kerja.", "I share knowledge with colleagues.";
        mengelola_perubahan: Score, req, "Saya menyesuaikan diri dengan perubahan kebijakan dan teknologi.", "I adapt to changes in policy and technology.";
        mengelola_perubahan_2: Score, req, "Saya mengusulkan perbaikan di unit kerja.", "I propose improvements in my unit.";
        pengambilan_keputusan: Score, req, "Saya mengambil keputusan berdasarkan data dan aturan.", "I make decisions based on data and rules.";
        pengambilan_keputusan_2: Score, req, "Saya berani bertanggung jawab atas keputusan saya.", "I take responsibility for my decisions.";
        teknis_jabatan: Score, req, "Saya menguasai pengetahuan teknis jabatan saya.", "I master the technical knowledge of my position.";
        teknis_jabatan_2: Score, req, "Saya mampu menggunakan aplikasi/peralatan kerja jabatan saya.", "I can use the applications and tools of my position.";
        teknis_jabatan_3: Score, req, "Saya memahami peraturan yang berkaitan dengan jabatan saya.", "I understand the regulations of my position.";
        teknis_jabatan_4: Score, req, "Saya dapat membimbing rekan baru dalam tugas jabatan saya.", "I can coach new colleagues in my position's tasks.";
        catatan: LongText, opt, "Catatan (opsional)", "Note (optional)";
    }
}
