//! Stage 2: clean decoded text into lines, keeping each line's number in the original file.
//!
//! What cleaning undoes: CR and CRLF line ends; indentation (spaces, tabs, U+3000, NBSP, a BOM); a
//! stray `?` standing for a character lost at a line start (`?同志們:`); pinyin that scraping
//! sites insert after characters (`挑戰(zhàn)`). It also marks what later stages must not take for
//! content: blank lines, page furniture (page numbers, running page headers), and lines that
//! continue a paragraph broken mid-sentence by PDF extraction.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// One line of the input after cleaning. The text borrows from the decoded input unless cleaning
/// had to change it (most lines need no copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The 1-based line number in the original file.
    pub(crate) number: usize,
    /// The cleaned text: no indentation, no trailing spaces, no inserted pinyin.
    pub(crate) text: Cow<'a, str>,
    /// Whether the original line was indented.
    pub(crate) indented: bool,
    /// How many characters of the original line come before the cleaned text (indentation, a
    /// stray `?`): the cleaned text starts at column `lead + 1`.
    pub(crate) lead: usize,
    /// Page furniture or an empty line: no content.
    pub(crate) noise: bool,
    /// The line continues the paragraph of the content line before it (a PDF line break).
    pub(crate) continues: bool,
    /// The heading marker that opens the line, recognized once here for every later stage.
    pub(crate) marker: Option<crate::marker::Marker>,
    /// The level of a Markdown heading (`## 标题` is 2), 0 for other lines: a collection's
    /// document titles keep their level when the hashes are cleaned away.
    pub(crate) heading_level: u8,
}

impl Line<'_> {
    /// The 1-based line number in the original file.
    pub fn number(&self) -> usize {
        self.number
    }

    /// The cleaned text: no indentation, no trailing spaces, no inserted pinyin.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the line carries no content (blank, or page furniture).
    pub fn is_empty(&self) -> bool {
        self.noise || self.text.is_empty()
    }

    /// The number of characters of the cleaned text.
    pub fn width(&self) -> usize {
        self.text.chars().count()
    }
}

/// How to clean.
#[derive(Debug, Clone, Copy, Default)]
pub struct CleanOptions {
    /// Keep pinyin annotations such as `(zhàn)` instead of removing them.
    pub keep_pinyin: bool,
    /// Each line is a whole paragraph (a Word document's): no line continues the one before,
    /// so no paragraph broken by a page is guessed at.
    pub whole_paragraphs: bool,
}

/// Split `text` into cleaned lines, one per original line.
///
/// ```
/// use tigang::clean::{clean, CleanOptions};
/// let lines = clean("\u{3000}?同志們:\r\n應對挑戰(zhàn)\r\n", CleanOptions::default());
/// assert_eq!(lines[0].text(), "同志們:");
/// assert_eq!(lines[1].text(), "應對挑戰");
/// assert_eq!(lines.len(), 2);
/// ```
pub fn clean(text: &str, opts: CleanOptions) -> Vec<Line<'_>> {
    let mut lines: Vec<Line> = split_lines(text)
        .enumerate()
        .map(|(i, raw)| clean_line(i + 1, raw, opts))
        .collect();
    mark_related_links(&mut lines);
    if !opts.whole_paragraphs {
        mark_continuations(&mut lines);
    }
    lines
}

/// Split on LF, CRLF and lone CR, as an editor counts lines. A final line end opens no new line.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // memchr2 scans bytes with SIMD; line ends are ASCII, so byte offsets are char boundaries.
        match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(at) => {
                let line = &rest[..at];
                let skip = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[at + skip..];
                Some(line)
            }
            None => Some(std::mem::take(&mut rest)),
        }
    })
}

const INDENT: [char; 5] = [' ', '\t', '\u{3000}', '\u{A0}', '\u{FEFF}'];

