//! Every server function, page and plain route, tried by every role and by nobody. Each row
//! builds, for the role at hand, a request that succeeds if the role may make it: the data
//! lies in the role's own scope (its own record, a document of a PNS it covers, a
//! registration waiting in its unit). Allowed means a 2xx answer (a redirect only where the
//! row says so); refused means 401 for nobody (a page sends nobody to the sign-in page) and
//! 403 or 404 for a signed-in role; a 5xx fails whatever the role. Rows that take an object
//! also try one outside the role's scope, which must be refused even to roles allowed on
//! their own objects.
//!
//! A server function, page or plain route without a row fails the test: deny by default has
//! to be decided, not forgotten. Later issues add rows.

mod common;
#[path = "common/pendaftaran.rs"]
mod pendaftaran;

use std::collections::{BTreeSet, HashSet};
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::Mutex;

use app::api::registration::RegisteredView;
use app::api::session::SessionState;
use app::auth::AppState;
use domain::form::Bagian;
use domain::{Capability, Role};
use identity::NewAccount;
use reqwest::Client;
use server::demo::DEMO_PASSWORD;
use uuid::Uuid;

use Access::{AnyOf, Needs, Public, Roles, SignedIn};
use Capability::{
    AdminBkn, AdminInstansi, AdminKanreg, ApproveRegistration, ExecutiveDashboard, HdsInbox, ManageStaffAccounts,
    OwnRecord, ReadAuditLog, ReadInstansiSettings, Verifikasi,
};

/// A setup function as a row's `Setup` or `Outside`.
macro_rules! by {
    ($f:ident) => {
        |world, role, client| Box::pin($f(world, role, client))
    };
}

/// Verifiers who oversee others' offline checkouts.
const SUPERVISORS: &[Role] = &[Role::VerifikatorL2, Role::VerifikatorL3, Role::VerifikatorL4];

/// The table. Rows run in this order for each role: the last two end or replace the
/// session the others use.
fn rows() -> Vec<Row> {
    vec![
        // Server functions.
        fun("/api/sesi", Public, by!(no_args)),
        fun("/api/ganti-peran", SignedIn, by!(own_grant)).outside(by!(foreign_grant)),
        fun("/api/daftar/cari-nip", Public, by!(unregistered_nip)),
        fun("/api/daftar/cek-data", Public, by!(right_answers)),
        fun("/api/daftar/selesai", Public, by!(emailed_code)),
        // Help-desk tickets from registration: a NIP without an account and an emailed code;
        // the ticket is then reached through its mailed link.
        fun("/api/daftar/bantuan/kode", Public, by!(guest_request)),
        fun("/api/daftar/bantuan/kirim", Public, by!(guest_code)).answers("HDS-"),
        fun("/api/daftar/bantuan/tiket", Public, by!(guest_link)).outside(by!(guest_link_wrong)).answers("HDS-"),
        fun("/api/daftar/bantuan/balas", Public, by!(guest_reply)).outside(by!(guest_reply_wrong)),
        fun("/api/daftar/bantuan/pilihan", Public, by!(no_args)),
        fun("/api/sandi/minta", Public, by!(reset_request)),
        fun("/api/sandi/atur", Public, by!(reset_token)),
        fun("/api/pns/data-saya", Needs(OwnRecord), by!(no_args)),
        fun("/api/pns/formulir", Needs(OwnRecord), by!(no_args)),
        fun("/api/pns/simpan-bagian", Needs(OwnRecord), by!(save_section)),
        // Sections are not reviewed: the 200 is KirimView::Belum, listing what is missing.
        fun("/api/pns/kirim", Needs(OwnRecord), by!(send_proposal)).answers("Belum"),
        fun("/api/pns/progres", Needs(OwnRecord), by!(no_args)),
        fun("/api/pns/tandai", Needs(OwnRecord), by!(flag_field)),
        fun("/api/pns/tarik-tanda", Needs(OwnRecord), by!(own_flag)).outside(by!(other_pns_flag)),
        fun("/api/referensi/cari", Needs(OwnRecord), by!(reference_search)),
        fun("/api/referensi/opsi", Needs(OwnRecord), by!(no_args)),
        fun("/api/beranda/verifikasi", Needs(Verifikasi), by!(no_args)),
        fun("/api/verifikasi/setujui-pendaftaran", Needs(ApproveRegistration), by!(waiting_in_scope))
            .outside(by!(waiting_outside_scope)),
        fun("/api/verifikasi/tolak-pendaftaran", Needs(ApproveRegistration), by!(rejectable_in_scope))
            .outside(by!(rejectable_outside_scope)),
        fun("/api/pendaftaran/menunggu", Needs(ApproveRegistration), by!(no_args)),
        // Outside: narrowed to a unit of another instansi (L3/L4 have no unit filter at all).
        fun("/api/verifikasi/antrian", Needs(Verifikasi), by!(queue_page)).outside(by!(queue_page_outside)),
        fun("/api/verifikasi/unor", Needs(Verifikasi), by!(empty_json)),
        // Items waiting at the role's own level in its scope; outside: another unit or instansi.
        fun("/api/verifikasi/buka", Needs(Verifikasi), by!(item_form)).outside(by!(item_form_outside)),
        fun("/api/verifikasi/klaim", Needs(Verifikasi), by!(item_form)).outside(by!(item_form_outside)),
        fun("/api/verifikasi/lepas", Needs(Verifikasi), by!(item_form)).outside(by!(item_form_outside)),
        fun("/api/verifikasi/putus", Needs(Verifikasi), by!(decision)).outside(by!(decision_outside)),
        fun("/api/verifikasi/terima-semua", Needs(Verifikasi), by!(accept_selected))
            .outside(by!(accept_selected_outside))
            .answers("\"diputus\":1"),
        // Offline work: any verifier takes from, and gives back to, their own queue; L2+ oversee
        // and release the checkouts in their scope.
        fun("/api/verifikasi/bawa-luring", Needs(Verifikasi), by!(take_offline))
            .outside(by!(take_offline_outside))
            .answers("\"pinjam\""),
        fun("/api/verifikasi/kembalikan-luring", Needs(Verifikasi), by!(give_back)).answers("1"),
        fun("/api/verifikasi/pinjaman", Roles(SUPERVISORS), by!(no_args)),
        fun("/api/verifikasi/luring-akun", Needs(Verifikasi), by!(no_args)),
        fun("/api/verifikasi/lepas-pinjaman", Roles(SUPERVISORS), by!(release_checkout))
            .outside(by!(release_checkout_outside)),
        // Turun Status: the Kanreg's L3 of the PNS's region, and the admin BKN.
        fun("/api/verifikasi/turun-status", Roles(&[Role::VerifikatorL3, Role::AdminBkn]), by!(reopen))
            .outside(by!(reopen_outside)),
        // Help desk: a PNS's own tickets (another PNS's is outside); officers' tickets of their
        // office and categories (another office's, or another instansi's, is outside).
        fun("/api/hds/saya/daftar", Needs(OwnRecord), by!(no_args)),
        fun("/api/hds/saya/buat", Needs(OwnRecord), by!(new_ticket)).answers("HDS-"),
        fun("/api/hds/saya/instansi", Needs(OwnRecord), by!(no_args)),
        fun("/api/hds/saya/isian", Needs(OwnRecord), by!(field_to_raise)),
        fun("/api/hds/saya/dari-tanda", Needs(OwnRecord), by!(own_flag_to_raise)).outside(by!(other_pns_flag_to_raise)),
        fun("/api/hds/saya/tiket", Needs(OwnRecord), by!(ticket_in_reach)).outside(by!(ticket_outside)),
        fun("/api/hds/saya/balas", Needs(OwnRecord), by!(reply_in_reach)).outside(by!(reply_outside)),
        fun("/api/hds/saya/tutup", Needs(OwnRecord), by!(ticket_in_reach)).outside(by!(ticket_outside)),
        fun("/api/hds/kotak/daftar", Needs(HdsInbox), by!(empty_inbox_filter)),
        fun("/api/hds/kotak/tiket", Needs(HdsInbox), by!(ticket_in_reach)).outside(by!(ticket_outside)),
        fun("/api/hds/kotak/ambil", Needs(HdsInbox), by!(ticket_in_reach)).outside(by!(ticket_outside)),
        fun("/api/hds/kotak/balas", Needs(HdsInbox), by!(reply_in_reach)).outside(by!(reply_outside)),
        fun("/api/hds/kotak/status", Needs(HdsInbox), by!(status_in_reach)).outside(by!(status_outside)),
        fun("/api/hds/kotak/hadir", Needs(HdsInbox), by!(ticket_in_reach)).outside(by!(ticket_outside)),
        fun("/api/hds/kotak/pilihan", Needs(HdsInbox), by!(ticket_in_reach)).outside(by!(ticket_outside)),
        // To oneself: every officer is on their own office's staff.
        fun("/api/hds/kotak/tugaskan", Needs(HdsInbox), by!(assign_in_reach)).outside(by!(assign_outside)),
        fun("/api/hds/kotak/templat/simpan", Needs(HdsInbox), by!(new_template)),
        // Outside: another office's canned reply.
        fun("/api/hds/kotak/templat/hapus", Needs(HdsInbox), by!(own_template)).outside(by!(other_office_template)),
        fun("/api/beranda/admin-instansi", Needs(AdminInstansi), by!(no_args)),
        // The admin's own instansi only: no argument names one.
        fun("/api/admin/pengaturan", Needs(AdminInstansi), by!(json_no_args)),
        fun("/api/admin/pengaturan/simpan", Needs(AdminInstansi), by!(settings_unchanged)),
        // Staff accounts: the admin's instansi's only, checked on the account or grant named.
        // Staff accounts: the instansi admin's instansi, the Kanreg admin's office, admin BKN
        // at a place it names (or, on an account, nationally); outside: another instansi's,
        // another Kanreg's, another admin BKN's (`staff_place`).
        fun("/api/admin/akun", Needs(ManageStaffAccounts), by!(staff_list)).outside(by!(staff_list_unknown_place)),
        fun("/api/admin/akun/buat", Needs(ManageStaffAccounts), by!(new_staff_account)).outside(by!(staff_role_above)),
        fun("/api/admin/akun/beri-peran", Needs(ManageStaffAccounts), by!(role_for_own_pns))
            .outside(by!(role_for_other_pns)),
        fun("/api/admin/akun/cabut-peran", Needs(ManageStaffAccounts), by!(own_staff_grant))
            .outside(by!(other_staff_grant)),
        fun("/api/admin/akun/status", Needs(ManageStaffAccounts), by!(disable_own_staff))
            .outside(by!(disable_other_staff)),
        fun("/api/admin/akun/tautan", Needs(ManageStaffAccounts), by!(link_own_staff)).outside(by!(link_other_staff)),
        fun("/api/admin/akun/ubah", Needs(ManageStaffAccounts), by!(edit_own_staff)).outside(by!(edit_other_staff)),
        // An L1's unit: only at an instansi (the Kanreg admin grants no L1, so refused there).
        fun("/api/admin/akun/ganti-unit", Roles(&[Role::AdminInstansi, Role::AdminBkn]), by!(own_l1_unit))
            .outside(by!(other_l1_unit)),
        fun("/api/admin/akun/sesi", Needs(ManageStaffAccounts), by!(sessions_own_staff))
            .outside(by!(sessions_other_staff)),
        // The unit tree: the admin's instansi's units only.
        fun("/api/admin/unor", Needs(AdminInstansi), by!(json_no_args)),
        fun("/api/admin/unor/tambah", Needs(AdminInstansi), by!(unit_in_own_tree)).outside(by!(unit_in_other_tree)),
        fun("/api/admin/unor/ubah", Needs(AdminInstansi), by!(rename_own_unit)).outside(by!(rename_other_unit)),
        fun("/api/admin/unor/pindah", Needs(AdminInstansi), by!(move_own_unit)).outside(by!(move_other_unit)),
        fun("/api/admin/unor/tutup", Needs(AdminInstansi), by!(close_own_unit)).outside(by!(close_other_unit)),
        // The CSV import's preview: the instansi is the admin's own, nothing is outside.
        fun("/api/admin/unor/impor", Needs(AdminInstansi), by!(unit_import_preview)),
        fun("/api/admin/fasilitas", Needs(AdminInstansi), by!(facility_list)),
        fun("/api/admin/fasilitas/tambah", Needs(AdminInstansi), by!(facility_new)),
        fun("/api/admin/fasilitas/ubah", Needs(AdminInstansi), by!(change_own_facility))
            .outside(by!(change_other_facility)),
        fun("/api/admin/fasilitas/tutup", Needs(AdminInstansi), by!(close_own_facility))
            .outside(by!(close_other_facility)),
        fun("/api/admin/fasilitas/impor", Needs(AdminInstansi), by!(facility_import_preview)),
        // The audit log: Kanreg (its region's people) and BKN admins.
        fun("/api/admin/audit", Needs(ReadAuditLog), by!(audit_filter)),
        // The national code lists: BKN admins only.
        fun("/api/admin/referensi", Needs(AdminBkn), by!(reference_list)),
        fun("/api/admin/referensi/riwayat", Needs(AdminBkn), by!(reference_entry)),
        fun("/api/admin/referensi/tambah", Needs(AdminBkn), by!(new_reference_entry)),
        fun("/api/admin/referensi/ubah", Needs(AdminBkn), by!(rename_reference_entry)),
        fun("/api/admin/referensi/status", Needs(AdminBkn), by!(retire_reference_entry)),
        // The instansi's settings, read by the admins above them (their region, or all).
        fun("/api/admin/pengaturan-wilayah", Needs(ReadInstansiSettings), by!(json_no_args)),
        fun("/api/beranda/admin-kanreg", Needs(AdminKanreg), by!(no_args)),
        fun("/api/beranda/admin-bkn", Needs(AdminBkn), by!(no_args)),
        fun("/api/beranda/eksekutif", Needs(ExecutiveDashboard), by!(no_args)),
        // Plain axum routes (services' own routers and the server's).
        plain("/api/pns/dokumen", Needs(OwnRecord), by!(upload)),
        // Download: the owner, and verifiers whose scope covers the PNS.
        plain("/api/pns/dokumen/{id}", AnyOf(&[OwnRecord, Verifikasi]), by!(download)).outside(by!(download_outside)),
        plain("/api/pns/dokumen/{id}", Needs(OwnRecord), by!(remove)).outside(by!(remove_other_pns)),
        // The live stream: a PNS gets their own tickets' events, an officer those within reach.
        plain("/api/hds/peristiwa", AnyOf(&[OwnRecord, HdsInbox]), by!(event_stream)),
        // Attachments: the ticket's PNS and the officers who reach it.
        plain("/api/hds/tiket/{id}/lampiran", AnyOf(&[OwnRecord, HdsInbox]), by!(attach_in_reach))
            .outside(by!(attach_outside)),
        plain("/api/hds/lampiran/{id}", AnyOf(&[OwnRecord, HdsInbox]), by!(attachment_in_reach))
            .outside(by!(attachment_outside)),
        plain("/api/hds/tiket/{id}/bukti", AnyOf(&[OwnRecord, HdsInbox]), by!(receipt_in_reach))
            .outside(by!(receipt_outside)),
        // The slip is for whoever holds the number and the code.
        plain("/daftar/slip", Public, by!(slip)).outside(by!(slip_wrong_code)),
        plain("/bahasa/{lang}", Public, by!(language)).redirects(),
        plain("/healthz", Public, by!(health)),
        // The verifier's service worker and its file list name the release, nothing more.
        plain("/sw.js", Public, by!(service_worker)),
        plain("/sw/aset.json", Public, by!(release_files)),
        plain("/sw/daftar.js", Public, by!(worker_page_script)),
        // The English texts a page in English loads (the WASM carries Indonesian only).
        plain("/teks/en.js", Public, by!(english_texts)),
        // Pages.
        page("/", Public).redirects(), // a signed-in user is sent home
        page("/masuk", Public),
        page("/daftar", Public),
        // A registration help-desk ticket: what it shows is asked with the mailed link.
        page("/daftar/tiket", Public).at(by!(guest_ticket_page)).answers("HDS-"),
        page("/lupa-sandi", Public),
        page("/reset-sandi", Public),
        page("/pns", Needs(OwnRecord)),
        page("/pns/formulir", Needs(OwnRecord)),
        page("/pns/progres", Needs(OwnRecord)),
        page("/verifikasi", Needs(Verifikasi)),
        page("/verifikasi/usulan/{id}", Needs(Verifikasi)).at(by!(review_page)),
        // The offline page is an anonymous shell (its worker keeps it for use with no network):
        // whose work it shows is asked of `/api/verifikasi/luring-akun` and the browser's store.
        page("/verifikasi/luring", Public),
        page("/pns/bantuan", Needs(OwnRecord)),
        page("/pns/bantuan/{id}", Needs(OwnRecord)).at(by!(own_ticket_page)),
        page("/hds", Needs(HdsInbox)),
        page("/hds/tiket/{id}", Needs(HdsInbox)).at(by!(officer_ticket_page)),
        page("/admin/instansi", Needs(AdminInstansi)),
        page("/admin/instansi/akun", Needs(ManageStaffAccounts)),
        page("/admin/akun", Needs(ManageStaffAccounts)),
        page("/admin/instansi/unor", Needs(AdminInstansi)),
        page("/admin/instansi/fasilitas", Needs(AdminInstansi)),
        page("/admin/kanreg", Needs(AdminKanreg)),
        page("/admin/bkn", Needs(AdminBkn)),
        page("/admin/audit", Needs(ReadAuditLog)),
        page("/admin/referensi", Needs(AdminBkn)),
        page("/hds/sla", Needs(AdminBkn)),
        page("/hds/rute", Needs(AdminBkn)),
        page("/verifikasi/rute", Needs(AdminBkn)),
        page("/eksekutif", Needs(ExecutiveDashboard)),
        // Late: the ticket leaves the officer's reach, so no row after it may need it.
        fun("/api/hds/kotak/alihkan", Needs(HdsInbox), by!(transfer_in_reach)).outside(by!(transfer_outside)),
        // Only help-desk officers correct master data (instansi admins answer F, K, L, R).
        fun("/api/hds/kotak/koreksi", Roles(&[Role::PetugasHds]), by!(correction_in_reach))
            .outside(by!(correction_outside)),
        fun("/api/hds/kotak/turun-status", Roles(&[Role::PetugasHds]), by!(turun_in_reach)).outside(by!(turun_outside)),
        fun("/api/hds/sla", Needs(AdminBkn), by!(no_args)),
        fun("/api/hds/sla/simpan", Needs(AdminBkn), by!(sla_unchanged)),
        fun("/api/hds/rute", Needs(AdminBkn), by!(no_args)),
        fun("/api/hds/rute/simpan", Needs(AdminBkn), by!(route_unchanged)),
        fun("/api/verifikasi/rute", Needs(AdminBkn), by!(json_no_args)),
        fun("/api/verifikasi/rute/simpan", Needs(AdminBkn), by!(verification_route_unchanged)),
        // Naming a missing entry: whoever reaches the F–O ticket (in the demo world the
        // instansi admin, who answers F; hds.kanreg1 has no F–O category).
        fun("/api/hds/kotak/saran", Roles(&[Role::AdminInstansi]), by!(suggestion_in_reach))
            .outside(by!(suggestion_outside)),
        // Last: signing out ends the session, signing in replaces it.
        fun("/api/keluar", SignedIn, by!(no_args)),
        fun("/api/masuk", Public, by!(own_credentials)),
    ]
}

