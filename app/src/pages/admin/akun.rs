//! `/admin/instansi/akun` and `/admin/akun`: the staff accounts of the admin's place (#13):
//! the instansi's, the Kanreg's, or (admin BKN, `?tempat=`) any instansi's or office's. The
//! list (roles with their unit or categories, last sign-in, live sessions) with the actions on
//! each account, a form for a new account, and one that gives an existing PNS account a role.
//! The roles offered are the ones the server says this admin grants there. Every form is read
//! when sent and checked with `domain::akun_staf`'s rules first; the server checks the same
//! and the scope again.

use domain::akun_staf::{AkunStaf, AkunStafBaru, PeranBaru};
use domain::hds::Kategori;
use domain::{Msg, Role};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::admin::{
    change_l1_unit, create_staff_account, edit_staff_account, end_sessions, grant_role, revoke_role,
    send_password_link, set_account_active, staff_accounts, DaftarAkunView,
};
use crate::browser::Submitted;
use crate::i18n::{error_text, t, use_lang};
use crate::pages::errors::ErrorView;

use super::aksi::Aksi;

#[component]
pub fn StaffAccountsPage() -> impl IntoView {
    let reload = RwSignal::new(0u32);
    // `?tempat=k-1`: the place codes need no escaping, so the query is read as it stands.
    let search = use_location().search.get_untracked();
    let tempat = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("tempat=")).map(str::to_owned);
    let data = crate::resource::resource(move || reload.get(), move |_| staff_accounts(tempat.clone()));
    let kabar = RwSignal::new(None);
    view! {
        <section class="panel" data-testid="akun-staf">
            <Transition fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <Daftar view aksi=Aksi { reload, kabar, busy: RwSignal::new(false) }/> }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Daftar(view: DaftarAkunView, aksi: Aksi) -> impl IntoView {
    let DaftarAkunView { tempat, kode, kembali, peran, akun, unor, pilihan } = view;
    let kabar = aksi.kabar;
    let rows = if akun.is_empty() {
        view! { <p class="muted">{t(Msg::NoStaffAccounts)}</p> }.into_any()
    } else {
        view! {
            <table class="table" data-testid="daftar-akun">
                <thead><tr>
                    <th>{t(Msg::FullName)}</th><th>{t(Msg::Role)}</th><th>{t(Msg::AccountStatus)}</th>
                    <th>{t(Msg::LastSignIn)}</th><th>{t(Msg::ActiveSessions)}</th><th></th>
                </tr></thead>
                <tbody>
                    {akun.into_iter().map(|a| view! { <Baris akun=a unor=unor.clone() aksi/> }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    // Admin BKN chooses the place with a plain GET form: the page loads again with `?tempat=`.
    let pilih = (!pilihan.is_empty()).then(|| view! {
        <form method="get" action="/admin/akun" class="form" data-testid="pilih-tempat">
            <label for="akun-tempat">{t(Msg::AccountsPlace)}</label>" "
            <select id="akun-tempat" name="tempat">
                {pilihan.into_iter().map(|(id, nama)| view! { <option value=id.clone() selected=id == kode>{nama}</option> }).collect_view()}
            </select>" "
            <button type="submit">{t(Msg::ApplyFilter)}</button>
        </form>
    });
    let forms = (!peran.is_empty()).then(|| {
        view! {
            <AkunBaru unor=unor.clone() peran=peran.clone() kode=kode.clone() aksi/>
            <BeriPeran unor peran kode aksi/>
        }
    });
    view! {
        <p><a href=kembali>{t(Msg::Back)}</a></p>
        <h1>{t(Msg::AccountsTitle)}" — "{tempat}</h1>
        {pilih}
        <p class="muted">{t(Msg::AccountsIntro)}</p>
        {move || kabar.get().map(|result| match result {
            Ok(text) => view! { <p class="success" role="status" data-testid="kabar-akun">{text}</p> }.into_any(),
            Err(code) => view! { <p class="error" role="alert" data-testid="galat-akun">{error_text(code)}</p> }.into_any(),
        })}
        {rows}
        {forms}
    }
}

/// One account: who, their roles (each revocable when this admin granted it), status, and
/// the actions an admin may take on it.
#[component]
fn Baris(akun: AkunStaf, unor: Vec<(String, String)>, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let aktif = akun.aktif;
    let (status_id, tautan_id, sesi_id) = (akun.account_id.clone(), akun.account_id.clone(), akun.account_id.clone());
    let ubah_status =
        move |_| aksi.jalankan(set_account_active(status_id.clone(), !aktif), t(Msg::SettingsSaved).into());
    let kirim_tautan = move |_| aksi.jalankan(send_password_link(tautan_id.clone()), t(Msg::AccountLinkSent).into());
    let akhiri_sesi = move |_| aksi.jalankan(end_sessions(sesi_id.clone()), t(Msg::AccountSessionsEnded).into());
    let peran = akun
        .peran
        .into_iter()
        .map(|p| {
            let grant = p.grant_id.clone();
            let cabut = move |_| aksi.jalankan(revoke_role(grant.clone()), t(Msg::SettingsSaved).into());
            // An L1's unit changes in place: the account, its sessions and its other roles stay.
            let grant = p.grant_id.clone();
            let ganti = move |ev: leptos::ev::SubmitEvent| {
                let unor_id = Submitted::take(&ev).text("unor_id");
                aksi.jalankan(change_l1_unit(grant.clone(), unor_id), t(Msg::UnitChanged).into());
            };
            let ganti_unit = (p.dapat_dicabut && p.peran == Role::VerifikatorL1).then(|| view! {
                <details data-testid="ganti-unit">
                    <summary>{t(Msg::UnitChange)}</summary>
                    <form on:submit=ganti novalidate>
                        <label>{t(Msg::UnitToVerify)}" "<select name="unor_id">
                            {unor.iter().map(|(id, nama)| view! { <option value=id.clone()>{nama.clone()}</option> }).collect_view()}
                        </select></label>
                        <button type="submit" disabled=move || busy.get()>{t(Msg::AccountSave)}</button>
                    </form>
                </details>
            });
            view! {
                <li>
                    {t(p.peran.label())}
                    {(!p.cakupan.is_empty()).then(|| view! { <span class="muted">" · "{p.cakupan.clone()}</span> })}
                    {p.dapat_dicabut.then(|| view! {
                        " "<button type="button" class="link" on:click=cabut disabled=move || busy.get()
                            data-testid="cabut-peran">{t(Msg::RoleRevoke)}</button>
                    })}
                    {ganti_unit}
                </li>
            }
        })
        .collect_view();
    let edit_id = akun.account_id.clone();
    let ubah = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let (nama, email) = (form.text("nama"), form.text("email"));
        if let Err(code) = domain::akun_staf::parse_nama(&nama).and(domain::account::parse_email(&email)) {
            kabar.set(Some(Err(code)));
            return;
        }
        let task = edit_staff_account(edit_id.clone(), nama, email);
        aksi.jalankan(task, t(Msg::AccountSaved).into());
    };
    let status = if aktif { Msg::AccountActive } else { Msg::AccountInactive };
    let terakhir = if akun.terakhir_masuk.is_empty() { t(Msg::Never).to_owned() } else { akun.terakhir_masuk.clone() };
    view! {
        <tr data-testid="baris-akun" data-login=akun.login.clone()>
            <td><strong>{akun.nama.clone()}</strong><br/><span class="muted">{akun.login.clone()}" · "{akun.email.clone()}</span></td>
            <td><ul class="plain">{peran}</ul></td>
            <td data-testid="status-akun">{t(status)}</td>
            <td>{terakhir}</td>
            <td>{akun.sesi_aktif}</td>
            <td class="actions">
                {akun.dapat_dikelola.then(|| view! {
                    <button type="button" on:click=ubah_status disabled=move || busy.get() data-testid="ubah-status">
                        {t(if aktif { Msg::AccountDisable } else { Msg::AccountEnable })}
                    </button>" "
                    <button type="button" on:click=kirim_tautan disabled=move || busy.get() data-testid="kirim-tautan">
                        {t(Msg::AccountSendLink)}
                    </button>" "
                    <button type="button" on:click=akhiri_sesi disabled=move || busy.get() data-testid="akhiri-sesi">
                        {t(Msg::AccountEndSessions)}
                    </button>
                    <details data-testid="ubah-akun">
                        <summary>{t(Msg::AccountEdit)}</summary>
                        <form on:submit=ubah novalidate>
                            <label>{t(Msg::FullName)}" "<input name="nama" value=akun.nama.clone()/></label>
                            <label>{t(Msg::Email)}" "<input name="email" type="email" value=akun.email.clone()/></label>
                            <button type="submit" disabled=move || busy.get()>{t(Msg::AccountSave)}</button>
                        </form>
                    </details>
                })}
            </td>
        </tr>
    }
}

/// The role, and the unit (L1) or the ticket categories (HDS) that come with it, and the
/// place they are granted at (`kode`). `awalan` keeps the two forms' ids apart.
#[component]
fn PilihPeran(awalan: &'static str, unor: Vec<(String, String)>, peran: Vec<Role>, kode: String) -> impl IntoView {
    let pilihan = peran;
    let lang = use_lang();
    let peran = RwSignal::new(String::new());
    let (peran_id, unor_id) = (format!("{awalan}-peran"), format!("{awalan}-unor"));
    view! {
        <div class="field">
            <label for=peran_id.clone()>{t(Msg::Role)}</label>
            <select id=peran_id name="peran" on:change=move |ev| peran.set(event_target_value(&ev))>
                <option value="">{t(Msg::ChooseOne)}</option>
                {pilihan.into_iter().map(|r| view! { <option value=r.code()>{t(r.label())}</option> }).collect_view()}
            </select>
            <input type="hidden" name="tempat" value=kode/>
        </div>
        // Both stay in the page (a form sent before the WASM started still has them); the
        // one that does not fit the role is hidden.
        <div class="field" hidden=move || peran.get() != Role::VerifikatorL1.code()>
            <label for=unor_id.clone()>{t(Msg::UnitToVerify)}</label>
            <select id=unor_id name="unor_id">
                <option value="">{t(Msg::ChooseOne)}</option>
                {unor.into_iter().map(|(id, nama)| view! { <option value=id>{nama}</option> }).collect_view()}
            </select>
        </div>
        <fieldset class="field" hidden=move || peran.get() != Role::PetugasHds.code()>
            <legend>{t(Msg::TicketCategories)}</legend>
            {Kategori::ALL.iter().map(|k| view! {
                <label class="check"><input type="checkbox" name="kategori" value=k.code()/>" "{k.code()}". "{k.nama(lang)}</label>
            }).collect_view()}
        </fieldset>
    }
}

fn peran_of(form: &Submitted) -> PeranBaru {
    PeranBaru {
        peran: form.text("peran"),
        unor_id: form.text("unor_id"),
        kategori: form.all("kategori"),
        tempat: form.text("tempat"),
    }
}

#[component]
fn AkunBaru(unor: Vec<(String, String)>, peran: Vec<Role>, kode: String, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let baru = AkunStafBaru {
            username: form.text("username"),
            nama: form.text("nama"),
            email: form.text("email"),
            peran: peran_of(&form),
        };
        match baru.parse() {
            // The link goes to the address as the server stores it (the same rule, trimmed and lower case).
            Ok(valid) => {
                aksi.jalankan(create_staff_account(baru), format!("{} {}.", t(Msg::AccountCreated), valid.email))
            }
            Err(code) => kabar.set(Some(Err(code))),
        }
    };
    view! {
        <h2>{t(Msg::AccountNew)}</h2>
        <form class="form" on:submit=submit novalidate data-testid="form-akun-baru">
            <div class="field">
                <label for="akun-username">{t(Msg::Username)}</label>
                <input id="akun-username" name="username" autocomplete="off" required/>
            </div>
            <div class="field">
                <label for="akun-nama">{t(Msg::FullName)}</label>
                <input id="akun-nama" name="nama" required/>
            </div>
            <div class="field">
                <label for="akun-email">{t(Msg::Email)}</label>
                <input id="akun-email" name="email" type="email" required/>
            </div>
            <PilihPeran awalan="akun" unor peran kode/>
            <button type="submit" class="primary" disabled=move || busy.get() data-testid="buat-akun">{t(Msg::AccountCreate)}</button>
        </form>
    }
}

#[component]
fn BeriPeran(unor: Vec<(String, String)>, peran: Vec<Role>, kode: String, aksi: Aksi) -> impl IntoView {
    let Aksi { kabar, busy, .. } = aksi;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let form = Submitted::take(&ev);
        let (nip, peran) = (form.text("nip"), peran_of(&form));
        if let Err(code) = domain::Nip::parse(&nip).and(peran.parse()) {
            kabar.set(Some(Err(code)));
            return;
        }
        aksi.jalankan(grant_role(nip, peran), t(Msg::RoleGranted).into());
    };
    view! {
        <h2>{t(Msg::GrantToPns)}</h2>
        <form class="form" on:submit=submit novalidate data-testid="form-beri-peran">
            <div class="field">
                <label for="peran-nip">"NIP"</label>
                <input id="peran-nip" name="nip" inputmode="numeric" maxlength="18" required/>
            </div>
            <PilihPeran awalan="pns" unor peran kode/>
            <button type="submit" disabled=move || busy.get() data-testid="beri-peran">{t(Msg::GrantRole)}</button>
        </form>
    }
}
