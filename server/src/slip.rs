//! The registration slip as a one-page PDF, written by hand: a few lines of text need no
//! PDF library.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use identity::{IdentityError, SlipData};

use app::auth::AppState;

#[derive(serde::Deserialize)]
pub struct SlipQuery {
    nomor: String,
    kode: String,
}

/// GET /daftar/slip?nomor=..&kode=..: whoever holds both (the registrant) gets the slip.
pub async fn download(State(state): State<AppState>, Query(q): Query<SlipQuery>) -> Response {
    match state.identity.registration_slip(&q.nomor, &q.kode).await {
        Ok(slip) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (header::CONTENT_DISPOSITION, format!("inline; filename=\"slip-{}.pdf\"", slip.nomor_pendaftaran)),
            ],
            render(&slip),
        )
            .into_response(),
        // A wrong number or code: not found, whichever was wrong.
        Err(IdentityError::Refused(_)) => access::Refusal(domain::ErrorCode::NotFound).into_response(),
        Err(error) => error.into_response(),
    }
}

pub fn render(slip: &SlipData) -> Vec<u8> {
    let lines = [
        (18, "SLIP PENDAFTARAN PUPNS".to_owned()),
        (11, "Pendataan Ulang PNS - Badan Kepegawaian Negara".to_owned()),
        (12, String::new()),
        (12, format!("Nomor pendaftaran : {}", slip.nomor_pendaftaran)),
        (12, format!("NIP               : {}", slip.nip)),
        (12, format!("Nama              : {}", slip.nama)),
        (12, format!("Instansi          : {}", slip.instansi)),
        (12, format!("Tanggal daftar    : {}", slip.tanggal)),
        (12, format!("Kode verifikasi   : {}", slip.kode_verifikasi)),
        (12, String::new()),
        (10, "Bawa slip ini bersama KTP ke verifikator SKPD/BKD/Ropeg instansi Anda.".to_owned()),
        (10, "Bring this slip and your ID card to your agency's SKPD/BKD/Ropeg verifier.".to_owned()),
    ];
    let mut content = String::from("BT\n/F1 12 Tf\n60 780 Td\n");
    for (i, (size, text)) in lines.iter().enumerate() {
        if i > 0 {
            content.push_str("0 -24 Td\n");
        }
        let font = if i == 0 {
            "/F2"
        } else if text.contains(" : ") {
            "/F3"
        } else {
            "/F1"
        };
        content.push_str(&format!("{font} {size} Tf\n({}) Tj\n", escape(text)));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>".to_owned(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    pdf.into_bytes()
}

/// PDF string literal: backslash-escape the delimiters; the base fonts only cover ASCII.
fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '(' | ')' | '\\' => format!("\\{c}"),
            c if c.is_ascii() && !c.is_ascii_control() => c.to_string(),
            _ => "?".to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slip_is_a_well_formed_pdf_with_the_registration_data() {
        let slip = SlipData {
            nomor_pendaftaran: "PUPNS-2026-00000001".into(),
            nip: "198503152010011002".into(),
            nama: "Ma'ruf (Amin)".into(),
            instansi: "Pemerintah Kabupaten Sleman".into(),
            tanggal: "2026-11-23".into(),
            kode_verifikasi: "ABCD1234".into(),
        };
        let pdf = String::from_utf8(render(&slip)).unwrap();
        assert!(pdf.starts_with("%PDF-1.4") && pdf.ends_with("%%EOF\n"));
        assert!(pdf.contains("198503152010011002") && pdf.contains("Ma'ruf \\(Amin\\)"));
        // The xref offset points at the xref table.
        let startxref: usize = pdf.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(pdf[startxref..].starts_with("xref"));
    }
}