#[tokio::test]
async fn every_server_function_page_and_plain_route_has_a_row() {
    let rows = rows();
    let listed = |kind: Kind| -> BTreeSet<String> {
        rows.iter().filter(|r| r.kind == kind).map(|r| r.route.to_owned()).collect()
    };
    let registered: BTreeSet<String> = server_fn::axum::server_fn_paths().map(|(path, _)| path.to_owned()).collect();
    assert_eq!(registered, listed(Kind::ServerFn), "every server function needs a row");
    let pages: BTreeSet<String> =
        leptos_axum::generate_route_list(app::App).iter().map(|r| r.path().to_owned()).collect();
    assert_eq!(pages, listed(Kind::Page), "every page route needs a row");
    assert_eq!(plain_routes(), listed(Kind::Plain), "every plain route needs a row");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_role_gets_exactly_what_it_may(pool: sqlx::PgPool) {
    let world = World::new(pool).await;
    let mut clients = vec![(None, common::client())];
    for role in Role::ALL {
        clients.push((Some(role), world.app.client_as(role).await));
    }
    let rows = rows();
    let mut failures = Vec::new();
    for (role, client) in &clients {
        let who = role.map_or("anonymous".to_owned(), |r| format!("{r:?}"));
        for row in &rows {
            let call = (row.setup)(&world, *role, client).await;
            let (what, answer) = world.send(row, client, call).await;
            if let Err(why) = judge(row, *role, answer, allowed(row.access, *role)) {
                failures.push(format!("{who} {what}: {why}"));
            }
            let Some(outside) = row.outside else { continue };
            if let Some(call) = outside(&world, *role, client).await {
                let (what, answer) = world.send(row, client, call).await;
                if let Err(why) = judge(row, *role, answer, false) {
                    failures.push(format!("{who} {what}, object outside the scope: {why}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "authorisation mismatches:\n{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Rows and their judgement.

/// Who may make a request.
#[derive(Debug, Clone, Copy)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user, whatever the role.
    SignedIn,
    /// The active role must have the capability.
    Needs(Capability),
    /// The active role must have one of the capabilities.
    AnyOf(&'static [Capability]),
    /// The active role must be one of these.
    Roles(&'static [Role]),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    ServerFn,
    Page,
    Plain,
}

/// A request built for one role.
enum Call {
    /// POST a form to the row's server function.
    Form(Vec<(&'static str, String)>),
    /// POST JSON to the row's server function.
    Json(String),
    /// GET the row's page as a browser does.
    Page,
    Get(String),
    Post(String, Vec<u8>),
    Delete(String),
}

type Fut<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;
/// Builds a request that succeeds if the role is allowed: data in the role's scope.
type Setup = for<'a> fn(&'a World, Option<Role>, &'a Client) -> Fut<'a, Call>;
/// Builds a request on an object outside the role's scope; None where nothing is outside it.
type Outside = for<'a> fn(&'a World, Option<Role>, &'a Client) -> Fut<'a, Option<Call>>;

struct Row {
    kind: Kind,
    /// As registered: server function path, page route or axum route pattern.
    route: &'static str,
    access: Access,
    /// A 3xx answer counts as success too.
    redirects: bool,
    setup: Setup,
    outside: Option<Outside>,
    /// What a success's body must contain.
    answers: Option<&'static str>,
}

fn fun(route: &'static str, access: Access, setup: Setup) -> Row {
    Row { kind: Kind::ServerFn, route, access, redirects: false, setup, outside: None, answers: None }
}

fn plain(route: &'static str, access: Access, setup: Setup) -> Row {
    Row { kind: Kind::Plain, ..fun(route, access, setup) }
}

fn page(route: &'static str, access: Access) -> Row {
    Row { kind: Kind::Page, ..fun(route, access, by!(browse)) }
}

impl Row {
    fn outside(self, outside: Outside) -> Row {
        Row { outside: Some(outside), ..self }
    }

    fn redirects(self) -> Row {
        Row { redirects: true, ..self }
    }

    /// A page whose path takes an object: the setup gives the path (a `Call::Get`).
    fn at(self, setup: Setup) -> Row {
        Row { setup, ..self }
    }

    fn answers(self, text: &'static str) -> Row {
        Row { answers: Some(text), ..self }
    }
}

fn allowed(access: Access, role: Option<Role>) -> bool {
    match (access, role) {
        (Access::Public, _) => true,
        (Access::SignedIn, role) => role.is_some(),
        (Access::Needs(capability), Some(role)) => role.can(capability),
        (Access::AnyOf(capabilities), Some(role)) => capabilities.iter().any(|c| role.can(*c)),
        (Access::Roles(roles), Some(role)) => roles.contains(&role),
        (Access::Needs(_) | Access::AnyOf(_) | Access::Roles(_), None) => false,
    }
}

/// Status, `Location` and body of an answer.
struct Answer {
    status: u16,
    location: String,
    body: String,
}

fn judge(row: &Row, role: Option<Role>, answer: Answer, allowed: bool) -> Result<(), String> {
    let Answer { status, location, body } = answer;
    // Nobody is refused at the door (401), unless the row lets everyone in and it is the
    // object that is refused.
    let at_the_door = role.is_none() && !self::allowed(row.access, None);
    let ok = match allowed {
        _ if status >= 500 => false,
        true => (200..300).contains(&status) || (row.redirects && (300..400).contains(&status)),
        // Nobody asking for a protected page is sent to the sign-in page.
        false if at_the_door && row.kind == Kind::Page => matches!(status, 302 | 303) && location.starts_with("/masuk"),
        false if at_the_door => status == 401,
        false => matches!(status, 403 | 404),
    };
    let expected = match allowed {
        true if row.redirects => "2xx or a redirect",
        true => "2xx",
        false if at_the_door && row.kind == Kind::Page => "a redirect to /masuk",
        false if at_the_door => "401",
        false => "403 or 404",
    };
    match ok {
        true if allowed && row.answers.is_some_and(|text| !body.contains(text)) => {
            Err(format!("HTTP {status} without {:?} in {body}", row.answers.unwrap_or_default()))
        }
        true => Ok(()),
        false if location.is_empty() => Err(format!("HTTP {status}, expected {expected}")),
        false => Err(format!("HTTP {status} to {location}, expected {expected}")),
    }
}

/// The plain routes the server serves: every `.route("…"` in the server's and the services'
/// sources (axum cannot list a router's routes), but the server functions' catch-all.
fn plain_routes() -> BTreeSet<String> {
    fn scan(dir: &Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                scan(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for after in text.split(".route(").skip(1) {
                    if let Some(literal) = after.trim_start().strip_prefix('"') {
                        found.insert(literal.split('"').next().unwrap().to_owned());
                    }
                }
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = BTreeSet::new();
    scan(&root.join("src"), &mut found);
    for service in std::fs::read_dir(root.join("../services")).unwrap().flatten() {
        if service.path().join("src").is_dir() {
            scan(&service.path().join("src"), &mut found);
        }
    }
    found.remove("/api/{*fn_name}");
    found
}

// ---------------------------------------------------------------------------------------
// The world the rows build their data in.

/// As in server/src/demo.rs.
const INSTANSI_BPS: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0001);
const INSTANSI_SLEMAN: Uuid = Uuid::from_u128(0x5150_0000_0000_0000_0000_0000_0000_0002);

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

struct World {
    app: common::TestApp,
    /// The services, to make data directly.
    services: AppState,
    /// Units of Dinas Pendidikan (the L1 verifier's subtree) and of Dinas Kesehatan.
    pendidikan: Vec<Uuid>,
    kesehatan: Vec<Uuid>,
    /// NIPs already handed out, so each registration gets its own PNS.
    handed_out: Mutex<HashSet<String>>,
    /// Work items rows may share (reads, and refused requests), per role and inside/outside.
    items: tokio::sync::Mutex<std::collections::HashMap<(Option<Role>, bool), Uuid>>,
    /// Help-desk tickets rows share, likewise.
    tickets: tokio::sync::Mutex<std::collections::HashMap<(Option<Role>, bool), Uuid>>,
    /// Tickets an action uses up (a correction, a Turun Status), one per kind: only the one
    /// allowed role acts on it; every other role is refused before anything changes.
    to_unblock: tokio::sync::Mutex<std::collections::HashMap<&'static str, String>>,
    /// The mailed link of one ticket from registration, which the guest rows share.
    guest_link: tokio::sync::OnceCell<String>,
    /// Ticket requests from registration made so far: two per NIP, under the limit of three.
    guest_requests: std::sync::atomic::AtomicUsize,
    /// One waiting registration per place that refused calls share: spare PNS are few.
    shared_waiting: tokio::sync::Mutex<std::collections::HashMap<Place, Uuid>>,
}

/// Where a PNS without an account is taken from.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    Anywhere,
    /// Kabupaten Sleman, in the L1 verifier's subtree.
    DinasPendidikan,
    /// Kabupaten Sleman, outside the L1 verifier's subtree.
    DinasKesehatan,
    /// Kabupaten Sleman, outside both Dinas (whose spare PNS other rows use up).
    SlemanLain,
    /// Badan Pusat Statistik: another instansi, another Kanreg.
    Bps,
}

/// A master record without an account.
struct Spare {
    nip: String,
    nik: String,
    birth: String,
    tmt: String,
    sk: String,
    nama: String,
    instansi_id: Uuid,
    unor_id: Uuid,
}

impl World {
    async fn new(pool: sqlx::PgPool) -> World {
        let app = common::spawn(pool).await;
        let services = server::app_state(&app.config, app.pool.clone()).unwrap();
        let units = services.reference.unor_of_instansi(INSTANSI_SLEMAN).await.unwrap();
        let subtree = |nama: &str| -> Vec<Uuid> {
            let top = units.iter().find(|u| u.nama == nama).expect("demo unit");
            units.iter().filter(|u| u.path.starts_with(&top.path)).map(|u| u.id).collect()
        };
        let (pendidikan, kesehatan) = (subtree("Dinas Pendidikan"), subtree("Dinas Kesehatan"));
        World {
            app,
            services,
            pendidikan,
            kesehatan,
            handed_out: Mutex::default(),
            items: Default::default(),
            tickets: Default::default(),
            to_unblock: Default::default(),
            guest_link: Default::default(),
            guest_requests: Default::default(),
            shared_waiting: Default::default(),
        }
    }

    /// A PNS without an account from `place`, not handed out before.
    async fn spare(&self, place: Place) -> Spare {
        type Row = (String, String, String, String, String, String, Uuid, Uuid);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT nip, nik, tanggal_lahir::text, tmt_cpns::text,
                    (SELECT nomor_sk FROM riwayat_golongan g WHERE g.nip = p.nip ORDER BY tmt, tanggal_sk, id LIMIT 1),
                    nama, instansi_id, unor_id FROM pns p
             WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
               AND NOT EXISTS (SELECT 1 FROM usulan u WHERE u.nip = p.nip)
               AND EXISTS (SELECT 1 FROM riwayat_golongan g WHERE g.nip = p.nip) ORDER BY nip DESC",
        )
        .fetch_all(&self.app.pool)
        .await
        .unwrap();
        let mut handed_out = self.handed_out.lock().unwrap();
        let row = rows
            .into_iter()
            .filter(|r| match place {
                Place::Anywhere => true,
                Place::DinasPendidikan => self.pendidikan.contains(&r.7),
                Place::DinasKesehatan => self.kesehatan.contains(&r.7),
                Place::SlemanLain => {
                    r.6 == INSTANSI_SLEMAN && !self.kesehatan.contains(&r.7) && !self.pendidikan.contains(&r.7)
                }
                Place::Bps => r.6 == INSTANSI_BPS,
            })
            .find(|r| !handed_out.contains(&r.0))
            .expect("a spare PNS");
        handed_out.insert(row.0.clone());
        Spare {
            nip: row.0,
            nik: row.1,
            birth: row.2,
            tmt: row.3,
            sk: row.4,
            nama: row.5,
            instansi_id: row.6,
            unor_id: row.7,
        }
    }

    /// A registration waiting for approval by a verifier of `place`.
    async fn waiting(&self, place: Place) -> Uuid {
        let p = self.spare(place).await;
        self.services
            .identity
            .ensure_waiting_registration(&p.nip, &p.nama, p.instansi_id, p.unor_id, DEMO_PASSWORD)
            .await
            .unwrap()
    }

    /// The registration waiting in `place` that refused calls share.
    async fn waiting_shared(&self, place: Place) -> Uuid {
        let mut shared = self.shared_waiting.lock().await;
        if let Some(id) = shared.get(&place) {
            return *id;
        }
        let id = self.waiting(place).await;
        shared.insert(place, id);
        id
    }

    /// A started registration: its id and the code mailed for it.
    async fn started_registration(&self) -> (Uuid, String) {
        let p = self.spare(Place::Anywhere).await;
        let email = format!("{}@example.go.id", p.nip);
        let answers = [
            ("nip", p.nip.as_str()),
            ("nik", &p.nik),
            ("tanggal_lahir", &p.birth),
            ("tmt_cpns", &p.tmt),
            ("sk_cpns", &p.sk),
            ("email", &email),
        ];
        let response = self.app.call(&common::client(), "/api/daftar/cek-data", &answers).await;
        assert_eq!(response.status(), 200, "a registration starts");
        let id = response.json().await.unwrap();
        (id, pendaftaran::code_from_mail(&self.app, &email).await)
    }

    /// A ticket request from registration for a spare NIP: its id and the code mailed for it.
    async fn guest_request(&self) -> (Uuid, String) {
        let Call::Form(fields) = guest_request(self, None, &common::client()).await else { unreachable!() };
        let email = fields.iter().find(|(k, _)| *k == "email").unwrap().1.clone();
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = self.app.call(&common::client(), "/api/daftar/bantuan/kode", &fields).await;
        assert_eq!(response.status(), 200, "a guest ticket request is taken");
        let id = response.json().await.unwrap();
        let text = pendaftaran::mail_to(&self.app, &email, "Kode konfirmasi tiket").await;
        let line = text.lines().find(|l| l.starts_with("Kode konfirmasi")).unwrap();
        (id, line.rsplit(' ').next().unwrap().to_owned())
    }

    /// The mailed link of a confirmed ticket from registration (one, shared).
    async fn guest_link(&self) -> String {
        self.guest_link
            .get_or_init(|| async {
                let (id, code) = self.guest_request().await;
                let id_text = id.to_string();
                let fields = [("permintaan", id_text.as_str()), ("kode", code.as_str())];
                let response = self.app.call(&common::client(), "/api/daftar/bantuan/kirim", &fields).await;
                assert_eq!(response.status(), 200, "the code raises the ticket");
                let email: String = sqlx::query_scalar("SELECT email FROM hds_tamu WHERE id = $1")
                    .bind(id)
                    .fetch_one(&self.app.pool)
                    .await
                    .unwrap();
                let text = pendaftaran::mail_to(&self.app, &email, "tautan=").await;
                text.split("tautan=").nth(1).unwrap().split_whitespace().next().unwrap().to_owned()
            })
            .await
            .clone()
    }

    async fn grant_of(&self, username: &str) -> Uuid {
        sqlx::query_scalar("SELECT g.id FROM role_grant g JOIN account a ON a.id = g.account_id WHERE a.username = $1")
            .bind(username)
            .fetch_one(&self.app.pool)
            .await
            .unwrap()
    }

    async fn document_of(&self, nip: &str) -> String {
        let personnel = &self.services.personnel;
        personnel.upload_document(nip, Bagian::DataUtama, None, "ktp.pdf", PDF).await.unwrap().id
    }

    async fn flag_of(&self, nip: &str) -> String {
        let personnel = &self.services.personnel;
        personnel.flag_field(nip, Bagian::DataUtama, None, "nama", "Nama di SK berbeda").await.unwrap().id
    }

    /// A proposal of a PNS from `place`, sent and waiting at `tingkat` (moved there directly:
    /// the levels before it are not what the row is about).
    async fn waiting_item(&self, place: Place, tingkat: i16) -> (Uuid, String) {
        let nip = self.spare(place).await.nip;
        let personnel = &self.services.personnel;
        let alamat = format!("Jl. Uji {}", Uuid::new_v4().simple());
        let usulan = personnel.fill_for_sending(&nip, move |form, _| form.data_utama.alamat = alamat).await.unwrap();
        self.services.verification.send(&usulan, usulan.versi, "PNS").await.unwrap();
        let id: Uuid = sqlx::query_scalar(
            "UPDATE verifikasi_item SET tingkat = $2, tingkat_rute = '{1,2,3,4}' WHERE nip = $1 AND status = 'menunggu'
             RETURNING id",
        )
        .bind(&nip)
        .bind(tingkat)
        .fetch_one(&self.app.pool)
        .await
        .unwrap();
        (id, nip)
    }

    /// An item in the role's queue (for roles without one, any item: they are refused).
    /// Fresh for a request that would decide it; shared otherwise.
    async fn item_for(&self, role: Option<Role>) -> Uuid {
        let tingkat = role.and_then(Role::tingkat).unwrap_or(1);
        self.waiting_item(Place::DinasPendidikan, tingkat).await.0
    }

    async fn shared_item(&self, role: Option<Role>) -> Uuid {
        let verifier = role.filter(|r| r.tingkat().is_some());
        let mut items = self.items.lock().await;
        if let Some(id) = items.get(&(verifier, true)) {
            return *id;
        }
        let id = self.item_for(verifier).await;
        items.insert((verifier, true), id);
        id
    }

    /// A decision consumes its item: a fresh one where the role may decide.
    async fn decidable_item(&self, role: Option<Role>) -> Uuid {
        match role.and_then(Role::tingkat) {
            Some(_) => self.item_for(role).await,
            None => self.shared_item(role).await,
        }
    }

    /// An item at the role's level outside its scope; none for the national L4 and for
    /// roles refused anyway.
    async fn item_outside(&self, role: Option<Role>) -> Option<Uuid> {
        let place = match role? {
            Role::VerifikatorL1 => Place::DinasKesehatan,
            Role::VerifikatorL2 | Role::VerifikatorL3 => Place::Bps,
            _ => return None,
        };
        let mut items = self.items.lock().await;
        if let Some(id) = items.get(&(role, false)) {
            return Some(*id);
        }
        let id = self.waiting_item(place, role?.tingkat()?).await.0;
        items.insert((role, false), id);
        Some(id)
    }

    /// Marks `item` as taken offline by `account` (unless it already is).
    async fn checked_out(&self, item: Uuid, account: Uuid) {
        sqlx::query(
            "WITH k AS (UPDATE verifikasi_item SET klaim_oleh = $2, klaim_nama = 'Verifikator Luring',
                                klaim_sampai = now() + interval '1 day'
                        WHERE id = $1 RETURNING id)
             INSERT INTO verifikasi_pinjam (id, item_id, oleh, oleh_nama, sampai)
             SELECT gen_random_uuid(), id, $2, 'Verifikator Luring', now() + interval '1 day' FROM k
             ON CONFLICT DO NOTHING",
        )
        .bind(item)
        .bind(account)
        .execute(&self.app.pool)
        .await
        .unwrap();
    }

    /// Every change of the item's round accepted, passed on, with a fresh key.
    async fn accept_everything(&self, item: Uuid) -> String {
        let (usulan_id, putaran): (Uuid, i32) =
            sqlx::query_as("SELECT usulan_id, putaran FROM verifikasi_item WHERE id = $1")
                .bind(item)
                .fetch_one(&self.app.pool)
                .await
                .unwrap();
        let mut conn = self.app.pool.acquire().await.unwrap();
        let changes = personnel::Personnel::round_changes(&mut conn, usulan_id, putaran).await.unwrap();
        let keputusan: Vec<_> = changes
            .iter()
            .map(|c| serde_json::json!({ "kunci": verification::key_of(c), "hasil": "terima", "alasan": "" }))
            .collect();
        serde_json::json!({ "putusan": { "item": item, "kunci": Uuid::new_v4(), "keputusan": keputusan,
            "tindakan": "teruskan", "catatan": "" } })
        .to_string()
    }

    /// The demo PNS's proposal version.
    async fn versi(&self) -> i32 {
        let snapshot = self.services.personnel.open_form(&self.app.demo.pns_nip).await.unwrap();
        snapshot.expect("the demo PNS has a record").usulan.versi
    }

    async fn send(&self, row: &Row, client: &Client, call: Call) -> (String, Answer) {
        let url = |path: &str| self.app.url(path);
        let (method, request) = match call {
            Call::Form(fields) => ("POST", client.post(url(row.route)).form(&fields)),
            Call::Json(body) => {
                ("POST", client.post(url(row.route)).header("content-type", "application/json").body(body))
            }
            Call::Page => ("GET", client.get(url(row.route)).header("accept", "text/html")),
            Call::Get(path) if row.kind == Kind::Page => ("GET", client.get(url(&path)).header("accept", "text/html")),
            Call::Get(path) => ("GET", client.get(url(&path))),
            Call::Post(path, body) => ("POST", client.post(url(&path)).body(body)),
            Call::Delete(path) => ("DELETE", client.delete(url(&path))),
        };
        let response = request.send().await.unwrap();
        let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default();
        let (status, location) = (response.status().as_u16(), location.to_owned());
        // An event stream never ends: its status and headers are the answer.
        let stream =
            response.headers().get("content-type").is_some_and(|t| t.as_bytes().starts_with(b"text/event-stream"));
        let body = if stream { String::new() } else { response.text().await.unwrap_or_default() };
        let answer = Answer { status, location, body };
        (format!("{method} {}", row.route), answer)
    }
}

// ---------------------------------------------------------------------------------------
// Setups: what each row sends. The demo PNS is the Pns role's client, so "the demo PNS's"
// data is in that role's scope, and in the verifiers' (Dinas Pendidikan, Kabupaten Sleman,
// Kanreg I, national).

fn form<const N: usize>(fields: [(&'static str, String); N]) -> Call {
    Call::Form(fields.into())
}

async fn no_args(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Form(Vec::new())
}

async fn json_no_args(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Json("{}".into())
}

/// The demo instansi's settings as they are (verification on, no period): saving them again
/// changes nothing other rows depend on.
async fn settings_unchanged(_: &World, _: Option<Role>, _: &Client) -> Call {
    let pengaturan =
        serde_json::json!({"verifikasi_pendaftaran": true, "pendataan_mulai": "", "pendataan_selesai": ""});
    Call::Json(serde_json::json!({ "pengaturan": pengaturan }).to_string())
}

async fn audit_filter(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Json(r#"{"filter":{"instansi_id":"","pelaku":"","aksi":"signin_ok","sebelum":""}}"#.into())
}

async fn browse(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Page
}

/// The grant the client has active (nobody has none: any grant will do).
async fn own_grant(world: &World, _: Option<Role>, client: &Client) -> Call {
    let grant = match world.app.session(client).await {
        SessionState::SignedIn(view) => view.active.id,
        _ => world.grant_of("admin.bkn").await,
    };
    form([("grant_id", grant.to_string())])
}

/// Another account's grant.
async fn foreign_grant(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    let other = if role == Some(Role::AdminBkn) { "eksekutif.bkn" } else { "admin.bkn" };
    Some(form([("grant_id", world.grant_of(other).await.to_string())]))
}

async fn unregistered_nip(world: &World, _: Option<Role>, _: &Client) -> Call {
    form([("nip", world.spare(Place::Anywhere).await.nip)])
}

async fn right_answers(world: &World, _: Option<Role>, _: &Client) -> Call {
    let p = world.spare(Place::Anywhere).await;
    let email = format!("{}@example.go.id", p.nip);
    form([
        ("nip", p.nip),
        ("nik", p.nik),
        ("tanggal_lahir", p.birth),
        ("tmt_cpns", p.tmt),
        ("sk_cpns", p.sk),
        ("email", email),
    ])
}

async fn emailed_code(world: &World, _: Option<Role>, _: &Client) -> Call {
    let (id, code) = world.started_registration().await;
    let password = || "SandiBaru2026".to_owned();
    form([("registration_id", id.to_string()), ("code", code), ("password", password()), ("confirmation", password())])
}

/// A request for a NIP without an account, taken from the low end (spares come from the top),
/// two requests per NIP and a new email each.
async fn guest_request(world: &World, _: Option<Role>, _: &Client) -> Call {
    let n = world.guest_requests.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let nip: String = sqlx::query_scalar(
        "SELECT nip FROM pns p WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip) ORDER BY nip OFFSET $1 LIMIT 1",
    )
    .bind((n / 2) as i64)
    .fetch_one(&world.app.pool)
    .await
    .unwrap();
    form([
        ("nip", nip),
        ("email", format!("tamu.{n}@example.go.id")),
        ("kategori", "A".into()),
        ("subjek", "Nama saya tertulis salah".into()),
        ("uraian", "Nama pada data master berbeda dengan SK CPNS.".into()),
    ])
}

async fn guest_code(world: &World, _: Option<Role>, _: &Client) -> Call {
    let (id, code) = world.guest_request().await;
    form([("permintaan", id.to_string()), ("kode", code)])
}

async fn guest_link(world: &World, _: Option<Role>, _: &Client) -> Call {
    form([("tautan", world.guest_link().await)])
}

/// A link never mailed opens nothing, whoever sends it.
/// The page a mailed link opens (a made-up link is "not found": `refusals`-style 404).
async fn guest_ticket_page(world: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get(format!("/daftar/tiket?tautan={}", world.guest_link().await))
}

async fn guest_link_wrong(_: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    Some(form([("tautan", Uuid::new_v4().simple().to_string())]))
}

async fn guest_reply(world: &World, _: Option<Role>, _: &Client) -> Call {
    form([("tautan", world.guest_link().await), ("isi", "Terima kasih, saya tunggu.".into())])
}

async fn guest_reply_wrong(_: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    Some(form([("tautan", Uuid::new_v4().simple().to_string()), ("isi", "Terima kasih, saya tunggu.".into())]))
}

async fn reset_request(_: &World, _: Option<Role>, _: &Client) -> Call {
    form([("identifier", "admin.bkn".to_owned())])
}

/// A fresh account with an email address asks for a link; the row uses its token.
async fn reset_token(world: &World, _: Option<Role>, _: &Client) -> Call {
    let username = format!("reset.{}", Uuid::new_v4().simple());
    let email = format!("{username}@example.go.id");
    let account = NewAccount {
        nip: None,
        username: Some(&username),
        nama: "Akun Uji Reset",
        email: Some(&email),
        password: DEMO_PASSWORD,
        instansi_id: None,
        unor_id: None,
        active: true,
    };
    world.services.identity.ensure_account(account).await.unwrap();
    let response = world.app.call(&common::client(), "/api/sandi/minta", &[("identifier", &username)]).await;
    assert_eq!(response.status(), 200, "a reset link is sent");
    let token = pendaftaran::reset_token_from_mail(&world.app, &email).await;
    let password = || "SandiBaru2026".to_owned();
    form([("token", token), ("password", password()), ("confirmation", password())])
}

async fn save_section(world: &World, _: Option<Role>, _: &Client) -> Call {
    let simpan = serde_json::json!({ "simpan": { "versi": world.versi().await,
        "isi": { "Stakeholder": { "bapertarum": "Y" } }, "periksa": false, "kunci": Uuid::new_v4() } });
    Call::Json(simpan.to_string())
}

async fn send_proposal(world: &World, _: Option<Role>, _: &Client) -> Call {
    form([("versi", world.versi().await.to_string())])
}

async fn flag_field(_: &World, _: Option<Role>, _: &Client) -> Call {
    form([("bagian", "DataUtama".into()), ("field", "nama".into()), ("keterangan", "Nama di SK berbeda".into())])
}

async fn own_flag(world: &World, _: Option<Role>, _: &Client) -> Call {
    form([("id", world.flag_of(&world.app.demo.pns_nip).await)])
}

/// A flag of another PNS (the L1 verifier's own PNS record, in the same unit).
async fn other_pns_flag(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    Some(form([("id", world.flag_of(&world.app.demo.verifier_nip).await)]))
}

async fn own_flag_to_raise(world: &World, _: Option<Role>, _: &Client) -> Call {
    form([("tanda", world.flag_of(&world.app.demo.pns_nip).await)])
}

async fn other_pns_flag_to_raise(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    Some(form([("tanda", world.flag_of(&world.app.demo.verifier_nip).await)]))
}

async fn reference_search(_: &World, _: Option<Role>, _: &Client) -> Call {
    form([("jenis", "jurusan".into()), ("q", "hukum".into())])
}

/// Approving consumes the registration: one per request, in Dinas Pendidikan (inside both
/// the L1 and the L2 verifier's scope).
/// A registration of its own for a role that approves (the call uses it up); the shared one
/// for the roles that are refused.
async fn waiting_in_scope(world: &World, role: Option<Role>, _: &Client) -> Call {
    let approves = role.is_some_and(|r| r.can(ApproveRegistration));
    let id = if approves {
        world.waiting(Place::DinasPendidikan).await
    } else {
        world.waiting_shared(Place::DinasPendidikan).await
    };
    form([("account_id", id.to_string())])
}

/// For L1 another unit of its instansi; for everyone else another instansi. Every call is
/// refused, so they share.
async fn waiting_outside_scope(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    let place = if role == Some(Role::VerifikatorL1) { Place::DinasKesehatan } else { Place::Bps };
    Some(form([("account_id", world.waiting_shared(place).await.to_string())]))
}

async fn rejectable_in_scope(world: &World, role: Option<Role>, client: &Client) -> Call {
    let Call::Form(mut fields) = waiting_in_scope(world, role, client).await else { unreachable!() };
    fields.push(("alasan", "Data yang diisikan tidak sesuai.".into()));
    Call::Form(fields)
}

async fn rejectable_outside_scope(world: &World, role: Option<Role>, client: &Client) -> Option<Call> {
    let Some(Call::Form(mut fields)) = waiting_outside_scope(world, role, client).await else { unreachable!() };
    fields.push(("alasan", "Data yang diisikan tidak sesuai.".into()));
    Some(Call::Form(fields))
}

async fn upload(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Post("/api/pns/dokumen?bagian=data-utama&nama=ktp.pdf".into(), PDF.to_vec())
}

async fn download(world: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get(format!("/api/pns/dokumen/{}", world.document_of(&world.app.demo.pns_nip).await))
}

/// A document of a PNS the role does not cover; the national verifier covers everyone.
async fn download_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    let owner = match role {
        Some(Role::Pns) => world.app.demo.verifier_nip.clone(),
        Some(Role::VerifikatorL1) => world.spare(Place::DinasKesehatan).await.nip,
        Some(Role::VerifikatorL4) => return None,
        _ => world.spare(Place::Bps).await.nip,
    };
    Some(Call::Get(format!("/api/pns/dokumen/{}", world.document_of(&owner).await)))
}

async fn remove(world: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Delete(format!("/api/pns/dokumen/{}", world.document_of(&world.app.demo.pns_nip).await))
}

async fn remove_other_pns(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    Some(Call::Delete(format!("/api/pns/dokumen/{}", world.document_of(&world.app.demo.verifier_nip).await)))
}

/// A finished registration's slip.
async fn slip(world: &World, _: Option<Role>, _: &Client) -> Call {
    let (id, code) = world.started_registration().await;
    let id = id.to_string();
    let finish = [
        ("registration_id", id.as_str()),
        ("code", code.as_str()),
        ("password", "SandiBaru2026"),
        ("confirmation", "SandiBaru2026"),
    ];
    let response = world.app.call(&common::client(), "/api/daftar/selesai", &finish).await;
    let done: RegisteredView = response.json().await.unwrap();
    Call::Get(done.slip_url)
}

/// The demo's waiting registration, with a code that is not its own.
async fn slip_wrong_code(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let nomor: String = sqlx::query_scalar(
        "SELECT nomor_pendaftaran FROM account WHERE status = 'menunggu_verifikasi' AND nomor_pendaftaran IS NOT NULL
         ORDER BY created_at LIMIT 1",
    )
    .fetch_one(&world.app.pool)
    .await
    .unwrap();
    Some(Call::Get(format!("/daftar/slip?nomor={nomor}&kode=00000000")))
}

async fn language(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get("/bahasa/en?kembali=/masuk".into())
}

async fn health(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get("/healthz".into())
}

async fn service_worker(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get("/sw.js?build=B1".into())
}

async fn worker_page_script(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get("/sw/daftar.js?build=B1".into())
}

async fn english_texts(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get(app::i18n::english_script().1.clone())
}

async fn release_files(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get("/sw/aset.json".into())
}

/// The client's own login (nobody signs in as the Admin BKN).
async fn own_credentials(world: &World, role: Option<Role>, _: &Client) -> Call {
    let login = role.map_or("admin.bkn".to_owned(), |r| world.app.login_for(r));
    form([("identifier", login), ("password", DEMO_PASSWORD.to_owned())])
}

async fn queue_page(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Json(serde_json::json!({ "filter": {}, "setelah": null }).to_string())
}

async fn queue_page_outside(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let unit: Uuid = sqlx::query_scalar("SELECT id FROM unor WHERE instansi_id = $1 LIMIT 1")
        .bind(INSTANSI_BPS)
        .fetch_one(&world.app.pool)
        .await
        .unwrap();
    Some(Call::Json(serde_json::json!({ "filter": { "unor": unit }, "setelah": null }).to_string()))
}

async fn empty_json(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Json("{}".into())
}

async fn item_form(world: &World, role: Option<Role>, _: &Client) -> Call {
    form([("item", world.shared_item(role).await.to_string())])
}

async fn item_form_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(form([("item", world.item_outside(role).await?.to_string())]))
}

async fn decision(world: &World, role: Option<Role>, _: &Client) -> Call {
    Call::Json(world.accept_everything(world.decidable_item(role).await).await)
}

async fn decision_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    let item = world.item_outside(role).await?;
    Some(Call::Json(world.accept_everything(item).await))
}

async fn accept_selected(world: &World, role: Option<Role>, _: &Client) -> Call {
    Call::Json(serde_json::json!({ "items": [world.decidable_item(role).await] }).to_string())
}

async fn accept_selected_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(Call::Json(serde_json::json!({ "items": [world.item_outside(role).await?] }).to_string()))
}

/// The role's shared item (free, or claimed by this very account), found by its NIP, taken offline.
async fn take_offline(world: &World, role: Option<Role>, _: &Client) -> Call {
    let item = world.shared_item(role).await;
    let nip: String = sqlx::query_scalar("SELECT nip FROM verifikasi_item WHERE id = $1")
        .bind(item)
        .fetch_one(&world.app.pool)
        .await
        .unwrap();
    Call::Json(serde_json::json!({ "filter": { "cari": nip }, "jumlah": 1 }).to_string())
}

async fn take_offline_outside(world: &World, role: Option<Role>, client: &Client) -> Option<Call> {
    let Some(Call::Json(body)) = queue_page_outside(world, role, client).await else { return None };
    let mut body: serde_json::Value = serde_json::from_str(&body).unwrap();
    body["jumlah"] = 1.into();
    Some(Call::Json(body.to_string()))
}

/// An item the client's own account has offline (for verifiers), given back.
async fn give_back(world: &World, role: Option<Role>, client: &Client) -> Call {
    let item = world.shared_item(role).await;
    if let SessionState::SignedIn(view) = world.app.session(client).await {
        let account: Uuid = sqlx::query_scalar("SELECT id FROM account WHERE username = $1 OR nip = $1")
            .bind(&view.login)
            .fetch_one(&world.app.pool)
            .await
            .unwrap();
        world.checked_out(item, account).await;
    }
    Call::Json(serde_json::json!({ "items": [item] }).to_string())
}

/// The role's shared item, offline with another verifier.
async fn release_checkout(world: &World, role: Option<Role>, _: &Client) -> Call {
    let item = world.shared_item(role).await;
    world.checked_out(item, Uuid::new_v4()).await;
    form([("item", item.to_string()), ("alasan", "Verifikator tidak dapat dihubungi".into())])
}

async fn release_checkout_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    let item = world.item_outside(role).await?;
    world.checked_out(item, Uuid::new_v4()).await;
    Some(form([("item", item.to_string()), ("alasan", "Verifikator tidak dapat dihubungi".into())]))
}

/// A Kabupaten Sleman PNS (Kanreg I) whose proposal waits at L1.
async fn reopen(world: &World, role: Option<Role>, _: &Client) -> Call {
    let nip = match role {
        Some(Role::VerifikatorL3 | Role::AdminBkn) => world.waiting_item(Place::DinasPendidikan, 1).await.1,
        _ => sqlx::query_scalar("SELECT nip FROM verifikasi_item WHERE id = $1")
            .bind(world.shared_item(role).await)
            .fetch_one(&world.app.pool)
            .await
            .unwrap(),
    };
    form([("nip", nip), ("catatan", "PNS meminta perbaikan data".into())])
}

/// For the Kanreg I verifier, a BPS PNS (central: Direktorat Pengadaan dan KP).
async fn reopen_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    if role != Some(Role::VerifikatorL3) {
        return None;
    }
    let nip = world.waiting_item(Place::Bps, 1).await.1;
    Some(form([("nip", nip), ("catatan", "PNS meminta perbaikan data".into())]))
}

async fn review_page(world: &World, role: Option<Role>, _: &Client) -> Call {
    Call::Get(format!("/verifikasi/usulan/{}", world.shared_item(role).await))
}

// ---------------------------------------------------------------------------------------
// Help desk.

impl World {
    /// A ticket the role reaches (inside) or does not (outside), one per role and side:
    /// the PNS's own or another PNS's; for the Kanreg I officer a Sleman PNS's A (beda nama)
    /// or E (Deputi SINKA's); for the Sleman admin an F from Sleman or from BPS.
    async fn ticket(&self, role: Option<Role>, inside: bool) -> Uuid {
        let mut tickets = self.tickets.lock().await;
        if let Some(id) = tickets.get(&(role, inside)) {
            return *id;
        }
        let id = self.raise_ticket(role, inside).await;
        tickets.insert((role, inside), id);
        id
    }

    /// A file attached to that ticket, kept where the server keeps attachments.
    async fn attachment(&self, role: Option<Role>, inside: bool) -> Uuid {
        let tiket = self.ticket(role, inside).await;
        let berkas = documents::Berkas::new(self.app.config.data_dir.join("hds-lampiran"));
        let sha256 = documents::Berkas::sha256(PDF);
        berkas.write_once(&sha256, PDF).await.unwrap();
        let id = Uuid::new_v4();
        sqlx::query(
            "INSERT INTO hds_lampiran (id, tiket_id, dari, akun_id, nama, nama_file, jenis, ukuran, sha256)
             VALUES ($1, $2, 'pns', $3, 'PNS Uji', 'sk.pdf', 'application/pdf', $4, $5)",
        )
        .bind(id)
        .bind(tiket)
        .bind(Uuid::new_v4())
        .bind(PDF.len() as i32)
        .bind(&sha256)
        .execute(&self.app.pool)
        .await
        .unwrap();
        id
    }

    async fn raise_ticket(&self, role: Option<Role>, inside: bool) -> Uuid {
        let (nip, instansi_id) = match (role, inside) {
            (Some(Role::Pns), true) => (self.app.demo.pns_nip.clone(), INSTANSI_SLEMAN),
            (Some(Role::Pns), false) => (self.app.demo.verifier_nip.clone(), INSTANSI_SLEMAN),
            (Some(Role::AdminInstansi), false) => (self.spare(Place::Bps).await.nip, INSTANSI_BPS),
            _ => (self.spare(Place::DinasKesehatan).await.nip, INSTANSI_SLEMAN),
        };
        let kategori = match (role, inside) {
            (Some(Role::AdminInstansi), _) => domain::hds::Kategori::UnorTidakAda,
            (Some(Role::PetugasHds), false) => domain::hds::Kategori::TidakAdaDiDatabase,
            _ => domain::hds::Kategori::BedaNama,
        };
        let pemohon = helpdesk::Pemohon { akun_id: Uuid::new_v4(), nip, nama: "PNS Uji".into(), instansi_id };
        let baru = helpdesk::TiketBaru {
            kategori,
            subjek: "Nama berbeda".into(),
            uraian: "Nama saya berbeda dengan SK CPNS.".into(),
            instansi_tujuan: None,
            tanda_id: None,
            isian: None,
            email: None,
        };
        self.services.helpdesk.raise(&pemohon, &baru).await.unwrap().id.parse().unwrap()
    }

    /// A Sleman PNS's ticket raised from a "[?]" on their name: Kanreg I answers A, Deputi
    /// SINKA answers E.
    async fn flagged_ticket(&self, kategori: domain::hds::Kategori) -> String {
        let mut made = self.to_unblock.lock().await;
        if let Some(id) = made.get(kategori.code()) {
            return id.clone();
        }
        let nip = self.spare(Place::DinasKesehatan).await.nip;
        let tanda = self.flag_of(&nip).await;
        let pemohon =
            helpdesk::Pemohon { akun_id: Uuid::new_v4(), nip, nama: "PNS Uji".into(), instansi_id: INSTANSI_SLEMAN };
        let baru = helpdesk::TiketBaru {
            kategori,
            subjek: "Nama berbeda".into(),
            uraian: "Nama saya berbeda dengan SK CPNS.".into(),
            instansi_tujuan: None,
            tanda_id: Some(tanda.parse().unwrap()),
            isian: None,
            email: None,
        };
        let id = self.services.helpdesk.raise(&pemohon, &baru).await.unwrap().id;
        made.insert(kategori.code(), id.clone());
        id
    }

    /// The account of the role's demo login.
    async fn account_of(&self, role: Option<Role>) -> Uuid {
        let login = self.app.login_for(role.unwrap_or(Role::AdminBkn));
        sqlx::query_scalar("SELECT id FROM account WHERE username = $1 OR nip = $1")
            .bind(login)
            .fetch_one(&self.app.pool)
            .await
            .unwrap()
    }
}

async fn assign_in_reach(world: &World, role: Option<Role>, _: &Client) -> Call {
    form([("id", world.ticket(role, true).await.to_string()), ("akun", world.account_of(role).await.to_string())])
}

async fn assign_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(form([
        ("id", world.ticket(role, false).await.to_string()),
        ("akun", world.account_of(role).await.to_string()),
    ]))
}

/// Every ticket of the world comes from a Sleman PNS, so Sleman's BKD is a destination of each.
fn transfer(id: Uuid) -> Call {
    form([
        ("id", id.to_string()),
        ("ke", format!("bkd:{INSTANSI_SLEMAN}")),
        ("alasan", "Ditangani BKD Kabupaten Sleman.".into()),
    ])
}

async fn transfer_in_reach(world: &World, role: Option<Role>, _: &Client) -> Call {
    transfer(world.ticket(role, true).await)
}

async fn transfer_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(transfer(world.ticket(role, false).await))
}

async fn correction_in_reach(world: &World, _: Option<Role>, _: &Client) -> Call {
    let id = world.flagged_ticket(domain::hds::Kategori::BedaNama).await;
    form([("id", id), ("nilai", "SITI AMINAH KOREKSI".into())])
}

async fn correction_outside(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let id = world.flagged_ticket(domain::hds::Kategori::TidakAdaDiDatabase).await;
    Some(form([("id", id), ("nilai", "SITI AMINAH KOREKSI".into())]))
}

/// Category Q's clocks as seeded: setting them changes nothing other rows depend on.
async fn sla_unchanged(_: &World, _: Option<Role>, _: &Client) -> Call {
    form([("kategori", "Q".into()), ("jawab_jam", "8".into()), ("selesai_jam", "24".into())])
}

/// Category Q's route for regional instansi as seeded (their BKD): nothing else changes.
async fn route_unchanged(_: &World, _: Option<Role>, _: &Client) -> Call {
    form([
        ("kategori", "Q".into()),
        ("jenis_instansi", "daerah".into()),
        ("antar_provinsi", String::new()),
        ("tujuan", "bkd".into()),
    ])
}

/// An F ticket raised from a "[?]" on the unit field of a PNS of Sleman (its admin answers)
/// or BPS, with an open unit of that instansi to name.
async fn unit_ticket(world: &World, place: Place) -> (String, Uuid) {
    let (key, kode) = if place == Place::Bps { ("F-bps", "BPS") } else { ("F-sleman", "KAB-SLEMAN") };
    let unit = fresh_unit(world, kode).await;
    let mut made = world.to_unblock.lock().await;
    if let Some(id) = made.get(key) {
        return (id.clone(), unit);
    }
    let spare = world.spare(place).await;
    let personnel = &world.services.personnel;
    let reason = "Unit saya belum ada di daftar";
    let tanda = personnel.flag_field(&spare.nip, Bagian::DataPosisi, None, "unor", reason).await.unwrap().id;
    let pemohon = helpdesk::Pemohon {
        akun_id: Uuid::new_v4(),
        nip: spare.nip,
        nama: "PNS Uji".into(),
        instansi_id: spare.instansi_id,
    };
    let baru = helpdesk::TiketBaru {
        kategori: domain::hds::Kategori::UnorTidakAda,
        subjek: "Unit tidak ditemukan".into(),
        uraian: "Unit kerja saya belum ada di daftar unit organisasi.".into(),
        instansi_tujuan: None,
        tanda_id: Some(tanda.parse().unwrap()),
        isian: None,
        email: None,
    };
    let id = world.services.helpdesk.raise(&pemohon, &baru).await.unwrap().id;
    made.insert(key, id.clone());
    (id, unit)
}

async fn suggestion_in_reach(world: &World, _: Option<Role>, _: &Client) -> Call {
    let (id, unit) = unit_ticket(world, Place::SlemanLain).await;
    form([("id", id), ("nilai", unit.to_string())])
}

async fn suggestion_outside(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let (id, unit) = unit_ticket(world, Place::Bps).await;
    Some(form([("id", id), ("nilai", unit.to_string())]))
}

/// A P ticket of a PNS whose proposal waits: in Sleman, Kanreg I answers; in BPS (central),
/// the national office does.
async fn turun_ticket(world: &World, place: Place, instansi_id: Uuid) -> Call {
    let call = |id: String| form([("id", id), ("catatan", "Salah memilih jabatan".into())]);
    let key = if place == Place::Bps { "P-bps" } else { "P-sleman" };
    let mut made = world.to_unblock.lock().await;
    if let Some(id) = made.get(key) {
        return call(id.clone());
    }
    let (_, nip) = world.waiting_item(place, 1).await;
    let pemohon = helpdesk::Pemohon { akun_id: Uuid::new_v4(), nip, nama: "PNS Uji".into(), instansi_id };
    let baru = helpdesk::TiketBaru {
        kategori: domain::hds::Kategori::TurunStatus,
        subjek: "Buka kunci usulan".into(),
        uraian: "Saya salah memilih jabatan dan perlu memperbaikinya.".into(),
        instansi_tujuan: None,
        tanda_id: None,
        isian: None,
        email: None,
    };
    let id = world.services.helpdesk.raise(&pemohon, &baru).await.unwrap().id;
    made.insert(key, id.clone());
    call(id)
}

async fn turun_in_reach(world: &World, _: Option<Role>, _: &Client) -> Call {
    turun_ticket(world, Place::DinasKesehatan, INSTANSI_SLEMAN).await
}

async fn turun_outside(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    Some(turun_ticket(world, Place::Bps, INSTANSI_BPS).await)
}

async fn new_template(_: &World, _: Option<Role>, _: &Client) -> Call {
    form([("judul", format!("Uji {}", Uuid::new_v4().simple())), ("isi", "Mohon unggah SK terbaru.".into())])
}

/// A canned reply of the role's own office, made through the row's own client (a role
/// without an office gets an id that names nothing, and is refused anyway).
async fn own_template(world: &World, role: Option<Role>, client: &Client) -> Call {
    let Call::Form(fields) = new_template(world, role, client).await else { unreachable!() };
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = world.app.call(client, "/api/hds/kotak/templat/simpan", &fields).await;
    let id = match response.json::<domain::hds::Templat>().await {
        Ok(templat) => templat.id,
        Err(_) => Uuid::new_v4().to_string(),
    };
    form([("id", id)])
}

async fn other_office_template(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let grant = access::Grant {
        id: Uuid::new_v4(),
        role: Role::PetugasHds,
        instansi_id: None,
        unor_id: None,
        unor_path: None,
        kanreg_id: None,
        hds_kategori: vec!["A".into()],
        kantor_id: Some(104),
    };
    let officer = access::CurrentUser {
        account_id: Uuid::new_v4(),
        nama: "Petugas SINKA".into(),
        nip: None,
        username: None,
        active: grant.clone(),
        grants: vec![grant],
    };
    let judul = format!("Lain {}", Uuid::new_v4().simple());
    let templat = world.services.helpdesk.save_template(&officer, None, &judul, "Kantor lain.").await.unwrap();
    Some(form([("id", templat.id)]))
}

async fn new_ticket(_: &World, _: Option<Role>, _: &Client) -> Call {
    let tiket =
        serde_json::json!({"kategori": "A", "subjek": "Nama berbeda", "uraian": "Nama saya berbeda dengan SK CPNS."});
    Call::Json(serde_json::json!({ "tiket": tiket }).to_string())
}

/// The signed-in PNS's own field: there is no one else's to ask for.
async fn field_to_raise(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Json(r#"{"isian":{"bagian":"DataUtama","entri":null,"field":"nama"}}"#.into())
}

async fn empty_inbox_filter(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Json(r#"{"filter":{}}"#.into())
}

async fn ticket_in_reach(world: &World, role: Option<Role>, _: &Client) -> Call {
    form([("id", world.ticket(role, true).await.to_string())])
}

async fn ticket_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(form([("id", world.ticket(role, false).await.to_string())]))
}

async fn reply_in_reach(world: &World, role: Option<Role>, _: &Client) -> Call {
    let id = world.ticket(role, true).await.to_string();
    form([("id", id), ("isi", "Mohon dibantu.".into()), ("internal", "false".into())])
}

async fn reply_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    let id = world.ticket(role, false).await.to_string();
    Some(form([("id", id), ("isi", "Mohon dibantu.".into()), ("internal", "false".into())]))
}

async fn status_in_reach(world: &World, role: Option<Role>, _: &Client) -> Call {
    form([("id", world.ticket(role, true).await.to_string()), ("status", "selesai".into())])
}

async fn status_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(form([("id", world.ticket(role, false).await.to_string()), ("status", "selesai".into())]))
}

async fn event_stream(_: &World, _: Option<Role>, _: &Client) -> Call {
    Call::Get("/api/hds/peristiwa".into())
}

async fn own_ticket_page(world: &World, role: Option<Role>, _: &Client) -> Call {
    Call::Get(format!("/pns/bantuan/{}", world.ticket(role, true).await))
}

async fn officer_ticket_page(world: &World, role: Option<Role>, _: &Client) -> Call {
    Call::Get(format!("/hds/tiket/{}", world.ticket(role, true).await))
}

/// A ticket in reach; the PNS's own shared one has been closed by their closing row, so they
/// get a new one.
async fn attach_in_reach(world: &World, role: Option<Role>, _: &Client) -> Call {
    let id = match role {
        Some(Role::Pns) => world.raise_ticket(role, true).await,
        _ => world.ticket(role, true).await,
    };
    Call::Post(format!("/api/hds/tiket/{id}/lampiran?nama=sk.pdf"), PDF.to_vec())
}

async fn attach_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(Call::Post(format!("/api/hds/tiket/{}/lampiran?nama=sk.pdf", world.ticket(role, false).await), PDF.to_vec()))
}

async fn attachment_in_reach(world: &World, role: Option<Role>, _: &Client) -> Call {
    Call::Get(format!("/api/hds/lampiran/{}", world.attachment(role, true).await))
}

async fn attachment_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(Call::Get(format!("/api/hds/lampiran/{}", world.attachment(role, false).await)))
}

async fn receipt_in_reach(world: &World, role: Option<Role>, _: &Client) -> Call {
    Call::Get(format!("/api/hds/tiket/{}/bukti", world.ticket(role, true).await))
}

async fn receipt_outside(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(Call::Get(format!("/api/hds/tiket/{}/bukti", world.ticket(role, false).await)))
}

// Staff accounts (#13). Each call gets accounts of its own, so no row changes another's.

/// Where a role's staff rows act, inside (`true`) or outside its reach: the instansi admin
/// Sleman's (outside: BPS's); the Kanreg admin Kanreg I's office (outside: Kanreg II's);
/// admin BKN Sleman's (outside: an account holding admin BKN, which nobody manages). Other
/// roles try Sleman's and are refused anyway.
#[derive(Clone, Copy)]
enum StaffPlace {
    Instansi(&'static str),
    Kantor(i16),
    AdminBkn,
}

fn staff_place(role: Option<Role>, inside: bool) -> StaffPlace {
    match (role, inside) {
        (Some(Role::AdminKanreg), true) => StaffPlace::Kantor(1),
        (Some(Role::AdminKanreg), false) => StaffPlace::Kantor(2),
        (Some(Role::AdminBkn), false) => StaffPlace::AdminBkn,
        (_, true) => StaffPlace::Instansi("KAB-SLEMAN"),
        (_, false) => StaffPlace::Instansi("BPS"),
    }
}

/// The role a staff row grants at the role's place, and the `tempat` admin BKN names.
async fn staff_role(world: &World, role: Option<Role>) -> serde_json::Value {
    match role {
        Some(Role::AdminKanreg) => staff_peran("verifikator_l3", String::new()),
        Some(Role::AdminBkn) => staff_peran("verifikator_l2", format!("i-{}", instansi_id(world, "KAB-SLEMAN").await)),
        _ => staff_peran("verifikator_l2", String::new()),
    }
}

async fn instansi_id(world: &World, kode: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM instansi WHERE kode = $1").bind(kode).fetch_one(&world.app.pool).await.unwrap()
}

/// A staff account (with an email) at `place`: (account, grant). An L2 of an instansi, an L3
/// of an office, or an admin BKN.
async fn staff_account(world: &World, place: StaffPlace) -> (Uuid, Uuid) {
    let (account, grant) = (Uuid::new_v4(), Uuid::new_v4());
    let username = format!("uji.{}", account.simple());
    let (kode, role, kantor) = match place {
        StaffPlace::Instansi(kode) => (Some(kode), "verifikator_l2", None),
        StaffPlace::Kantor(id) => (None, "verifikator_l3", Some(id)),
        StaffPlace::AdminBkn => (None, "admin_bkn", None),
    };
    sqlx::query(
        "WITH a AS (INSERT INTO account (id, username, nama, email, password_hash, status, instansi_id)
                    VALUES ($1, $3, 'Akun Uji', $3 || '@uji.go.id', 'x', 'aktif',
                            (SELECT id FROM instansi WHERE kode = $4))
                    RETURNING instansi_id)
         INSERT INTO role_grant (id, account_id, role, instansi_id, kantor_id, kanreg_id)
         SELECT $2, $1, $5, instansi_id, $6, $6 FROM a",
    )
    .bind(account)
    .bind(grant)
    .bind(&username)
    .bind(kode)
    .bind(role)
    .bind(kantor)
    .execute(&world.app.pool)
    .await
    .unwrap();
    (account, grant)
}

/// A PNS of the instansi coded `kode` with an account of their own and no other role, from
/// outside the two units whose spare PNS the registration and ticket rows need.
async fn pns_account(world: &World, kode: &str) -> String {
    sqlx::query_scalar(
        "INSERT INTO account (id, nip, nama, password_hash, status, instansi_id)
         SELECT gen_random_uuid(), p.nip, p.nama, 'x', 'aktif', p.instansi_id
         FROM pns p JOIN instansi i ON i.id = p.instansi_id
         WHERE i.kode = $1 AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
           AND p.unor_id <> ALL($2)
         ORDER BY p.nip LIMIT 1
         RETURNING nip",
    )
    .bind(kode)
    .bind([world.pendidikan.as_slice(), world.kesehatan.as_slice()].concat())
    .fetch_one(&world.app.pool)
    .await
    .unwrap()
}

fn json_call(value: serde_json::Value) -> Call {
    Call::Json(value.to_string())
}

fn staff_peran(role: &str, tempat: String) -> serde_json::Value {
    serde_json::json!({ "peran": role, "unor_id": "", "kategori": [], "tempat": tempat })
}

/// The list at the role's place (admin BKN names Sleman).
async fn staff_list(world: &World, role: Option<Role>, _: &Client) -> Call {
    let tempat = match role {
        Some(Role::AdminBkn) => format!("i-{}", instansi_id(world, "KAB-SLEMAN").await),
        _ => String::new(),
    };
    json_call(serde_json::json!({ "tempat": tempat }))
}

/// Admin BKN naming an office that does not exist; the others' place is their own.
async fn staff_list_unknown_place(_: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    (role == Some(Role::AdminBkn)).then(|| json_call(serde_json::json!({ "tempat": "k-999" })))
}

async fn new_staff_account(world: &World, role: Option<Role>, _: &Client) -> Call {
    let username = format!("uji.{}", Uuid::new_v4().simple());
    let email = format!("{username}@uji.go.id");
    let baru = serde_json::json!({ "username": username, "nama": "Akun Uji", "email": email, "peran": staff_role(world, role).await });
    json_call(serde_json::json!({ "baru": baru }))
}

/// A role above the admin's: L3 for an instansi admin, a Kanreg admin for a Kanreg admin,
/// admin BKN for anyone.
async fn staff_role_above(world: &World, role: Option<Role>, client: &Client) -> Option<Call> {
    let Call::Json(body) = new_staff_account(world, role, client).await else { unreachable!() };
    let above = match role {
        Some(Role::AdminInstansi) => ("verifikator_l2", "verifikator_l3"),
        Some(Role::AdminKanreg) => ("verifikator_l3", "admin_kanreg"),
        _ => ("verifikator_l2", "admin_bkn"),
    };
    Some(Call::Json(body.replace(above.0, above.1)))
}

async fn role_for_own_pns(world: &World, role: Option<Role>, _: &Client) -> Call {
    let nip = pns_account(world, "KAB-SLEMAN").await;
    json_call(serde_json::json!({ "nip": nip, "peran": staff_role(world, role).await }))
}

/// A PNS of another instansi (the instansi admin's reach ends at its own); for the others,
/// whose offices take any PNS, an instansi's role at their office.
async fn role_for_other_pns(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    let nip = pns_account(world, "BPS").await;
    let l1 = |tempat: &str| serde_json::json!({ "peran": "verifikator_l1", "unor_id": Uuid::new_v4(), "kategori": [], "tempat": tempat });
    let peran = match role {
        Some(Role::AdminKanreg) => l1(""),
        Some(Role::AdminBkn) => l1("k-1"),
        _ => staff_peran("verifikator_l2", String::new()),
    };
    Some(json_call(serde_json::json!({ "nip": nip, "peran": peran })))
}

async fn own_staff_grant(world: &World, role: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "grant_id": staff_account(world, staff_place(role, true)).await.1 }))
}

