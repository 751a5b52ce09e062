//! UI texts in Bahasa Indonesia (default) and English. The macro makes a missing
//! translation a compile error; the test below catches empty or untranslated ones.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const COOKIE: &'static str = "sipupns_lang";

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Anything but "en" is Indonesian: Indonesian is the default for everyone.
    pub fn from_code(code: &str) -> Lang {
        if code.trim() == "en" {
            Lang::En
        } else {
            Lang::Id
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

macro_rules! messages {
    ($($key:ident => ($id:literal, $en:literal)),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),+ }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Id) => $id, (Msg::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

messages! {
    AppName => ("SIPUPNS", "SIPUPNS"),
    AppTagline => ("Pendataan Ulang dan Verifikasi Data PNS", "Civil Servant Re-registration and Data Verification"),
    LanguageSwitch => ("English", "Bahasa Indonesia"),
    Home => ("Beranda", "Home"),
    SignIn => ("Masuk", "Sign in"),
    SignOut => ("Keluar", "Sign out"),
    SignInTitle => ("Masuk ke SIPUPNS", "Sign in to SIPUPNS"),
    SignInIdentifier => ("NIP atau nama pengguna", "NIP or username"),
    SignInIdentifierHint => ("PNS masuk dengan NIP 18 digit; petugas dengan nama pengguna.", "Civil servants sign in with their 18-digit NIP; staff with their username."),
    Password => ("Kata sandi", "Password"),
    PasswordConfirm => ("Ulangi kata sandi", "Repeat the password"),
    Register => ("Daftar akun PNS", "Register as a civil servant"),
    ForgotPassword => ("Lupa kata sandi?", "Forgot your password?"),
    Working => ("Sedang diproses…", "Working…"),
    SignedInAs => ("Masuk sebagai", "Signed in as"),
    ActiveRole => ("Peran aktif", "Active role"),
    SwitchRole => ("Ganti peran", "Switch role"),
    Welcome => ("Selamat datang", "Welcome"),
    Dashboard => ("Dasbor", "Dashboard"),
    NothingYet => ("Belum ada data untuk ditampilkan.", "Nothing to show yet."),
    AccessDeniedTitle => ("Akses ditolak", "Access denied"),
    NotFoundTitle => ("Halaman tidak ditemukan", "Page not found"),
    BackHome => ("Kembali ke beranda", "Back to the home page"),
    MainNav => ("Navigasi utama", "Main navigation"),
    SkipToContent => ("Langsung ke isi", "Skip to content"),
    RolePns => ("PNS", "Civil servant (PNS)"),
    RoleVerifikatorL1 => ("Verifikator Level 1 (SKPD/UPT/Satker)", "Verifier level 1 (SKPD/UPT/Satker)"),
    RoleVerifikatorL2 => ("Verifikator Level 2 (BKD/Ropeg)", "Verifier level 2 (BKD/Ropeg)"),
    RoleVerifikatorL3 => ("Verifikator Level 3 (Kanreg/Dit. Pengadaan)", "Verifier level 3 (Kanreg/Procurement Directorate)"),
    RoleVerifikatorL4 => ("Verifikator Level 4 (Direktorat Status)", "Verifier level 4 (Status Directorate)"),
    RolePetugasHds => ("Petugas Help Desk (HDS)", "Help desk officer (HDS)"),
    RoleAdminInstansi => ("Admin PUPNS Instansi", "Agency PUPNS admin"),
    RoleAdminKanreg => ("Admin Kanreg", "Regional office admin"),
    RoleAdminBkn => ("Admin BKN", "BKN admin"),
    RoleEksekutif => ("Pengguna Eksekutif", "Executive user"),
    HomePnsTitle => ("Data Saya", "My record"),
    HomePnsIntro => ("Di sini Anda memperbarui data kepegawaian dan memantau progres PUPNS Anda.", "Here you bring your personnel record up to date and follow your re-registration."),
    RecordIntro => ("Data induk kepegawaian Anda (SAPK) sebagaimana tercatat saat ini. Perubahan diajukan melalui formulir pendataan ulang dan diverifikasi berjenjang.", "Your personnel master record (SAPK) as it stands. Changes are proposed through the re-registration form and verified level by level."),
    RecordSections => ("Bagian data", "Record sections"),
    TabDataUtama => ("Data Utama", "Main data"),
    TabRiwayatGolongan => ("Riwayat Golongan", "Rank history"),
    TabRiwayatPendidikan => ("Riwayat Pendidikan", "Education history"),
    TabRiwayatJabatan => ("Riwayat Jabatan", "Position history"),
    GelarDepan => ("Gelar depan", "Title (before name)"),
    GelarBelakang => ("Gelar belakang", "Title (after name)"),
    TempatLahir => ("Tempat lahir", "Place of birth"),
    JenisKelamin => ("Jenis kelamin", "Gender"),
    Agama => ("Agama", "Religion"),
    StatusKawin => ("Status perkawinan", "Marital status"),
    Alamat => ("Alamat", "Address"),
    Telepon => ("Telepon", "Phone"),
    JenisPegawai => ("Jenis pegawai", "Employee type"),
    KedudukanHukum => ("Kedudukan hukum", "Legal status"),
    TmtPns => ("TMT PNS", "TMT PNS (civil servant from)"),
    Golongan => ("Golongan/pangkat", "Rank (golongan/pangkat)"),
    TmtGolongan => ("TMT golongan", "Rank effective from"),
    Tmt => ("TMT", "Effective from"),
    NomorSk => ("Nomor SK", "Decree number"),
    TanggalSk => ("Tanggal SK", "Decree date"),
    TingkatPendidikan => ("Tingkat pendidikan", "Education level"),
    NamaSekolah => ("Nama sekolah/perguruan tinggi", "School/university"),
    Jurusan => ("Jurusan", "Major"),
    TahunLulus => ("Tahun lulus", "Graduation year"),
    JenisJabatan => ("Jenis jabatan", "Position type"),
    NamaJabatan => ("Nama jabatan", "Position"),
    Eselon => ("Eselon", "Echelon"),
    Versi => ("Versi data", "Record version"),
    HomeVerifikasiTitle => ("Verifikasi", "Verification"),
    HomeVerifikasiIntro => ("Daftar pengajuan dan pendaftaran yang menunggu verifikasi Anda.", "Submissions and registrations waiting for your verification."),
    HomeHdsTitle => ("Kotak Masuk Help Desk", "Help desk inbox"),
    HomeHdsIntro => ("Tiket HDS untuk kantor dan kategori Anda.", "HDS tickets for your office and categories."),
    HomeAdminInstansiTitle => ("Administrasi Instansi", "Agency administration"),
    HomeAdminKanregTitle => ("Administrasi Kanreg", "Regional office administration"),
    HomeAdminBknTitle => ("Administrasi BKN", "BKN administration"),
    HomeAdminIntro => ("Pengelolaan verifikator, petugas HDS dan pengaturan dalam lingkup Anda.", "Manage verifiers, HDS officers and settings in your scope."),
    HomeEksekutifTitle => ("Dasbor Eksekutif", "Executive dashboard"),
    HomeEksekutifIntro => ("Progres PUPNS dan permasalahan dalam lingkup Anda.", "Re-registration progress and problems in your scope."),
    Scope => ("Lingkup", "Scope"),
    ScopeNational => ("Nasional", "National"),
    Instansi => ("Instansi", "Agency"),
    Unor => ("Unit organisasi", "Organisational unit"),
    Kanreg => ("Kantor Regional", "Regional office"),
    Nip => ("NIP", "NIP"),
    Nik => ("NIK", "NIK"),
    Nama => ("Nama", "Name"),
    BirthDate => ("Tanggal lahir", "Birth date"),
    TmtCpns => ("TMT CPNS", "TMT CPNS (appointment date)"),
    Email => ("Email", "Email"),
    Next => ("Lanjut", "Next"),
    Back => ("Kembali", "Back"),
    Approve => ("Setujui", "Approve"),
    RegisterTitle => ("Pendaftaran Akun PNS", "Civil servant registration"),
    RegisterStepNip => ("1. Masukkan NIP", "1. Enter your NIP"),
    RegisterStepCheck => ("2. Cocokkan data", "2. Confirm your data"),
    RegisterStepEmail => ("3. Konfirmasi email", "3. Confirm your email"),
    RegisterStepPassword => ("4. Buat kata sandi", "4. Choose a password"),
    RegisterLookup => ("Cari NIP", "Look up NIP"),
    RegisterFound => ("Data ditemukan. Pastikan nama dan instansi benar.", "Record found. Check that the name and agency are right."),
    RegisterWrongData => ("[?] Nama/instansi salah", "[?] Wrong name/agency"),
    RegisterWrongDataHelp => ("Jika nama atau instansi tidak sesuai, jangan lanjutkan. Laporkan melalui Help Desk (kategori A: beda nama, B: beda instansi).", "If the name or agency is wrong, do not continue. Report it through the Help Desk (category A: different name, B: different agency)."),
    RegisterCodeSent => ("Kode verifikasi 6 angka telah dikirim ke email Anda.", "A 6-digit verification code was sent to your email."),
    OneTimeCode => ("Kode verifikasi", "Verification code"),
    RegisterDone => ("Pendaftaran berhasil", "Registration complete"),
    RegisterDoneWaiting => ("Cetak slip pendaftaran dan bawa bersama KTP ke verifikator instansi Anda. Anda dapat masuk setelah pendaftaran diverifikasi.", "Print the registration slip and bring it with your ID card to your agency's verifier. You can sign in once the registration is verified."),
    RegisterDoneActive => ("Akun Anda sudah aktif. Silakan masuk.", "Your account is active. You can sign in now."),
    RegistrationNumber => ("Nomor pendaftaran", "Registration number"),
    DownloadSlip => ("Unduh slip pendaftaran (PDF)", "Download the registration slip (PDF)"),
    PendingRegistrations => ("Pendaftaran menunggu verifikasi", "Registrations waiting for verification"),
    NoPendingRegistrations => ("Tidak ada pendaftaran yang menunggu.", "No registrations are waiting."),
    RegistrationApproved => ("Pendaftaran disetujui.", "Registration approved."),
    ResetTitle => ("Atur ulang kata sandi", "Reset your password"),
    ResetRequestIntro => ("Masukkan NIP atau nama pengguna. Tautan untuk mengatur ulang kata sandi dikirim ke email akun.", "Enter your NIP or username. A link to reset the password goes to the account's email."),
    ResetRequestSent => ("Jika akun ditemukan dan memiliki email, tautan telah dikirim.", "If the account exists and has an email, a link has been sent."),
    ResetSendLink => ("Kirim tautan", "Send the link"),
    NewPassword => ("Kata sandi baru", "New password"),
    SavePassword => ("Simpan kata sandi", "Save the password"),
    PasswordChanged => ("Kata sandi diubah. Silakan masuk.", "Password changed. Please sign in."),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages() {
        for msg in Msg::ALL {
            assert!(!msg.text(Lang::Id).trim().is_empty(), "{msg:?} has no Indonesian text");
            assert!(!msg.text(Lang::En).trim().is_empty(), "{msg:?} has no English text");
        }
    }

    #[test]
    fn indonesian_is_the_default() {
        assert_eq!(Lang::default(), Lang::Id);
        assert_eq!(Lang::from_code("fr"), Lang::Id);
        assert_eq!(Lang::from_code("en"), Lang::En);
    }
}
