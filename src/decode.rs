//! Stage 1: turn a file's bytes into text. UTF-8 (with or without BOM) and UTF-16 with a BOM are
//! taken as they say; anything else is guessed by chardetng among the legacy encodings speeches
//! come in (GB18030/GBK, Big5), and decoded by encoding_rs.

use crate::error::Error;
use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a BOM.
    pub text: String,
    /// The encoding's name, e.g. `UTF-8`, `GBK`, `gb18030` (GBK text with GB18030's four-byte
    /// sequences), `Big5`, `UTF-16LE`.
    pub encoding: &'static str,
    /// The 1-based line of the first byte that could not be decoded (it became U+FFFD).
    pub first_bad_line: Option<usize>,
    /// Each line is a whole paragraph, as in a Word document; plain text, web pages and PDFs
    /// may break a paragraph over lines.
    pub whole_paragraphs: bool,
}

/// Decode `bytes`, with `forced` naming an encoding (any WHATWG label: `gbk`, `big5`, `utf-8`)
/// to use instead of detecting one.
///
/// ```
/// let gbk = encoding_rs::GBK.encode("同志们：").0;
/// let d = tigang::decode::decode(&gbk, None).unwrap();
/// assert_eq!(d.text, "同志们：");
/// assert_eq!(d.encoding, "GBK");
/// ```
pub fn decode(bytes: &[u8], forced: Option<&str>) -> Result<Decoded, Error> {
    // The common case, valid UTF-8, validated once and copied once.
    let utf8_forced =
        forced.is_some_and(|l| Encoding::for_label(l.trim().as_bytes()) == Some(UTF_8));
    if forced.is_none() || utf8_forced {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // Without --encoding, a UTF-16 BOM or binary bytes send the bytes down the slow path.
        let suspicious = forced.is_none()
            && ((body.len() == bytes.len() && Encoding::for_bom(bytes).is_some())
                || looks_binary(body));
        if !suspicious && let Ok(text) = simdutf8::basic::from_utf8(body) {
            return Ok(Decoded {
                text: text.to_string(),
                encoding: "UTF-8",
                first_bad_line: None,
                whole_paragraphs: false,
            });
        }
    }
    let encoding = match forced {
        Some(label) => Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| Error::UnknownEncoding(label.to_string()))?,
        None => detect(bytes)?,
    };
    // decode() sniffs a BOM itself and lets it win over the chosen encoding.
    let (text, used, had_errors) = encoding.decode(bytes);
    let text = text.into_owned();
    let first_bad_line = had_errors
        .then(|| line_of_first_replacement(&text))
        .flatten();
    if had_errors && looks_undecodable(&text) {
        return Err(Error::Undecodable(used.name()));
    }
    // encoding_rs decodes GBK as GB18030, its superset; a file that uses GB18030's four-byte
    // sequences (characters GBK lacks: rare names, CJK extensions) is GB18030 and is named so.
    let used = if used == GBK && has_four_byte_sequence(bytes) {
        GB18030
    } else {
        used
    };
    Ok(Decoded {
        text,
        encoding: used.name(),
        first_bad_line,
        whole_paragraphs: false,
    })
}

/// Whether GBK-family bytes hold a GB18030 four-byte sequence: a lead byte (0x81..=0xFE)
/// followed by an ASCII digit, which no two-byte GBK character has as its second byte.
fn has_four_byte_sequence(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i + 1 < bytes.len() {
        match bytes[i] {
            0x81..=0xFE if bytes[i + 1].is_ascii_digit() => return true,
            0x81..=0xFE => i += 2,
            _ => i += 1,
        }
    }
    false
}

fn detect(bytes: &[u8]) -> Result<&'static Encoding, Error> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return Ok(enc);
    }
    if looks_binary(bytes) {
        return Err(Error::Binary);
    }
    if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        return Ok(UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    // chardetng's GBK guess decodes with GB18030 in encoding_rs, which is a superset.
    Ok(guess)
}

/// How many bytes at the start of a file are looked at to tell binary from text.
const SNIFF_BYTES: usize = 64 * 1024;

/// Whether the bytes are binary, not text. A NUL byte never occurs in the text encodings read
/// without a BOM (an image, a zip, a .doc). Nor do C0 control bytes other than tab, line ends,
/// form feed and ESC, beyond a stray one: when they make more than 1 in 50 of the bytes (random
/// or compressed data that happens to hold no NUL has about 1 in 10), windows-1252 would decode
/// the bytes into a page of nonsense without a word of warning.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let is_control = |b: u8| {
        ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) & (b != 0x1B))
            | (b == 0x7F)
    };
    // Text has none: one branch-free pass (which the compiler runs many bytes at a time) before
    // any counting.
    if !head.iter().fold(false, |any, &b| any | is_control(b)) {
        return false;
    }
    let controls = head.iter().filter(|&&b| is_control(b)).count();
    controls >= 8 && controls * 50 > head.len()
}

