//! The help desk's live stream in the browser: an `EventSource` on `/api/hds/peristiwa`
//! (gloo-net). The browser reconnects by itself and sends the last event id it saw, so the
//! server replays what was missed; the page only reacts to "something changed".

use domain::hds::Kabar;
use leptos::prelude::*;

/// While the calling component lives, calls `on_change` for each event of the stream, and
/// with `None` when the stream starts (`siap`: load what the page shows). A resumed stream
/// (`lanjut`, after a drop or the server's periodic end) replays what was missed instead.
/// `connected` follows whether the stream is open.
pub fn follow_hds(connected: RwSignal<bool>, on_change: impl Fn(Option<Kabar>) + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use futures::StreamExt;
        use gloo_net::eventsource::futures::EventSource;

        let Ok(mut source) = EventSource::new("/api/hds/peristiwa") else { return };
        let (Ok(siap), Ok(lanjut), Ok(hds)) =
            (source.subscribe("siap"), source.subscribe("lanjut"), source.subscribe("hds"))
        else {
            return;
        };
        let mut events = futures::stream::select(futures::stream::select(siap, lanjut), hds);
        // gloo reports no error while the browser reconnects: the state is looked at instead.
        let source = std::rc::Rc::new(source);
        watch_state(std::rc::Rc::downgrade(&source), connected);
        // Dropping the source closes the connection when the page goes away.
        let source = send_wrapper::SendWrapper::new(source);
        on_cleanup(move || drop(source));
        leptos::task::spawn_local(async move {
            while let Some(event) = events.next().await {
                let Ok((kind, message)) = event else {
                    connected.set(false);
                    continue;
                };
                connected.set(true);
                if kind == "siap" {
                    on_change(None);
                } else if kind == "lanjut" {
                    // Resumed: the missed events follow.
                } else if let Some(kabar) =
                    message.data().as_string().and_then(|text| crate::resource::from_json::<Kabar>(&text).ok())
                {
                    on_change(Some(kabar));
                }
            }
            connected.set(false);
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (connected, on_change);
}

/// Every second, whether the stream is open (it is not while the browser reconnects); stops
/// once the page dropped the source.
#[cfg(feature = "hydrate")]
fn watch_state(source: std::rc::Weak<gloo_net::eventsource::futures::EventSource>, connected: RwSignal<bool>) {
    crate::browser::after(std::time::Duration::from_secs(1), move || {
        let Some(open) = source.upgrade().map(|s| s.state() == gloo_net::eventsource::State::Open) else { return };
        if connected.try_get_untracked() != Some(open) && connected.try_set(open).is_some() {
            return;
        }
        watch_state(source, connected);
    });
}
