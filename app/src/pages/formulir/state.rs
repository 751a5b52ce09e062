//! The form page's state and its save loop. Edits go to the draft signal and to
//! localStorage at once; a debounced autosave sends the changed sections one at a time
//! (each save names the version it edited; a retry reuses its idempotency key).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use domain::form::{check_section, Bagian, Context, Dokumen, FieldError, Formulir, Simpan, StatusUsulan, Tanda};
use domain::verifikasi::Penolakan;
use domain::{DaftarKode, ErrorCode, Msg, Nip};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::draft::{self, LocalDraft};
use crate::api::formulir::{save_section, FormulirView, Opsi};
use crate::browser;

/// How long typing may pause before the changed sections go to the server.
const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);
const RETRY_AFTER: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Local,
    Saving,
    Failed,
}

impl SaveState {
    pub fn message(self) -> Msg {
        match self {
            SaveState::Saved => Msg::SaveStateSaved,
            SaveState::Local => Msg::SaveStateLocal,
            SaveState::Saving => Msg::SaveStateSaving,
            SaveState::Failed => Msg::SaveStateFailed,
        }
    }
}

/// What the last explicit "Simpan" of a section answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Reviewed,
    HasErrors,
    Refused(ErrorCode),
}

#[derive(Clone, Copy)]
pub struct FormState {
    pub nip: StoredValue<String>,
    pub master: StoredValue<Formulir>,
    pub draf: RwSignal<Formulir>,
    pub versi: RwSignal<i32>,
    pub status: RwSignal<StatusUsulan>,
    pub diperiksa: RwSignal<Vec<Bagian>>,
    pub berlaku: RwSignal<Vec<Bagian>>,
    pub label: RwSignal<BTreeMap<String, String>>,
    pub opsi: StoredValue<Opsi>,
    pub hari_ini: StoredValue<String>,
    pub nip_baru: RwSignal<Option<String>>,
    /// Errors the server found at the last "Simpan" (reference values the browser cannot check).
    pub server_errors: RwSignal<Vec<FieldError>>,
    /// Sections where "Simpan" was pressed: from then on every error shows, not only typed ones.
    pub show_all: RwSignal<BTreeSet<Bagian>>,
    pub outcome: RwSignal<BTreeMap<Bagian, Outcome>>,
    /// Sections changed since the server last confirmed them.
    pub dirty: RwSignal<BTreeSet<Bagian>>,
    pub save_state: RwSignal<SaveState>,
    /// A refusal that stops autosaving (stale version, locked proposal).
    pub blocked: RwSignal<Option<ErrorCode>>,
    pub restored: RwSignal<bool>,
    /// "[?]" flags on fields.
    pub tanda: RwSignal<Vec<Tanda>>,
    pub dokumen: RwSignal<Vec<Dokumen>>,
    /// A returned proposal: the fields the verifiers rejected, with their reasons.
    pub penolakan: StoredValue<Vec<Penolakan>>,
    in_flight: StoredValue<bool>,
    pending_review: StoredValue<Option<Bagian>>,
    /// A save that failed in transit: resent as is (same key) before anything else.
    retry: StoredValue<Option<Simpan>>,
    timer: StoredValue<u64>,
    /// Each section's checked errors, computed once per change of the draft (not once per
    /// field showing them).
    checked: StoredValue<BTreeMap<Bagian, Memo<Vec<FieldError>>>>,
}

impl FormState {
    pub fn new(view: FormulirView, opsi: Opsi) -> FormState {
        let draf = view.draft().clone();
        let st = FormState {
            nip: StoredValue::new(view.nip),
            master: StoredValue::new(view.master),
            draf: RwSignal::new(draf),
            versi: RwSignal::new(view.versi),
            status: RwSignal::new(view.status),
            diperiksa: RwSignal::new(view.diperiksa),
            berlaku: RwSignal::new(view.berlaku),
            label: RwSignal::new(view.label),
            opsi: StoredValue::new(opsi),
            hari_ini: StoredValue::new(view.hari_ini),
            nip_baru: RwSignal::new(view.nip_baru),
            server_errors: RwSignal::new(Vec::new()),
            show_all: RwSignal::new(BTreeSet::new()),
            outcome: RwSignal::new(BTreeMap::new()),
            dirty: RwSignal::new(BTreeSet::new()),
            save_state: RwSignal::new(SaveState::Saved),
            blocked: RwSignal::new(None),
            restored: RwSignal::new(false),
            tanda: RwSignal::new(view.tanda),
            dokumen: RwSignal::new(view.dokumen),
            penolakan: StoredValue::new(view.penolakan),
            in_flight: StoredValue::new(false),
            pending_review: StoredValue::new(None),
            retry: StoredValue::new(None),
            timer: StoredValue::new(0),
            checked: StoredValue::new(BTreeMap::new()),
        };
        let checked = Bagian::ALL.iter().map(|&b| (b, Memo::new(move |_| st.check(b)))).collect();
        st.checked.set_value(checked);
        st
    }