/// Clean one line. Control characters (ESC sequences, BEL, NUL, DEL, C1) are removed first: no
/// output can show them (SVG refuses them, a terminal obeys them), and a marker behind one
/// (\x1b[1m一、…) must still be found.
fn clean_line(number: usize, raw: &str, opts: CleanOptions) -> Line<'_> {
    if !has_control(raw) {
        return clean_visible_line(number, raw, opts);
    }
    let (visible, column_of) = strip_controls(raw);
    let line = clean_visible_line(number, &visible, opts);
    Line {
        number,
        text: Cow::Owned(line.text.into_owned()),
        indented: line.indented,
        // The columns of `lead` count the original line's characters, removed ones included.
        lead: column_of[line.lead.min(column_of.len() - 1)],
        noise: line.noise,
        continues: line.continues,
        marker: line.marker,
        heading_level: line.heading_level,
    }
}

/// A character no output may carry: C0 controls but tab, DEL and C1 controls. Line ends are
/// gone already.
fn is_control(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// Whether `text` holds a control character; a byte scan, as it runs on every line.
fn has_control(text: &str) -> bool {
    has_control_byte(text.as_bytes(), b'\t', b'\t') || has_c1_control(text.as_bytes())
}

/// Whether UTF-8 `bytes` hold a C1 control (U+0080..U+009F, encoded C2 80 .. C2 9F). 0xC2 also
/// leads common signs (· ° §), so the byte after it decides.
fn has_c1_control(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xC2, bytes)
        .any(|i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
}

/// Whether `bytes` hold DEL or a C0 control byte other than tab and the two `allowed` (line
/// ends, for a whole text). Folded without stopping early inside a chunk, so the compiler can
/// scan many bytes at once: this runs over every byte of every input.
fn has_control_byte(bytes: &[u8], allowed: u8, also: u8) -> bool {
    bytes.chunks(4096).any(|chunk| {
        chunk.iter().fold(false, |found, &b| {
            found | ((b < 0x20) & (b != b'\t') & (b != allowed) & (b != also)) | (b == 0x7F)
        })
    })
}

/// `text` without its control characters and without the terminal escape sequences they
/// open (ESC [ … m colours, ESC ] … BEL titles), and for each character kept (and once more
/// for the end) its character index in `text`.
fn strip_controls(text: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let mut kept = String::with_capacity(text.len());
    let mut column_of = Vec::with_capacity(chars.len() + 1);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1B}' {
            i += escape_len(&chars[i..]);
            continue;
        }
        if !is_control(c) {
            kept.push(c);
            column_of.push(i);
        }
        i += 1;
    }
    column_of.push(chars.len());
    (kept, column_of)
}

/// The length in characters of the escape sequence at the start of `chars` (which starts with
/// ESC): a CSI sequence (ESC [, parameters, a final letter: colours, cursor moves), an OSC one
/// (ESC ], up to BEL or ESC \\: window titles, links), or ESC and one character.
fn escape_len(chars: &[char]) -> usize {
    match chars.get(1) {
        Some('[') => {
            let params = chars[2..]
                .iter()
                .take_while(|c| (' '..='?').contains(*c))
                .count();
            let last = chars
                .get(2 + params)
                .is_some_and(|c| ('@'..='~').contains(c));
            2 + params + usize::from(last)
        }
        Some(']') => {
            let end = 2 + chars[2..]
                .iter()
                .take_while(|&&c| c != '\u{7}' && c != '\u{1B}')
                .count();
            match (chars.get(end), chars.get(end + 1)) {
                (Some('\u{7}'), _) => end + 1,
                (Some('\u{1B}'), Some('\\')) => end + 2,
                _ => end,
            }
        }
        Some(c) if (' '..='~').contains(c) => 2,
        _ => 1,
    }
}

/// The 1-based line of the first control character in `text` (cleaning removes them), for a
/// note to the user; lines are counted as [`clean`] counts them.
pub(crate) fn first_line_with_controls(text: &str) -> Option<usize> {
    // Nearly every text has none: one fast pass over the whole text first (line ends allowed).
    let any = has_control_byte(text.as_bytes(), b'\n', b'\r') || has_c1_control(text.as_bytes());
    if !any {
        return None;
    }
    split_lines(text).position(has_control).map(|i| i + 1)
}

