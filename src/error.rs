//! The library's error type: what went wrong with one input, in words that name it.

use std::fmt;

/// Why an input could not be turned into an outline.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The bytes hold NUL bytes, or control bytes no text has: an image, an archive, a
    /// word-processor file, random data, not text.
    Binary,
    /// Most of the bytes cannot be decoded in the encoding named (detected or given).
    Undecodable(&'static str),
    /// `--encoding` named an encoding that does not exist.
    UnknownEncoding(String),
    /// The input is larger than the size limit (in bytes) it is read with.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// Reading the input failed.
    Io(std::io::Error),
}

/// A byte count as people write it: `256 MiB`, `1.5 GiB`, `300 KiB`, `12 bytes`.
pub fn size_text(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let digits = if value.fract() == 0.0 { 0 } else { 1 };
    format!("{value:.digits$} {}", UNITS[unit])
}

/// An I/O error as a person reads it: the system's words without Rust's ` (os error 2)`.
pub fn io_text(e: &std::io::Error) -> String {
    without_os_error(&e.to_string())
}

/// `text` with every ` (os error N)` that Rust's I/O errors append taken out.
pub fn without_os_error(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" (os error ") {
        let after = &rest[i + " (os error ".len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(')') {
            out.push_str(&rest[..i]);
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..i + 1]);
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Binary => write!(
                f,
                "not a text file (it contains NUL or other control bytes); skipped"
            ),
            Error::Undecodable(enc) => {
                write!(
                    f,
                    "most of it cannot be decoded as {enc}; skipped (is --encoding right?)"
                )
            }
            Error::UnknownEncoding(label) => write!(
                f,
                "unknown encoding {label:?} (try utf-8, gb18030, gbk, big5, utf-16le)"
            ),
            Error::TooLarge { limit } => write!(
                f,
                "larger than the size limit of {}; skipped (raise it with --max-size)",
                size_text(*limit)
            ),
            Error::Io(e) => f.write_str(&io_text(e)),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}
