//! One error-code enum for the whole system. It crosses the wire (serde) and is the
//! translation key: the UI shows `code.text(lang)`, never a server's internal detail.

use serde::{Deserialize, Serialize};

use crate::i18n::{teks, Lang, Teks};

macro_rules! error_codes {
    ($($code:ident => ($id:literal, $en:literal)),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode { $($code),+ }

        /// Names indexed by the code: a table is data, where serde's derived name look-up
        /// was ~8 KB of WASM code (#14).
        static ERROR_NAMES: &[&str] = &[$(stringify!($code)),+];

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$code),+];
            pub const TEKS: Teks = teks!([$($id),+], [$($en),+], errors);

            pub fn text(self, lang: Lang) -> &'static str {
                Self::TEKS.get(self as usize, lang)
            }

            /// Stable name, used in logs and as the wire form of server-function errors.
            pub fn name(self) -> &'static str {
                ERROR_NAMES[self as usize]
            }

            pub fn from_name(name: &str) -> Option<ErrorCode> {
                ERROR_NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
            }
        }
    };
}

/// On the wire a code is its name, as serde's derive wrote it.
impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        ErrorCode::from_name(&name).ok_or_else(|| serde::de::Error::unknown_variant(&name, ERROR_NAMES))
    }
}

error_codes! {
    // General
    Internal => ("Terjadi kesalahan pada sistem. Silakan coba lagi beberapa saat lagi.", "Something went wrong on our side. Please try again shortly."),
    BadRequest => ("Permintaan tidak valid.", "The request is not valid."),
    NotSignedIn => ("Silakan masuk terlebih dahulu.", "Please sign in first."),
    SessionExpired => ("Sesi Anda telah berakhir. Silakan masuk kembali.", "Your session has expired. Please sign in again."),
    Forbidden => ("Akses ditolak: Anda tidak berwenang membuka halaman atau data ini.", "Access denied: you are not authorised to open this page or data."),
    CsrfRejected => ("Permintaan ditolak karena tidak berasal dari halaman SIPUPNS.", "Request refused: it did not come from a SIPUPNS page."),
    TooManyRequests => ("Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.", "Too many requests. Wait a moment and try again."),
    NotFound => ("Data tidak ditemukan.", "Not found."),
    InvalidDate => ("Tanggal tidak valid.", "The date is not valid."),
    // Sign-in
    CredentialsRequired => ("Isi NIP/nama pengguna dan kata sandi.", "Enter your NIP/username and password."),
    CredentialsWrong => ("NIP/nama pengguna atau kata sandi salah.", "Wrong NIP/username or password."),
    AccountLocked => ("Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.", "The account is locked for a while after too many failed attempts. Try again in 15 minutes."),
    AccountWaitingApproval => ("Akun Anda menunggu verifikasi pendaftaran oleh verifikator instansi. Bawa slip pendaftaran dan KTP ke BKD/Ropeg atau SKPD Anda.", "Your account is waiting for registration verification by your agency. Bring the registration slip and your ID card to your BKD/Ropeg or SKPD."),
    AccountDisabled => ("Akun ini dinonaktifkan.", "This account is disabled."),
    RoleNotHeld => ("Anda tidak memiliki peran tersebut.", "You do not hold that role."),
    // Registration
    NipRequired => ("NIP wajib diisi.", "NIP is required."),
    NipFormat => ("NIP harus 18 digit angka.", "The NIP must be 18 digits."),
    NipBirthDate => ("Tanggal lahir di dalam NIP (digit 1–8) tidak valid.", "The birth date inside the NIP (digits 1–8) is not a real date."),
    NipTmtCpns => ("TMT CPNS di dalam NIP (digit 9–14) tidak valid.", "The TMT CPNS inside the NIP (digits 9–14) is not valid."),
    NipGender => ("Digit jenis kelamin NIP (digit 15) harus 1 atau 2.", "The NIP's gender digit (digit 15) must be 1 or 2."),
    NipBirthDateMismatch => ("Tanggal lahir tidak sesuai dengan NIP.", "The birth date does not match the NIP."),
    NipGenderMismatch => ("Jenis kelamin tidak sesuai dengan NIP.", "The gender does not match the NIP."),
    NipTmtCpnsMismatch => ("TMT CPNS tidak sesuai dengan NIP.", "The TMT CPNS does not match the NIP."),
    NipNotFound => ("NIP tidak ditemukan dalam database kepegawaian. Gunakan tombol [?] untuk melapor ke Help Desk.", "This NIP is not in the personnel database. Use the [?] button to report it to the Help Desk."),
    UsernameTaken => ("Nama pengguna ini sudah dipakai. Pilih nama lain.", "This username is already taken. Choose another."),
    NipAlreadyRegistered => ("NIP ini sudah terdaftar. Silakan masuk, atau gunakan lupa kata sandi.", "This NIP is already registered. Sign in, or use forgotten password."),
    NikRequired => ("NIK wajib diisi.", "NIK is required."),
    NikFormat => ("NIK harus 16 digit angka.", "The NIK must be 16 digits."),
    NikBirthDate => ("Tanggal lahir di dalam NIK (digit 7–12) tidak valid.", "The birth date inside the NIK (digits 7–12) is not valid."),
    NikBirthDateMismatch => ("Tanggal lahir tidak sesuai dengan NIK.", "The birth date does not match the NIK."),
    SkCpnsRequired => ("Nomor SK CPNS wajib diisi.", "The SK CPNS number is required."),
    KnowledgeCheckFailed => ("Data tidak sesuai dengan data kepegawaian untuk NIP ini, atau NIP ini tidak dapat didaftarkan. Periksa NIK, tanggal lahir, TMT CPNS dan nomor SK CPNS.", "The data does not match the personnel record for this NIP, or this NIP cannot be registered. Check the NIK, birth date, TMT CPNS and SK CPNS number."),
    KnowledgeCheckLocked => ("Terlalu banyak percobaan pemeriksaan data. Coba lagi dalam 15 menit.", "Too many data-check attempts. Try again in 15 minutes."),
    PasswordTooShort => ("Kata sandi minimal 10 karakter.", "The password needs at least 10 characters."),
    PasswordTooLong => ("Kata sandi maksimal 128 karakter.", "The password may have at most 128 characters."),
    PasswordCommon => ("Kata sandi ini termasuk yang paling umum dipakai dan mudah ditebak. Pilih kata sandi lain.", "This password is one of the most common ones and easy to guess. Choose another."),
    PasswordMismatch => ("Konfirmasi kata sandi tidak sama.", "The password confirmation does not match."),
    EmailRequired => ("Email wajib diisi.", "Email is required."),
    EmailFormat => ("Alamat email tidak valid.", "The email address is not valid."),
    OneTimeCodeFormat => ("Kode verifikasi terdiri dari 6 angka.", "The verification code has 6 digits."),
    OneTimeCodeWrong => ("Kode verifikasi salah atau sudah kedaluwarsa.", "The verification code is wrong or has expired."),
    RegistrationExpired => ("Proses pendaftaran kedaluwarsa. Silakan mulai lagi.", "The registration has expired. Please start again."),
    ResetLinkInvalid => ("Tautan atur ulang kata sandi tidak valid atau sudah kedaluwarsa.", "The password reset link is invalid or has expired."),
    // The re-registration form
    FieldRequired => ("Wajib diisi.", "Required."),
    TextTooLong => ("Isian terlalu panjang.", "Too long."),
    TextCharacters => ("Isian memuat karakter yang tidak diperbolehkan.", "Contains characters that are not allowed."),
    NameHasTitle => ("Tulis nama tanpa gelar; gelar diisi di kolom gelar depan/belakang.", "Write the name without titles; titles go in the title fields."),
    NameCharacters => ("Nama hanya boleh memuat huruf, spasi, titik, tanda hubung dan apostrof.", "A name may contain only letters, spaces, dots, hyphens and apostrophes."),
    TitleCharacters => ("Gelar hanya boleh memuat huruf, titik, koma dan spasi.", "A title may contain only letters, dots, commas and spaces."),
    YearInvalid => ("Tahun harus 4 angka dan tidak melewati tahun ini.", "The year must have 4 digits and not be in the future."),
    NumberInvalid => ("Isi dengan bilangan bulat.", "Enter a whole number."),
    NumberTooLarge => ("Angka terlalu besar.", "The number is too large."),
    MonthsOutOfRange => ("Bulan masa kerja 0 sampai 11.", "Months of service run from 0 to 11."),
    ChoiceInvalid => ("Pilih salah satu pilihan yang tersedia.", "Pick one of the options."),
    ScoreInvalid => ("Beri nilai 1 sampai 5.", "Give a score from 1 to 5."),
    CodeUnknown => ("Nilai tidak ada dalam tabel referensi. Pilih dari daftar, atau gunakan tombol [?] bila tidak tersedia.", "This value is not in the reference table. Pick one from the list, or use the [?] button if it is missing."),
    DateInFuture => ("Tanggal tidak boleh melewati hari ini.", "The date cannot be after today."),
    DateBeforeBirth => ("Tanggal tidak boleh sebelum tanggal lahir.", "The date cannot be before the date of birth."),
    EndBeforeStart => ("Tanggal ini tidak boleh sebelum tanggal awalnya.", "This date cannot be before its start date."),
    TmtCpnsTooEarly => ("TMT CPNS paling cepat pada usia 15 tahun.", "The start as CPNS cannot be before the age of 15."),
    ConfirmOrEdit => ("Centang \"sesuai\" bila data pembanding benar, atau ubah isiannya.", "Tick \"correct\" if the master value is right, or change it."),
    EselonRequired => ("Jabatan struktural wajib memiliki eselon.", "A structural position needs an echelon."),
    EselonNotAllowed => ("Eselon hanya untuk jabatan struktural.", "Only structural positions have an echelon."),
    ListEmpty => ("Isi sedikitnya satu riwayat.", "Add at least one entry."),
    GolonganTmtOrder => ("TMT golongan harus berbeda dan berurutan dari yang terlama.", "Each rank's effective date must be later than the one before."),
    GolonganDecreasing => ("Golongan tidak boleh turun dari golongan sebelumnya.", "A rank cannot be lower than the one before it."),
    GraduatedTooYoung => ("Tahun lulus tidak sesuai dengan usia pada jenjang ini.", "The graduation year does not fit the age for this level."),
    IjazahBeforeGraduation => ("Tanggal ijazah tidak boleh sebelum tahun lulus.", "The diploma date cannot be before the graduation year."),
    PendidikanYearOrder => ("Jenjang yang lebih tinggi tidak boleh lulus lebih dulu dari jenjang di bawahnya.", "A higher level cannot be finished before a lower one."),
    PertamaCpnsOnce => ("Hanya satu pendidikan yang ditandai sebagai pendidikan saat CPNS.", "Only one entry can be the education held when appointed CPNS."),
    JabatanOverlap => ("Masa jabatan struktural ini bertumpang tindih dengan jabatan struktural lain.", "This structural position overlaps another structural position."),
    MarriedTooYoung => ("Tanggal menikah tidak sesuai dengan tanggal lahir pasangan.", "The marriage date does not fit the spouse's date of birth."),
    SpouseNipRequired => ("Isi NIP pasangan yang PNS.", "Enter the NIP of a spouse who is a civil servant."),
    ChildBornTooEarly => ("Tanggal lahir anak tidak sesuai dengan tanggal lahir Anda.", "The child's birth date does not fit your own."),
    ChildParentMissing => ("Tambahkan data suami/istri terlebih dahulu.", "Add the spouse first."),
    PhoneFormat => ("Nomor telepon 8 sampai 15 angka.", "A phone number has 8 to 15 digits."),
    NpwpFormat => ("NPWP terdiri dari 15 atau 16 angka.", "An NPWP has 15 or 16 digits."),
    BpjsFormat => ("Nomor BPJS Kesehatan terdiri dari 13 angka.", "A BPJS Kesehatan number has 13 digits."),
    VersionConflict => ("Data ini telah diubah di jendela atau perangkat lain. Muat ulang halaman untuk melihat versi terbaru.", "This record was changed in another window or device. Reload the page to see the latest version."),
    ProposalLocked => ("Usulan sudah dikirim dan sedang diverifikasi; data tidak dapat diubah sampai dikembalikan.", "The proposal has been sent for verification; it cannot be changed until it is returned."),
    SectionNotApplicable => ("Bagian ini tidak berlaku untuk jabatan Anda.", "This section does not apply to your position."),
    TooManyEntries => ("Terlalu banyak riwayat dalam satu bagian.", "Too many entries in one section."),
    SectionsIncomplete => ("Usulan belum dapat dikirim: masih ada bagian yang belum diperiksa dan disimpan.", "The proposal cannot be sent yet: some sections have not been reviewed and saved."),
    PeriodClosed => ("Pengiriman hanya dapat dilakukan dalam masa pendataan instansi Anda.", "Sending is only possible during your agency's data-collection period."),
    PeriodEndBeforeStart => ("Tanggal selesai pendataan tidak boleh sebelum tanggal mulai.", "The collection period cannot end before it starts."),
    // Administration (#13)
    UsernameRequired => ("Nama pengguna wajib diisi.", "A username is required."),
    UsernameFormat => ("Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf.", "A username is 3–40 characters: lower-case letters, digits, dots, underscores or hyphens, starting with a letter."),
    EmailTaken => ("Email ini sudah dipakai akun lain.", "This email address is already used by another account."),
    NamaRequired => ("Nama wajib diisi.", "The name is required."),
    NamaTooLong => ("Nama paling panjang 120 karakter.", "The name is at most 120 characters."),
    RoleRequired => ("Pilih peran.", "Choose a role."),
    RoleNotGrantable => ("Anda tidak berwenang memberikan peran ini.", "You may not grant this role."),
    UnorRequired => ("Pilih unit organisasi yang diverifikasi.", "Choose the organisational unit to verify."),
    HdsCategoryRequired => ("Pilih paling sedikit satu kategori tiket.", "Choose at least one ticket category."),
    PnsNotInInstansi => ("Tidak ada akun PNS dengan NIP ini di instansi Anda.", "There is no civil-servant account with this NIP in your agency."),
    AccountNoEmail => ("Akun ini tidak punya email: tautan tidak dapat dikirim.", "This account has no email: no link can be sent."),
    RejectReasonLength => ("Tuliskan alasan penolakan, 10–500 karakter: pendaftar membacanya di email.", "Write the reason for rejecting, 10–500 characters: the applicant reads it in the mail."),
    AuditActionFormat => ("Aksi ditulis sebagai kode: huruf kecil dan garis bawah, mis. signin_ok.", "An action is written as its code: lower-case letters and underscores, e.g. signin_ok."),
    CodeRequired => ("Kode wajib diisi.", "The code is required."),
    CodeFormat => ("Kode paling panjang 20 karakter: huruf, angka, titik, garis miring atau tanda hubung.", "A code is at most 20 characters: letters, digits, dots, slashes or hyphens."),
    CodeTaken => ("Kode ini sudah ada di daftar ini.", "This code is already in this list."),
    EntryNameLength => ("Nama entri 2–200 karakter.", "An entry's name is 2–200 characters."),
    EntryNameTaken => ("Nama ini sudah ada di daftar ini.", "This name is already in this list."),
    CodeRetired => ("Entri ini sudah tidak berlaku dan tidak dapat dipilih lagi. Pilih entri lain.", "This entry is no longer in use and cannot be chosen. Choose another."),
    UnitNameLength => ("Nama unit 2–200 karakter.", "A unit's name is 2–200 characters."),
    UnitKindLength => ("Jenis unit 2–40 karakter, mis. SKPD, UPT, Bidang.", "A unit's kind is 2–40 characters, e.g. SKPD, UPT, Bidang."),
    UnitMoveIntoItself => ("Unit tidak dapat dipindah ke bawah dirinya sendiri atau unit di bawahnya.", "A unit cannot move below itself or a unit below it."),
    UnitClosed => ("Unit ini sudah ditutup.", "This unit is closed."),
    UnitHasChildren => ("Unit di bawahnya masih terbuka: tutup atau pindahkan dulu.", "Units below it are still open: close or move them first."),
    UnitHasPns => ("Masih ada PNS di unit ini: pindahkan mereka dulu.", "Civil servants still belong to this unit: move them first."),
    UnitHasOpenWork => ("Masih ada usulan PNS unit ini yang sedang diverifikasi.", "Proposals of this unit's civil servants are still being verified."),
    RouteLevelsRequired => ("Setiap usulan perlu paling sedikit satu tingkat verifikasi.", "Every proposal needs at least one verification level."),
    UnitImportEmpty => ("Berkas tidak berisi baris unit di bawah judul kolom.", "The file has no unit lines below the column headings."),
    UnitImportHeader => ("Baris pertama harus judul kolom: nama;jenis;induk", "The first line must be the column headings: nama;jenis;induk"),
    UnitImportTooMany => ("Paling banyak 2000 unit sekali impor: bagi berkasnya.", "At most 2000 units per import: split the file."),
    UnitImportColumns => ("Baris ini harus berisi 3 kolom: nama, jenis, induk.", "This line must have 3 columns: name, kind, parent."),
    UnitImportParentMissing => ("Unit induk tidak ada di pohon unit atau di baris sebelumnya.", "The parent unit is neither in the tree nor on an earlier line."),
    UnitImportExists => ("Unit dengan nama ini sudah ada di bawah induk yang sama.", "A unit of this name already exists under the same parent."),
    FacilityNameLength => ("Nama fasilitas 2–200 karakter.", "A facility's name is 2–200 characters."),
    FacilityKindUnknown => ("Jenis fasilitas tidak ada di daftar jenis: tulis kodenya (mis. FK01) atau namanya.", "The facility's kind is not in the list of kinds: write its code (e.g. FK01) or name."),
    FacilityExists => ("Fasilitas dengan nama ini sudah ada di instansi ini.", "A facility of this name already exists in this instansi."),
    FacilityClosed => ("Fasilitas ini sudah ditutup.", "This facility is closed."),
    FacilityImportEmpty => ("Berkas tidak berisi baris fasilitas di bawah judul kolom.", "The file has no facility lines below the column headings."),
    FacilityImportHeader => ("Baris pertama harus judul kolom: nama;jenis", "The first line must be the column headings: nama;jenis"),
    FacilityImportTooMany => ("Paling banyak 2000 fasilitas sekali impor: bagi berkasnya.", "At most 2000 facilities per import: split the file."),
    FacilityImportColumns => ("Baris ini harus berisi 2 kolom: nama, jenis.", "This line must have 2 columns: name, kind."),
    UnitHasVerifiers => ("Verifikator L1 masih ditugaskan ke unit ini: cabut perannya dulu.", "L1 verifiers are still assigned to this unit: revoke their role first."),
    RoleAlreadyHeld => ("Akun ini sudah memegang peran tersebut.", "This account already holds that role."),
    FlagReasonRequired => ("Jelaskan singkat apa yang tidak dapat dipilih atau salah.", "Say briefly what cannot be picked or is wrong."),
    TooManyFlags => ("Terlalu banyak tanda [?] terbuka. Tunggu tanggapan Help Desk.", "Too many open [?] flags. Wait for the Help Desk to answer."),
    DocumentEmpty => ("Berkas kosong.", "The file is empty."),
    DocumentTooLarge => ("Berkas terlalu besar: paling besar 5 MB.", "The file is too large: 5 MB at most."),
    DocumentType => ("Hanya berkas PDF, JPEG atau PNG yang dapat diunggah.", "Only PDF, JPEG or PNG files can be uploaded."),
    TooManyDocuments => ("Batas jumlah dokumen tercapai. Hapus dokumen yang tidak diperlukan.", "The document limit is reached. Remove documents you no longer need."),
    TicketTooManyAttachments => ("Tiket ini sudah memuat 10 lampiran, batas terbanyak.", "This ticket already carries 10 attachments, the most it may."),
    MasterChanged => ("Data master berubah sejak usulan ini dibuat. Periksa kembali bagian yang ditandai.", "The master record changed since this proposal was started. Check the marked sections again."),
    // Verification
    AlreadyDecided => ("Usulan ini sudah diputus atau dikirim ulang sejak Anda membukanya. Muat ulang antrian.", "This proposal was decided or re-sent since you opened it. Reload the queue."),
    KeyReused => ("Kunci pengiriman ini sudah dipakai untuk keputusan lain. Muat ulang halaman lalu putuskan lagi.", "This submission key was already used for a different decision. Reload the page and decide again."),
    ClaimedByOther => ("Usulan ini sedang dibuka oleh verifikator lain. Coba lagi setelah klaimnya berakhir.", "Another verifier has this proposal open. Try again when their claim ends."),
    CheckoutReleased => ("Usulan yang Anda bawa luring telah dilepas oleh verifikator lain; keputusan luring Anda tidak diterapkan. Buka usulan secara online untuk memutus lagi.", "The submission you took offline was released by another verifier; your offline decision was not applied. Open it online to decide again."),
    TooManyCheckouts => ("Anda sudah membawa 50 usulan luring. Selesaikan atau kembalikan sebagian terlebih dahulu.", "You already have 50 submissions offline. Finish or give back some of them first."),
    NothingToCheckout => ("Tidak ada usulan di antrian Anda yang dapat dibawa luring saat ini.", "There is no submission in your queue that can be taken offline now."),
    StorageFull => ("Ruang penyimpanan peramban penuh. Bawa lebih sedikit usulan, atau kosongkan ruang penyimpanan peramban.", "The browser's storage is full. Take fewer submissions, or free some browser storage."),
    Offline => ("Tidak ada koneksi internet. Coba lagi saat kembali online.", "No internet connection. Try again when you are back online."),
    // Help desk
    TicketSubjectShort => ("Subjek minimal 5 karakter.", "The subject needs at least 5 characters."),
    TicketDescriptionShort => ("Jelaskan masalahnya, minimal 10 karakter.", "Describe the problem in at least 10 characters."),
    TicketCategoryWrong => ("Kategori ini tidak tersedia untuk Anda. Pilih kategori lain.", "This category is not available to you. Choose another."),
    TicketDestinationRequired => ("Pilih instansi tujuan pindah.", "Choose the agency you moved to."),
    TicketClosed => ("Tiket ini sudah ditutup.", "This ticket is closed."),
    TicketNewerMessage => ("Ada pesan baru di tiket ini sejak Anda mulai mengetik. Baca dulu, lalu kirim lagi.", "A new message arrived in this ticket since you started typing. Read it, then send again."),
    TransferReasonShort => ("Tulis alasan pengalihan, minimal 10 karakter.", "Write why the ticket is transferred, in at least 10 characters."),
    TransferSameOffice => ("Tiket sudah berada di kantor ini. Pilih kantor lain.", "The ticket is already with this office. Choose another."),
    TemplateTitleShort => ("Judul templat minimal 3 karakter.", "A template title needs at least 3 characters."),
    TemplateTitleTaken => ("Kantor Anda sudah punya templat dengan judul ini.", "Your office already has a template with this title."),
    CorrectionNotAllowed => ("Koreksi data master hanya untuk tiket kategori A–E yang dibuat dari tanda [?].", "The master can be corrected only from an A–E ticket raised from a [?] flag."),
    CorrectionSameValue => ("Nilai baru sama dengan data master.", "The new value equals the master's."),
    CorrectionNeedsProposal => ("Tanggal lahir dan jenis kelamin membentuk NIP: perbaikannya melalui usulan yang diverifikasi.", "Birth date and gender make up the NIP: they are corrected through a verified proposal."),
    SuggestionNotAllowed => ("Entri referensi hanya dapat disarankan dari tiket kategori F–O yang dibuat dari tanda [?] pada isian yang memilih dari daftar.", "A reference entry can be suggested only from an F–O ticket raised from a [?] flag on a field that picks from a list."),
    RouteAdminCategories => ("Admin PUPNS instansi hanya menjawab kategori F, K, L dan R.", "The instansi's PUPNS admin answers categories F, K, L and R only."),
    RouteKanregForCentral => ("Instansi pusat tidak berada di wilayah Kanreg: pilih kantor BKN pusat.", "A central instansi is in no Kanreg's region: choose a national BKN office."),
    SlaHoursRange => ("Isi jumlah jam 1–2160 (paling lama 90 hari).", "Enter 1–2160 hours (90 days at most)."),
    SlaSolveBeforeAnswer => ("Waktu penyelesaian tidak boleh lebih pendek dari waktu jawaban pertama.", "The time to solve cannot be shorter than the time to the first answer."),
    FlagNotOpen => ("Tanda [?] ini sudah menjadi tiket atau sudah selesai.", "This [?] flag already has a ticket, or is solved."),
    GuestCodeExpired => ("Kode sudah tidak berlaku. Kirim permintaan tiket lagi.", "The code is no longer valid. Send the ticket request again."),
    GuestTooMany => ("Terlalu banyak permintaan tiket untuk NIP, email atau alamat ini. Coba lagi dalam satu jam.", "Too many ticket requests for this NIP, email or address. Try again in an hour."),
    GuestLinkInvalid => ("Tautan tiket tidak valid atau sudah kedaluwarsa. Gunakan tautan di email terbaru dari SIPUPNS.", "The ticket link is invalid or has expired. Use the link in the newest email from SIPUPNS."),
    TicketTooMany => ("Anda sudah membuat terlalu banyak tiket dalam satu jam. Coba lagi nanti.", "You have raised too many tickets in an hour. Try again later."),
    DecisionMissing => ("Setiap perubahan perlu keputusan: terima atau tolak.", "Every change needs a decision: accept or reject."),
    ReasonRequired => ("Penolakan perlu alasan.", "A rejection needs a reason."),
    ReturnNeedsRejection => ("Untuk mengembalikan usulan, tolak sedikitnya satu perubahan dengan alasannya.", "To return a proposal, reject at least one change with its reason."),
    NotReturnable => ("Usulan ini tidak sedang dalam verifikasi, jadi tidak dapat diturunkan statusnya.", "This proposal is not being verified, so it cannot be reopened."),
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::error::Error for ErrorCode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_both_texts_and_a_round_tripping_name() {
        for code in ErrorCode::ALL {
            assert!(!code.text(Lang::Id).is_empty(), "{code} has no Indonesian text");
            assert!(!code.text(Lang::En).is_empty(), "{code} has no English text");
            assert_ne!(code.text(Lang::Id), code.text(Lang::En), "{code} is not translated");
            assert_eq!(ErrorCode::from_name(code.name()), Some(*code));
        }
    }

    #[test]
    fn a_code_crosses_the_wire_as_its_name() {
        let json = serde_json::to_string(&ErrorCode::NipFormat).unwrap();
        assert_eq!(json, "\"NipFormat\"");
        assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), ErrorCode::NipFormat);
        let last = *ErrorCode::ALL.last().unwrap();
        assert_eq!(serde_json::from_str::<ErrorCode>(&format!("\"{}\"", last.name())).unwrap(), last);
        assert!(serde_json::from_str::<ErrorCode>("\"NoSuchCode\"").is_err());
    }
}