    /// Puts back input that never reached the server (the tab was closed mid-typing).
    pub fn restore_local(self) {
        if !self.editable() {
            return;
        }
        let Some(local) = draft::load(&self.nip.get_value()) else { return };
        let mut restored = false;
        for isi in local.bagian {
            let bagian = isi.bagian();
            if self.draf.with_untracked(|f| f.section(bagian) != isi) {
                self.draf.update(|f| f.apply(isi));
                self.dirty.update(|d| {
                    d.insert(bagian);
                });
                restored = true;
            }
        }
        if restored {
            self.restored.set(true);
            self.save_state.set(SaveState::Local);
            self.schedule(Duration::from_millis(300));
        }
    }

    pub fn editable(&self) -> bool {
        self.status.get_untracked().editable() && self.blocked.get_untracked().is_none()
    }

    pub fn value(&self, bagian: Bagian, entri: Option<usize>, key: &str) -> String {
        self.draf.with(|f| f.get_field(bagian, entri, key))
    }

    /// The flag on a field, if any (list entries are identified by their id).
    pub fn flag(&self, bagian: Bagian, entri: Option<usize>, key: &str) -> Option<Tanda> {
        let entry_id = entri.map(|i| self.draf.with(|f| f.get_field(bagian, Some(i), "id")));
        self.tanda.with(|t| t.iter().find(|t| t.bagian == bagian && t.field == key && t.entri == entry_id).cloned())
    }

    /// The index of a list entry in the draft, by its id.
    pub fn entry_index(&self, bagian: Bagian, id: &str) -> Option<usize> {
        self.draf.with(|f| (0..f.entry_count(bagian)).find(|i| f.get_field(bagian, Some(*i), "id") == id))
    }

    /// The verifier's reason when this field was rejected on a returned proposal.
    pub fn rejection(&self, bagian: Bagian, entri: Option<usize>, key: &str) -> Option<String> {
        let entry_id = entri.map(|i| self.draf.with(|f| f.get_field(bagian, Some(i), "id")));
        self.penolakan.with_value(|p| {
            p.iter()
                .find(|r| r.kunci.bagian == bagian && r.kunci.field == key && r.kunci.entri == entry_id)
                .map(|r| r.alasan.clone())
        })
    }

    /// Name of a coded value, if known.
    /// The name of a coded value: from the record's labels, else from the drop-down lists
    /// (whose names the server does not repeat in the labels).
    pub fn label_of(&self, list: DaftarKode, code: &str) -> Option<String> {
        self.label.with(|l| l.get(&format!("{}:{code}", list.code())).cloned()).or_else(|| {
            self.opsi.with_value(|o| o.get(&list)?.iter().find(|(c, _)| c == code).map(|(_, name)| name.clone()))
        })
    }

    /// Every edit: into the draft, into localStorage, and an autosave scheduled.
    pub fn edit(self, bagian: Bagian, entri: Option<usize>, key: &str, value: String) {
        if !self.editable() {
            return;
        }
        self.draf.update(|f| f.set_field(bagian, entri, key, value));
        self.changed(bagian);
    }

    pub fn changed(self, bagian: Bagian) {
        self.dirty.update(|d| {
            d.insert(bagian);
        });
        self.diperiksa.update(|d| d.retain(|b| *b != bagian));
        self.outcome.update(|o| {
            o.remove(&bagian);
        });
        self.server_errors.update(|e| e.retain(|x| x.bagian != bagian));
        self.store_local();
        if self.save_state.get_untracked() != SaveState::Failed {
            self.save_state.set(SaveState::Local);
        }
        self.schedule(AUTOSAVE_AFTER);
    }

    fn store_local(&self) {
        let dirty = self.dirty.get_untracked();
        let bagian = self.draf.with_untracked(|f| dirty.iter().map(|b| f.section(*b)).collect());
        draft::store(&self.nip.get_value(), &LocalDraft { versi: self.versi.get_untracked(), bagian });
    }

    /// Runs the save loop after `delay`, unless another edit comes first.
    fn schedule(self, delay: Duration) {
        let ticket = self.timer.get_value() + 1;
        self.timer.set_value(ticket);
        browser::after(delay, move || {
            if self.timer.get_value() == ticket {
                self.flush();
            }
        });
    }

    /// Sends what is pending now (leaving a section does this).
    pub fn flush(self) {
        if self.in_flight.get_value() || self.blocked.get_untracked().is_some() {
            return;
        }
        let next = if let Some(simpan) = self.retry.get_value() {
            Some(simpan)
        } else if let Some(bagian) = self.pending_review.get_value() {
            self.pending_review.set_value(None);
            Some(self.request(bagian, true))
        } else {
            self.dirty.get_untracked().iter().next().map(|b| self.request(*b, false))
        };
        match next {
            Some(simpan) => self.send(simpan),
            None => self.save_state.set(SaveState::Saved),
        }
    }

