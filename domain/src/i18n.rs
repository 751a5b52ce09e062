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

/// The texts of one enum (the messages, the error codes), indexed by the variant: tables are
/// data, where a `match` over (variant, language) compiled to ~15 KB of WASM code (#14).
/// Indonesian is always built in. English is built into the server; the browser's WASM leaves
/// it out (~6 KiB of the sign-in download) and gets it from the page when the page is in
/// English (`install_english`): until then, or for an entry it lacks, it shows Indonesian.
pub struct Teks {
    id: &'static [&'static str],
    #[cfg(not(target_arch = "wasm32"))]
    en: &'static [&'static str],
    #[cfg(target_arch = "wasm32")]
    en: fn() -> &'static [&'static str],
}

impl Teks {
    pub fn get(&self, index: usize, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id[index],
            Lang::En => self.english().get(index).copied().unwrap_or(self.id[index]),
        }
    }

    /// The English table (in the browser: as installed, empty before).
    pub fn english(&self) -> &'static [&'static str] {
        #[cfg(not(target_arch = "wasm32"))]
        return self.en;
        #[cfg(target_arch = "wasm32")]
        return (self.en)();
    }
}

/// A `Teks` from both languages' literals; in the browser the English ones are dropped and
/// `$installed` names the installed table instead.
macro_rules! teks {
    ([$($id:literal),+], [$($en:literal),+], $installed:ident) => {{
        #[cfg(not(target_arch = "wasm32"))]
        let teks = $crate::i18n::Teks::new(&[$($id),+], &[$($en),+]);
        #[cfg(target_arch = "wasm32")]
        let teks = $crate::i18n::Teks::new(&[$($id),+], || $crate::i18n::english::$installed());
        teks
    }};
}
pub(crate) use teks;

impl Teks {
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) const fn new(id: &'static [&'static str], en: &'static [&'static str]) -> Teks {
        Teks { id, en }
    }

    #[cfg(target_arch = "wasm32")]
    pub(crate) const fn new(id: &'static [&'static str], en: fn() -> &'static [&'static str]) -> Teks {
        Teks { id, en }
    }
}

/// The browser's English texts, installed once from what the page brought.
#[cfg(target_arch = "wasm32")]
pub mod english {
    use std::sync::OnceLock;

    static INSTALLED: OnceLock<(Vec<&'static str>, Vec<&'static str>)> = OnceLock::new();

    /// Installs the English messages and error texts, each in its enum's order (what
    /// `Msg::TEKS.english()` and `ErrorCode::TEKS.english()` list on the server). Kept for the
    /// page's life: a second call changes nothing.
    pub fn install(messages: Vec<String>, errors: Vec<String>) {
        let leak = |texts: Vec<String>| texts.into_iter().map(|t| &*Box::leak(t.into_boxed_str())).collect();
        let _ = INSTALLED.set((leak(messages), leak(errors)));
    }

    pub(crate) fn messages() -> &'static [&'static str] {
        INSTALLED.get().map_or(&[], |(m, _)| m)
    }

    pub(crate) fn errors() -> &'static [&'static str] {
        INSTALLED.get().map_or(&[], |(_, e)| e)
    }
}

