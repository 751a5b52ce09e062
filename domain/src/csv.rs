//! Reading the CSV files admins export from a spreadsheet (#13: the unit tree, the
//! facilities): a header line naming the columns, then one record per line, `;` or `,`
//! between fields (whichever the header uses), double quotes around a field that holds one.
//! Each importer checks its own columns; this module only splits lines.

/// A non-blank line below the header: its number in the file (the header is line 1), its
/// text and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baris<'a> {
    pub nomor: usize,
    pub teks: &'a str,
    pub kolom: Vec<String>,
}

/// What is wrong with the whole file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GalatBerkas {
    /// No header, or no line below it.
    Kosong,
    /// The header does not name the expected columns.
    Judul,
    /// More than the importer's limit of lines.
    TerlaluBanyak,
}

/// The lines of `text` whose header is `judul` (case and spaces aside), at most `maks`.
pub fn baca<'a>(text: &'a str, judul: &[&str], maks: usize) -> Result<Vec<Baris<'a>>, GalatBerkas> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or(GalatBerkas::Kosong)?;
    let pemisah = if header.contains(';') { ';' } else { ',' };
    let ada: Vec<String> = fields(header, pemisah).iter().map(|f| f.trim().to_lowercase()).collect();
    if ada != judul {
        return Err(GalatBerkas::Judul);
    }
    let mut rows = Vec::new();
    for (index, teks) in lines {
        if rows.len() == maks {
            return Err(GalatBerkas::TerlaluBanyak);
        }
        rows.push(Baris { nomor: index + 1, teks: teks.trim(), kolom: fields(teks, pemisah) });
    }
    if rows.is_empty() {
        return Err(GalatBerkas::Kosong);
    }
    Ok(rows)
}

/// Splits one CSV line on `pemisah`, honouring double quotes (`""` is a quote inside).
fn fields(line: &str, pemisah: char) -> Vec<String> {
    let (mut out, mut cur, mut quoted, mut chars) = (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == pemisah && !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_picks_the_separator_and_quotes_hold_it() {
        let rows = baca("Nama;Jenis\n\n\"A; \"\"B\"\"\";C\n", &["nama", "jenis"], 10).unwrap();
        assert_eq!(rows, [Baris { nomor: 3, teks: "\"A; \"\"B\"\"\";C", kolom: vec!["A; \"B\"".into(), "C".into()] }]);
        let rows = baca("\u{feff}nama,jenis\r\nA,B\r\n", &["nama", "jenis"], 10).unwrap();
        assert_eq!(rows[0].kolom, ["A", "B"]);
    }

    #[test]
    fn a_file_without_header_lines_or_within_the_limit_is_refused() {
        assert_eq!(baca("", &["nama"], 1), Err(GalatBerkas::Kosong));
        assert_eq!(baca("nama\n \n", &["nama"], 1), Err(GalatBerkas::Kosong));
        assert_eq!(baca("name\nA", &["nama"], 1), Err(GalatBerkas::Judul));
        assert_eq!(baca("nama\nA\nB", &["nama"], 1), Err(GalatBerkas::TerlaluBanyak));
    }
}
