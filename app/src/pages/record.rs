//! `/pns`: "Data Saya", the PNS's master record in the tabs 2015 users know, read-only,
//! with the way into the re-registration form and the progress page.

use domain::Msg;
use leptos::prelude::*;

use crate::api::record::{my_record, Hubungan, MasaPendataan, PnsRecordView};
use crate::i18n::{t, use_lang};
use crate::pages::homes::guarded;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    DataUtama,
    Golongan,
    Pendidikan,
    Jabatan,
    Keluarga,
}

const TABS: [(Tab, Msg, &str); 5] = [
    (Tab::DataUtama, Msg::TabDataUtama, "tab-data-utama"),
    (Tab::Golongan, Msg::TabRiwayatGolongan, "tab-golongan"),
    (Tab::Pendidikan, Msg::TabRiwayatPendidikan, "tab-pendidikan"),
    (Tab::Jabatan, Msg::TabRiwayatJabatan, "tab-jabatan"),
    (Tab::Keluarga, Msg::TabKeluarga, "tab-keluarga"),
];

#[component]
pub fn PnsHomePage() -> impl IntoView {
    guarded(my_record, |record: PnsRecordView| view! { <RecordView record/> })
}

/// The period and the days left, or that sending is closed; nothing when it is unlimited.
fn masa_pendataan(m: &MasaPendataan) -> Option<impl IntoView> {
    if m.mulai.is_empty() && m.selesai.is_empty() {
        return None;
    }
    let dates = format!("{} {} {}", m.mulai, t(Msg::CollectionUntil), m.selesai);
    let after = match (m.terbuka, m.sisa_hari) {
        (false, _) => format!(" — {}", t(Msg::CollectionClosedNow)),
        (true, Some(n)) => format!(" — {n} {}", t(Msg::CollectionDaysLeft)),
        (true, None) => String::new(),
    };
    let class = if m.terbuka { "notice" } else { "error" };
    Some(view! {
        <p class=class role="status" data-testid="masa-pendataan">
            <strong>{t(Msg::CollectionPeriod)}": "</strong>{dates.trim().to_owned()}{after}
        </p>
    })
}

#[component]
fn RecordView(record: PnsRecordView) -> impl IntoView {
    let tab = RwSignal::new(Tab::DataUtama);
    let record = StoredValue::new(record);
    view! {
        <section class="panel" data-testid="home-pns">
            <h1>{t(Msg::HomePnsTitle)}</h1>
            <p>{t(Msg::RecordIntro)}</p>
            {record.with_value(|r| r.nip_lama.clone().map(|lama| {
                let baru = record.with_value(|r| r.nip.clone());
                view! {
                    <p class="notice" role="status" data-testid="nip-berubah">
                        {t(Msg::NipChangedNotice)}" "<strong>{lama}</strong>" → "<strong>{baru}</strong>". "
                        {t(Msg::NipChangedSignIn)}
                    </p>
                }
            }))}
            {record.with_value(|r| masa_pendataan(&r.pendataan))}
            <p class="actions">
                <a class="button primary" href="/pns/formulir" data-testid="buka-formulir">{t(Msg::OpenForm)}</a>
                " "
                <a class="button" href="/pns/progres">{t(Msg::ProgressLink)}</a>
                " "
                <a class="button" href="/pns/bantuan" data-testid="buka-bantuan">{t(Msg::HelpLink)}</a>
            </p>
            <div class="tabs" role="tablist" aria-label=t(Msg::RecordSections)>
                {TABS.iter().map(|(id, label, dom_id)| {
                    let id = *id;
                    view! {
                        <button role="tab" id=*dom_id aria-selected=move || (tab.get() == id).to_string()
                            class:active=move || tab.get() == id on:click=move |_| tab.set(id)>
                            {t(*label)}
                        </button>
                    }
                }).collect_view()}
            </div>
            <div role="tabpanel" class="tabpanel">
                {move || record.with_value(|r| match tab.get() {
                    Tab::DataUtama => data_utama(r).into_any(),
                    Tab::Golongan => golongan(r).into_any(),
                    Tab::Pendidikan => pendidikan(r).into_any(),
                    Tab::Jabatan => jabatan(r).into_any(),
                    Tab::Keluarga => keluarga(r).into_any(),
                })}
            </div>
        </section>
    }
}