async fn other_staff_grant(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(json_call(serde_json::json!({ "grant_id": staff_account(world, staff_place(role, false)).await.1 })))
}

async fn disable_own_staff(world: &World, role: Option<Role>, _: &Client) -> Call {
    let id = staff_account(world, staff_place(role, true)).await.0;
    json_call(serde_json::json!({ "account_id": id, "aktif": false }))
}

async fn disable_other_staff(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    let id = staff_account(world, staff_place(role, false)).await.0;
    Some(json_call(serde_json::json!({ "account_id": id, "aktif": false })))
}

async fn link_own_staff(world: &World, role: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "account_id": staff_account(world, staff_place(role, true)).await.0 }))
}

async fn link_other_staff(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(json_call(serde_json::json!({ "account_id": staff_account(world, staff_place(role, false)).await.0 })))
}

async fn sessions_own_staff(world: &World, role: Option<Role>, client: &Client) -> Call {
    link_own_staff(world, role, client).await
}

async fn sessions_other_staff(world: &World, role: Option<Role>, client: &Client) -> Option<Call> {
    link_other_staff(world, role, client).await
}

fn edit_call(id: Uuid) -> Call {
    json_call(
        serde_json::json!({ "account_id": id, "nama": "Akun Uji", "email": format!("{}@ubah.go.id", id.simple()) }),
    )
}

