//! The help desk's live stream in the browser: an `EventSource` on `/api/hds/peristiwa`
//! (gloo-net). The browser reconnects by itself and sends the last event id it saw, so the
//! server replays what was missed; the page only reacts to "something changed".

use domain::hds::Kabar;
use leptos::prelude::*;

/// While the calling component lives, calls `on_change` for each event of the stream, and
/// with `None` whenever the stream (re)connects (anything may have changed meanwhile).
/// `connected` follows whether the stream is open.
pub fn follow_hds(connected: RwSignal<bool>, on_change: impl Fn(Option<Kabar>) + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use futures::StreamExt;
        use gloo_net::eventsource::futures::EventSource;

        let Ok(mut source) = EventSource::new("/api/hds/peristiwa") else { return };
        let (Ok(siap), Ok(hds)) = (source.subscribe("siap"), source.subscribe("hds")) else { return };
        let mut events = futures::stream::select(siap, hds);
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
