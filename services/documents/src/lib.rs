//! Printable documents (registration slips, help-desk receipts) as A4 PDF, and the file store
//! for uploaded ones ([`Berkas`]).
//!
//! A [`Document`] is a title, optional subtitles, a body of labelled rows ("label : value"),
//! headings and paragraphs, and an optional footer repeated at the bottom of every page. Text
//! wraps to the page width; a body longer than one page continues on the next. The PDF is
//! written with [`pdf_writer`] in the base fonts Helvetica and Helvetica-Bold with
//! WinAnsiEncoding: Indonesian and other Latin text prints as written, a character outside
//! WinAnsi prints as `?` (see [`winansi`]). Content streams are left uncompressed: a page of
//! text is a few kilobytes.
//!
//! ```
//! let pdf = documents::Document::new("KUITANSI")
//!     .subtitle("Layanan Help Desk")
//!     .row("Nomor tiket", "HDS-0001")
//!     .paragraph("Simpan kuitansi ini.")
//!     .footer("SIPUPNS")
//!     .to_pdf();
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```

pub mod berkas;
pub mod winansi;

pub use berkas::Berkas;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use winansi::{encode, Face};

/// A4 in points (210 × 297 mm).
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 60.0;
const RIGHT: f32 = PAGE_WIDTH - MARGIN;
const TEXT_WIDTH: f32 = RIGHT - MARGIN;
/// The body starts below `TOP` and stops above `BOTTOM` (higher when the footer has more
/// lines than fit under it); the footer's last line sits on `FOOTER_BASELINE`.
const TOP: f32 = PAGE_HEIGHT - MARGIN;
const BOTTOM: f32 = 72.0;
const FOOTER_BASELINE: f32 = 40.0;
/// Space between the footer's first line and the body.
const FOOTER_GAP: f32 = 12.0;
/// Labels take at most this share of the text width; longer ones wrap.
const MAX_LABEL_SHARE: f32 = 0.4;

#[derive(Debug, Clone, Copy)]
struct Style {
    face: Face,
    size: f32,
    /// Height of one line (baseline to baseline).
    leading: f32,
}

const TITLE: Style = Style { face: Face::Bold, size: 18.0, leading: 24.0 };
const SUBTITLE: Style = Style { face: Face::Regular, size: 11.0, leading: 16.0 };
const HEADING: Style = Style { face: Face::Bold, size: 12.0, leading: 18.0 };
const LABEL: Style = Style { face: Face::Regular, size: 11.0, leading: 18.0 };
const VALUE: Style = Style { face: Face::Bold, size: 11.0, leading: 18.0 };
const PARAGRAPH: Style = Style { face: Face::Regular, size: 10.0, leading: 14.0 };
const FOOTER: Style = Style { face: Face::Regular, size: 8.0, leading: 10.0 };

/// A document under construction: add parts in reading order, then [`Document::to_pdf`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    title: String,
    subtitles: Vec<String>,
    blocks: Vec<Block>,
    footer: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Block {
    Heading(String),
    Row { label: String, value: String },
    Paragraph(String),
    Space,
}

impl Document {
    /// A document with this title (bold, at the top of the first page; also the PDF's title).
    pub fn new(title: impl Into<String>) -> Self {
        Document { title: title.into(), ..Document::default() }
    }

    /// A line under the title (several calls give several lines).
    pub fn subtitle(mut self, text: impl Into<String>) -> Self {
        self.subtitles.push(text.into());
        self
    }

    /// A bold section heading in the body.
    pub fn heading(mut self, text: impl Into<String>) -> Self {
        self.blocks.push(Block::Heading(text.into()));
        self
    }

    /// "label : value"; the values of all rows line up in one column.
    pub fn row(mut self, label: impl Into<String>, value: impl Into<String>) -> Self {
        self.blocks.push(Block::Row { label: label.into(), value: value.into() });
        self
    }

    /// Running text, wrapped to the page width; a `\n` starts a new line.
    pub fn paragraph(mut self, text: impl Into<String>) -> Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    /// An empty line's worth of vertical space.
    pub fn space(mut self) -> Self {
        self.blocks.push(Block::Space);
        self
    }

    /// Small grey text at the bottom of every page.
    pub fn footer(mut self, text: impl Into<String>) -> Self {
        self.footer = Some(text.into());
        self
    }

    /// The document as PDF bytes.
    pub fn to_pdf(&self) -> Vec<u8> {
        let footer: Vec<Vec<u8>> = self
            .footer
            .iter()
            .flat_map(|footer| footer.split('\n'))
            .flat_map(|line| wrap(&encode(line), FOOTER, TEXT_WIDTH))
            .collect();
        let footer_top = FOOTER_BASELINE + footer.len().saturating_sub(1) as f32 * FOOTER.leading + FOOTER.size;
        let mut layout = Layout::new((footer_top + FOOTER_GAP).max(BOTTOM));
        layout.text(TITLE, MARGIN, TEXT_WIDTH, &self.title);
        for subtitle in &self.subtitles {
            layout.text(SUBTITLE, MARGIN, TEXT_WIDTH, subtitle);
        }
        layout.y -= 4.0;
        layout.rule();
        layout.y -= 18.0;

        let label_width = self
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Row { label, .. } => Some(LABEL.face.width(&encode(label), LABEL.size)),
                _ => None,
            })
            .fold(0.0, f32::max)
            .min(TEXT_WIDTH * MAX_LABEL_SHARE);
        for block in &self.blocks {
            match block {
                Block::Heading(text) => {
                    if layout.y < TOP {
                        layout.y -= 8.0;
                    }
                    // Not the last line of a page: keep it with the line after it.
                    layout.reserve(HEADING.leading + LABEL.leading);
                    layout.text(HEADING, MARGIN, TEXT_WIDTH, text);
                }
                Block::Row { label, value } => layout.row(label_width, label, value),
                Block::Paragraph(text) => {
                    layout.text(PARAGRAPH, MARGIN, TEXT_WIDTH, text);
                    layout.y -= 4.0;
                }
                Block::Space => layout.y -= LABEL.leading,
            }
        }

        for page in &mut layout.pages {
            for (i, line) in footer.iter().rev().enumerate() {
                let baseline = FOOTER_BASELINE + i as f32 * FOOTER.leading;
                page.lines.push(Line { style: FOOTER, x: MARGIN, baseline, text: line.clone(), grey: true });
            }
        }
        write(&self.title, &layout.pages)
    }
}

/// One laid-out line of text.
#[derive(Debug, Clone)]
struct Line {
    style: Style,
    x: f32,
    baseline: f32,
    /// WinAnsi bytes.
    text: Vec<u8>,
    grey: bool,
}

#[derive(Debug, Clone, Default)]
struct Page {
    lines: Vec<Line>,
    /// Horizontal rules, by height.
    rules: Vec<f32>,
}

/// Places lines top-down, starting a new page when the body reaches the bottom margin.
struct Layout {
    pages: Vec<Page>,
    /// Top of the next line.
    y: f32,
    /// Where the body ends on every page.
    bottom: f32,
}

impl Layout {
    fn new(bottom: f32) -> Self {
        Layout { pages: vec![Page::default()], y: TOP, bottom }
    }

    /// Makes room for `height` below the cursor: a new page when it would cross the bottom
    /// margin (unless the page is still empty: then the content is simply too tall).
    fn reserve(&mut self, height: f32) {
        if self.y - height < self.bottom && self.y < TOP {
            self.pages.push(Page::default());
            self.y = TOP;
        }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a layout always has a page")
    }

    /// Puts one line at the cursor's height without moving it.
    fn put(&mut self, style: Style, x: f32, text: Vec<u8>) {
        let baseline = self.y - style.size;
        self.page().lines.push(Line { style, x, baseline, text, grey: false });
    }

    /// A wrapped block of text.
    fn text(&mut self, style: Style, x: f32, width: f32, text: &str) {
        for line in text.split('\n').flat_map(|line| wrap(&encode(line), style, width)) {
            self.reserve(style.leading);
            self.put(style, x, line);
            self.y -= style.leading;
        }
    }

    /// A full-width rule at the cursor.
    fn rule(&mut self) {
        let y = self.y;
        self.page().rules.push(y);
    }

    /// "label : value", label and value each wrapped in their column.
    fn row(&mut self, label_width: f32, label: &str, value: &str) {
        let colon_x = MARGIN + label_width + 8.0;
        let value_x = colon_x + 10.0;
        let labels = wrap(&encode(label), LABEL, label_width);
        let values = wrap(&encode(value), VALUE, RIGHT - value_x);
        let lines = labels.len().max(values.len());
        // Keep a short row on one page.
        self.reserve(lines.min(3) as f32 * LABEL.leading);
        let mut labels = labels.into_iter();
        let mut values = values.into_iter();
        for i in 0..lines {
            self.reserve(LABEL.leading);
            if let Some(label) = labels.next() {
                self.put(LABEL, MARGIN, label);
            }
            if i == 0 {
                self.put(LABEL, colon_x, b":".to_vec());
            }
            if let Some(value) = values.next() {
                self.put(VALUE, value_x, value);
            }
            self.y -= LABEL.leading;
        }
    }
}

/// Greedy word wrap of WinAnsi text into lines no wider than `width`; a word longer than a
/// line is cut. Always at least one (possibly empty) line.
fn wrap(text: &[u8], style: Style, width: f32) -> Vec<Vec<u8>> {
    let fits = |line: &[u8]| style.face.width(line, style.size) <= width;
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    for word in text.split(|&b| b == b' ').filter(|word| !word.is_empty()) {
        if !line.is_empty() {
            let mut longer = line.clone();
            longer.push(b' ');
            longer.extend_from_slice(word);
            if fits(&longer) {
                line = longer;
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        // The word starts a line; cut it while it is too wide.
        for &byte in word {
            line.push(byte);
            if !fits(&line) && line.len() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, vec![byte]));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

const REGULAR_FONT: Name = Name(b"F1");
const BOLD_FONT: Name = Name(b"F2");

/// Writes the laid-out pages as a PDF.
fn write(title: &str, pages: &[Page]) -> Vec<u8> {
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    // Each page n is object 6 + 2n, its content stream the object after it.
    let page_ids: Vec<Ref> = (0..pages.len()).map(|n| Ref::new(6 + 2 * n as i32)).collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(page_ids.iter().copied()).count(pages.len() as i32);
    pdf.type1_font(regular).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold).base_font(Name(b"Helvetica-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info).title(TextStr(title)).producer(TextStr("SIPUPNS"));

    for (page, &id) in pages.iter().zip(&page_ids) {
        let content_id = id.next();
        let mut writer = pdf.page(id);
        writer.parent(tree).media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT)).contents(content_id);
        writer.resources().fonts().pair(REGULAR_FONT, regular).pair(BOLD_FONT, bold);
        writer.finish();
        pdf.stream(content_id, &content(page));
    }
    pdf.finish()
}

/// The content stream of one page.
fn content(page: &Page) -> Vec<u8> {
    let mut content = Content::new();
    for &y in &page.rules {
        content.set_line_width(0.75).move_to(MARGIN, y).line_to(RIGHT, y).stroke();
    }
    let mut grey = false;
    for line in page.lines.iter().filter(|line| !line.text.is_empty()) {
        let font = match line.style.face {
            Face::Regular => REGULAR_FONT,
            Face::Bold => BOLD_FONT,
        };
        if line.grey != grey {
            grey = line.grey;
            content.set_fill_gray(if grey { 0.35 } else { 0.0 });
        }
        content.begin_text().set_font(font, line.style.size).next_line(line.x, line.baseline);
        content.show(Str(&line.text)).end_text();
    }
    content.finish().into_vec()
}

#[cfg(test)]
mod tests;