async fn edit_own_staff(world: &World, role: Option<Role>, _: &Client) -> Call {
    edit_call(staff_account(world, staff_place(role, true)).await.0)
}

async fn edit_other_staff(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    Some(edit_call(staff_account(world, staff_place(role, false)).await.0))
}

/// An L1 grant of Sleman (Dinas Kesehatan) to move to Dinas Pendidikan; outside: BPS's L1.
async fn l1_unit_call(world: &World, kode: &str) -> Call {
    let (account, grant) = (Uuid::new_v4(), Uuid::new_v4());
    let username = format!("uji.{}", account.simple());
    let units: (Uuid, String, Uuid) = sqlx::query_as(
        "SELECT k.id, k.path, p.id FROM unor k JOIN instansi i ON i.id = k.instansi_id
         JOIN unor p ON p.instansi_id = k.instansi_id AND p.id <> k.id AND p.ditutup_pada IS NULL
         WHERE i.kode = $1 AND k.parent_id IS NULL ORDER BY k.path, p.path LIMIT 1",
    )
    .bind(kode)
    .fetch_one(&world.app.pool)
    .await
    .unwrap();
    sqlx::query(
        "WITH a AS (INSERT INTO account (id, username, nama, email, password_hash, status, instansi_id)
                    SELECT $1, $3, 'Akun Uji', $3 || '@uji.go.id', 'x', 'aktif', instansi_id FROM unor WHERE id = $4
                    RETURNING instansi_id)
         INSERT INTO role_grant (id, account_id, role, instansi_id, unor_id, unor_path)
         SELECT $2, $1, 'verifikator_l1', instansi_id, $4, $5 FROM a",
    )
    .bind(account)
    .bind(grant)
    .bind(&username)
    .bind(units.0)
    .bind(&units.1)
    .execute(&world.app.pool)
    .await
    .unwrap();
    json_call(serde_json::json!({ "grant_id": grant, "unor_id": units.2 }))
}

