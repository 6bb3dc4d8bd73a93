//! Saved web pages: the text a browser shows, one block a line. Block elements (`<p>`, `<div>`,
//! `<h1>`, `<li>`, table cells …) and `<br>` end lines; scripts, styles, navigation, form controls and
//! hidden elements are dropped; entities are decoded by the HTML5 parser (html5ever, through
//! scraper). The encoding is `--encoding` when given, else a BOM, else the page's
//! `<meta charset>`, else detected as for text.

use crate::decode::{self, Decoded};
use crate::error::Error;
use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::{Html, Node};

/// Elements that end the line before them and after them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content no reader sees as the page's text.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "iframe", "object", "embed", "svg",
    "math", "canvas", "select", "button", "textarea", "input", "audio", "video", "map",
];

/// Decode and read the page in `bytes`; `forced` is `--encoding`.
pub fn read(bytes: &[u8], forced: Option<&str>) -> Result<Decoded, Error> {
    let (source, encoding, _) = decode_page(bytes, forced)?;
    let text = page_text(&source);
    let first_bad_line = text
        .find('\u{FFFD}')
        .map(|at| text[..at].matches('\n').count() + 1);
    Ok(Decoded {
        text,
        encoding,
        first_bad_line,
        whole_paragraphs: false,
    })
}

/// The page's source as text, the encoding's name, and whether bytes could not be decoded.
fn decode_page(bytes: &[u8], forced: Option<&str>) -> Result<(String, &'static str, bool), Error> {
    let declared = if forced.is_some() || Encoding::for_bom(bytes).is_some() {
        None
    } else {
        meta_charset(bytes)
    };
    match declared {
        // A page that says UTF-16 in ASCII bytes is not UTF-16 (the HTML standard reads it as
        // UTF-8).
        Some(e) => {
            let e = if e.name().starts_with("UTF-16") {
                encoding_rs::UTF_8
            } else {
                e
            };
            let (text, used, bad) = e.decode(bytes);
            // A page whose meta tag names the wrong encoding (a GBK page saved as UTF-8 and
            // labelled so) is mostly replacement characters: its encoding is detected instead.
            if bad && mostly_replaced(&text) {
                let d = decode::decode(bytes, None)?;
                let bad = d.first_bad_line.is_some();
                return Ok((d.text, d.encoding, bad));
            }
            Ok((text.into_owned(), used.name(), bad))
        }
        None => {
            let d = decode::decode(bytes, forced)?;
            let bad = d.first_bad_line.is_some();
            Ok((d.text, d.encoding, bad))
        }
    }
}