fn data_utama(r: &PnsRecordView) -> impl IntoView {
    let rows = [
        (Msg::Nip, r.nip.clone()),
        (Msg::Nik, r.nik.clone()),
        (Msg::Nama, r.nama.clone()),
        (Msg::GelarDepan, r.gelar_depan.clone()),
        (Msg::GelarBelakang, r.gelar_belakang.clone()),
        (Msg::TempatLahir, r.tempat_lahir.clone()),
        (Msg::BirthDate, r.tanggal_lahir.clone()),
        (Msg::JenisKelamin, r.jenis_kelamin.clone()),
        (Msg::Agama, r.agama.clone()),
        (Msg::StatusKawin, r.status_kawin.clone()),
        (Msg::Alamat, r.alamat.clone()),
        (Msg::Telepon, r.telepon.clone()),
        (Msg::Email, r.email.clone()),
        (Msg::Instansi, r.instansi.clone()),
        (Msg::Unor, r.unor.clone()),
        (Msg::JenisPegawai, r.jenis_pegawai.clone()),
        (Msg::KedudukanHukum, r.kedudukan_hukum.clone()),
        (Msg::TmtCpns, r.tmt_cpns.clone()),
        (Msg::TmtPns, r.tmt_pns.clone()),
        (Msg::Golongan, r.golongan.clone()),
        (Msg::TmtGolongan, r.tmt_golongan.clone()),
        (Msg::Versi, r.versi.to_string()),
    ];
    view! {
        <dl class="facts" data-testid="data-utama">
            {rows.into_iter().map(|(label, value)| view! { <dt>{t(label)}</dt><dd>{value}</dd> }).collect_view()}
        </dl>
    }
}

/// A table with a header row of message labels.
fn table(headers: &[Msg], rows: Vec<Vec<String>>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="list">
                <thead><tr>{headers.iter().map(|h| view! { <th scope="col">{t(*h)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn golongan(r: &PnsRecordView) -> impl IntoView {
    let rows = r
        .riwayat_golongan
        .iter()
        .map(|g| {
            vec![format!("{} ({})", g.golongan, g.pangkat), g.tmt.clone(), g.nomor_sk.clone(), g.tanggal_sk.clone()]
        })
        .collect();
    table(&[Msg::Golongan, Msg::Tmt, Msg::NomorSk, Msg::TanggalSk], rows)
}

fn pendidikan(r: &PnsRecordView) -> impl IntoView {
    let rows = r
        .riwayat_pendidikan
        .iter()
        .map(|e| vec![e.tingkat.clone(), e.nama_sekolah.clone(), e.jurusan.clone(), e.tahun_lulus.to_string()])
        .collect();
    table(&[Msg::TingkatPendidikan, Msg::NamaSekolah, Msg::Jurusan, Msg::TahunLulus], rows)
}

fn jabatan(r: &PnsRecordView) -> impl IntoView {
    let rows = r
        .riwayat_jabatan
        .iter()
        .map(|j| {
            vec![j.jenis.clone(), j.nama.clone(), j.eselon.clone(), j.unor.clone(), j.tmt.clone(), j.nomor_sk.clone()]
        })
        .collect();
    table(&[Msg::JenisJabatan, Msg::NamaJabatan, Msg::Eselon, Msg::Unor, Msg::Tmt, Msg::NomorSk], rows)
}

/// The name of a coded choice of the form's family sections (status, relationship).
fn choice_label(bagian: domain::form::Bagian, key: &str, code: &str) -> String {
    use domain::form::Kind;
    let lang = use_lang();
    bagian
        .fields()
        .iter()
        .find(|f| f.key == key)
        .and_then(|f| match f.kind {
            Kind::Choice(options) => options.iter().find(|o| o.value == code).map(|o| o.label(lang).to_owned()),
            _ => None,
        })
        .unwrap_or_else(|| code.to_owned())
}

fn keluarga(r: &PnsRecordView) -> impl IntoView {
    use domain::form::Bagian;
    let rows = r
        .keluarga
        .iter()
        .map(|k| {
            let (hubungan, keterangan) = match (k.hubungan, &k.tanggal_menikah) {
                (Hubungan::Anak, _) => {
                    let mut text = choice_label(Bagian::Anak, "status_anak", &k.keterangan);
                    if k.tunjangan {
                        text = format!("{text}, {}", t(Msg::ChildAllowance));
                    }
                    (Msg::Anak, text)
                }
                (spouse, married) => {
                    let status = choice_label(Bagian::Pasangan, "status", &k.keterangan);
                    let married = married.as_deref().unwrap_or_default();
                    (spouse.label(), format!("{status}, {} {married}", t(Msg::MarriedOn)))
                }
            };
            vec![t(hubungan).to_owned(), k.nama.clone(), k.tanggal_lahir.clone(), keterangan]
        })
        .collect();
    table(&[Msg::Hubungan, Msg::Nama, Msg::BirthDate, Msg::Keterangan], rows)
}