async fn own_l1_unit(world: &World, _: Option<Role>, _: &Client) -> Call {
    l1_unit_call(world, "KAB-SLEMAN").await
}

async fn other_l1_unit(world: &World, role: Option<Role>, _: &Client) -> Option<Call> {
    // Admin BKN reaches every instansi's L1: nothing is outside its reach here.
    (role != Some(Role::AdminBkn)).then_some(l1_unit_call(world, "BPS").await)
}

async fn unit_import_preview(_: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "csv": "nama;jenis;induk\nDinas Uji Impor;SKPD;\n", "tulis": false }))
}

/// The demo's row as it stands: saving it changes nothing for the other rows.
async fn verification_route_unchanged(_: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "rute": { "jenis_instansi": "daerah", "jenis_perubahan": "nip", "tingkat": [4] } }))
}

async fn reference_list(_: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "jenis": "jfu", "cari": "pengadministrasi" }))
}

/// An entry of its own (a JFU nobody's record has), added directly: each call changes a
/// fresh one, so no row depends on another's change.
async fn fresh_reference_entry(world: &World) -> String {
    let kode = format!("T{}", &Uuid::new_v4().simple().to_string()[..12]);
    sqlx::query(
        "INSERT INTO kode_referensi (jenis, kode, nama, urutan)
         SELECT 'jfu', $1, 'Entri Uji ' || $1, max(urutan) + 1 FROM kode_referensi WHERE jenis = 'jfu'",
    )
    .bind(&kode)
    .execute(&world.app.pool)
    .await
    .unwrap();
    kode
}

