//! `/verifikasi/usulan/:id`: one proposal at the verifier's level. Opening it claims it (one
//! verifier at a time; the page renews the claim while it is open). Every change still open
//! at this level gets "Terima" or "Tolak" with a reason; then the proposal is passed on or
//! returned to the PNS. The browser checks the decision with the server's own rules first.

use std::collections::BTreeMap;
use std::time::Duration;

use domain::form::{Aksi, Bagian, Dokumen, FieldSpec, Kind, KunciField, Perubahan};
use domain::verifikasi::{
    check_putusan, Hasil, HasilPutusan, Keputusan, Putusan, StatusItem, Tindakan, ALASAN_UMUM, MAX_ALASAN,
};
use domain::{ErrorCode, Lang, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::api::verifikasi::{decide, open_item, renew_claim, KlaimView, PerubahanView, TinjauanView};
use crate::browser;
use crate::i18n::{error_text, t, use_lang};
use crate::pages::errors::ErrorView;

/// A claim lasts longer than this; the page renews it at this pace while it is open.
const RENEW_EVERY: Duration = Duration::from_secs(5 * 60);

fn kunci_of(p: &Perubahan) -> KunciField {
    KunciField::new(p.bagian, p.entri.as_deref(), &p.field)
}

/// Where the decision's idempotency key waits until the server confirms the decision, so a
/// retry (even after a reload) that follows a lost answer is applied once.
fn storage_key(item: &str) -> String {
    format!("sipupns.putusan.{item}")
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    let item = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = crate::resource::resource(item, open_item);
    view! {
        <Suspense fallback=|| view! { <p aria-busy="true">{t(Msg::Working)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <Tinjauan v/> }.into_any(),
                    Err(error) => view! {
                        <ErrorView error/>
                        <p><a href="/verifikasi">{t(Msg::BackToQueue)}</a></p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// The page's decision state, shared by the section tables and the buttons.
#[derive(Clone, Copy)]
struct Keadaan {
    v: StoredValue<TinjauanView>,
    klaim: RwSignal<KlaimView>,
    hasil: RwSignal<BTreeMap<KunciField, Hasil>>,
    alasan: RwSignal<BTreeMap<KunciField, String>>,
    selesai: RwSignal<Option<HasilPutusan>>,
    /// Offline only: the documents kept in the browser (id → `blob:` URL).
    berkas: StoredValue<Option<Vec<(String, String)>>>,
}

impl Keadaan {
    /// Still waiting for a decision at this level (the buttons show, maybe disabled).
    fn open(self) -> bool {
        self.v.with_value(|v| v.status == StatusItem::Menunggu)
            && self.klaim.with(|k| !matches!(k, KlaimView::Selesai))
            && self.selesai.with(Option::is_none)
    }

    /// Decisions may be taken: still open, and the caller (not another verifier) holds the claim.
    fn editable(self) -> bool {
        self.open() && self.klaim.with(|k| matches!(k, KlaimView::Milik { .. }))
    }
}

/// Keeps the claim while the page is open (browser only: timers do nothing on the server).
/// Stops when the page is gone or the claim is no longer the caller's.
fn renew_loop(item: String, klaim: RwSignal<KlaimView>) {
    browser::after(RENEW_EVERY, move || {
        if !matches!(klaim.try_get_untracked(), Some(KlaimView::Milik { .. })) {
            return;
        }
        spawn_local(async move {
            if let Ok(next) = renew_claim(item.clone()).await {
                if klaim.try_set(next).is_some() {
                    return;
                }
            }
            renew_loop(item, klaim);
        });
    });
}

/// A submission reviewed offline: its checkout, and where the finished decision goes (the
/// offline page queues it in the browser; nothing is sent from here).
#[derive(Clone)]
pub struct Luring {
    pub pinjam: String,
    pub simpan: Callback<Putusan>,
    /// The documents kept in the browser: (id, a `blob:` URL of the file).
    pub berkas: Vec<(String, String)>,
}

/// A document of the submission: from the server, or offline the copy kept in the browser,
/// saved to disk (a PDF opened from a `blob:` URL would run under this page's policy).
#[component]
fn TautanDokumen(d: Dokumen, st: Keadaan) -> impl IntoView {
    let kept = st.berkas.with_value(|b| b.iter().flatten().find(|(id, _)| *id == d.id).map(|(_, url)| url.clone()));
    let download = kept.is_some().then(|| d.nama_file.clone());
    let href = kept.unwrap_or_else(|| format!("/api/pns/dokumen/{}", d.id));
    view! { <a class="doc" href=href download=download target="_blank" rel="noopener">{d.nama_file}</a> }
}

#[component]
pub fn Tinjauan(v: TinjauanView, #[prop(optional)] luring: Option<Luring>) -> impl IntoView {
    let lang = use_lang();
    let item = v.item.clone();
    let open: Vec<KunciField> = v.perubahan.iter().filter(|p| p.terbuka).map(|p| kunci_of(&p.perubahan)).collect();
    let st = Keadaan {
        klaim: RwSignal::new(v.klaim.clone()),
        hasil: RwSignal::new(BTreeMap::new()),
        alasan: RwSignal::new(BTreeMap::new()),
        selesai: RwSignal::new(None),
        v: StoredValue::new(v.clone()),
        berkas: StoredValue::new(luring.as_ref().map(|l| l.berkas.clone())),
    };
    // Online, the page keeps its 15-minute claim; offline, the 24-hour checkout holds it.
    if luring.is_none() {
        let item = item.clone();
        Effect::new(move |_| renew_loop(item.clone(), st.klaim));
    }
    let luring = StoredValue::new(luring);
    let catatan = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    let open = StoredValue::new(open);
    let item = StoredValue::new(item);
    // Made once per page (or taken back from an unconfirmed try) and kept for its retries.
    let kunci = StoredValue::new(None::<String>);

    let accept_every = move |_| {
        st.hasil.update(|h| {
            for k in open.get_value() {
                h.insert(k, Hasil::Terima);
            }
        });
        problem.set(None);
    };
    let submit = move |tindakan: Tindakan| {
        if busy.get_untracked() || !untrack(|| st.editable()) {
            return;
        }
        let hasil = st.hasil.get_untracked();
        let alasan = st.alasan.get_untracked();
        let keputusan = open
            .get_value()
            .into_iter()
            .filter_map(|k| {
                let h = *hasil.get(&k)?;
                let alasan =
                    if h == Hasil::Tolak { alasan.get(&k).cloned().unwrap_or_default() } else { String::new() };
                Some(Keputusan { kunci: k, hasil: h, alasan: alasan.trim().to_owned() })
            })
            .collect();
        if let Some(luring) = luring.get_value() {
            let putusan = Putusan {
                item: item.get_value(),
                kunci: browser::random_uuid(),
                keputusan,
                tindakan,
                catatan: catatan.get_untracked().trim().to_owned(),
                pinjam: Some(luring.pinjam.clone()),
            };
            if let Err(code) = open.with_value(|o| check_putusan(&putusan, o)) {
                problem.set(Some(code));
                return;
            }
            problem.set(None);
            luring.simpan.run(putusan);
            return;
        }
        let key = kunci.get_value().unwrap_or_else(|| {
            let stored: Option<String> = item.with_value(|i| browser::local::get(&storage_key(i)));
            stored.filter(|k| !k.is_empty()).unwrap_or_else(browser::random_uuid)
        });
        kunci.set_value(Some(key.clone()));
        let putusan = Putusan {
            item: item.get_value(),
            kunci: key,
            keputusan,
            tindakan,
            catatan: catatan.get_untracked().trim().to_owned(),
            pinjam: None,
        };
        if let Err(code) = open.with_value(|o| check_putusan(&putusan, o)) {
            problem.set(Some(code));
            return;
        }
        item.with_value(|i| browser::local::set(&storage_key(i), &putusan.kunci));
        problem.set(None);
        busy.set(true);
        spawn_local(async move {
            match decide(putusan).await {
                Ok(answer) => {
                    item.with_value(|i| browser::local::remove(&storage_key(i)));
                    st.selesai.set(Some(answer));
                    st.klaim.set(KlaimView::Selesai);
                }
                Err(error) => problem.set(Some(error.0)),
            }
            busy.set(false);
        });
    };

    let sections = v.bagian();
    view! {
        <section class="panel" data-testid="tinjauan">
            {luring.with_value(Option::is_none).then(|| view! {
                <p><a href="/verifikasi">"← "{t(Msg::BackToQueue)}</a></p>
            })}
            <h1>{t(Msg::ReviewTitle)}</h1>
            <dl class="facts">
                <dt>{t(Msg::Nama)}</dt><dd data-testid="nama">{v.nama.clone()}</dd>
                <dt>{t(Msg::Nip)}</dt><dd data-testid="nip">{v.nip.clone()}</dd>
                <dt>{t(Msg::Instansi)}</dt><dd>{v.instansi.clone()}</dd>
                <dt>{t(Msg::Round)}</dt><dd>{v.putaran}</dd>
                <dt>{t(Msg::Level)}</dt><dd>{v.tingkat}</dd>
                <dt>{t(Msg::SentAt)}</dt><dd>{v.dikirim.clone()}</dd>
            </dl>
            <p class="claim-state" role="status" data-testid="klaim" data-klaim=move || st.klaim.with(|k| match k {
                KlaimView::Milik { .. } => "milik",
                KlaimView::Orang { .. } => "orang",
                KlaimView::Selesai => "selesai",
            })>
                {move || match st.klaim.get() {
                    KlaimView::Milik { sampai } => format!("{} {sampai}.", t(Msg::ClaimMine)),
                    KlaimView::Orang { nama, sampai } => format!(
                        "{} {nama} {} {sampai}. {}",
                        t(Msg::ClaimOther),
                        t(Msg::ClaimUntil),
                        t(Msg::ClaimOtherNote)
                    ),
                    KlaimView::Selesai => t(Msg::ClaimDone).to_owned(),
                }}
            </p>
            {v.nip_baru.clone().map(|nip| view! {
                <p class="notice" data-testid="nip-baru">{t(Msg::NewNipIfAccepted)}" "<strong>{nip}</strong></p>
            })}
            <datalist id="alasan-umum">
                {ALASAN_UMUM.iter().map(|(id, en)| view! {
                    <option value=match lang { Lang::Id => *id, Lang::En => *en }></option>
                }).collect_view()}
            </datalist>
            {sections.into_iter().map(|bagian| view! { <TabelBagian bagian st/> }).collect_view()}

            <div class="decision-actions">
                <Show when=move || st.open()>
                    <button type="button" data-testid="terima-semua" disabled=move || !st.editable()
                        on:click=accept_every>
                        {t(Msg::AcceptAllChanges)}
                    </button>
                    <label for="catatan">{t(Msg::Note)}</label>
                    <textarea id="catatan" name="catatan" rows="3" maxlength=MAX_ALASAN.to_string()
                        data-testid="catatan" disabled=move || !st.editable() prop:value=move || catatan.get()
                        on:input=move |ev| catatan.set(event_target_value(&ev))></textarea>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="teruskan"
                            disabled=move || busy.get() || !st.editable()
                            on:click=move |_| submit(Tindakan::Teruskan)>
                            {t(Msg::PassOn)}
                        </button>
                        <button type="button" class="danger" data-testid="kembalikan"
                            disabled=move || busy.get() || !st.editable()
                            on:click=move |_| submit(Tindakan::Kembalikan)>
                            {t(Msg::ReturnToPns)}
                        </button>
                        <p class="error" role="alert" data-testid="putusan-error">
                            {move || problem.get().map(error_text)}
                        </p>
                    </div>
                </Show>
                {move || st.selesai.get().map(|answer| view! {
                    <p class="success" role="status" data-testid="hasil-putusan" data-status=answer.status.code()>
                        {outcome_text(&answer)}
                    </p>
                    <p><a class="button" href="/verifikasi" data-testid="kembali-antrian">{t(Msg::BackToQueue)}</a></p>
                })}
            </div>
        </section>
    }
}

fn outcome_text(answer: &HasilPutusan) -> String {
    match answer.status {
        StatusItem::Diteruskan => match answer.tingkat_berikut {
            Some(n) => format!("{} {n}.", t(Msg::OutcomePassed)),
            None => t(Msg::OutcomeOther).to_owned(),
        },
        StatusItem::Dikembalikan => t(Msg::OutcomeReturned).to_owned(),
        StatusItem::Final => t(Msg::OutcomeFinal).to_owned(),
        StatusItem::Menunggu | StatusItem::Dibatalkan => t(Msg::OutcomeOther).to_owned(),
    }
}

/// The entry's kind of position, from the changes of the same entry (a Jabatan field's list
/// depends on it).
fn jenis_jabatan(v: &TinjauanView, p: &Perubahan) -> String {
    v.perubahan
        .iter()
        .map(|c| &c.perubahan)
        .find(|c| c.bagian == p.bagian && c.entri == p.entri && c.field == "jenis_jabatan")
        .map(|c| if c.baru.is_empty() { c.lama.clone() } else { c.baru.clone() })
        .unwrap_or_default()
}

/// A value as a name: option labels, code list names, unit names; else as stored.
fn shown(v: &TinjauanView, p: &Perubahan, spec: Option<&FieldSpec>, value: &str, lang: Lang) -> String {
    if value.is_empty() {
        return "—".to_owned();
    }
    let Some(spec) = spec else { return value.to_owned() };
    let named = match spec.kind {
        Kind::Choice(options) => options.iter().find(|o| o.value == value).map(|o| o.label(lang).to_owned()),
        Kind::YesNo => match value {
            "Y" => Some(Msg::Yes.text(lang).to_owned()),
            "T" => Some(Msg::No.text(lang).to_owned()),
            _ => None,
        },
        Kind::Unor | Kind::Fasilitas(_) => {
            spec.kind.instansi_list().and_then(|list| v.label.get(&format!("{}:{value}", list.code())).cloned())
        }
        Kind::Code(_) | Kind::Search(_) | Kind::Jabatan => {
            let list = p.bagian.code_list(spec, &jenis_jabatan(v, p));
            list.and_then(|list| v.label.get(&format!("{}:{value}", list.code())).cloned()).or_else(|| {
                // A position whose kind is not among the changes: any list naming the code.
                let suffix = format!(":{value}");
                (spec.kind == Kind::Jabatan)
                    .then(|| v.label.iter().find(|(k, _)| k.ends_with(&suffix) && !k.starts_with("unor:")))
                    .flatten()
                    .map(|(_, name)| name.clone())
            })
        }
        _ => None,
    };
    named.unwrap_or_else(|| value.to_owned())
}

/// One section's changes, entry by entry, each entry with its documents.
#[component]
fn TabelBagian(bagian: Bagian, st: Keadaan) -> impl IntoView {
    let lang = use_lang();
    let is_list = bagian.is_list();
    // Changes come entry by entry: group the runs of one entry.
    let mut groups: Vec<(Option<String>, Vec<PerubahanView>)> = Vec::new();
    st.v.with_value(|v| {
        for p in v.perubahan.iter().filter(|p| p.perubahan.bagian == bagian) {
            match groups.last_mut() {
                Some((entri, rows)) if *entri == p.perubahan.entri => rows.push(p.clone()),
                _ => groups.push((p.perubahan.entri.clone(), vec![p.clone()])),
            }
        }
    });
    let columns = if is_list { 6 } else { 5 };
    view! {
        <section class="bagian-tinjauan" data-testid=format!("tinjauan-{}", bagian.slug())>
            <h2>{bagian.label(lang)}</h2>
            <div class="table-scroll">
                <table class="list tinjauan">
                    <thead><tr>
                        <th scope="col">{t(Msg::ColField)}</th>
                        {is_list.then(|| view! { <th scope="col">{t(Msg::ColEntry)}</th> })}
                        <th scope="col">{t(Msg::ColOld)}</th>
                        <th scope="col">{t(Msg::ColNew)}</th>
                        <th scope="col">{t(Msg::ColEarlier)}</th>
                        <th scope="col">{t(Msg::ColDecision)}</th>
                    </tr></thead>
                    {groups.into_iter().map(|(entri, rows)| {
                        let dokumen: Vec<_> = st.v.with_value(|v| {
                            v.dokumen.iter().filter(|d| d.bagian == bagian && d.entri == entri).cloned().collect()
                        });
                        view! {
                            <tbody class="entri">
                                {rows.into_iter().map(|p| view! { <Baris p st/> }).collect_view()}
                                {(!dokumen.is_empty()).then(|| view! {
                                    <tr class="docs">
                                        <td colspan=columns.to_string()>
                                            <strong>{t(Msg::Documents)}": "</strong>
                                            {dokumen.into_iter().map(|d| view! { <TautanDokumen d st/>" " }).collect_view()}
                                        </td>
                                    </tr>
                                })}
                            </tbody>
                        }
                    }).collect_view()}
                </table>
            </div>
        </section>
    }
}

/// One change: its values, earlier decisions, flags, and this level's decision.
#[component]
fn Baris(p: PerubahanView, st: Keadaan) -> impl IntoView {
    let lang = use_lang();
    let c = &p.perubahan;
    let spec = c.bagian.fields().iter().find(|f| f.key == c.field);
    let label = spec.map(|s| s.label(lang).to_owned()).unwrap_or_else(|| c.field.clone());
    let (lama, baru) = st.v.with_value(|v| (shown(v, c, spec, &c.lama, lang), shown(v, c, spec, &c.baru, lang)));
    let tanda: Vec<String> = st.v.with_value(|v| {
        v.tanda
            .iter()
            .filter(|x| x.bagian == c.bagian && x.entri == c.entri && x.field == c.field)
            .map(|x| x.keterangan.clone())
            .collect()
    });
    let entri_text = match c.aksi {
        Aksi::Tambah => t(Msg::NewEntry),
        Aksi::Hapus => t(Msg::RemovedEntry),
        Aksi::Ubah => t(Msg::ChangedEntry),
    };
    let entri = c.entri.clone().unwrap_or_default();
    let testid = format!("keputusan-{}-{entri}-{}", c.bagian.slug(), c.field);
    let name = format!("k-{}-{entri}-{}", c.bagian.slug(), c.field);
    let key = StoredValue::new(kunci_of(c));
    let is = move |h: Hasil| st.hasil.with(|m| key.with_value(|k| m.get(k) == Some(&h)));
    let set = move |h: Hasil| {
        st.hasil.update(|m| {
            m.insert(key.get_value(), h);
        });
    };
    let earlier = p
        .sebelumnya
        .iter()
        .map(|d| {
            let verb = match d.hasil {
                Hasil::Terima => t(Msg::Accepted),
                Hasil::Tolak => t(Msg::Rejected),
            };
            let round = st.v.with_value(|v| v.putaran);
            let text = format!(
                "L{} {verb}{}{}",
                d.tingkat,
                if d.alasan.is_empty() { String::new() } else { format!(": {}", d.alasan) },
                if d.putaran == round { String::new() } else { format!(" ({} {})", t(Msg::Round), d.putaran) }
            );
            view! { <li class=format!("earlier {}", d.hasil.code())>{text}</li> }
        })
        .collect_view();
    let reason_id = format!("{name}-alasan");
    view! {
        <tr data-testid=testid class:tertutup=!p.terbuka class:diubah-lagi=p.diubah_lagi>
            <th scope="row">
                {label.clone()}
                {p.diubah_lagi.then(|| view! { " "<span class="badge" data-testid="diubah-lagi">{t(Msg::ChangedAgain)}</span> })}
                {tanda.into_iter().map(|k| view! { <p class="flagged">"[?] "{k}</p> }).collect_view()}
            </th>
            {c.bagian.is_list().then(|| view! { <td>{entri_text}</td> })}
            <td class="old">{lama}</td>
            <td class="new">{baru}</td>
            <td><ul class="earlier-list">{earlier}</ul></td>
            <td class="decision">
                {if p.terbuka {
                    view! {
                        <fieldset class="choice" disabled=move || !st.editable()>
                            <legend class="sr-label">{label}</legend>
                            <label>
                                <input type="radio" name=name.clone() value="terima" prop:checked=move || is(Hasil::Terima)
                                    on:change=move |_| set(Hasil::Terima)/>
                                {t(Msg::Accept)}
                            </label>
                            <label>
                                <input type="radio" name=name.clone() value="tolak" prop:checked=move || is(Hasil::Tolak)
                                    on:change=move |_| set(Hasil::Tolak)/>
                                {t(Msg::Reject)}
                            </label>
                            {move || is(Hasil::Tolak).then(|| view! {
                                <label class="sr-label" for=reason_id.clone()>{t(Msg::RejectReason)}</label>
                                <input type="text" class="alasan" id=reason_id.clone() name="alasan" list="alasan-umum"
                                    maxlength=MAX_ALASAN.to_string() placeholder=t(Msg::RejectReason)
                                    prop:value=move || st.alasan.with(|a| key.with_value(|k| a.get(k).cloned().unwrap_or_default()))
                                    on:input=move |ev| {
                                        let text = event_target_value(&ev);
                                        st.alasan.update(|a| {
                                            a.insert(key.get_value(), text);
                                        });
                                    }/>
                            })}
                        </fieldset>
                    }
                    .into_any()
                } else {
                    view! { <span class="muted">{t(Msg::NotOpenHere)}</span> }.into_any()
                }}
            </td>
        </tr>
    }
}
