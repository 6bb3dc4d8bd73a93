//! PDF: the text in reading order, line by line, as poppler's `pdftotext` gives it. No
//! maintained pure-Rust crate was found to give Chinese text back right from PDFs with embedded
//! CJK fonts (see the README), so the PDF is handed to `pdftotext` when it is installed, and
//! refused with the package to install when it is not. Lines wrapped by the page and page
//! furniture (running heads, page numbers) are then what the cleaning stage already knows from
//! PDF-made text.

use crate::decode::Decoded;
use crate::error::{Error, Unsupported};
use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// The program that reads PDFs, and the package that has it.
pub const TOOL: &str = "pdftotext";
/// The Debian package of [`TOOL`].
pub const PACKAGE: &str = "poppler-utils";

/// The most text read from one PDF: 256 MiB.
const MAX_TEXT: u64 = 256 << 20;

/// The text of the PDF in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Decoded, Error> {
    let mut child = match Command::new(TOOL)
        // Reading order, not the page's layout: -layout puts a blank line between lines and pads
        // them with the page's spaces (the same points on the fixture, twice the line numbers).
        .args(["-enc", "UTF-8", "-eol", "unix", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::ToolMissing {
                tool: TOOL,
                package: PACKAGE,
            });
        }
        Err(e) => return Err(Error::Io(e)),
    };
    let mut stdin = child.stdin.take();
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    // The PDF goes in on one thread while the text comes out on this one, so neither pipe fills
    // up and stops the other.
    let (text, errors) = std::thread::scope(|s| {
        s.spawn(move || {
            if let Some(mut pipe) = stdin.take() {
                // pdftotext may stop reading early (a damaged file): its exit status says why.
                let _ = pipe.write_all(bytes);
            }
        });
        let errors = s.spawn(move || {
            let mut buf = String::new();
            if let Some(pipe) = stderr.as_mut() {
                let _ = pipe.take(64 << 10).read_to_string(&mut buf);
            }
            buf
        });
        let mut text = Vec::new();
        let read = stdout
            .as_mut()
            .map(|pipe| pipe.take(MAX_TEXT + 1).read_to_end(&mut text));
        (
            read.map(|r| r.map(|_| text)),
            errors.join().unwrap_or_default(),
        )
    });
    let text = match text {
        Some(Ok(t)) if t.len() as u64 > MAX_TEXT => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::TooLarge { limit: MAX_TEXT });
        }
        Some(Ok(t)) => t,
        Some(Err(e)) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::Io(e));
        }
        None => Vec::new(),
    };
    let status = child.wait()?;
    if !status.success() {
        let why = errors
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty())
            .unwrap_or("pdftotext could not read it")
            .to_string();
        return Err(Error::Damaged {
            format: "PDF",
            detail: why,
        });
    }
    let text = String::from_utf8_lossy(&text);
    // pdftotext starts each page after the first with a form feed on the line's front; the
    // line numbers stay those of its output.
    let text = text.replace('\u{0C}', "");
    if text.trim().is_empty() {
        return Err(Error::Unsupported(Unsupported::ScannedPdf));
    }
    let first_bad_line = text
        .find('\u{FFFD}')
        .map(|at| text[..at].matches('\n').count() + 1);
    Ok(Decoded {
        text,
        encoding: "UTF-8",
        first_bad_line,
        whole_paragraphs: false,
    })
}