async fn reference_entry(world: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "jenis": "jfu", "kode": fresh_reference_entry(world).await }))
}

async fn new_reference_entry(_: &World, _: Option<Role>, _: &Client) -> Call {
    let kode = format!("N{}", &Uuid::new_v4().simple().to_string()[..12]);
    json_call(serde_json::json!({ "jenis": "jfu", "kode": kode, "nama": format!("Entri Baru {kode}") }))
}

async fn rename_reference_entry(world: &World, _: Option<Role>, _: &Client) -> Call {
    let kode = fresh_reference_entry(world).await;
    json_call(serde_json::json!({ "jenis": "jfu", "nama": format!("Entri Diubah {kode}"), "kode": kode }))
}

async fn retire_reference_entry(world: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "jenis": "jfu", "kode": fresh_reference_entry(world).await, "aktif": false }))
}

/// A fresh empty unit of the instansi (by kode), so that each call changes its own.
async fn fresh_unit(world: &World, instansi_kode: &str) -> Uuid {
    let instansi: Uuid = sqlx::query_scalar("SELECT id FROM instansi WHERE kode = $1")
        .bind(instansi_kode)
        .fetch_one(&world.app.pool)
        .await
        .unwrap();
    let nama = format!("Unit Uji {}", Uuid::new_v4().simple());
    world.services.reference.create_unor(instansi, None, &nama, "UPT").await.unwrap().id
}

