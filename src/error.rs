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
    /// Reading the input failed.
    Io(std::io::Error),
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
            Error::Io(e) => write!(f, "{e}"),
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
