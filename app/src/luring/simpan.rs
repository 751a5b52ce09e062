//! The offline store in IndexedDB (database `sipupns-luring`), through `idb`. Each record is a
//! plain JS object with its key and index fields, and the whole value as JSON text in `isi`
//! (serde_json, which the WASM already carries for server functions: a second serialiser would
//! cost the verifier's download, #14). DevTools and the end-to-end tests can read them.
//!
//! Stores (version 1; the builder deletes any store it is not given, so every change of this
//! list bumps the version and lists them all):
//! - `putusan`: waiting decisions, key `kunci`; indexes `urutan` (unique: send order) and
//!   `item` (unique: one waiting decision per submission).
//! - `usulan`: submissions taken offline, key `item`.
//! - `dokumen`: document files, key `"<item>/<dokumen id>"`, so one item's range goes at once.
//! - `meta`: key `nama`; holds the order counter.

use domain::verifikasi::Putusan;
use domain::ErrorCode;
use idb::builder::{DatabaseBuilder, IndexBuilder, ObjectStoreBuilder};
use idb::{Database, KeyPath, KeyRange, Query, Transaction, TransactionMode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use super::{PutusanTertunda, StatusTertunda, UsulanLuring};

/// The database the app uses; tests open their own names.
pub const NAMA: &str = "sipupns-luring";
const VERSI: u32 = 1;
const PUTUSAN: &str = "putusan";
const USULAN: &str = "usulan";
const DOKUMEN: &str = "dokumen";
const META: &str = "meta";

/// An open connection to the offline store.
pub struct Simpanan {
    db: Database,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    nama: String,
    nilai: f64,
}

impl Simpanan {
    pub async fn buka() -> Result<Simpanan, ErrorCode> {
        Simpanan::buka_nama(NAMA).await
    }

    /// Opens (creating or upgrading) the store named `nama`.
    pub async fn buka_nama(nama: &str) -> Result<Simpanan, ErrorCode> {
        let single = |p: &str| Some(KeyPath::new_single(p));
        let db = DatabaseBuilder::new(nama)
            .version(VERSI)
            .add_object_store(
                ObjectStoreBuilder::new(PUTUSAN)
                    .key_path(single("kunci"))
                    .add_index(IndexBuilder::new("urutan".into(), KeyPath::new_single("urutan")).unique(true))
                    .add_index(IndexBuilder::new("item".into(), KeyPath::new_single("item")).unique(true)),
            )
            .add_object_store(ObjectStoreBuilder::new(USULAN).key_path(single("item")))
            .add_object_store(ObjectStoreBuilder::new(DOKUMEN).key_path(single("kunci")))
            .add_object_store(ObjectStoreBuilder::new(META).key_path(single("nama")))
            .build()
            .await
            .map_err(|e| code_of(&e, None))?;
        Ok(Simpanan { db })
    }

    /// Closes the connection (what a reload or a closed tab does).
    pub fn tutup(self) {
        self.db.close();
    }

    /// Keeps a submission taken offline (replacing an older copy of it).
    pub async fn simpan_usulan(&self, usulan: &UsulanLuring) -> Result<(), ErrorCode> {
        let tx = self.tx(&[USULAN], TransactionMode::ReadWrite)?;
        let store = tx.object_store(USULAN).map_err(internal)?;
        let fields = [("item", JsValue::from_str(&usulan.item)), ("akun", JsValue::from_str(&usulan.akun))];
        let put = store.put(&to_js(usulan, &fields)?, None).map_err(|e| code_of(&e, Some(&tx)))?;
        put.await.map_err(|e| code_of(&e, Some(&tx)))?;
        finish(tx).await
    }

    /// The submissions `akun` has offline.
    pub async fn daftar_usulan(&self, akun: &str) -> Result<Vec<UsulanLuring>, ErrorCode> {
        let tx = self.tx(&[USULAN], TransactionMode::ReadOnly)?;
        let store = tx.object_store(USULAN).map_err(internal)?;
        let all = store.get_all(None, None).map_err(internal)?.await.map_err(internal)?;
        let mut out: Vec<UsulanLuring> = all.into_iter().map(from_js).collect::<Result<_, _>>()?;
        out.retain(|u| u.akun == akun);
        Ok(out)
    }

    pub async fn usulan(&self, item: &str) -> Result<Option<UsulanLuring>, ErrorCode> {
        let tx = self.tx(&[USULAN], TransactionMode::ReadOnly)?;
        let store = tx.object_store(USULAN).map_err(internal)?;
        let found = store.get(JsValue::from_str(item)).map_err(internal)?.await.map_err(internal)?;
        found.map(from_js).transpose()
    }

    /// Queues a decision made offline, after every decision queued before it. A second waiting
    /// decision for the same submission is refused (`AlreadyDecided`), the first one kept.
    pub async fn antrekan(&self, akun: &str, putusan: Putusan) -> Result<PutusanTertunda, ErrorCode> {
        let tx = self.tx(&[PUTUSAN, META], TransactionMode::ReadWrite)?;
        let meta = tx.object_store(META).map_err(internal)?;
        let last = meta.get(JsValue::from_str("urutan")).map_err(internal)?.await.map_err(internal)?;
        let urutan = last.map(from_js::<Meta>).transpose()?.map_or(0.0, |m| m.nilai) + 1.0;
        let counter = Meta { nama: "urutan".into(), nilai: urutan };
        let put = meta.put(&to_js(&counter, &[("nama", JsValue::from_str("urutan"))])?, None).map_err(internal)?;
        put.await.map_err(|e| code_of(&e, Some(&tx)))?;
        let tertunda = PutusanTertunda {
            kunci: putusan.kunci.clone(),
            urutan,
            akun: akun.to_owned(),
            item: putusan.item.clone(),
            putusan,
            status: StatusTertunda::Menunggu,
            dibuat: js_sys::Date::now(),
        };
        let store = tx.object_store(PUTUSAN).map_err(internal)?;
        // `add`, not `put`: the same key or a second decision on the item fails here.
        let add = store.add(&to_js(&tertunda, &fields_of(&tertunda))?, None).map_err(|e| code_of(&e, Some(&tx)))?;
        add.await.map_err(|e| code_of(&e, Some(&tx)))?;
        finish(tx).await?;
        Ok(tertunda)
    }

    /// Keeps a document file of a submission taken offline (the file as a `Blob`: its bytes
    /// never pass through the WASM).
    pub async fn simpan_dokumen(&self, item: &str, id: &str, berkas: &web_sys::Blob) -> Result<(), ErrorCode> {
        let tx = self.tx(&[DOKUMEN], TransactionMode::ReadWrite)?;
        let store = tx.object_store(DOKUMEN).map_err(internal)?;
        let fields = [
            ("kunci", JsValue::from_str(&format!("{item}/{id}"))),
            ("item", JsValue::from_str(item)),
            ("berkas", berkas.into()),
        ];
        let put = store.put(&to_js(&id, &fields)?, None).map_err(|e| code_of(&e, Some(&tx)))?;
        put.await.map_err(|e| code_of(&e, Some(&tx)))?;
        finish(tx).await
    }

    /// The document files kept for `item`, by document id.
    pub async fn berkas(&self, item: &str) -> Result<Vec<(String, web_sys::Blob)>, ErrorCode> {
        let tx = self.tx(&[DOKUMEN], TransactionMode::ReadOnly)?;
        let store = tx.object_store(DOKUMEN).map_err(internal)?;
        let all = store.get_all(Some(Query::from(range_of(item)?)), None).map_err(internal)?.await.map_err(internal)?;
        all.into_iter()
            .map(|record| {
                let id: String = from_js(record.clone())?;
                let blob =
                    js_sys::Reflect::get(&record, &JsValue::from_str("berkas")).map_err(|_| ErrorCode::Internal)?;
                Ok((id, blob.into()))
            })
            .collect()
    }

    /// Every waiting decision, oldest first.
    pub async fn tertunda(&self) -> Result<Vec<PutusanTertunda>, ErrorCode> {
        let tx = self.tx(&[PUTUSAN], TransactionMode::ReadOnly)?;
        let index = tx.object_store(PUTUSAN).and_then(|s| s.index("urutan")).map_err(internal)?;
        let all = index.get_all(None, None).map_err(internal)?.await.map_err(internal)?;
        all.into_iter().map(from_js).collect()
    }

    /// Records where a waiting decision stands.
    pub async fn tandai(&self, kunci: &str, status: StatusTertunda) -> Result<(), ErrorCode> {
        let tx = self.tx(&[PUTUSAN], TransactionMode::ReadWrite)?;
        let store = tx.object_store(PUTUSAN).map_err(internal)?;
        let found = store.get(JsValue::from_str(kunci)).map_err(internal)?.await.map_err(internal)?;
        let Some(mut tertunda) = found.map(from_js::<PutusanTertunda>).transpose()? else {
            return Err(ErrorCode::NotFound);
        };
        tertunda.status = status;
        store
            .put(&to_js(&tertunda, &fields_of(&tertunda))?, None)
            .map_err(internal)?
            .await
            .map_err(|e| code_of(&e, Some(&tx)))?;
        finish(tx).await
    }

    /// Forgets a submission and everything kept for it: its waiting decision (landed, or
    /// discarded by the verifier), its review data and its documents, in one transaction.
    pub async fn lupakan(&self, item: &str) -> Result<(), ErrorCode> {
        let tx = self.tx(&[PUTUSAN, USULAN, DOKUMEN], TransactionMode::ReadWrite)?;
        let putusan = tx.object_store(PUTUSAN).map_err(internal)?;
        let key = putusan
            .index("item")
            .map_err(internal)?
            .get_key(JsValue::from_str(item))
            .map_err(internal)?
            .await
            .map_err(internal)?;
        if let Some(key) = key {
            putusan.delete(key).map_err(internal)?.await.map_err(internal)?;
        }
        let usulan = tx.object_store(USULAN).map_err(internal)?;
        usulan.delete(JsValue::from_str(item)).map_err(internal)?.await.map_err(internal)?;
        let dokumen = tx.object_store(DOKUMEN).map_err(internal)?;
        dokumen.delete(Query::from(range_of(item)?)).map_err(internal)?.await.map_err(internal)?;
        finish(tx).await
    }

    fn tx(&self, stores: &[&str], mode: TransactionMode) -> Result<Transaction, ErrorCode> {
        self.db.transaction(stores, mode).map_err(|e| code_of(&e, None))
    }
}

/// The keys of one submission's documents (`"<item>/…"`).
fn range_of(item: &str) -> Result<KeyRange, ErrorCode> {
    let (from, to) = (JsValue::from_str(&format!("{item}/")), JsValue::from_str(&format!("{item}/\u{ffff}")));
    KeyRange::bound(&from, &to, None, None).map_err(internal)
}

/// Waits for a transaction to commit; an abort is the storage's refusal (a full disk shows
/// only here: the commit fails with `QuotaExceededError` and no request reports it).
async fn finish(tx: Transaction) -> Result<(), ErrorCode> {
    // A second handle on the same transaction, to read why it aborted once awaited.
    let names = tx.store_names();
    let probe = names.first().and_then(|n| tx.object_store(n).ok());
    let why =
        || probe.as_ref().and_then(|s| s.transaction().error()).map_or(ErrorCode::Internal, |e| dom_code(&e.name()));
    match tx.await {
        Ok(result) if result.is_committed() => Ok(()),
        Ok(_) => Err(why()),
        Err(e) => Err(code_of(&e, None)),
    }
}

/// What a storage failure means to the verifier: full storage, a second decision on the same
/// submission, or something unexpected.
fn code_of(error: &idb::Error, tx: Option<&Transaction>) -> ErrorCode {
    if let Some(dom) = tx.and_then(Transaction::error) {
        return dom_code(&dom.name());
    }
    let text = error.to_string();
    match () {
        _ if text.contains("QuotaExceededError") => ErrorCode::StorageFull,
        _ if text.contains("ConstraintError") => ErrorCode::AlreadyDecided,
        _ => {
            leptos::logging::warn!("offline store: {text}");
            ErrorCode::Internal
        }
    }
}

fn dom_code(name: &str) -> ErrorCode {
    match name {
        "QuotaExceededError" => ErrorCode::StorageFull,
        "ConstraintError" => ErrorCode::AlreadyDecided,
        _ => ErrorCode::Internal,
    }
}

fn internal(error: idb::Error) -> ErrorCode {
    code_of(&error, None)
}

/// The key and index fields of a waiting decision.
fn fields_of(p: &PutusanTertunda) -> [(&'static str, JsValue); 4] {
    [
        ("kunci", JsValue::from_str(&p.kunci)),
        ("urutan", JsValue::from_f64(p.urutan)),
        ("item", JsValue::from_str(&p.item)),
        ("akun", JsValue::from_str(&p.akun)),
    ]
}

/// A record: `fields` (what keys and indexes read) plus the value as JSON in `isi`.
fn to_js<T: Serialize>(value: &T, fields: &[(&str, JsValue)]) -> Result<JsValue, ErrorCode> {
    let record = js_sys::Object::new();
    let json = serde_json::to_string(value).map_err(|_| ErrorCode::Internal)?;
    for (name, field) in fields.iter().chain([&("isi", JsValue::from_str(&json))]) {
        js_sys::Reflect::set(&record, &JsValue::from_str(name), field).map_err(|_| ErrorCode::Internal)?;
    }
    Ok(record.into())
}

fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, ErrorCode> {
    let json = js_sys::Reflect::get(&value, &JsValue::from_str("isi")).ok().and_then(|v| v.as_string());
    json.and_then(|json| crate::resource::from_json(&json).ok()).ok_or(ErrorCode::Internal)
}
