use super::*;

/// Checks the file structure a reader relies on: header, trailer, and a cross-reference
/// table whose every offset points at the object it names. Returns the file as text
/// (lossy: the binary marker comment is not UTF-8).
fn well_formed(pdf: &[u8]) -> String {
    let text = String::from_utf8_lossy(pdf).into_owned();
    assert!(pdf.starts_with(b"%PDF-1."), "header");
    assert!(text.trim_end().ends_with("%%EOF"), "trailer");
    let startxref: usize = text.rsplit("startxref").next().unwrap().split_whitespace().next().unwrap().parse().unwrap();
    assert!(pdf[startxref..].starts_with(b"xref"), "startxref points at the xref table");
    let mut lines = std::str::from_utf8(&pdf[startxref..]).unwrap().lines().skip(1);
    let count: usize = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(count > 5);
    for (id, entry) in lines.take(count).enumerate() {
        let fields: Vec<&str> = entry.split_whitespace().collect();
        if fields[2] == "n" {
            let offset: usize = fields[0].parse().unwrap();
            assert!(pdf[offset..].starts_with(format!("{id} 0 obj").as_bytes()), "object {id} at {offset}");
        }
    }
    assert!(text.contains("/BaseFont /Helvetica") && text.contains("/Encoding /WinAnsiEncoding"));
    text
}

