//! The router: server functions, pages, static files, the services' plain routes, and the
//! layers around them (client address, session, CSRF, security headers, request tracing).

use std::sync::Arc;

use access::Refusal;
use app::auth::AppState;
use app::rilis::{BuildId, BUILD_HEADER};
use app::{shell, App};
use axum::extract::{Path, Query};
use axum::http::{header, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use domain::{ErrorCode, Lang};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sqlx::PgPool;
use tower_http::set_header::SetResponseHeaderLayer;

use mail::{Mailer, SmtpSettings};

use crate::client_addr::{self, TrustedProxies};
use crate::config::Config;
use crate::rilis::Rilis;
use crate::{headers, middleware};

pub fn app_state(config: &Config, pool: PgPool) -> anyhow::Result<AppState> {
    let reference = reference::Reference::new(pool.clone());
    let personnel =
        personnel::Personnel::new(pool.clone(), reference.clone()).with_document_dir(config.data_dir.join("dokumen"));
    let mailer = match &config.smtp_host {
        Some(host) => Mailer::smtp(SmtpSettings {
            host: host.clone(),
            port: config.smtp_port,
            username: config.smtp_username.clone(),
            password: config.smtp_password.clone(),
            from: config.smtp_from.clone(),
        })?,
        None => Mailer::Folder(config.data_dir.join("mail")),
    };
    let public_url = config.public_url.clone().unwrap_or_else(|| format!("http://{}", config.site_addr));
    let helpdesk = helpdesk::Helpdesk::new(pool.clone(), reference.clone())
        .with_mail(mailer.clone(), public_url.clone())
        .with_guest_limit(config.registration_checks_per_15_minutes)
        .with_file_dir(config.data_dir.join("hds-lampiran"));
    let identity =
        identity::Identity::new(pool.clone(), config.identity_config(), personnel.clone(), reference.clone(), mailer);
    // A code list changed on another instance leaves this one's cache at once.
    reference.listen_for_changes();
    // Sessions ended on another instance leave this one's cache at once.
    identity.listen_for_revocations();
    Ok(AppState {
        pool: pool.clone(),
        verification: verification::Verification::new(pool.clone(), personnel.clone(), reference.clone()),
        helpdesk,
        // One listener per instance wakes its live streams (LISTEN/NOTIFY over the event table).
        hds_siaran: helpdesk::Siaran::start(pool.clone(), std::time::Duration::from_secs(config.hds_stream_seconds)),
        identity,
        personnel,
        reference,
        secure_cookies: config.secure_cookies,
        public_url,
    })
}

pub fn router(config: &Config, state: AppState) -> Router {
    let options = config.leptos_options();
    let rilis = Arc::new(
        Rilis::read(std::path::Path::new(&*options.site_root), &options.site_pkg_dir, config.build_id.as_deref())
            .unwrap_or_else(|error| {
                tracing::error!(%error, "the built front end could not be read: nothing is kept for offline work");
                Rilis { build: "tanpa-aset".to_owned(), aset: Vec::new() }
            }),
    );
    tracing::info!(build = %rilis.build, files = rilis.aset.len(), "release");
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        let build = BuildId(rilis.build.clone());
        move || {
            provide_context(state.clone());
            provide_context(build.clone());
            headers::provide_nonce();
        }
    };
    let server_fn_context = context.clone();
    let pages = Router::new()
        .route(
            "/api/{*fn_name}",
            get(move |req| leptos_axum::handle_server_fns_with_context(server_fn_context.clone(), req)).post({
                let context = context.clone();
                move |req| leptos_axum::handle_server_fns_with_context(context.clone(), req)
            }),
        )
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .route("/bahasa/{lang}", get(set_language))
        .route("/healthz", get(|| async { "ok" }))
        // Each service's own plain-HTTP routes.
        .merge(identity::http::router(state.identity.clone()))
        .merge(personnel::http::router(state.personnel.clone()))
        .merge(helpdesk::http::router(state.helpdesk.clone(), state.hds_siaran.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context(context, shell))
        .with_state(options.clone());
    let site = middleware::Site::new(config.secure_cookies, config.public_url.as_deref());
    let pages = pages
        .layer(axum::middleware::from_fn_with_state(site, middleware::csrf))
        .layer(axum::middleware::from_fn_with_state(state, middleware::session))
        .layer(axum::middleware::from_fn_with_state(TrustedProxies::new(&config.trusted_proxies), client_addr::layer));
    let pages = headers::not_stored(pages);
    let build = HeaderValue::from_str(&rilis.build).unwrap_or_else(|_| HeaderValue::from_static("tidak-sah"));
    let site = crate::assets::router(&options, rilis)
        .merge(pages)
        .layer(SetResponseHeaderLayer::overriding(HeaderName::from_static(BUILD_HEADER), build));
    crate::tracing_layer::traced(headers::secured(site, config))
}

#[derive(serde::Deserialize)]
struct Back {
    kembali: Option<String>,
}

/// Remembers the chosen language in a cookie and returns to the page. Only local paths are
/// accepted as the way back, so the link cannot send anyone elsewhere.
async fn set_language(Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let lang = Lang::from_code(&code);
    let target = back.kembali.filter(|p| is_local_path(p)).unwrap_or_else(|| "/".to_owned());
    let cookie = format!("{}={}; Path=/; Max-Age=31536000; SameSite=Lax", Lang::COOKIE, lang.code());
    let mut response = Redirect::to(&target).into_response();
    match HeaderValue::from_str(&cookie) {
        Ok(value) => {
            response.headers_mut().insert(header::SET_COOKIE, value);
            response
        }
        Err(_) => Refusal(ErrorCode::BadRequest).into_response(),
    }
}

/// A path of this site and nothing a browser could read as another host: browsers treat `\`
/// as `/` and drop tabs and newlines, so `/\evil` and `/%09/evil` would both become `//evil`.
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.chars().any(|c| c == '\\' || c.is_control() || c.is_whitespace())
        && !path[1..].starts_with('/')
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_paths_of_this_site_are_a_way_back() {
        for ok in ["/", "/pns/formulir", "/masuk?x=1"] {
            assert!(is_local_path(ok), "{ok}");
        }
        for bad in
            ["//evil.example", "/\\evil.example", "/\t/evil.example", "/ /evil", "https://evil.example", "evil", ""]
        {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}
