//! `/daftar`: the four registration steps on one page, with the "[?]" that sends a help-desk
//! ticket when the masked name or instansi is wrong (`tamu.rs`). Each step's fields are checked in
//! the browser with the same rules the server applies, before anything is sent.

use domain::{account, dates, ErrorCode, Msg, Nik, Nip};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::registration::{CheckData, FinishRegistration, LookupNip};
use crate::browser::Submitted;
use crate::i18n::{error_text, t};

#[component]
pub fn Register() -> impl IntoView {
    let lookup = ServerAction::<LookupNip>::new();
    let check = ServerAction::<CheckData>::new();
    let finish = ServerAction::<FinishRegistration>::new();
    let found = move || lookup.value().get().and_then(Result::ok);
    let registration_id = move || check.value().get().and_then(Result::ok);
    let done = move || finish.value().get().and_then(Result::ok);
    let step = move || {
        if done().is_some() {
            4
        } else if registration_id().is_some() {
            3
        } else if found().is_some() {
            2
        } else {
            1
        }
    };

    // Browser-side checks: shown at once, the server repeats them.
    let nip_input = RwSignal::new(String::new());
    let nip_hint = move || {
        let text = nip_input.get();
        (!text.is_empty()).then(|| Nip::parse(&text).err().map(error_text)).flatten()
    };
    let nik_input = RwSignal::new(String::new());
    let nik_hint = move || {
        let text = nik_input.get();
        (!text.is_empty()).then(|| Nik::parse(&text).err().map(error_text)).flatten()
    };
    let birth_input = RwSignal::new(String::new());
    let birth_hint = move || {
        let text = birth_input.get();
        let nip = found().map(|f| f.nip)?;
        let birth = dates::parse_iso_date(&text).ok()?;
        let nip = Nip::parse(&nip).ok()?;
        (nip.birth_date() != birth).then(|| error_text(ErrorCode::NipBirthDateMismatch))
    };
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let password_hint = move || {
        let (p, c) = (password.get(), confirmation.get());
        (!p.is_empty() && !c.is_empty()).then(|| account::check_new_password(&p, &c).err().map(error_text)).flatten()
    };

    view! {
        <section class="panel narrow" data-testid="register">
            <h1>{t(Msg::RegisterTitle)}</h1>
            <ol class="steps">
                <li aria-current=move || (step() == 1).then_some("step")>{t(Msg::RegisterStepNip)}</li>
                <li aria-current=move || (step() == 2).then_some("step")>{t(Msg::RegisterStepCheck)}</li>
                <li aria-current=move || (step() == 3).then_some("step")>{t(Msg::RegisterStepEmail)}</li>
            </ol>

            <Show when=move || step() == 1>
                <form class="form" method="post" action={<LookupNip as ServerFn>::url()} on:submit=move |ev| {
                    lookup.dispatch(LookupNip { nip: Submitted::take(&ev).text("nip") });
                }>
                    <label for="nip">{t(Msg::Nip)}</label>
                    <input id="nip" name="nip" inputmode="numeric" maxlength="18" required
                        aria-describedby="nip-error" on:input=move |ev| nip_input.set(event_target_value(&ev))/>
                    <p class="error" id="nip-error" role="alert">{move || nip_hint().or_else(|| server_error(lookup.value().get()))}</p>
                    <button type="submit" class="primary" disabled=move || lookup.pending().get()>{t(Msg::RegisterLookup)}</button>
                </form>
            </Show>

            <Show when=move || step() == 2>
                {move || found().map(|f| view! {
                    <p class="notice" role="status">{t(Msg::RegisterFound)}</p>
                    <dl class="facts" data-testid="lookup-result">
                        <dt>{t(Msg::Nama)}</dt><dd>{f.masked_name.clone()}</dd>
                        <dt>{t(Msg::Instansi)}</dt><dd>{f.instansi.clone()}</dd>
                    </dl>
                    <super::tamu::GuestTicketForm nip=f.nip.clone()/>
                    <form class="form" method="post" action={<CheckData as ServerFn>::url()} on:submit=move |ev| {
                        let f = Submitted::take(&ev);
                        check.dispatch(CheckData {
                            nip: f.text("nip"),
                            nik: f.text("nik"),
                            tanggal_lahir: f.text("tanggal_lahir"),
                            tmt_cpns: f.text("tmt_cpns"),
                            sk_cpns: f.text("sk_cpns"),
                            email: f.text("email"),
                        });
                    }>
                        <input type="hidden" name="nip" value=f.nip.clone()/>
                        <label for="nik">{t(Msg::Nik)}</label>
                        <input id="nik" name="nik" inputmode="numeric" maxlength="16" required
                            on:input=move |ev| nik_input.set(event_target_value(&ev))/>
                        <p class="error" role="alert">{nik_hint}</p>
                        <label for="tanggal_lahir">{t(Msg::BirthDate)}</label>
                        <input id="tanggal_lahir" name="tanggal_lahir" type="date" required
                            on:input=move |ev| birth_input.set(event_target_value(&ev))/>
                        <p class="error" role="alert">{birth_hint}</p>
                        <label for="tmt_cpns">{t(Msg::TmtCpns)}</label>
                        <input id="tmt_cpns" name="tmt_cpns" type="date" required/>
                        <label for="sk_cpns">{t(Msg::SkCpns)}</label>
                        <input id="sk_cpns" name="sk_cpns" autocomplete="off" maxlength="100" required
                            aria-describedby="sk_cpns_help"/>
                        <p class="muted" id="sk_cpns_help">{t(Msg::SkCpnsHelp)}</p>
                        <label for="email">{t(Msg::Email)}</label>
                        <input id="email" name="email" type="email" autocomplete="email" required/>
                        <p class="error" role="alert">{move || server_error(check.value().get())}</p>
                        <button type="submit" class="primary" disabled=move || check.pending().get()>{t(Msg::Next)}</button>
                    </form>
                })}
            </Show>

            <Show when=move || step() == 3>
                <p class="notice" role="status">{t(Msg::RegisterCodeSent)}</p>
                <form class="form" method="post" action={<FinishRegistration as ServerFn>::url()} on:submit=move |ev| {
                    let f = Submitted::take(&ev);
                    if let Some(registration_id) = f.parsed("registration_id") {
                        finish.dispatch(FinishRegistration {
                            registration_id,
                            code: f.text("code"),
                            password: f.text("password"),
                            confirmation: f.text("confirmation"),
                        });
                    }
                }>
                    <input type="hidden" name="registration_id" value=move || registration_id().map(|id| id.to_string()).unwrap_or_default()/>
                    <label for="code">{t(Msg::OneTimeCode)}</label>
                    <input id="code" name="code" inputmode="numeric" maxlength="6" autocomplete="one-time-code" required/>
                    <label for="password">{t(Msg::Password)}</label>
                    <input id="password" name="password" type="password" autocomplete="new-password" required
                        on:input=move |ev| password.set(event_target_value(&ev))/>
                    <label for="confirmation">{t(Msg::PasswordConfirm)}</label>
                    <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required
                        on:input=move |ev| confirmation.set(event_target_value(&ev))/>
                    <p class="error" role="alert">{move || password_hint().or_else(|| server_error(finish.value().get()))}</p>
                    <button type="submit" class="primary" disabled=move || finish.pending().get()>{t(Msg::Register)}</button>
                </form>
            </Show>

            <Show when=move || step() == 4>
                {move || done().map(|d| view! {
                    <h2 class="success">{t(Msg::RegisterDone)}</h2>
                    <p><strong>{t(Msg::RegistrationNumber)}": "</strong><span data-testid="registration-number">{d.nomor_pendaftaran.clone()}</span></p>
                    <p>{if d.active { t(Msg::RegisterDoneActive) } else { t(Msg::RegisterDoneWaiting) }}</p>
                    <p><a class="button primary" href=d.slip_url.clone() target="_blank" rel="noopener">{t(Msg::DownloadSlip)}</a></p>
                    <p><a href="/masuk">{t(Msg::SignIn)}</a></p>
                })}
            </Show>
        </section>
    }
}

/// The message of a failed server call, in the page language.
fn server_error<T>(value: Option<Result<T, crate::error::AppError>>) -> Option<&'static str> {
    value.and_then(|r| r.err()).map(|e| error_text(e.0))
}
