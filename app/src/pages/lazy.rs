//! Routes whose code is split into their own WASM chunk (#14, `cargo leptos build --split`).
//! Each type's `view` is loaded on first use; `data` stays in the main module.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

macro_rules! lazy_page {
    ($route:ident, $page:path) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(this: Self) -> AnyView {
                let $route = this;
                with_mark(view! { <$page/> }.into_any())
            }
        }
    };
}

/// The page with a hidden mark that says "ready" once the route's chunk has loaded and the
/// page has hydrated. `<body data-hydrated>` comes earlier, from the main module: until then
/// a click on this page's controls reaches no handler (end-to-end tests wait for both).
fn with_mark(page: AnyView) -> AnyView {
    let mark = NodeRef::<leptos::html::Span>::new();
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| {
        if let Some(el) = mark.get() {
            let _ = el.set_attribute("data-ready", "");
        }
    });
    view! { <span hidden data-lazy-route="" node_ref=mark></span>{page} }.into_any()
}

// Registration: rarer than signing in, kept off the sign-in download. The password pages
// ("forgot password", setting one from a mailed link), the executive's home and the Kanreg
// and BKN admins' homes live in the main module: the machinery their chunks shared with the
// big routes moved there with them and every big route shrank (docs/PERFORMANCE.md, "Staff
// accounts at every place" and "Facilities, and the Kanreg and BKN homes…").
lazy_page!(RegisterRoute, super::register::Register);
lazy_page!(PnsHomeRoute, super::hds::PnsAndHdsPages);
// The admin pages share the verifier's chunk: a lazy route of their own cut the code the big
// routes share into more, worse-compressing chunks (+7 to +13 KiB on the form, #14).
lazy_page!(VerifierRoute, super::admin::StaffPages);
lazy_page!(ReviewRoute, super::verifikasi::ReviewPages);