/// Whether more than a third of the text's non-ASCII characters are U+FFFD (the markup, all
/// ASCII, does not count).
fn mostly_replaced(text: &str) -> bool {
    let (mut bad, mut wide) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        wide += 1;
        bad += usize::from(c == '\u{FFFD}');
    }
    bad * 3 > wide
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` in the first
/// 1024 bytes names, as the HTML standard's prescan finds it.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(at) = memchr::memmem::find(rest, b"<meta") {
        let tag = &rest[at..];
        let end = memchr::memchr(b'>', tag).unwrap_or(tag.len());
        let tag = &tag[..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let value = tag[c + 7..]
                .iter()
                .skip_while(|b| {
                    b.is_ascii_whitespace() || **b == b'=' || **b == b'"' || **b == b'\''
                })
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(e) = Encoding::for_label(&value) {
                return Some(e);
            }
        }
        rest = &rest[at + 5..];
    }
    None
}

/// The text of a page: its blocks one a line, whitespace collapsed as a browser collapses it.
pub fn page_text(source: &str) -> String {
    let page = Html::parse_document(source);
    let mut lines = Lines::default();
    // The element whose subtree is being dropped, and how deep inside <pre> the walk is.
    let mut dropping = None;
    let mut pre = 0usize;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if dropping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        // What a browser does not show (aria-hidden text is shown: it is only
                        // kept from screen readers).
                        let hidden = e.attr("hidden").is_some()
                            || e.attr("style").is_some_and(|s| {
                                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                                s.to_ascii_lowercase().contains("display:none")
                            });
                        if DROPPED.contains(&name) || hidden {
                            dropping = Some(node.id());
                            continue;
                        }
                        if name == "br" || BLOCKS.contains(&name) {
                            lines.end_line();
                        }
                        if name == "pre" || name == "listing" {
                            pre += 1;
                        }
                    }
                    Node::Text(t) => {
                        if pre > 0 {
                            lines.push_preformatted(&t.text);
                        } else {
                            lines.push_text(&t.text);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if dropping == Some(node.id()) {
                    dropping = None;
                    continue;
                }
                if dropping.is_some() {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if BLOCKS.contains(&name) {
                        lines.end_line();
                    }
                    if name == "pre" || name == "listing" {
                        pre = pre.saturating_sub(1);
                    }
                }
            }
        }
    }
    lines.end_line();
    lines.out
}

/// Lines being built from the page's text.
#[derive(Default)]
struct Lines {
    out: String,
    line: String,
    /// Collapsed whitespace waiting for the next visible character: `Some(true)` when it held a
    /// line end, which between two Chinese characters is no space at all.
    pending: Option<bool>,
}

impl Lines {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}') {
                let newline = matches!(c, '\n' | '\r');
                self.pending = Some(self.pending.unwrap_or(false) || newline);
                continue;
            }
            if let Some(newline) = self.pending.take() {
                let joins_cjk =
                    newline && self.line.chars().last().is_some_and(is_cjk) && is_cjk(c);
                if !self.line.is_empty() && !joins_cjk {
                    self.line.push(' ');
                }
            }
            self.line.push(c);
        }
    }

    fn push_preformatted(&mut self, text: &str) {
        let mut parts = text.split('\n').peekable();
        while let Some(part) = parts.next() {
            if let Some(newline) = self.pending.take()
                && !self.line.is_empty()
                && !newline
            {
                self.line.push(' ');
            }
            self.line.push_str(part.trim_end_matches('\r'));
            if parts.peek().is_some() {
                self.end_line();
            }
        }
    }

    /// End the line being built, if it holds anything but whitespace.
    fn end_line(&mut self) {
        self.pending = None;
        let line = std::mem::take(&mut self.line);
        let line = line.trim_end_matches([' ', '\t']);
        if !line.trim().is_empty() {
            self.out.push_str(line);
            self.out.push('\n');
        }
    }
}

/// Chinese, Japanese and Korean characters and their punctuation, which no space separates.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_navigation_and_hidden_blocks_are_dropped() {
        let html = "<!DOCTYPE html><html><head><style>p{}</style><script>var a=1;</script></head>\
            <body><nav><ul><li>首页</li><li>要闻</li></ul></nav>\
            <div style='display: none'>隐藏</div><p hidden>也隐藏</p>\
            <div class=content><p>同志们：</p><p>一、统一思想</p></div>\
            <script>document.write('广告')</script></body></html>";
        assert_eq!(page_text(html), "同志们：\n一、统一思想\n");
    }

    #[test]
    fn source_line_breaks_between_chinese_characters_join_and_others_become_spaces() {
        let html = "<p>一、提高\n   政治站位</p><p>二、Word\n  文档 与  PDF</p>";
        assert_eq!(page_text(html), "一、提高政治站位\n二、Word 文档 与 PDF\n");
    }

    #[test]
    fn indentation_in_full_width_spaces_and_nbsp_is_kept_and_pre_keeps_its_lines() {
        let html =
            "<p>&nbsp;&nbsp;一、学习</p><p>\u{3000}\u{3000}（一）落实</p><pre>1.甲\n2.乙</pre>";
        assert_eq!(
            page_text(html),
            "\u{A0}\u{A0}一、学习\n\u{3000}\u{3000}（一）落实\n1.甲\n2.乙\n"
        );
    }

    #[test]
    fn the_meta_charset_names_the_encoding() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
                    </head><body><p>一、统一思想</p></body></html>";
        let bytes = encoding_rs::GBK.encode(page).0;
        let d = read(&bytes, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("一、统一思想\n", "GBK"));
        let big5 = "<meta charset='big5'><p>一、統一思想</p>";
        let d = read(&encoding_rs::BIG5.encode(big5).0, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("一、統一思想\n", "Big5"));
        // A meta tag that names the wrong encoding is overruled by what the bytes are.
        let wrong = "<meta charset=utf-8><p>一、统一思想，提高认识，狠抓落实。</p>".repeat(5);
        let d = read(&encoding_rs::GBK.encode(&wrong).0, None).unwrap();
        assert!(d.text.starts_with("一、统一思想"), "{}", d.text);
        // Without a meta tag the encoding is detected.
        let plain = "<html><body><p>一、统一思想，提高认识，狠抓落实。</p></body></html>".repeat(5);
        let d = read(&encoding_rs::GBK.encode(&plain).0, None).unwrap();
        assert!(d.text.starts_with("一、统一思想"), "{}", d.text);
    }
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn page_text() {
        let html = "<html><head><title>t</title></head><body><nav>首页 | 新闻</nav>\
                    <h1>讲话</h1><p>一、学习&amp;落实</p><p>第一行<br>第二行</p></body></html>";
        assert_eq!(
            crate::formats::html::page_text(html),
            "讲话\n一、学习&落实\n第一行\n第二行\n"
        );
    }
}