fn clean_visible_line(number: usize, raw: &str, opts: CleanOptions) -> Line<'_> {
    let body = raw.trim_start_matches(INDENT);
    let indented = body.len() != raw.len();
    let mut lead = raw[..raw.len() - body.len()].chars().count();
    let mut text = body.trim_end_matches(INDENT);
    if let Some(rest) = text.strip_prefix(['?', '？'])
        && rest.chars().next().is_some_and(is_han)
    {
        text = rest;
        lead += 1;
    }
    // Text copied from web editors arrives as Markdown: heading hashes (## 二、…) and bold
    // (**一、…**) are layout, not words.
    let hashes = text.len() - text.trim_start_matches('#').len();
    let mut heading_level = 0;
    if (1..=6).contains(&hashes)
        && let Some(rest) = text[hashes..].strip_prefix([' ', '\u{3000}'])
    {
        heading_level = hashes as u8;
        let title = rest.trim_start_matches(INDENT);
        lead += text[..text.len() - title.len()].chars().count();
        text = title;
    }
    if let Some(rest) = text.strip_prefix("**") {
        text = rest;
        lead += 2;
    }
    if text.starts_with('<')
        && let Some(m) = HTML_HEAD.find(text)
    {
        lead += text[..m.end()].chars().count();
        text = text[m.end()..].trim_start_matches(INDENT);
    }
    // Indentation a scraper left as HTML entities (&nbsp;&nbsp;一、…).
    while text.starts_with('&')
        && let Some(entity) = ["&nbsp;", "&emsp;", "&ensp;", "&#160;", "&#12288;"]
            .iter()
            .find(|e| text.starts_with(**e))
    {
        let rest = text[entity.len()..].trim_start_matches(INDENT);
        lead += text[..text.len() - rest.len()].chars().count();
        text = rest;
    }
    if text.ends_with('>') {
        text = match HTML_TAIL.find(text) {
            Some(m) => &text[..m.start()],
            None => text,
        };
    }
    // One SIMD pass tells whether the line has a parenthesis (pinyin) or an asterisk (Markdown
    // bold) at all: most lines have neither.
    let special = memchr::memchr2(b'(', b'*', text.as_bytes()).is_some();
    let mut text = if special && !opts.keep_pinyin && text.contains('(') {
        remove_pinyin(text)
    } else {
        Cow::Borrowed(text)
    };
    if special && text.contains("**") {
        text = Cow::Owned(text.replace("**", ""));
    }
    let noise = is_page_furniture(&text);
    let marker = if noise {
        None
    } else {
        crate::marker::recognize(&text)
    };
    Line {
        number,
        text,
        indented,
        lead,
        noise,
        continues: false,
        marker,
        heading_level,
    }
}

/// A Han character (CJK unified ideographs and extension A).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Remove pinyin annotations inserted after characters: syllables with at least one tone mark,
/// in half-width parentheses, right after a Han character (戰(zhàn), 結(jié)). Ordinary
/// parentheses hold Han text or plain ASCII words and stay. A hand-written scan rather than a
/// regex: it runs on every line with a parenthesis, and most have none to remove.
pub(crate) fn remove_pinyin(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `text` already handled
    let mut search = 0;
    while let Some(rel) = memchr::memchr(b'(', &text.as_bytes()[search..]) {
        let open = search + rel;
        search = open + 1;
        // Pinyin starts with a lowercase letter or a toned vowel (lead bytes C3..C7 in UTF-8):
        // most parentheses are settled by one byte.
        if !text
            .as_bytes()
            .get(open + 1)
            .is_some_and(|&b| b.is_ascii_lowercase() || (0xC3..=0xC7).contains(&b))
        {
            continue;
        }
        let after_han = text[..open].chars().next_back().is_some_and(is_han);
        let Some(len) = after_han.then(|| pinyin_len(&text[open + 1..])).flatten() else {
            continue;
        };
        let close = open + 1 + len; // index of ')'
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
        buf.push_str(&text[copied..open]);
        copied = close + 1;
        search = copied;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// If `rest` starts with pinyin and `)`, the pinyin's length in bytes: one syllable (zhàn), or a
/// word's syllables run together or spaced (tiǎozhàn, tiǎo zhàn), with at least one tone mark.
fn pinyin_len(rest: &str) -> Option<usize> {
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    let mut toned = false;
    let mut prev = ' ';
    for (i, c) in rest.char_indices() {
        match c {
            ')' => return (toned && prev != ' ').then_some(i),
            'a'..='z' | 'ü' => {}
            ' ' if prev != ' ' => {}
            c if TONED.contains(c) => toned = true,
            _ => return None,
        }
        if i > 40 {
            return None;
        }
        prev = c;
    }
    None
}

static HTML_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    // A scraped page can leave the paragraph's closing tags, sometimes half-garbled (…存在?/p>).
    Regex::new(r"((</?|/)(?i:p|br|div|span|li|strong|b|em|font|h[1-6])\s*/?>)+$").expect("valid")
});

