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
    /// [`Options::encoding`](crate::Options::encoding) named an encoding that does not exist.
    UnknownEncoding(String),
    /// The input is larger than the size limit (in bytes) it is read with.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// Reading the input failed.
    Io(std::io::Error),
    /// The input is in a format tigang does not read; the variant says which and what to do.
    Unsupported(Unsupported),
    /// A .docx (a zip archive) or a PDF that cannot be opened: `format` names the format and
    /// `detail` what is wrong.
    Damaged {
        /// `docx` or `PDF`.
        format: &'static str,
        /// What is wrong, in the reader's words.
        detail: String,
    },
    /// A part of a .docx unpacks to more than `limit` bytes: a zip bomb, or a document no
    /// speech needs.
    PartTooLarge {
        /// The part's name in the archive, e.g. `word/document.xml`.
        part: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// Reading this kind of input needs a program that is not installed.
    ToolMissing {
        /// The program, e.g. `pdftotext`.
        tool: &'static str,
        /// The package that has it, e.g. `poppler-utils`.
        package: &'static str,
    },
    /// A saved outline (`.json`, `.jsonl`, `.yaml`) with nothing in it.
    EmptyOutline {
        /// `JSON` or `YAML`.
        syntax: &'static str,
    },
    /// A saved outline (`.json`, `.yaml`) that tigang cannot read back.
    NotAnOutline {
        /// `JSON` or `YAML`.
        syntax: &'static str,
        /// The 1-based document of the file (a JSON Lines or YAML stream holds several); none
        /// when the whole file is refused.
        document: Option<usize>,
        /// What is wrong.
        detail: String,
    },
}

/// Formats tigang recognizes but does not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unsupported {
    /// A binary Word (.doc) or WPS (.wps) file: an OLE2 compound document.
    BinaryWord,
    /// A password-protected Office document (an OLE2 compound document holding the encrypted
    /// package).
    EncryptedOffice,
    /// A Rich Text Format file.
    Rtf,
    /// An OpenDocument text (.odt).
    OpenDocument,
    /// A zip archive that is no Word document.
    OtherZip,
    /// A PDF without a text layer (scanned pages).
    ScannedPdf,
}

impl Unsupported {
    /// What the file is and what to do with it, in English.
    pub fn text_en(self) -> &'static str {
        match self {
            Unsupported::BinaryWord => {
                "a binary Word (.doc) or WPS (.wps) document, which tigang does not read; save it as .docx \
                 (Word or WPS: Save As), or convert it with `soffice --headless --convert-to docx FILE`; skipped"
            }
            Unsupported::EncryptedOffice => {
                "a password-protected Word document, which tigang cannot open; save a copy without \
                 the password (Word: File > Info > Protect Document > Encrypt with Password); skipped"
            }
            Unsupported::Rtf => {
                "an RTF document, which tigang does not read; convert it with \
                 `soffice --headless --convert-to docx FILE`; skipped"
            }
            Unsupported::OpenDocument => {
                "an OpenDocument text (.odt), which tigang does not read; convert it with \
                 `soffice --headless --convert-to docx FILE`; skipped"
            }
            Unsupported::OtherZip => {
                "a zip archive without word/document.xml: not a Word .docx; skipped"
            }
            Unsupported::ScannedPdf => {
                "a PDF without text (scanned pages?): run OCR on it first (e.g. ocrmypdf); skipped"
            }
        }
    }

    /// What the file is and what to do with it, in Chinese.
    pub fn text_zh(self) -> &'static str {
        match self {
            Unsupported::BinaryWord => {
                "旧版二进制 Word（.doc）或 WPS（.wps）文档，tigang 不读；请另存为 .docx（Word、WPS：另存为），\
                 或用 `soffice --headless --convert-to docx 文件` 转换；已跳过"
            }
            Unsupported::EncryptedOffice => {
                "有密码保护的 Word 文档，tigang 无法打开；请另存一份不带密码的副本（Word：文件 > 信息 > 保护文档 > 用密码进行加密）；已跳过"
            }
            Unsupported::Rtf => {
                "RTF 文档，tigang 不读；请用 `soffice --headless --convert-to docx 文件` 转换；已跳过"
            }
            Unsupported::OpenDocument => {
                "OpenDocument 文本（.odt），tigang 不读；请用 `soffice --headless --convert-to docx 文件` 转换；已跳过"
            }
            Unsupported::OtherZip => {
                "zip 压缩包，但没有 word/document.xml，不是 Word .docx；已跳过"
            }
            Unsupported::ScannedPdf => {
                "PDF 中没有文字（扫描件？）：请先做文字识别（如 ocrmypdf）；已跳过"
            }
        }
    }
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
            Error::EmptyOutline { syntax } => {
                write!(f, "an empty {syntax} file: no outline in it")
            }
            Error::Unsupported(u) => f.write_str(u.text_en()),
            Error::Damaged { format, detail } => {
                write!(f, "a damaged {format} file ({detail}); skipped")
            }
            Error::PartTooLarge { part, limit } => write!(
                f,
                "its part {part} unpacks to more than {}; skipped (a zip bomb?)",
                size_text(*limit)
            ),
            Error::ToolMissing { tool, package } => write!(
                f,
                "reading PDF needs {tool}, which is not installed (Debian, Ubuntu: apt-get install \
                 {package}; Fedora: dnf install {package}; macOS: brew install poppler); skipped"
            ),
            Error::NotAnOutline {
                syntax,
                document: Some(n),
                detail,
            } => write!(f, "document {n}: not a tigang {syntax} outline: {detail}"),
            Error::NotAnOutline {
                syntax,
                document: None,
                detail,
            } => write!(f, "{detail}; not a tigang {syntax} outline"),
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
