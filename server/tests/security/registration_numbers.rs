//! #9 item 9: registration numbers come from a sequence, so registrations finishing together
//! never collide, and finishing is one transaction.

use app::api::registration::RegisteredView;

use crate::common;
use crate::pendaftaran::{code_from_mail, unregistered_nth};

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn registrations_finishing_together_get_distinct_numbers(pool: sqlx::PgPool) {
    let app = common::spawn(pool).await;
    let mut forms = Vec::new();
    for n in 0..8 {
        let m = unregistered_nth(&app, n).await;
        let email = format!("nomor{n}@example.go.id");
        let response = app.call(&common::client(), "/api/daftar/cek-data", &m.answers(&m.birth, &email)).await;
        assert_eq!(response.status(), 200);
        let id: uuid::Uuid = response.json().await.unwrap();
        let code = code_from_mail(&app, &email).await;
        forms.push([
            ("registration_id", id.to_string()),
            ("code", code),
            ("password", "SandiBaru2026".to_owned()),
            ("confirmation", "SandiBaru2026".to_owned()),
        ]);
    }
    let mut finishes = tokio::task::JoinSet::new();
    for form in forms {
        let (client, url) = (common::client(), app.url("/api/daftar/selesai"));
        finishes.spawn(async move {
            let response = client.post(url).form(&form).send().await.unwrap();
            assert_eq!(response.status(), 200);
            response.json::<RegisteredView>().await.unwrap().nomor_pendaftaran
        });
    }
    let mut numbers = finishes.join_all().await;
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 8, "{numbers:?}");
    let year = time::OffsetDateTime::now_utc().year();
    for number in &numbers {
        let serial = number.strip_prefix(&format!("PUPNS-{year}-")).expect(number);
        assert!(serial.len() == 9 && serial.bytes().all(|b| b.is_ascii_digit()), "{number}");
    }
}
