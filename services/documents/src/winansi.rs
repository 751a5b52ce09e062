//! Text for the PDF base fonts: WinAnsiEncoding (Windows-1252) bytes and the Helvetica
//! advance widths needed to wrap lines.
//!
//! Every `char` maps to exactly one byte, so a byte string is also the glyph sequence. A
//! character that WinAnsi cannot show becomes `?` (after a few look-alike mappings), so any
//! text, whatever its script, produces a valid document.

/// What an unmappable character becomes.
const REPLACEMENT: u8 = b'?';

/// WinAnsi bytes 0x80..=0x9F and the Unicode characters they show (the other bytes from
/// 0x20 up equal their Unicode code point).
const HIGH: [(u8, char); 27] = [
    (0x80, '€'),
    (0x82, '‚'),
    (0x83, 'ƒ'),
    (0x84, '„'),
    (0x85, '…'),
    (0x86, '†'),
    (0x87, '‡'),
    (0x88, 'ˆ'),
    (0x89, '‰'),
    (0x8A, 'Š'),
    (0x8B, '‹'),
    (0x8C, 'Œ'),
    (0x8E, 'Ž'),
    (0x91, '‘'),
    (0x92, '’'),
    (0x93, '“'),
    (0x94, '”'),
    (0x95, '•'),
    (0x96, '–'),
    (0x97, '—'),
    (0x98, '˜'),
    (0x99, '™'),
    (0x9A, 'š'),
    (0x9B, '›'),
    (0x9C, 'œ'),
    (0x9E, 'ž'),
    (0x9F, 'Ÿ'),
];

/// One character as a WinAnsi byte.
pub fn byte(c: char) -> u8 {
    match c {
        ' '..='~' | '\u{A0}'..='\u{FF}' => c as u8,
        // Whitespace and controls print as a space.
        '\t' | '\n' | '\r' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => b' ',
        // Look-alikes outside WinAnsi.
        '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
        '\u{2032}' => b'\'',
        '\u{2033}' => b'"',
        c => HIGH.iter().find(|&&(_, h)| h == c).map_or(REPLACEMENT, |&(b, _)| b),
    }
}

/// A text as WinAnsi bytes, one byte per character; zero-width characters are dropped.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars().filter(|&c| printable(c)).map(byte).collect()
}

/// False for zero-width characters and controls other than whitespace (a bell, a soft
/// hyphen): they take no room on paper.
fn printable(c: char) -> bool {
    if c.is_whitespace() {
        return true;
    }
    !c.is_control() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
}

/// The two faces the documents use (PDF base fonts: every reader has them, nothing is
/// embedded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    /// Advance width of a WinAnsi string in points at `size`.
    pub fn width(self, text: &[u8], size: f32) -> f32 {
        let table = match self {
            Face::Regular => &HELVETICA,
            Face::Bold => &HELVETICA_BOLD,
        };
        let units: u32 = text.iter().map(|&b| if b < 32 { 0 } else { u32::from(table[usize::from(b - 32)]) }).sum();
        units as f32 * size / 1000.0
    }
}

// Advance widths (1/1000 em) of WinAnsi bytes 32..=255, from Adobe's Helvetica and
// Helvetica-Bold AFM files (as shipped in groff's devps fonts). Bytes WinAnsi leaves
// undefined are 0: `byte` never produces them.
#[rustfmt::skip]
const HELVETICA: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_keeps_its_letters() {
        assert_eq!(encode("Surabaya (Jatim)"), b"Surabaya (Jatim)");
        assert_eq!(encode("José Müller"), b"Jos\xE9 M\xFCller");
        assert_eq!(encode("Rp 1.000 – “lunas” €"), b"Rp 1.000 \x96 \x93lunas\x94 \x80");
    }

    #[test]
    fn other_scripts_become_question_marks_one_per_character() {
        assert_eq!(encode("Ağ 日本 🙂"), b"A? ?? ?");
        assert_eq!(encode("a\u{200B}b\tc\u{7}"), b"ab c");
    }

    #[test]
    fn widths_follow_the_afm_metrics() {
        assert_eq!(Face::Regular.width(b"A", 1000.0), 667.0);
        assert_eq!(Face::Bold.width(b"i i", 10.0), (278.0 + 278.0 + 278.0) / 100.0);
        assert_eq!(Face::Regular.width(&encode("é"), 1000.0), 556.0);
    }
}