    fn request(&self, bagian: Bagian, periksa: bool) -> Simpan {
        Simpan {
            versi: self.versi.get_untracked(),
            isi: self.draf.with_untracked(|f| f.section(bagian)),
            periksa,
            kunci: draft::new_key(),
        }
    }

    /// "Simpan bagian ini": check on the server and mark reviewed when it passes.
    pub fn review(self, bagian: Bagian) {
        self.show_all.update(|s| {
            s.insert(bagian);
        });
        self.pending_review.set_value(Some(bagian));
        self.flush();
    }

    fn send(self, simpan: Simpan) {
        self.in_flight.set_value(true);
        self.save_state.set(SaveState::Saving);
        spawn_local(async move {
            let result = save_section(simpan.clone()).await;
            self.in_flight.set_value(false);
            let bagian = simpan.isi.bagian();
            match result {
                Ok(answer) => {
                    self.retry.set_value(None);
                    self.versi.set(answer.hasil.versi);
                    self.diperiksa.set(answer.hasil.diperiksa.clone());
                    self.berlaku.set(answer.berlaku);
                    self.nip_baru.set(answer.nip_baru);
                    if self.draf.with_untracked(|f| f.section(bagian) == simpan.isi) {
                        self.dirty.update(|d| {
                            d.remove(&bagian);
                        });
                    }
                    if simpan.periksa {
                        let errors = answer.hasil.kesalahan;
                        let outcome = if errors.is_empty() { Outcome::Reviewed } else { Outcome::HasErrors };
                        self.server_errors.update(|e| {
                            e.retain(|x| x.bagian != bagian);
                            e.extend(errors);
                        });
                        self.outcome.update(|o| {
                            o.insert(bagian, outcome);
                        });
                    }
                    self.store_local();
                    self.flush();
                }
                Err(error) => match error.0 {
                    code @ (ErrorCode::VersionConflict
                    | ErrorCode::ProposalLocked
                    | ErrorCode::SessionExpired
                    | ErrorCode::NotSignedIn) => {
                        self.blocked.set(Some(code));
                        self.save_state.set(SaveState::Failed);
                    }
                    code @ (ErrorCode::BadRequest | ErrorCode::TooManyEntries | ErrorCode::SectionNotApplicable) => {
                        // The request itself is wrong: retrying cannot help; keep the input locally.
                        self.outcome.update(|o| {
                            o.insert(bagian, Outcome::Refused(code));
                        });
                        self.dirty.update(|d| {
                            d.remove(&bagian);
                        });
                        self.save_state.set(SaveState::Failed);
                    }
                    _ => {
                        // In transit (offline, server busy): resend the very same request later.
                        self.retry.set_value(Some(simpan));
                        self.save_state.set(SaveState::Failed);
                        self.schedule(RETRY_AFTER);
                    }
                },
            }
        });
    }

    /// The errors to show in a section: the shared rules as typed (only on filled-in
    /// fields until "Simpan" is pressed), then the server's reference checks.
    fn check(&self, bagian: Bagian) -> Vec<FieldError> {
        let Ok(nip) = self.nip.with_value(|n| Nip::parse(n)) else { return Vec::new() };
        let Ok(today) = self.hari_ini.with_value(|d| domain::dates::parse_iso_date(d)) else { return Vec::new() };
        let show_all = self.show_all.with(|s| s.contains(&bagian));
        let mut errors: Vec<FieldError> = self.master.with_value(|master| {
            let cx = Context { nip: &nip, master, today };
            self.draf.with(|f| {
                check_section(f, bagian, &cx)
                    .into_iter()
                    .filter(|e| {
                        show_all
                            || (e.code != ErrorCode::ConfirmOrEdit
                                && e.code != ErrorCode::ListEmpty
                                && !f.get_field(bagian, e.entri, &e.field).trim().is_empty())
                    })
                    .collect()
            })
        });
        self.server_errors.with(|server| {
            for e in server.iter().filter(|e| e.bagian == bagian) {
                if !errors.iter().any(|x| x.entri == e.entri && x.field == e.field) {
                    errors.push(e.clone());
                }
            }
        });
        errors
    }

    /// The first error shown at one field (`entri` None, `field` "": the section itself).
    pub fn error_at(&self, bagian: Bagian, entri: Option<usize>, field: &str) -> Option<ErrorCode> {
        let memo = self.checked.with_value(|m| m.get(&bagian).copied())?;
        memo.with(|errors| errors.iter().find(|e| e.entri == entri && e.field == field).map(|e| e.code))
    }
}