static HTML_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    // …and its opening tags: <p>, <p style="…">, <p><strong>.
    Regex::new(r#"^(<(?i:p|br|div|span|li|strong|b|em|font|h[1-6])(\s[^<>]*)?/?>)+"#)
        .expect("valid")
});

static PAGE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    // 立法會 ─ 2012年 12月 20日: a running header of a printed record.
    Regex::new(r"^\S{2,8}\s*[─—]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$").expect("valid")
});

/// A page number between dashes, as official documents print it in the footer: — 1 —, -2-.
static DASHED_PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-—–－─]{1,2}\s*\d{1,4}\s*[-—–－─]{1,2}$").expect("valid"));

fn is_page_furniture(text: &str) -> bool {
    let digits_only = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b' ');
    digits_only
        || (text.len() <= 20 && DASHED_PAGE_NUMBER.is_match(text))
        || (text.len() < 80 && text.contains(['─', '—']) && PAGE_HEADER.is_match(text))
        || is_contents_entry(text)
        || (text.len() <= 15 && WEB_CHROME.contains(&text))
        || is_button_row(text)
        || is_page_credit(text)
}

/// A row of a page's buttons in brackets: 【打印本页】  【关闭窗口】.
fn is_button_row(text: &str) -> bool {
    text.len() <= 80
        && text.starts_with('【')
        && text.split_whitespace().all(|t| {
            let inner = t.trim_start_matches('【').trim_end_matches('】');
            t.starts_with('【') && t.ends_with('】') && WEB_CHROME.contains(&inner)
        })
}

/// A page's credit line under an article: 责任编辑：某某. (来源： lines stay: they stand in a
/// speech's header, which the split stage reads.)
fn is_page_credit(text: &str) -> bool {
    const CREDITS: [&str; 4] = ["责任编辑：", "責任編輯：", "责任编辑:", "責任編輯:"];
    text.chars().count() <= 30 && CREDITS.iter().any(|c| text.starts_with(c))
}

/// Mark as page furniture a page's list of related links (相关链接： and the short, unpunctuated
/// titles under it): links to other articles, not points of this one.
fn mark_related_links(lines: &mut [Line<'_>]) {
    const HEADS: [&str; 8] = [
        "相关链接",
        "相關鏈接",
        "相关阅读",
        "相關閱讀",
        "相关新闻",
        "相關新聞",
        "延伸阅读",
        "延伸閱讀",
    ];
    let mut i = 0;
    while i < lines.len() {
        let head = lines[i].text.trim_end_matches(['：', ':']);
        if !HEADS.contains(&head) {
            i += 1;
            continue;
        }
        lines[i].noise = true;
        i += 1;
        while i < lines.len() {
            let t = lines[i].text.as_ref();
            let link =
                t.is_empty() || (t.chars().count() <= 40 && !ends_sentence(t) && !t.contains('，'));
            if !link {
                break;
            }
            lines[i].noise = true;
            lines[i].marker = None;
            i += 1;
        }
    }
}

/// The buttons of a government or news page that a copy of the page keeps, each on a line of
/// its own (下载 / 打印 / 【字号： / 加大 / 减小 / 】): they come before the title and are not text.
/// Lone 大 / 中 / 小 stay: a one-character line may be the end of a broken sentence.
const WEB_CHROME: [&str; 21] = [
    "下载",
    "打印",
    "全屏",
    "收藏",
    "分享",
    "分享：",
    "打印本页",
    "关闭窗口",
    "关闭",
    "【字号：",
    "【字体：",
    "字号：",
    "加大",
    "还原",
    "减小",
    "】",
    "返回顶部",
    "上一篇",
    "下一篇",
    "【打印】",
    "【关闭】",
];

/// A line of a table of contents: a title, dot leaders and a page number (一、总体要求……1).
/// The headings it lists come again in the text; read here they would be read twice.
fn is_contents_entry(text: &str) -> bool {
    let body = text.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '\t');
    let leaders = body
        .chars()
        .rev()
        .take_while(|c| "….·．‥".contains(*c))
        .count();
    body.len() < text.len() && leaders >= 2
}