/// A UTF-8 file with a few damaged bytes is still UTF-8: guessing a legacy encoding for it would
/// garble every line to save a handful of characters.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let lossy = String::from_utf8_lossy(bytes);
    let (mut bad, mut wide) = (0usize, 0usize);
    for c in lossy.chars() {
        bad += usize::from(c == '\u{FFFD}');
        wide += usize::from(c as u32 >= 0x80);
    }
    // GBK or Big5 bytes almost never form valid multi-byte UTF-8, so valid characters far
    // outnumbering the damaged ones mean UTF-8.
    wide > bad && (wide - bad) >= bad * 10
}

/// The 1-based line of the first U+FFFD, with lines counted as cleaning splits them: a line ends
/// at LF, CRLF or a lone CR (old Mac files end every line with CR alone).
fn line_of_first_replacement(text: &str) -> Option<usize> {
    let before = &text[..text.find('\u{FFFD}')?];
    let line_ends = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count();
    Some(line_ends + 1)
}

/// True when replacement characters make up more than a third of the text.
fn looks_undecodable(text: &str) -> bool {
    let (mut bad, mut all) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        bad += usize::from(c == '\u{FFFD}');
    }
    all > 0 && bad * 3 > all
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEECH: &str = "在全区工作会议上的讲话\n同志们：\n一、提高政治站位\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SPEECH.as_bytes(), None).unwrap().text, SPEECH);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SPEECH.as_bytes());
        let d = decode(&bom, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SPEECH, "UTF-8"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(SPEECH.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SPEECH, "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(SPEECH.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, None).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn gb18030_and_big5_are_detected() {
        let long = SPEECH.repeat(20);
        let gb = encoding_rs::GB18030.encode(&long).0;
        let d = decode(&gb, None).unwrap();
        assert_eq!(d.text, long);
        assert!(["GBK", "gb18030"].contains(&d.encoding), "{}", d.encoding);
        let trad =
            "在全區工作會議上的講話\n同志們：\n一、提高政治站位，認真貫徹落實黨中央決策部署。\n"
                .repeat(20);
        let big5 = encoding_rs::BIG5.encode(&trad).0;
        let d = decode(&big5, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (trad.as_str(), "Big5"));
    }

    #[test]
    fn gbk_text_with_four_byte_sequences_is_gb18030() {
        // 𠮷 and 㐀 are not in GBK: GB18030 writes them in four bytes.
        let long = "在全区工作会议上的讲话\n同志们：\n一、学习𠮷祥村和㐀字的经验。\n".repeat(20);
        let gb = encoding_rs::GB18030.encode(&long).0;
        let d = decode(&gb, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (long.as_str(), "gb18030"));
        assert_eq!(decode(&gb, Some("gbk")).unwrap().encoding, "gb18030");
        let plain = SPEECH.repeat(20);
        let two_byte = encoding_rs::GB18030.encode(&plain).0;
        assert_eq!(decode(&two_byte, None).unwrap().encoding, "GBK");
    }

    #[test]
    fn forced_encoding_and_unknown_label() {
        let gb = encoding_rs::GBK.encode(SPEECH).0;
        assert_eq!(decode(&gb, Some("gbk")).unwrap().text, SPEECH);
        // A GBK file mislabelled as UTF-8 is mostly replacement characters: refused, not garbled.
        assert!(matches!(
            decode(&gb, Some("utf-8")),
            Err(Error::Undecodable("UTF-8"))
        ));
        assert!(matches!(
            decode(b"x", Some("klingon")),
            Err(Error::UnknownEncoding(_))
        ));
    }

    #[test]
    fn binary_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(decode(png, None), Err(Error::Binary)));
    }

    #[test]
    fn random_bytes_without_nul_are_binary_but_a_stray_control_byte_is_not() {
        // A fixed pseudo-random sequence (xorshift), NUL bytes left out.
        let mut x: u32 = 0x9E37_79B9;
        let random: Vec<u8> = std::iter::repeat_with(|| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .filter(|&b| b != 0)
        .take(4096)
        .collect();
        assert!(matches!(decode(&random, None), Err(Error::Binary)));
        let mut text = SPEECH.repeat(20).into_bytes();
        text.extend_from_slice(b"\x07\x1b[31m\x0c\x01");
        assert!(decode(&text, None).is_ok());
    }

    #[test]
    fn a_bad_byte_in_utf8_names_its_line() {
        let mut bytes = "第一行\n第二行".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xFF, 0xFE, 0xFD]);
        bytes.extend_from_slice("末尾\n".repeat(40).as_bytes());
        let d = decode(&bytes, Some("utf-8")).unwrap();
        assert_eq!(d.first_bad_line, Some(2));
    }

    #[test]
    fn a_bad_byte_is_on_the_line_cleaning_counts_whatever_the_line_ends() {
        for ends in ["\r", "\r\n", "\n"] {
            let mut bytes = format!("第一行{ends}第二行{ends}第三").into_bytes();
            bytes.push(0xFF);
            bytes.extend_from_slice(format!("行{ends}").repeat(40).as_bytes());
            let d = decode(&bytes, None).unwrap();
            assert_eq!(d.first_bad_line, Some(3), "{ends:?}");
        }
    }
}