/// A health facility of its own for each call, added directly.
async fn fresh_facility(world: &World, instansi_kode: &str) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO fasilitas (id, instansi_id, bidang, nama, jenis)
         SELECT gen_random_uuid(), id, 'kesehatan', 'Puskesmas Uji ' || gen_random_uuid(), 'FK01' FROM instansi
         WHERE kode = $1 RETURNING id",
    )
    .bind(instansi_kode)
    .fetch_one(&world.app.pool)
    .await
    .unwrap()
}

async fn facility_list(_: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "bidang": "pendidikan" }))
}

async fn facility_new(_: &World, _: Option<Role>, _: &Client) -> Call {
    let nama = format!("SD Negeri Uji {}", Uuid::new_v4().simple());
    json_call(serde_json::json!({ "bidang": "pendidikan", "nama": nama, "jenis": "SD" }))
}

async fn change_own_facility(world: &World, _: Option<Role>, _: &Client) -> Call {
    let id = fresh_facility(world, "KAB-SLEMAN").await;
    json_call(serde_json::json!({ "fasilitas_id": id, "nama": format!("Diubah {}", id.simple()), "jenis": "FK02" }))
}

async fn change_other_facility(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let id = fresh_facility(world, "BPS").await;
    Some(json_call(serde_json::json!({ "fasilitas_id": id, "nama": "Diambil Alih", "jenis": "FK02" })))
}

