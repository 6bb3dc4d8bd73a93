//! Stage 0: the files people actually have. A Word document (.docx), a saved web page (.html) or
//! a PDF is turned into the text a reader sees, one paragraph (one block, one PDF line) a line,
//! and that text goes down the same pipeline as a .txt file. Which kind a file is comes from its
//! bytes (a zip signature, `%PDF-`, `<html`), its name only breaking ties.

pub mod docx;
pub(crate) mod html;
pub(crate) mod numbering;
pub(crate) mod pdf;

use crate::decode::{self, Decoded};
use crate::error::{Error, Unsupported};

/// The kinds of input tigang reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text in any encoding [`decode`] knows.
    Text,
    /// A Word document (Office Open XML in a zip).
    Docx,
    /// A web page.
    Html,
    /// A PDF.
    Pdf,
}

impl Kind {
    /// The kind's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Docx => "docx",
            Kind::Html => "HTML",
            Kind::Pdf => "PDF",
        }
    }
}

/// The signatures that open a file of each kind.
const ZIP: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const PDF: &[u8] = b"%PDF-";

/// What kind of input `bytes` (named `name`) is. The bytes decide: a zip archive is a .docx, a
/// file with `%PDF-` in its first kilobyte a PDF, one that opens with an HTML tag a web page. The
/// name's extension decides only when the bytes say nothing (a web page fragment named `.html`),
/// or says what a file that fits no signature was meant to be (a `.docx` that is no zip is a
/// damaged .docx, not text). Formats tigang does not read (binary Word, RTF, OpenDocument) are
/// refused with what to do instead.
///
/// ```
/// use tigang::formats::{sniff, Kind};
/// assert_eq!(sniff(b"%PDF-1.7\n...", "a.bin").unwrap(), Kind::Pdf);
/// assert_eq!(sniff(b"<!DOCTYPE html><p>\xE4\xB8\x80</p>", "a.txt").unwrap(), Kind::Html);
/// assert_eq!(sniff("一、学习。".as_bytes(), "a.html").unwrap(), Kind::Html);
/// assert_eq!(sniff("一、学习。".as_bytes(), "a.txt").unwrap(), Kind::Text);
/// ```
pub fn sniff(bytes: &[u8], name: &str) -> Result<Kind, Error> {
    let ext = extension(name);
    if bytes.starts_with(ZIP) || bytes.starts_with(EMPTY_ZIP) {
        return Ok(Kind::Docx);
    }
    if bytes.starts_with(OLE2) {
        // A password-protected .docx is an OLE2 file too, around its encrypted package; the
        // stream's name, in UTF-16, tells it from a .doc.
        const ENCRYPTION_INFO: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
        return Err(Error::Unsupported(
            if memchr::memmem::find(bytes, ENCRYPTION_INFO).is_some() {
                Unsupported::EncryptedOffice
            } else {
                Unsupported::BinaryWord
            },
        ));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, PDF).is_some() {
        return Ok(Kind::Pdf);
    }
    if head.starts_with(b"{\\rtf") {
        return Err(Error::Unsupported(Unsupported::Rtf));
    }
    if looks_like_html(head) {
        return Ok(Kind::Html);
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Ok(Kind::Html),
        "docx" | "docm" | "dotx" => Err(Error::Damaged {
            format: "docx",
            detail: "it is not a zip archive, as every .docx is".into(),
        }),
        "pdf" => Err(Error::Damaged {
            format: "PDF",
            detail: "no %PDF- header in its first kilobyte".into(),
        }),
        _ => Ok(Kind::Text),
    }
}

/// The lowercased extension of a file name.
fn extension(name: &str) -> String {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether the head of a file opens like a web page: after a BOM and whitespace, a doctype, an
/// `<html`, `<head` or `<body` tag, or an XML declaration or comment with `<html` after it.
fn looks_like_html(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let lower = head[start..].to_ascii_lowercase();
    if !lower.starts_with(b"<") {
        return false;
    }
    ["<!doctype html", "<html", "<head", "<body", "<meta"]
        .iter()
        .any(|tag| lower.starts_with(tag.as_bytes()))
        || ((lower.starts_with(b"<?xml") || lower.starts_with(b"<!--"))
            && memchr::memmem::find(&lower, b"<html").is_some())
}

/// Read one input's bytes into text, whatever its kind: a .docx, a web page or a PDF is turned
/// into its text first; a text file is decoded. `forced` is `--encoding`: it names the encoding
/// of a text file or a web page (a .docx and a PDF say their own).
pub(crate) fn read(bytes: &[u8], name: &str, forced: Option<&str>) -> Result<Decoded, Error> {
    match sniff(bytes, name)? {
        Kind::Text => decode::decode(bytes, forced),
        Kind::Docx => {
            let paragraphs = docx::paragraphs(bytes)?;
            Ok(Decoded {
                text: docx::text(&paragraphs),
                encoding: "UTF-8",
                first_bad_line: None,
                whole_paragraphs: true,
            })
        }
        Kind::Html => html::read(bytes, forced),
        Kind::Pdf => pdf::read(bytes),
    }
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn read() {
        let d = crate::formats::read("一、学习。\n".as_bytes(), "a.txt", None).unwrap();
        assert_eq!(d.text, "一、学习。\n");
    }
}