/// True when `text` ends a sentence, so the next line starts afresh.
pub(crate) fn ends_sentence(text: &str) -> bool {
    // An item of a printed list ends with ；及 / ；或 (“…; and”): the next item starts afresh.
    if ["；及", ";及", "；或", ";或", "；和", ";和"]
        .iter()
        .any(|e| text.ends_with(e))
    {
        return true;
    }
    text.chars().last().is_some_and(|c| {
        matches!(
            c,
            '。' | '！'
                | '？'
                | '；'
                | '：'
                | '!'
                | '?'
                | ';'
                | ':'
                | '…'
                | '”'
                | '’'
                | '」'
                | '』'
                | '）'
                | ')'
                | '】'
                | '》'
                | '"'
                | '.'
        )
    })
}

/// True for a short line without sentence punctuation: a title, a name, a section head.
pub(crate) fn is_title_like(text: &str) -> bool {
    // 30 characters take at most 120 bytes: longer lines are settled without counting.
    !text.is_empty()
        && text.len() <= 120
        && text.chars().count() <= 30
        && !text.contains(['，', '。', '；', '！', '？', ',', ';'])
}

/// Mark the lines that continue a paragraph broken mid-sentence. A line continues the content
/// line before it when that line stops mid-sentence and is neither a title-like line nor a
/// heading that stops after its title (二、抓住工作重点 has no sentence end but ends its line).
/// Where paragraphs open indented, an unindented line right under an indented one that stops
/// mid-sentence is a wrapped line even after a heading (PDF transcripts).
///
/// A line that opens with a point of a list in progress never continues: a body line may lack
/// its 。 (typed in short lines, or a damaged byte at its end), and joining would swallow the
/// point and every point after it without a trace.
fn mark_continuations(lines: &mut [Line<'_>]) {
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        if lines[i].is_empty() {
            continue;
        }
        if let Some(p) = prev {
            let (before, line) = (&lines[p], &lines[i]);
            let wrapped_indented = p + 1 == i && before.indented && !line.indented;
            // A dash line under a title line opens its subtitle (——在…会议上的讲话), even when the
            // title runs past 30 characters.
            let subtitle_under_title = line.text.starts_with("——")
                && before.marker.is_none()
                && before.text.chars().count() <= 60
                && names_an_occasion(&line.text);
            let continues = !ends_sentence(&before.text)
                && !subtitle_under_title
                && (wrapped_indented
                    || (!is_title_like(&before.text) && !is_heading_title_only(before))
                    || is_title_second_line(before, line));
            lines[i].continues = continues;
        }
        prev = Some(i);
    }
    for i in points_of_lists_in_progress(lines) {
        lines[i].continues = false;
    }
}