async fn close_own_facility(world: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "fasilitas_id": fresh_facility(world, "KAB-SLEMAN").await }))
}

async fn close_other_facility(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    Some(json_call(serde_json::json!({ "fasilitas_id": fresh_facility(world, "BPS").await })))
}

async fn facility_import_preview(_: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(
        serde_json::json!({ "bidang": "kesehatan", "csv": "nama;jenis\nPuskesmas Uji Impor;Puskesmas\n", "tulis": false }),
    )
}

async fn unit_in_own_tree(world: &World, _: Option<Role>, _: &Client) -> Call {
    let induk = fresh_unit(world, "KAB-SLEMAN").await;
    json_call(
        serde_json::json!({ "induk_id": induk, "nama": format!("Sub {}", Uuid::new_v4().simple()), "jenis": "UPT" }),
    )
}

async fn unit_in_other_tree(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let induk = fresh_unit(world, "BPS").await;
    Some(json_call(serde_json::json!({ "induk_id": induk, "nama": "Sub Titipan", "jenis": "UPT" })))
}

async fn rename_own_unit(world: &World, _: Option<Role>, _: &Client) -> Call {
    let id = fresh_unit(world, "KAB-SLEMAN").await;
    json_call(serde_json::json!({ "unor_id": id, "nama": format!("Diubah {}", id.simple()), "jenis": "UPT" }))
}

async fn rename_other_unit(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let id = fresh_unit(world, "BPS").await;
    Some(json_call(serde_json::json!({ "unor_id": id, "nama": "Diambil Alih", "jenis": "UPT" })))
}

async fn move_own_unit(world: &World, _: Option<Role>, _: &Client) -> Call {
    let (id, induk) = (fresh_unit(world, "KAB-SLEMAN").await, fresh_unit(world, "KAB-SLEMAN").await);
    json_call(serde_json::json!({ "unor_id": id, "induk_id": induk }))
}

async fn move_other_unit(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    let id = fresh_unit(world, "BPS").await;
    Some(json_call(serde_json::json!({ "unor_id": id, "induk_id": "" })))
}

async fn close_own_unit(world: &World, _: Option<Role>, _: &Client) -> Call {
    json_call(serde_json::json!({ "unor_id": fresh_unit(world, "KAB-SLEMAN").await }))
}

async fn close_other_unit(world: &World, _: Option<Role>, _: &Client) -> Option<Call> {
    Some(json_call(serde_json::json!({ "unor_id": fresh_unit(world, "BPS").await })))
}