macro_rules! messages {
    ($($key:ident => ($id:literal, $en:literal)),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),+ }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];
            pub const TEKS: Teks = teks!([$($id),+], [$($en),+], messages);

            pub fn text(self, lang: Lang) -> &'static str {
                Self::TEKS.get(self as usize, lang)
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
    NipChangedNotice => ("NIP Anda berubah setelah perbaikan tanggal lahir atau jenis kelamin diverifikasi:", "Your NIP changed after a corrected birth date or gender was verified:"),
    NipChangedSignIn => ("Mulai sekarang masuk dengan NIP baru; NIP lama masih diterima untuk sementara.", "From now on sign in with the new NIP; the old one is still accepted for now."),
    RecordIntro => ("Data induk kepegawaian Anda (SAPK) sebagaimana tercatat saat ini. Perubahan diajukan melalui formulir pendataan ulang dan diverifikasi berjenjang.", "Your personnel master record (SAPK) as it stands. Changes are proposed through the re-registration form and verified level by level."),
    RecordSections => ("Bagian data", "Record sections"),
    TabDataUtama => ("Data Utama", "Main data"),
    TabRiwayatGolongan => ("Riwayat Golongan", "Rank history"),
    TabRiwayatPendidikan => ("Riwayat Pendidikan", "Education history"),
    TabRiwayatJabatan => ("Riwayat Jabatan", "Position history"),
    TabKeluarga => ("Keluarga", "Family"),
    Hubungan => ("Hubungan", "Relationship"),
    Keterangan => ("Keterangan", "Notes"),
    Istri => ("Istri", "Wife"),
    Suami => ("Suami", "Husband"),
    Anak => ("Anak", "Child"),
    MarriedOn => ("menikah", "married"),
    ChildAllowance => ("tunjangan anak", "child allowance"),
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
    HelpTitle => ("Bantuan (Help Desk)", "Help (help desk)"),
    HelpIntro => ("Data yang tidak dapat Anda perbaiki sendiri? Buat tiket: petugas HDS kantor yang berwenang akan menjawab di sini.", "Data you cannot fix yourself? Raise a ticket: the help-desk officers of the office in charge answer here."),
    HelpLink => ("Bantuan (HDS)", "Help (HDS)"),
    NewTicket => ("Buat tiket baru", "Raise a new ticket"),
    MyTickets => ("Tiket saya", "My tickets"),
    NoTickets => ("Belum ada tiket.", "No tickets yet."),
    TicketCategory => ("Kategori masalah", "Kind of problem"),
    TicketSubject => ("Subjek", "Subject"),
    TicketDescription => ("Uraian masalah", "Describe the problem"),
    TicketMovedTo => ("Instansi tujuan pindah", "Agency you moved to"),
    ChooseOne => ("— pilih —", "— choose —"),
    SendTicket => ("Kirim tiket", "Send the ticket"),
    TicketNumber => ("Nomor tiket", "Ticket number"),
    TicketStatus => ("Status", "Status"),
    TicketAnsweredBy => ("Dijawab oleh", "Answered by"),
    TicketOfficer => ("Petugas", "Officer"),
    TicketRaised => ("Dibuat", "Raised"),
    TicketWaited => ("Menunggu", "Waiting"),
    TicketOverdue => ("Lewat SLA", "Overdue"),
    TicketUnread => ("belum dibaca", "unread"),
    Conversation => ("Percakapan", "Conversation"),
    NoMessages => ("Belum ada pesan.", "No messages yet."),
    YourReply => ("Balasan Anda", "Your reply"),
    SendReply => ("Kirim balasan", "Send the reply"),
    InternalNote => ("Catatan internal (tidak terlihat oleh PNS)", "Internal note (not shown to the PNS)"),
    StatusAfterReply => ("Status setelah dibalas", "Status after the reply"),
    CloseTicket => ("Tutup tiket", "Close the ticket"),
    RateAnswer => ("Nilai jawaban (1–5)", "Rate the answer (1–5)"),
    ClaimTicket => ("Ambil tiket ini", "Take this ticket"),
    NewMessageArrived => ("Pesan baru masuk di tiket ini.", "A new message arrived in this ticket."),
    LiveOn => ("Pembaruan langsung aktif", "Live updates on"),
    BackToInbox => ("Kembali ke kotak masuk", "Back to the inbox"),
    BackToTickets => ("Kembali ke daftar tiket", "Back to my tickets"),
    OnlyMine => ("Hanya milik saya", "Mine only"),
    OnlyOverdue => ("Hanya lewat SLA", "Overdue only"),
    IncludeClosed => ("Termasuk selesai/ditutup", "Include solved/closed"),
    WaitingLongerThan => ("Menunggu lebih dari", "Waiting longer than"),
    OneDay => ("1 hari", "1 day"),
    ThreeDays => ("3 hari", "3 days"),
    SevenDays => ("7 hari", "7 days"),
    AssignTo => ("Tugaskan ke", "Assign to"),
    Assign => ("Tugaskan", "Assign"),
    NoColleagues => ("tidak ada rekan lain yang dapat menangani tiket ini", "no other colleague can take this ticket"),
    TransferTicket => ("Alihkan ke kantor lain", "Transfer to another office"),
    TransferTo => ("Kantor tujuan", "Destination office"),
    TransferReason => ("Alasan pengalihan (dibaca petugas kantor tujuan)", "Reason for the transfer (read by the destination's officers)"),
    Transfer => ("Alihkan", "Transfer"),
    Transfers => ("Riwayat pengalihan", "Transfer history"),
    Transferred => ("tiket telah dialihkan ke kantor lain.", "the ticket was transferred to another office."),
    CannedReplies => ("Templat balasan", "Canned replies"),
    InsertTemplate => ("Sisipkan", "Insert"),
    DeleteTemplate => ("Hapus templat", "Delete the template"),
    TemplateTitle => ("Judul templat baru", "New template's title"),
    SaveAsTemplate => ("Simpan balasan sebagai templat", "Save the reply as a template"),
    AlsoOpenBy => ("Juga sedang dibuka oleh", "Also open by"),
    PrintReceipt => ("Cetak tanda terima (PDF)", "Print the receipt (PDF)"),
    OpenTickets => ("tiket terbuka", "open tickets"),
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
    SkCpns => ("Nomor SK CPNS", "SK CPNS number (decree of appointment)"),
    SkCpnsHelp => ("Nomor surat keputusan pengangkatan CPNS Anda, seperti tertulis pada SK (huruf besar/kecil, spasi dan tanda baca tidak berpengaruh).", "The number of your CPNS appointment decree as printed on it (case, spaces and punctuation do not matter)."),
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
    Attachments => ("Lampiran", "Attachments"),
    NoAttachments => ("Belum ada lampiran.", "No attachments yet."),
    AddAttachment => ("Tambah lampiran (bukti, mis. SK)", "Add an attachment (evidence, e.g. a decree)"),
    SettingsTitle => ("Pengaturan instansi", "Agency settings"),
    SettingsIntro => ("Berlaku untuk seluruh PNS instansi ini.", "These apply to every civil servant of this agency."),
    SettingsRegistrationVerification => ("Akun PNS baru menunggu persetujuan verifikator (verifikasi pendaftaran)", "New civil-servant accounts wait for a verifier's approval (registration verification)"),
    CollectionStart => ("Mulai masa pendataan", "Collection period starts"),
    CollectionEnd => ("Akhir masa pendataan", "Collection period ends"),
    CollectionOpenEndHelp => ("Kosongkan tanggal bila masa pendataan tidak dibatasi di ujung itu.", "Leave a date empty when the period has no limit at that end."),
    SettingsSave => ("Simpan pengaturan", "Save the settings"),
    SettingsSaved => ("Pengaturan tersimpan.", "The settings are saved."),
    CollectionPeriod => ("Masa pendataan", "Data-collection period"),
    CollectionUntil => ("s.d.", "to"),
    CollectionDaysLeft => ("hari lagi untuk mengirim", "days left to send"),
    CollectionClosedNow => ("Di luar masa pendataan: data dapat dibaca dan diisi, tetapi usulan tidak dapat dikirim.", "Outside the collection period: you can read and fill in your data, but not send a proposal."),
    RegisterWrongDataHelp => ("Jika nama atau instansi tidak sesuai, jangan lanjutkan pendaftaran: kirim tiket ke Help Desk. Kode konfirmasi dan tautan untuk mengikuti tiket dikirim ke email Anda.", "If the name or agency is wrong, do not go on registering: send a ticket to the Help Desk. A confirmation code and a link to follow the ticket are sent to your email."),
    GuestEmail => ("Email untuk tiket ini", "Email for this ticket"),
    AuditLogTitle => ("Log audit", "Audit log"),
    AuditLogIntro => ("Setiap masuk, pembacaan data pribadi dan perubahan oleh admin, terbaru di atas. Setiap pembacaan log ini juga dicatat.", "Every sign-in, read of personal data and admin change, newest first. Every read of this log is recorded too."),
    AuditLogOpen => ("Buka log audit", "Open the audit log"),
    AllInstansi => ("Semua instansi", "All agencies"),
    AuditActor => ("Pelaku (nama pengguna atau NIP)", "Actor (username or NIP)"),
    AuditAction => ("Aksi", "Action"),
    AuditWhen => ("Waktu (UTC) / alamat", "Time (UTC) / address"),
    AuditSubject => ("Subjek", "Subject"),
    AuditDetail => ("Rincian", "Detail"),
    AuditEmpty => ("Tidak ada entri yang cocok.", "No matching entries."),
    AuditOlder => ("Lebih lama", "Older"),
    AuditNewest => ("Kembali ke terbaru", "Back to the newest"),
    AccountsTitle => ("Akun verifikator, petugas HDS dan admin", "Verifier, help-desk and admin accounts"),
    AccountsPlace => ("Instansi atau kantor", "Agency or office"),
    UnitChange => ("Ganti unit", "Change unit"),
    VerificationRouteLink => ("Atur rute verifikasi", "Set the verification routing"),
    VerificationRouteTitle => ("Rute verifikasi", "Verification routing"),
    VerificationRouteIntro => ("Tingkat verifikasi yang dilalui usulan, menurut jenis instansi PNS dan jenis perubahan. Usulan yang mengubah tanggal lahir atau jenis kelamin (NIP berubah) melalui tingkat kedua baris. Perubahan berlaku untuk usulan yang dikirim sesudahnya.", "The verification levels a proposal goes through, by the kind of the PNS's instansi and the kind of change. A proposal changing the birth date or gender (the NIP changes) goes through the levels of both rows. A change applies to proposals sent afterwards."),
    VerificationRouteChange => ("Jenis perubahan", "Kind of change"),
    VerificationRouteLevels => ("Tingkat verifikasi", "Verification levels"),
    VerificationRouteAll => ("Semua usulan", "Every proposal"),
    VerificationRouteNip => ("Tanggal lahir atau jenis kelamin (NIP berubah)", "Birth date or gender (the NIP changes)"),
    UnitsImport => ("Impor unit dari CSV", "Import units from CSV"),
    UnitsImportIntro => ("Baris pertama: nama;jenis;induk. Induk ditulis sebagai jalur nama dari unit teratas, mis. Dinas Pendidikan / Bidang SD; kosong untuk unit teratas. Periksa dulu: tidak ada yang ditulis sampai semua baris benar.", "First line: nama;jenis;induk. The parent is the path of names from the top unit, e.g. Dinas Pendidikan / Bidang SD; empty for a top-level unit. Check first: nothing is written until every line is right."),
    UnitsImportFile => ("Berkas CSV", "CSV file"),
    UnitsImportCheck => ("Periksa", "Check"),
    UnitsImportLine => ("Baris", "Line"),
    UnitsImportReady => ("Siap", "Ready"),
    UnitsImportWrite => ("Impor semua unit", "Import every unit"),
    UnitsImported => ("Unit diimpor.", "Units imported."),
    UnitChanged => ("Unit verifikator diganti.", "The verifier's unit was changed."),
    AccountsIntro => ("Akun dibuat tanpa kata sandi: pemiliknya menerima tautan di email untuk membuatnya sendiri.", "Accounts are created without a password: the owner gets a link by mail to choose one."),
    AccountsManage => ("Kelola akun", "Manage accounts"),
    AccountNew => ("Akun baru", "New account"),
    AccountCreate => ("Buat akun dan kirim tautan", "Create the account and send the link"),
    AccountCreated => ("Akun dibuat. Tautan untuk membuat kata sandi dikirim ke", "Account created. A link to choose a password was sent to"),
    Username => ("Nama pengguna", "Username"),
    FullName => ("Nama lengkap", "Full name"),
    Role => ("Peran", "Role"),
    UnitToVerify => ("Unit yang diverifikasi (beserta unit di bawahnya)", "Unit to verify (with the units below it)"),
    TicketCategories => ("Kategori tiket yang dijawab", "Ticket categories answered"),
    AccountLogin => ("Masuk dengan", "Signs in as"),
    LastSignIn => ("Terakhir masuk", "Last sign-in"),
    Never => ("belum pernah", "never"),
    ActiveSessions => ("Sesi aktif", "Active sessions"),
    AccountStatus => ("Status", "Status"),
    AccountActive => ("Aktif", "Active"),
    AccountInactive => ("Nonaktif", "Disabled"),
    AccountEdit => ("Ubah nama/email", "Edit name/email"),
    AccountSave => ("Simpan", "Save"),
    AccountSaved => ("Akun disimpan.", "The account is saved."),
    AccountDisable => ("Nonaktifkan", "Disable"),
    AccountEnable => ("Aktifkan kembali", "Enable again"),
    AccountSendLink => ("Kirim tautan kata sandi", "Send a password link"),
    AccountLinkSent => ("Tautan kata sandi dikirim.", "A password link was sent."),
    AccountEndSessions => ("Akhiri sesi", "End sessions"),
    AccountSessionsEnded => ("Semua sesi akun ini diakhiri.", "Every session of this account was ended."),
    RoleRevoke => ("Cabut", "Revoke"),
    GrantToPns => ("Beri peran kepada PNS yang sudah punya akun", "Give a role to a civil servant who has an account"),
    GrantRole => ("Beri peran", "Grant the role"),
    RoleGranted => ("Peran diberikan.", "The role was granted."),
    NoStaffAccounts => ("Belum ada akun verifikator atau petugas HDS.", "No verifier or help-desk accounts yet."),
    RegionSettingsIntro => ("Hanya dibaca: setiap instansi mengubah pengaturannya sendiri.", "Read only: each agency changes its own settings."),
    RegistrationVerificationShort => ("Verifikasi pendaftaran", "Registration verification"),
    CollectionUnlimited => ("tidak dibatasi", "no limit"),
    UnitsManage => ("Kelola unit organisasi", "Manage organisational units"),
    UnitsTitle => ("Unit organisasi", "Organisational units"),
    UnitsIntro => ("Memindah unit membawa serta unit di bawahnya, verifikator L1 dan usulan di dalamnya. Unit yang ditutup tidak dapat dipilih lagi; unit dengan PNS, usulan terbuka atau verifikator belum dapat ditutup.", "Moving a unit takes the units below it, its L1 verifiers and its proposals along. A closed unit can no longer be chosen; a unit with civil servants, open proposals or verifiers cannot close yet."),
    UnitName => ("Nama unit", "Unit name"),
    UnitKind => ("Jenis unit", "Unit kind"),
    UnitParent => ("Di bawah unit", "Below unit"),
    UnitRoot => ("(tingkat teratas)", "(top level)"),
    UnitPnsCount => ("PNS", "Civil servants"),
    UnitOpenLabel => ("Terbuka", "Open"),
    UnitClosedLabel => ("Ditutup", "Closed"),
    UnitRename => ("Ubah nama/jenis", "Rename"),
    UnitMove => ("Pindahkan", "Move"),
    UnitClose => ("Tutup unit", "Close the unit"),
    UnitAdd => ("Tambah unit", "Add a unit"),
    UnitAdded => ("Unit ditambahkan.", "The unit was added."),
    UnitSaved => ("Unit disimpan.", "The unit is saved."),
    UnitMoved => ("Unit dipindahkan bersama unit, verifikator L1 dan usulan di bawahnya.", "The unit moved with the units, L1 verifiers and proposals below it."),
    UnitClosedDone => ("Unit ditutup.", "The unit is closed."),
    FacilitiesManage => ("Kelola fasilitas kesehatan & pendidikan", "Manage health facilities & schools"),
    FacilitiesIntro => ("Dokter memilih unit kesehatannya dan guru sekolah tempat mengajar dari daftar ini. Fasilitas yang ditutup tidak dapat dipilih lagi, tetapi tetap terbaca di usulan yang sudah memuatnya.", "Doctors pick their health facility and teachers the school they teach at from these lists. A closed facility can no longer be chosen but still reads in proposals that name it."),
    FacilitiesEmpty => ("Belum ada fasilitas di daftar ini.", "This list has no facility yet."),
    FacilityName => ("Nama fasilitas", "Facility name"),
    FacilityKind => ("Jenis", "Kind"),
    FacilityChange => ("Ubah nama/jenis", "Change"),
    FacilityClose => ("Tutup fasilitas", "Close the facility"),
    FacilityAdd => ("Tambah fasilitas", "Add a facility"),
    FacilityAdded => ("Fasilitas ditambahkan.", "The facility was added."),
    FacilitySaved => ("Fasilitas disimpan.", "The facility is saved."),
    FacilityClosedDone => ("Fasilitas ditutup.", "The facility is closed."),
    FacilitiesImport => ("Impor fasilitas dari CSV", "Import facilities from CSV"),
    FacilitiesImportIntro => ("Baris pertama: nama;jenis. Jenis ditulis sebagai kode (mis. FK01), nama atau singkatannya (mis. Puskesmas, SD). Periksa dulu: tidak ada yang ditulis sampai semua baris benar.", "First line: nama;jenis. The kind is a code (e.g. FK01), a name or its short form (e.g. Puskesmas, SD). Check first: nothing is written until every line is right."),
    FacilitiesImportWrite => ("Impor semua fasilitas", "Import every facility"),
    FacilitiesImported => ("Fasilitas diimpor.", "Facilities imported."),
    ReferenceOpen => ("Kelola tabel referensi", "Manage the reference tables"),
    ReferenceTitle => ("Tabel referensi", "Reference tables"),
    ReferenceIntro => ("Entri yang sudah dipakai tidak dihapus: nonaktifkan agar tidak dapat dipilih lagi. Data yang sudah memuatnya tetap menampilkannya. Setiap perubahan dicatat.", "Entries in use are never deleted: disable one so it can no longer be chosen. Records that have it still show it. Every change is recorded."),
    ReferenceList => ("Daftar", "List"),
    ReferenceSearch => ("Cari kode atau nama", "Search code or name"),
    ReferenceShown => ("entri cocok; paling banyak 100 ditampilkan, persempit pencarian untuk yang lain.", "matching entries; at most 100 are shown, narrow the search for others."),
    ReferenceCode => ("Kode", "Code"),
    ReferenceName => ("Nama", "Name"),
    ReferenceRetired => ("Nonaktif (tetap tampil di data lama)", "Disabled (still shown in old records)"),
    ReferenceAdd => ("Tambah entri", "Add an entry"),
    ReferenceAdded => ("Entri ditambahkan.", "The entry was added."),
    ReferenceSaved => ("Entri disimpan.", "The entry is saved."),
    ReferenceRename => ("Ubah nama", "Rename"),
    ReferenceHistory => ("Riwayat", "History"),
    ReferenceNoHistory => ("Belum ada perubahan sejak tabel dimuat.", "No changes since the table was loaded."),
    ReferenceActionAdded => ("Ditambahkan", "Added"),
    ReferenceActionRenamed => ("Nama diubah", "Renamed"),
    ReferenceActionDisabled => ("Dinonaktifkan", "Disabled"),
    ReferenceActionEnabled => ("Diaktifkan kembali", "Enabled again"),
    ListJfu => ("Jabatan fungsional umum (JFU)", "General functional positions (JFU)"),
    ListJft => ("Jabatan fungsional tertentu (JFT)", "Specific functional positions (JFT)"),
    ListJurusan => ("Jurusan / program studi", "Majors / study programmes"),
    ListDiklatStruktural => ("Diklat struktural", "Leadership training"),
    ListDiklatFungsional => ("Diklat fungsional", "Functional training"),
    ListMataPelajaran => ("Mata pelajaran", "School subjects"),
    ListBidangSpesialis => ("Bidang spesialis", "Medical specialities"),
    ListAgama => ("Agama", "Religion"),
    ListNegara => ("Negara", "Countries"),
    ListFaskes => ("Jenis fasilitas kesehatan", "Kinds of health facility"),
    ListFasdik => ("Jenis fasilitas pendidikan", "Kinds of education facility"),
    GuestSendCode => ("Kirim kode ke email", "Send the code to my email"),
    GuestCodeSent => ("Kode konfirmasi telah dikirim ke email Anda. Masukkan kode untuk mengirim tiket.", "A confirmation code was sent to your email. Enter it to send the ticket."),
    GuestConfirm => ("Kirim tiket", "Send the ticket"),
    GuestTicketSent => ("Tiket Help Desk terkirim.", "The Help Desk ticket was sent."),
    GuestFollowByMail => ("Tautan untuk mengikuti tiket ini telah dikirim ke email Anda. Setiap jawaban Help Desk juga diberitahukan lewat email.", "A link to follow this ticket was sent to your email. Every Help Desk answer is also announced by email."),
    GuestTicketTitle => ("Tiket Help Desk pendaftaran", "Registration Help Desk ticket"),
    GuestTicketHelp => ("Halaman ini dibuka dari tautan di email Anda. Jangan bagikan tautannya.", "This page was opened from the link in your email. Do not share the link."),
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
    RegistrationRejected => ("Pendaftaran ditolak; pendaftar diberi tahu lewat email.", "Registration rejected; the applicant is told by mail."),
    RegistrationRejectReason => ("Alasan penolakan (dikirim ke pendaftar)", "Reason for rejecting (sent to the applicant)"),
    RejectRegistration => ("Tolak pendaftaran", "Reject the registration"),
    ResetTitle => ("Atur ulang kata sandi", "Reset your password"),
    ResetRequestIntro => ("Masukkan NIP atau nama pengguna. Tautan untuk mengatur ulang kata sandi dikirim ke email akun.", "Enter your NIP or username. A link to reset the password goes to the account's email."),
    ResetRequestSent => ("Jika akun ditemukan dan memiliki email, tautan telah dikirim.", "If the account exists and has an email, a link has been sent."),
    ResetSendLink => ("Kirim tautan", "Send the link"),
    NewPassword => ("Kata sandi baru", "New password"),
    SavePassword => ("Simpan kata sandi", "Save the password"),
    PasswordChanged => ("Kata sandi diubah. Silakan masuk.", "Password changed. Please sign in."),
    // The re-registration form
    FormTitle => ("Formulir Pendataan Ulang PNS", "Civil servant re-registration form"),
    FormIntro => ("Periksa setiap bagian. Isian tersimpan otomatis; tekan \"Simpan bagian ini\" bila bagian sudah benar. Setelah semua bagian diperiksa, kirim usulan di tab Tinjau & Kirim.", "Check every section. What you type is saved automatically; press \"Save this section\" when a section is right. When every section is checked, send the proposal from the Review & send tab."),
    OpenForm => ("Isi formulir pendataan ulang", "Fill in the re-registration form"),
    SaveSection => ("Simpan bagian ini", "Save this section"),
    SaveStateSaved => ("Semua isian tersimpan di server.", "Everything is saved on the server."),
    SaveStateSaving => ("Menyimpan ke server…", "Saving to the server…"),
    SaveStateLocal => ("Tersimpan di perangkat ini; segera dikirim ke server…", "Saved on this device; sending to the server shortly…"),
    SaveStateFailed => ("Belum tersimpan di server (koneksi terputus?). Isian aman di perangkat ini dan dikirim ulang otomatis.", "Not yet saved on the server (connection lost?). Your input is safe on this device and will be sent again automatically."),
    SectionReviewed => ("Sudah diperiksa", "Checked"),
    SectionNotReviewed => ("Belum diperiksa", "Not checked"),
    SectionSavedOk => ("Bagian ini tersimpan dan ditandai sudah diperiksa.", "This section is saved and marked as checked."),
    SectionHasErrors => ("Isian disimpan sebagai draf, tetapi masih ada yang perlu diperbaiki (lihat tanda merah).", "Saved as a draft, but some fields still need fixing (see the red notes)."),
    AddEntry => ("Tambah", "Add"),
    RemoveEntry => ("Hapus", "Remove"),
    EntryLabel => ("Riwayat ke-", "Entry "),
    NoEntries => ("Belum ada riwayat. Tekan \"Tambah\" untuk menambahkan.", "No entries yet. Press \"Add\" to add one."),
    MasterValue => ("Data pembanding", "Master value"),
    Sesuai => ("Sesuai", "Correct"),
    ReviewTab => ("Tinjau & Kirim", "Review & send"),
    ReviewIntro => ("Semua perubahan Anda dibandingkan dengan data master, per isian.", "All your changes compared with the master record, field by field."),
    NoChanges => ("Tidak ada perubahan terhadap data master.", "No changes against the master record."),
    ColField => ("Isian", "Field"),
    ColOld => ("Data master", "Master"),
    ColNew => ("Usulan", "Proposed"),
    ActAdd => ("Ditambah", "Added"),
    ActRemove => ("Dihapus", "Removed"),
    ActChange => ("Diubah", "Changed"),
    SectionChecklist => ("Pemeriksaan per bagian", "Sections checked"),
    SendProposal => ("Kirim usulan untuk diverifikasi", "Send for verification"),
    NotYetReviewed => ("Bagian berikut belum diperiksa dan disimpan:", "These sections are not checked and saved yet:"),
    FixErrors => ("Perbaiki isian berikut lalu simpan bagiannya:", "Fix these fields, then save their section:"),
    ProposalSent => ("Usulan terkirim dan menunggu verifikasi. Pantau prosesnya di halaman Progres.", "The proposal is sent and waiting for verification. Follow it on the Progress page."),
    LockedNotice => ("Usulan sudah dikirim dan sedang diverifikasi. Data tidak dapat diubah sampai dikembalikan untuk diperbaiki.", "The proposal has been sent and is being verified. It cannot be changed until it is returned for correction."),
    ProgressTitle => ("Progres PUPNS Saya", "My re-registration progress"),
    ProgressLink => ("Lihat progres", "View progress"),
    ProposalStatus => ("Status usulan", "Proposal status"),
    SentAt => ("Dikirim", "Sent"),
    Timeline => ("Tahapan verifikasi", "Verification steps"),
    NoEvents => ("Belum ada tahapan: usulan belum dikirim.", "No steps yet: the proposal has not been sent."),
    EventDikirim => ("Dikirim oleh PNS", "Sent by the civil servant"),
    EventDisetujui => ("Disetujui", "Approved"),
    EventDikembalikan => ("Dikembalikan untuk diperbaiki", "Returned for correction"),
    EventFinal => ("Final: menjadi data master", "Final: now the master record"),
    EventTurunStatus => ("Turun status (dibuka kembali)", "Reopened for editing"),
    VerifierLevel => ("Verifikator tingkat", "Verifier level"),
    ChangesSent => ("Jumlah perubahan yang dikirim", "Changes sent"),
    NewNipProposed => ("Tanggal lahir atau jenis kelamin berubah. NIP baru yang diusulkan (urutan dikonfirmasi BKN):", "The birth date or gender changed. Proposed new NIP (BKN confirms the sequence):"),
    SearchHint => ("Ketik untuk mencari…", "Type to search…"),
    NoResults => ("Tidak ditemukan. Gunakan [?] bila pilihan yang benar tidak tersedia.", "Nothing found. Use [?] if the right choice is missing."),
    Choose => ("— pilih —", "— choose —"),
    Yes => ("Ya", "Yes"),
    No => ("Tidak", "No"),
    DraftRestored => ("Isian yang belum sempat terkirim ke server dipulihkan dari perangkat ini.", "Input that had not reached the server was restored from this device."),
    Reload => ("Muat ulang", "Reload"),
    ScoreScale => ("1 = sangat kurang, 5 = sangat baik", "1 = very poor, 5 = very good"),
    Required => ("wajib", "required"),
    FlagButton => ("Laporkan masalah pada isian ini ke Help Desk", "Report a problem with this field to the Help Desk"),
    Flagged => ("Dilaporkan ke Help Desk:", "Reported to the Help Desk:"),
    SupportingDocuments => ("Dokumen pendukung (SK, ijazah, sertifikat)", "Supporting documents (decrees, diplomas, certificates)"),
    DocumentHint => ("PDF, JPEG atau PNG, paling besar 5 MB.", "PDF, JPEG or PNG, 5 MB at most."),
    FlagRaiseTicket => ("Buat tiket Help Desk", "Raise a Help Desk ticket"),
    FlagWaitingHds => ("Menunggu Help Desk, tiket", "Waiting for the Help Desk, ticket"),
    FlagSolvedHds => ("Diselesaikan Help Desk, tiket", "Solved by the Help Desk, ticket"),
    FlagSolvedCheck => ("Periksa isian ini dan pilih nilai yang benar.", "Check this field and choose the right value."),
    FlaggedField => ("Isian yang ditandai PNS", "The field the PNS flagged"),
    MasterNow => ("Data master sekarang", "Master data now"),
    PnsValue => ("Isian PNS", "The PNS's entry"),
    CorrectedValue => ("Nilai yang benar", "The right value"),
    CorrectAndSolve => ("Koreksi data master dan selesaikan tiket", "Correct the master and solve the ticket"),
    TurunStatusTitle => ("Turun Status: buka kunci usulan PNS", "Turun Status: unlock the PNS's proposal"),
    TurunStatusReason => ("Alasan (terlihat oleh PNS)", "Reason (the PNS sees it)"),
    TurunStatusSolve => ("Buka kunci dan selesaikan tiket", "Unlock and solve the ticket"),
    EvidenceMissing => ("Bukti belum dilampirkan:", "Evidence not attached yet:"),
    RouteTitle => ("Rute tiket Help Desk", "Help desk ticket routing"),
    RouteIntro => ("Siapa yang menjawab tiket tiap kategori, menurut jenis instansi PNS (untuk kategori B: instansi tujuan, dan apakah pindahnya antar provinsi). Perubahan berlaku untuk tiket baru; tiket yang sudah ada tetap di kantornya dan dapat dialihkan petugas.", "Who answers each category's tickets, by the kind of the PNS's instansi (for category B: the instansi moved to, and whether the move crosses a province). A change routes new tickets; existing ones stay with their office and can be transferred by its officers."),
    RouteInstansiKind => ("Jenis instansi", "Kind of instansi"),
    RouteCrossProvince => ("Antar provinsi", "Across provinces"),
    RouteAnswers => ("Dijawab oleh", "Answered by"),
    RouteKanreg => ("Kanreg wilayah instansi", "The instansi's regional Kanreg"),
    RouteBkd => ("BKD/Ropeg instansi", "The instansi's BKD/Ropeg"),
    RouteAdmin => ("Admin PUPNS instansi", "The instansi's PUPNS admin"),
    RouteLink => ("Atur rute Help Desk", "Set the help desk routing"),
    InstansiCentral => ("Pusat", "Central"),
    InstansiRegional => ("Daerah", "Regional"),
    SlaTitle => ("SLA Help Desk per kategori", "Help desk SLA per category"),
    SlaIntro => ("Batas waktu jawaban pertama dan penyelesaian tiket, dalam jam. Tiket yang melewatinya ditandai terlambat di kotak masuk petugas; perubahan berlaku seketika untuk semua tiket terbuka.", "Time allowed to the first answer and to solving a ticket, in hours. Tickets past it are marked overdue in the officers' inboxes; a change applies at once to every open ticket."),
    SlaAnswerHours => ("Jawaban pertama (jam)", "First answer (hours)"),
    SlaSolveHours => ("Penyelesaian (jam)", "Solved (hours)"),
    SlaSaved => ("Tersimpan.", "Saved."),
    SlaLink => ("Atur SLA Help Desk", "Set the help desk SLA"),
    SuggestEntryHint => ("Entri yang belum ada ditambahkan dulu: unit organisasi oleh admin instansi (Kelola unit organisasi), entri daftar lain oleh Admin BKN (Tabel referensi). Muat ulang halaman ini, lalu pilih entrinya di sini.", "Add the missing entry first: a unit by the instansi admin (unit tree), another list's entry by the BKN admin (reference tables). Reload this page, then choose the entry here."),
    SuggestEntryChosen => ("Entri yang disarankan", "The entry to name"),
    FlagSuggested => ("Pilih entri yang sudah ditambahkan:", "Pick the entry that was added:"),
    SuggestEntrySolve => ("Sarankan entri ini dan selesaikan tiket", "Name this entry and solve the ticket"),
    TicketFromFlag => ("Tiket ini untuk isian yang Anda tandai [?]:", "This ticket is about the field you flagged [?]:"),
    FlagWithdraw => ("Tarik laporan", "Withdraw"),
    // The verifiers' pages
    TabQueue => ("Antrian usulan", "Proposal queue"),
    TabRegistrations => ("Pendaftaran", "Registrations"),
    QueueFilter => ("Saring antrian", "Filter the queue"),
    SearchNameNip => ("Cari nama atau NIP", "Search name or NIP"),
    AgeMin => ("Usia paling rendah", "Minimum age"),
    AgeMax => ("Usia paling tinggi", "Maximum age"),
    HasDocuments => ("Ada dokumen pendukung", "Has supporting documents"),
    HasFlags => ("Ada tanda [?]", "Has [?] flags"),
    Any => ("Semua", "Any"),
    ApplyFilter => ("Terapkan", "Apply"),
    Round => ("Putaran", "Round"),
    ChangeCount => ("Perubahan", "Changes"),
    Markers => ("Penanda", "Markers"),
    OpenedBy => ("dibuka oleh", "opened by"),
    Until => ("sampai", "until"),
    TabCheckouts => ("Dibawa luring", "Taken offline"),
    CheckoutsIntro => ("Usulan yang sedang dibawa luring oleh verifikator di cakupan Anda. Lepaskan bila verifikatornya tidak dapat menyelesaikannya: usulan kembali ke antrian, dan keputusan luringnya nanti ditolak sebagai konflik.", "Submissions that verifiers in your scope have taken offline. Release one if its verifier cannot finish it: it goes back to the queue, and their offline decision will later be refused as a conflict."),
    CheckoutsEmpty => ("Tidak ada usulan yang sedang dibawa luring.", "No submission is taken offline."),
    TakenBy => ("Dibawa oleh", "Taken by"),
    ReleaseCheckout => ("Lepaskan", "Release"),
    ReleaseReason => ("Alasan melepaskan", "Reason for releasing"),
    ConfirmRelease => ("Ya, lepaskan", "Yes, release"),
    CheckoutReleasedDone => ("Pinjaman dilepas; usulan kembali ke antrian.", "Checkout released; the submission is back in the queue."),
    // Offline work
    TakeOffline => ("Bawa luring", "Take offline"),
    TakeOfflineCount => ("Jumlah usulan yang dibawa (1–50)", "Submissions to take (1–50)"),
    TakeOfflineHint => ("Usulan teratas antrian Anda disimpan di peramban ini selama 24 jam untuk diputus tanpa koneksi. Verifikator lain melihat usulan itu sedang Anda bawa.", "The top of your queue is kept in this browser for 24 hours, to be decided without a connection. Other verifiers see that you have them."),
    TakenOffline => ("usulan siap diputus luring.", "submissions ready to decide offline."),
    SavingOffline => ("Menyimpan di peramban", "Saving in the browser"),
    OpenOfflineWork => ("Buka kerja luring", "Open offline work"),
    OfflineTitle => ("Kerja luring", "Offline work"),
    OfflineIntro => ("Usulan yang Anda bawa luring. Keputusan disimpan di peramban ini dan dikirim otomatis saat kembali online; tidak ada yang hilang bila halaman dimuat ulang.", "The submissions you took offline. Decisions are kept in this browser and sent automatically when you are back online; nothing is lost if the page reloads."),
    Online => ("Online", "Online (connected)"),
    OfflineNow => ("Luring: tidak ada koneksi", "Offline: no connection"),
    PendingDecisions => ("Keputusan menunggu dikirim", "Decisions waiting to be sent"),
    Conflicts => ("Konflik", "Conflicts"),
    SendNow => ("Kirim sekarang", "Send now"),
    DecisionsSent => ("keputusan terkirim.", "decisions sent."),
    OfflineList => ("Daftar kerja luring", "Offline work list"),
    OfflineEmpty => ("Belum ada usulan yang dibawa luring. Pilih jumlahnya lalu \"Bawa luring\".", "No submission is taken offline. Choose how many, then \"Take offline\"."),
    DecisionState => ("Keadaan", "State"),
    NewVersionReady => ("Versi baru SIPUPNS siap. Keputusan yang menunggu tetap tersimpan.", "A new version of SIPUPNS is ready. Waiting decisions stay kept."),
    ReloadNow => ("Muat ulang", "Reload"),
    OfflineSignedOut => ("Sesi Anda berakhir. Kerja luring di peramban ini tetap tersimpan sampai Anda masuk kembali dengan akun yang sama.", "Your session has ended. The offline work in this browser stays kept until you sign in again with the same account."),
    OfflineNoOwner => ("Belum ada kerja luring di peramban ini. Buka halaman ini sekali saat online untuk membawa usulan.", "There is no offline work in this browser yet. Open this page once while online to take submissions."),
    DecideOffline => ("Putuskan", "Decide"),
    WaitingToSend => ("Menunggu dikirim", "Waiting to be sent"),
    SignInToSend => ("Masuk kembali untuk mengirim", "Sign in again to send"),
    DiscardDecision => ("Buang putusan saya", "Discard my decision"),
    OpenOnline => ("Buka online", "Open online"),
    LoadMore => ("Muat berikutnya", "Load more"),
    QueueEmpty => ("Tidak ada usulan yang menunggu verifikasi Anda.", "No proposals are waiting for your verification."),
    SelectRow => ("Pilih usulan ini", "Select this proposal"),
    SelectAll => ("Pilih semua", "Select all"),
    AcceptSelected => ("Terima semua yang dipilih", "Accept all selected"),
    AcceptSelectedConfirm => ("Semua perubahan pada usulan yang dipilih akan diterima dan diteruskan. Jumlah usulan:", "Every change of the selected proposals will be accepted and passed on. Proposals:"),
    ConfirmAccept => ("Ya, terima", "Yes, accept"),
    Cancel => ("Batal", "Cancel"),
    Decided => ("diputus", "decided"),
    Skipped => ("dilewati (sudah diputus, dibuka verifikator lain, atau ada tanda [?])", "skipped (already decided, opened by another verifier, or with [?] flags)"),
    ReviewTitle => ("Tinjauan usulan", "Proposal review"),
    BackToQueue => ("Kembali ke antrian", "Back to the queue"),
    Level => ("Tingkat", "Level"),
    ClaimMine => ("Usulan ini Anda buka (terkunci untuk Anda) sampai", "You have this proposal open (locked for you) until"),
    ClaimOther => ("Usulan ini sedang dibuka oleh", "This proposal is open by"),
    ClaimUntil => ("sampai", "until"),
    ClaimOtherNote => ("Keputusan tidak dapat diambil selama klaimnya berlaku.", "Decisions are disabled while their claim lasts."),
    ClaimDone => ("Selesai: usulan ini sudah diputus dan hanya dapat dilihat.", "Done: this proposal is decided and can only be viewed."),
    NewNipIfAccepted => ("Tanggal lahir atau jenis kelamin berubah. NIP baru bila diterima:", "The birth date or gender changed. New NIP if accepted:"),
    ColEntry => ("Entri", "Entry"),
    ColEarlier => ("Keputusan sebelumnya", "Earlier decisions"),
    ColDecision => ("Keputusan", "Decision"),
    NewEntry => ("entri baru", "new entry"),
    RemovedEntry => ("dihapus", "removed"),
    ChangedEntry => ("diubah", "changed"),
    ChangedAgain => ("diubah lagi", "changed again"),
    Accepted => ("menerima", "accepted"),
    Rejected => ("menolak", "rejected"),
    Accept => ("Terima", "Accept"),
    Reject => ("Tolak", "Reject"),
    RejectReason => ("Alasan penolakan", "Reason for rejecting"),
    NotOpenHere => ("Ditolak di tingkat sebelumnya", "Rejected at an earlier level"),
    Documents => ("Dokumen", "Documents"),
    AcceptAllChanges => ("Terima semua perubahan", "Accept every change"),
    Note => ("Catatan (opsional)", "Note (optional)"),
    PassOn => ("Teruskan", "Pass on"),
    ReturnToPns => ("Kembalikan ke PNS", "Return to the civil servant"),
    OutcomePassed => ("Usulan diteruskan ke verifikator tingkat", "The proposal was passed to verifier level"),
    OutcomeReturned => ("Usulan dikembalikan ke PNS untuk diperbaiki.", "The proposal was returned to the civil servant for correction."),
    OutcomeFinal => ("Usulan final: perubahan yang diterima menjadi data master.", "The proposal is final: the accepted changes are now the master record."),
    OutcomeOther => ("Keputusan tersimpan.", "The decision is saved."),
    RejectedChanges => ("Perubahan yang ditolak", "Rejected changes"),
    RejectedNotice => ("Usulan dikembalikan. Perbaiki isian yang ditolak berikut, lalu kirim ulang:", "The proposal was returned. Fix these rejected fields, then send it again:"),
    RejectedBecause => ("Ditolak:", "Rejected:"),
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