/// The lines taken for continuations that open with a point of a list in progress: the nearest
/// marker of the same kind (family and classifier) that may be a point comes just before it in
/// number (一、 … 二、) or just after it (二、 … 三、). A marker line may be a point when it opens
/// its line anyway, when it is short like a title (a list typed in short lines, every point
/// swallowed), or when it was found here. A long marker line whose only neighbour is another
/// long one is more likely words a PDF broke onto new lines (…之 / 一，特别是… and, pages later,
/// 二，…), and a marker with no neighbour stays the rest of its sentence.
fn points_of_lists_in_progress(lines: &[Line<'_>]) -> Vec<usize> {
    use crate::marker::Family;
    use std::collections::HashMap;
    type Kind<'m> = (Family, Option<&'m str>);
    let numbered = |i: usize| {
        let m = lines[i].marker.as_ref()?;
        Some((m.key(), m.number?))
    };
    let mut points = vec![false; lines.len()];
    let may_be_point = |i: usize, points: &[bool]| {
        !lines[i].continues || points[i] || is_title_like(&lines[i].text)
    };
    // Forward, with the number of the last marker of each kind that may be a point; then
    // backward, with the next one's.
    let mut last: HashMap<Kind<'_>, u32> = HashMap::new();
    for i in 0..lines.len() {
        let Some((kind, n)) = numbered(i) else {
            continue;
        };
        points[i] = lines[i].continues
            && last
                .get(&kind)
                .is_some_and(|&p| p.checked_add(1) == Some(n));
        if may_be_point(i, &points) {
            last.insert(kind, n);
        }
    }
    let mut next: HashMap<Kind<'_>, u32> = HashMap::new();
    for i in (0..lines.len()).rev() {
        let Some((kind, n)) = numbered(i) else {
            continue;
        };
        points[i] |= lines[i].continues
            && next
                .get(&kind)
                .is_some_and(|&s| n.checked_add(1) == Some(s));
        if may_be_point(i, &points) {
            next.insert(kind, n);
        }
    }
    (0..lines.len()).filter(|&i| points[i]).collect()
}

/// A dash line naming where a speech was given: ——在…会议上的讲话, ——…在…大会上.
fn names_an_occasion(text: &str) -> bool {
    let t = text.trim_end_matches(['）', ')']);
    let t = t.rsplit_once(['（', '(']).map_or(t, |(head, _)| head);
    text.chars().count() <= 60
        && text.contains(['在', '于', '於'])
        && [
            "讲话",
            "講話",
            "发言",
            "發言",
            "报告",
            "報告",
            "致辞",
            "致辭",
            "会议上",
            "會議上",
            "大会上",
            "大會上",
            "会上",
            "會上",
        ]
        .iter()
        .any(|w| t.ends_with(w))
}

/// The second line of a heading's title: a long title broken where the page ran out
/// (一、提高政治站位，……切实增强做好意识 / 形态工作的责任感), or a ——subtitle under it.
fn is_title_second_line(before: &Line<'_>, line: &Line<'_>) -> bool {
    let Some(m) = &before.marker else {
        return false;
    };
    if line
        .marker
        .as_ref()
        .is_some_and(|n| n.family != crate::marker::Family::Dash)
    {
        return false;
    }
    let title_width = before.text[m.end..].chars().count();
    is_title_like(&line.text)
        && (line.text.starts_with("——") || title_width >= 25)
        && is_heading_title_only(before)
}

/// A marker line whose text has no sentence end inside: a title line, complete in itself.
fn is_heading_title_only(line: &Line<'_>) -> bool {
    line.marker
        .as_ref()
        .is_some_and(|m| !line.text[m.end..].contains(['。', '！', '？', '；']))
}

