//! What the admin pages' actions share: the list to reload, one message saying how the last
//! action went, and a busy flag that keeps a second click from sending twice.

use domain::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::error::AppError;

/// What the last action said: a confirmation or the refusal's code.
pub(super) type Kabar = Option<Result<String, ErrorCode>>;

#[derive(Clone, Copy)]
pub(super) struct Aksi {
    pub reload: RwSignal<u32>,
    pub kabar: RwSignal<Kabar>,
    pub busy: RwSignal<bool>,
}

impl Aksi {
    /// Runs an action, then says how it went and reloads the list.
    pub fn jalankan<T>(self, task: impl std::future::Future<Output = Result<T, AppError>> + 'static, ok: String) {
        self.busy.set(true);
        self.kabar.set(None);
        spawn_local(async move {
            let result = task.await;
            self.busy.set(false);
            self.kabar.set(Some(result.map(|_| ok).map_err(|e| e.0)));
            self.reload.update(|n| *n += 1);
        });
    }
}