/// The strings the content streams show, in order (literal strings unescaped, hex decoded).
fn shown(pdf: &[u8]) -> Vec<Vec<u8>> {
    let text = String::from_utf8_lossy(pdf);
    text.lines()
        .filter_map(|line| line.strip_suffix(" Tj"))
        .map(|operand| {
            if let Some(hex) = operand.strip_prefix('<') {
                let hex = hex.strip_suffix('>').unwrap();
                return (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
            }
            let inner = operand.strip_prefix('(').unwrap().strip_suffix(')').unwrap().as_bytes();
            let mut out = Vec::new();
            let mut bytes = inner.iter();
            while let Some(&b) = bytes.next() {
                if b != b'\\' {
                    out.push(b);
                    continue;
                }
                match bytes.next().unwrap() {
                    b'n' => out.push(b'\n'),
                    d @ b'0'..=b'7' => {
                        let mut value = u32::from(d - b'0');
                        for _ in 0..2 {
                            value = value * 8 + u32::from(bytes.next().unwrap() - b'0');
                        }
                        out.push(value as u8);
                    }
                    &other => out.push(other),
                }
            }
            out
        })
        .collect()
}

fn shown_text(pdf: &[u8]) -> Vec<String> {
    shown(pdf).into_iter().map(|line| line.iter().map(|&b| b as char).collect()).collect()
}

fn sample() -> Document {
    Document::new("SLIP PENDAFTARAN PUPNS")
        .subtitle("Pendataan Ulang PNS - Badan Kepegawaian Negara")
        .row("Nomor pendaftaran", "PUPNS-2026-00000001")
        .row("Nama", "Ma'ruf (Amin")
        .space()
        .heading("Catatan")
        .paragraph("Bawa slip ini bersama KTP ke verifikator SKPD/BKD/Ropeg instansi Anda.")
        .footer("SIPUPNS")
}

#[test]
fn a_document_is_a_well_formed_pdf_showing_its_parts_in_order() {
    let pdf = sample().to_pdf();
    let text = well_formed(&pdf);
    assert!(text.contains("/Count 1"));
    assert!(text.contains("/Title (SLIP PENDAFTARAN PUPNS)"));
    assert_eq!(
        shown_text(&pdf),
        [
            "SLIP PENDAFTARAN PUPNS",
            "Pendataan Ulang PNS - Badan Kepegawaian Negara",
            "Nomor pendaftaran",
            ":",
            "PUPNS-2026-00000001",
            "Nama",
            ":",
            "Ma'ruf (Amin",
            "Catatan",
            "Bawa slip ini bersama KTP ke verifikator SKPD/BKD/Ropeg instansi Anda.",
            "SIPUPNS",
        ]
    );
    // The content is not compressed: the title can be found as is.
    assert!(text.contains("(SLIP PENDAFTARAN PUPNS) Tj"));
}

#[test]
fn row_values_line_up_after_the_widest_label() {
    let doc = Document::new("T").row("NIP", "1").row("Tanggal pendaftaran", "2").row("Nama", "");
    let mut layout = Layout::new(BOTTOM);
    let width = LABEL.face.width(b"Tanggal pendaftaran", LABEL.size);
    for block in &doc.blocks {
        if let Block::Row { label, value } = block {
            layout.row(width, label, value);
        }
    }
    let xs =
        |text: &[u8]| -> Vec<f32> { layout.pages[0].lines.iter().filter(|l| l.text == text).map(|l| l.x).collect() };
    assert_eq!(xs(b"1"), xs(b"2"));
    assert!(xs(b"1")[0] > MARGIN + width);
    assert_eq!(xs(b":").len(), 3, "a row without a value still shows its colon");
}

#[test]
fn long_text_wraps_within_the_margins_and_keeps_every_word() {
    let sentence = "Pegawai Negeri Sipil wajib memperbarui data kepegawaian melalui aplikasi SIPUPNS.";
    let long = [sentence; 8].join(" ");
    let pdf = Document::new("Judul").paragraph(&long).row("Alamat", &long).to_pdf();
    well_formed(&pdf);
    let lines = shown(&pdf);
    let paragraph: Vec<&Vec<u8>> = lines.iter().skip(1).take_while(|l| l.as_slice() != b"Alamat").collect();
    assert!(paragraph.len() > 3, "{paragraph:?}");
    for line in &paragraph {
        assert!(PARAGRAPH.face.width(line, PARAGRAPH.size) <= TEXT_WIDTH);
    }
    let joined: Vec<String> = paragraph.iter().map(|l| String::from_utf8(l.to_vec()).unwrap()).collect();
    assert_eq!(joined.join(" "), long);
    // The row's value wraps in its own, narrower column.
    let value: Vec<String> = lines
        .iter()
        .skip_while(|l| l.as_slice() != b"Alamat")
        .skip(2)
        .map(|l| String::from_utf8(l.to_vec()).unwrap())
        .collect();
    assert!(value.len() > paragraph.len(), "{value:?}");
    assert_eq!(value.join(" "), long);
}

#[test]
fn a_word_wider_than_the_line_is_cut() {
    let word = vec![b'W'; 200];
    let lines = wrap(&word, PARAGRAPH, 100.0);
    assert!(lines.len() > 1);
    assert!(lines.iter().all(|l| PARAGRAPH.face.width(l, PARAGRAPH.size) <= 100.0));
    assert_eq!(lines.concat(), word);
    assert_eq!(wrap(b"", PARAGRAPH, 100.0), vec![Vec::<u8>::new()]);
    assert_eq!(wrap(b"a  b", PARAGRAPH, 100.0), vec![b"a b".to_vec()]);
}

#[test]
fn characters_outside_winansi_print_as_question_marks() {
    let pdf = Document::new("Slip – 日本語 🙂")
        .row("Nama", "Çağrı Ñandú")
        .row("Тест", "\u{7}\u{200B}")
        .paragraph("Indonesian: Rp 1.500 “lunas”; Arabic: سلام")
        .footer("ok\u{0}")
        .to_pdf();
    let text = well_formed(&pdf);
    let lines = shown(&pdf);
    assert_eq!(lines[0], b"Slip \x96 ??? ?");
    assert!(lines.contains(&b"\xC7a?r? \xD1and\xFA".to_vec()));
    assert!(lines.contains(&b"????".to_vec()));
    assert!(lines.contains(&b"Indonesian: Rp 1.500 \x93lunas\x94; Arabic: ????".to_vec()));
    assert!(lines.contains(&b"ok".to_vec()));
    // The document title keeps every character (UTF-16).
    assert!(text.contains("/Title <FEFF"));
}

#[test]
fn a_long_body_continues_on_more_pages_each_with_the_footer() {
    let mut doc = Document::new("Daftar").footer("Dicetak oleh SIPUPNS");
    for i in 0..120 {
        doc = doc.row(format!("Baris {i}"), "nilai");
    }
    let pdf = doc.to_pdf();
    let text = well_formed(&pdf);
    let pages = text.matches("/Type /Page\n").count();
    assert!(pages > 1);
    assert!(text.contains(&format!("/Count {pages}")));
    let shown = shown_text(&pdf);
    assert_eq!(shown.iter().filter(|l| *l == "Dicetak oleh SIPUPNS").count(), pages);
    assert_eq!(shown.iter().filter(|l| l.starts_with("Baris ")).count(), 120);
}

#[test]
fn body_lines_stay_between_the_margins() {
    let mut doc = Document::new("Daftar");
    for i in 0..80 {
        doc =
            doc.paragraph(format!("Paragraf {i} dengan teks yang cukup panjang untuk dibungkus ke baris berikutnya."));
    }
    let mut layout = Layout::new(BOTTOM);
    for block in &doc.blocks {
        if let Block::Paragraph(text) = block {
            layout.text(PARAGRAPH, MARGIN, TEXT_WIDTH, text);
        }
    }
    assert!(layout.pages.len() > 1);
    for line in layout.pages.iter().flat_map(|p| &p.lines) {
        assert!(line.baseline >= BOTTOM - PARAGRAPH.leading && line.baseline < TOP);
        assert!(line.x + line.style.face.width(&line.text, line.style.size) <= RIGHT);
    }
}

#[test]
fn a_tall_footer_pushes_the_body_up_instead_of_overlapping_it() {
    let footer = ["Baris kaki yang panjang"; 6].join("\n");
    let mut doc = Document::new("Daftar").footer(&footer);
    for i in 0..60 {
        doc = doc.row(format!("Baris {i}"), "nilai");
    }
    let pdf = doc.to_pdf();
    well_formed(&pdf);
    // Each content stream positions its lines with "x y Td"; body lines stay clear of the
    // footer's first line (baseline 40 + 5 * 10, 8 points high).
    let text = String::from_utf8_lossy(&pdf);
    let mut footer_lines = 0;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(position) = line.strip_suffix(" Td") else { continue };
        let y: f32 = position.split_whitespace().nth(1).unwrap().parse().unwrap();
        let shown = lines.peek().unwrap();
        if shown.starts_with("(Baris kaki") {
            footer_lines += 1;
            assert!(y <= 90.0);
        } else {
            assert!(y > 90.0 + FOOTER.size, "{shown} at {y}");
        }
    }
    assert!(footer_lines >= 12, "six footer lines on each of at least two pages");
}

#[test]
fn a_heading_is_not_left_alone_at_the_bottom_of_a_page() {
    let mut doc = Document::new("Daftar");
    // Fill the first page so that the heading would fit on it but its text would not.
    for i in 0..35 {
        doc = doc.row(format!("Baris {i}"), "nilai");
    }
    let pdf = doc.heading("Catatan").paragraph("Teks di bawah judul.").to_pdf();
    let text = well_formed(&pdf);
    let second_page = text.split(" 0 obj").filter(|object| object.contains(" Tj")).nth(1).unwrap_or_default();
    assert!(second_page.contains("(Catatan) Tj"), "the heading moved to the page of its text");
}