/// A line that opens a notes block: 注释, 注：, 参考文献 alone on the line, or a rule line
/// (------, ＿＿＿＿). What follows it are notes to the text above, not a new speech or new points.
pub(crate) fn is_notes_start(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['：', ':']).trim();
    // Runs on every line: a notes head is a few characters, a rule line starts with its rule.
    let Some(first) = t.chars().next() else {
        return false;
    };
    if t.len() > 15 && !"-—_＿─━=＝*".contains(first) {
        return false;
    }
    const HEADS: [&str; 10] = [
        "注释",
        "註釋",
        "注",
        "註",
        "注解",
        "註解",
        "附注",
        "附註",
        "参考文献",
        "參考文獻",
    ];
    HEADS.contains(&t) || (t.chars().count() >= 5 && t.chars().all(|c| "-—_＿─━=＝*".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_footer_and_related_links_are_furniture() {
        let text = "最后，祝大家工作顺利！\n责任编辑：王某\n【打印本页】  【关闭窗口】\n相关链接：\n1. 我市召开推进会\n2. 某某入选首批名单\n";
        let lines = clean(text, CleanOptions::default());
        let noise: Vec<bool> = lines.iter().map(|l| l.noise).collect();
        assert_eq!(noise, [false, true, true, true, true, true]);
        assert!(lines[4].marker.is_none());
        // A list after a lead-in of the speech's own is no link list.
        let own = clean("主要有：\n1. 加强领导\n", CleanOptions::default());
        assert!(own.iter().all(|l| !l.noise));
    }

    fn texts<'a>(lines: &'a [Line<'_>]) -> Vec<&'a str> {
        lines.iter().map(|l| l.text.as_ref()).collect()
    }

    /// Which lines of `text` continue the line before.
    fn continues(text: &str) -> Vec<bool> {
        clean(text, CleanOptions::default())
            .iter()
            .map(|l| l.continues)
            .collect()
    }

    #[test]
    fn line_ends_and_numbers() {
        let lines = clean("一\r\n二\rthree\n\n五\n", CleanOptions::default());
        assert_eq!(texts(&lines), ["一", "二", "three", "", "五"]);
        assert_eq!(lines[4].number, 5);
    }

    #[test]
    fn indentation_and_stray_question_mark() {
        let lines = clean(
            " \u{3000}\u{A0}\t同志们：\n?同志們:\n?? 不是\n",
            CleanOptions::default(),
        );
        assert_eq!(texts(&lines), ["同志们：", "同志們:", "?? 不是"]);
        assert!(lines[0].indented);
    }

    #[test]
    fn pinyin_is_removed_unless_kept() {
        // A syllable per character, or a word's syllables spaced or run together; ordinary
        // parentheses and English words stay.
        for (text, cleaned) in [
            (
                "如何應對挑戰(zhàn)，結(jié)合(黨組)(a)實際，愛(ài)國",
                "如何應對挑戰，結合(黨組)(a)實際，愛國",
            ),
            (
                "应对挑战(tiǎo zhàn)，加强团结(tuánjié)，互联网(internet)与(WTO)规则( ài)",
                "应对挑战，加强团结，互联网(internet)与(WTO)规则( ài)",
            ),
        ] {
            assert_eq!(clean(text, CleanOptions::default())[0].text, cleaned);
            assert_eq!(
                clean(
                    text,
                    CleanOptions {
                        keep_pinyin: true,
                        ..CleanOptions::default()
                    }
                )[0]
                .text,
                text
            );
        }
    }

    #[test]
    fn a_web_page_s_buttons_are_page_furniture() {
        let lines = clean(
            "下载\n打印\n【字号：\n加大\n】\n2026年政府工作报告\n大家好。\n中\n",
            CleanOptions::default(),
        );
        let noise: Vec<bool> = lines.iter().map(|l| l.noise).collect();
        assert_eq!(noise, [true, true, true, true, true, false, false, false]);
    }

    #[test]
    fn table_of_contents_entries_are_page_furniture() {
        let lines = clean(
            "一、总体要求……………1\n（一）推进改革........12\n二、主要任务\n等等……\n",
            CleanOptions::default(),
        );
        let noise: Vec<bool> = lines.iter().map(|l| l.noise).collect();
        assert_eq!(noise, [true, true, false, false]);
    }

    #[test]
    fn html_tags_left_by_scraping_are_removed() {
        let lines = clean(
            "第一段。</p>\n第二段?/p>\n1<2>\n<p style=\"text-indent:2em\"><strong>一、加强领导</strong></p>\n<2>不是标签\n",
            CleanOptions::default(),
        );
        assert_eq!(
            texts(&lines),
            ["第一段。", "第二段?", "1<2>", "一、加强领导", "<2>不是标签"]
        );
        let indented = clean(
            "&nbsp;&nbsp;　二、落实责任\n&amp;符号\n",
            CleanOptions::default(),
        );
        assert_eq!(texts(&indented), ["二、落实责任", "&amp;符号"]);
        assert_eq!(indented[0].lead, 13);
        assert_eq!(lines[3].lead, 35);
        assert!(lines[3].marker.is_some());
    }

    #[test]
    fn a_title_broken_over_two_lines_is_one_paragraph() {
        let text = "一、提高政治站位，认真贯彻落实党中央决策部署，切实增强做好意识\n形态工作的责任感使命感\n各单位要提高认识。\n第四件　推翻土豪劣绅的统治\n——打倒都团\n二、加强领导\n各单位要落实。\n";
        assert_eq!(
            continues(text),
            [false, true, false, false, true, false, false]
        );
    }

    #[test]
    fn a_point_of_the_list_in_progress_is_never_swallowed() {
        // Body lines without 。 (typed short, or ending in a damaged byte) before 二、 and 三、,
        // and a lead-in without 。 before 一、: each point still opens its line.
        let text = "下面，我讲几点意见\n一、压实责任\n要把责任落实到人，层层有人管\n二、排查隐患。要逐一排查。\u{FFFD}\n三、强化准备\n";
        assert_eq!(continues(text), [false, false, false, false, false]);
        // A lone marker word that a PDF broke onto a new line, with no list around it, is
        // still the rest of its sentence.
        let text = "这项工作连续三年名列前茅，位居全市十强之\n一，特别是基层治理成效明显。\n";
        assert_eq!(continues(text), [false, true]);
    }

    #[test]
    fn control_characters_and_terminal_escapes_are_removed() {
        let text = "\u{1B}[1;31m一、加强\u{7}学习\u{1B}[0m\n二、落实\u{0}责任\u{9B}。\u{7F}\n\u{1B}]0;标题\u{7}\t三、总结\n四、\u{1B}";
        let lines = clean(text, CleanOptions::default());
        assert_eq!(
            texts(&lines),
            ["一、加强学习", "二、落实责任。", "三、总结", "四、"]
        );
        // Markers behind an escape are found; columns count the original characters.
        assert!(lines.iter().all(|l| l.marker.is_some()));
        assert_eq!((lines[0].lead, lines[2].lead), (7, 8));
        assert_eq!(first_line_with_controls(text), Some(1));
        assert_eq!(
            first_line_with_controls("一、学习\r二、\u{7}落实\n"),
            Some(2)
        );
        assert_eq!(first_line_with_controls("一、\t学习\r\n"), None);
    }

    #[test]
    fn page_furniture_is_noise() {
        let lines = clean(
            "2904\n立法會 ─ 2012年 12月 20日\n正文。\n— 3 —\n-12-\n",
            CleanOptions::default(),
        );
        let noise: Vec<bool> = lines.iter().map(|l| l.noise).collect();
        assert_eq!(noise, [true, true, false, true, true]);
    }

    #[test]
    fn broken_paragraphs_continue() {
        let text = "五要切实加强阵地管理。要旗帜鲜明坚\n\n持党管宣传、党管意识形态。\n二、抓住工作重点，推动建设具有强大凝聚力的意识形态\n各单位要提高站位。\n名词解释\n1.两重：是指国家重大战略。\n";
        let lines = clean(text, CleanOptions::default());
        let cont: Vec<bool> = lines.iter().map(|l| l.continues).collect();
        assert_eq!(cont, [false, false, true, false, false, false, false]);
    }
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn remove_pinyin() {
        assert_eq!(
            crate::clean::remove_pinyin("意識形態(tài)工作(黨組)"),
            "意識形態工作(黨組)"
        );
        assert_eq!(
            crate::clean::remove_pinyin("应对挑战(tiǎo zhàn)"),
            "应对挑战"
        );
    }

    #[test]
    fn is_notes_start() {
        assert!(crate::clean::is_notes_start("注释"));
        assert!(crate::clean::is_notes_start("----------"));
        assert!(!crate::clean::is_notes_start("注意安全"));
    }
}
