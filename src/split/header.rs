//! The header of a speech: its title, subtitle, date, speaker, salutation and closing.

use super::signals::is_title_line;
use super::signals::{
    CLOSING, is_closing_formula, is_header_like, is_salutation_line, is_speech_title, is_subtitle,
    names_speech,
};
use crate::clean::Line;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub use crate::outline::Header;

pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // 2018年9月20日, （2018年9月20日）, and the way documents sign off: 二〇一九年七月二日; in
    // brackets, with a note after the day: （2025年4月10日修改稿）, （…在全县工作会议上，根据录音整理）.
    Regex::new(
        r"^[（(]?\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[）)]?$|^[（(]\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*([^（）()。]{1,30}?)\s*[）)]$",
    )
    .expect("valid")
});

/// Read the header of the speech on `lines[range]`: the title, subtitle, date and speaker lines
/// before the salutation or the first paragraph, the salutation, and a closing formula.
pub fn header(lines: &[Line], range: Range<usize>) -> Header {
    let mut h = Header::default();
    let content: Vec<&Line> = lines[range].iter().filter(|l| !l.is_empty()).collect();
    // Short lines before a subtitle: the main title (坚定信心 真抓实干 / 奋力开创新局面).
    let mut main_title: Vec<&str> = Vec::new();
    let mut after_source_label = false;
    for (k, l) in content.iter().take(16).enumerate() {
        let t = l.text.as_ref();
        let source_label = ["来源", "來源"].iter().any(|w| t.starts_with(w));
        if is_salutation_line(t) {
            h.salutation = Some(t.trim_end_matches(['：', ':']).to_string());
            break;
        }
        if let Some(c) = DATE.captures(t) {
            h.date = Some(t.to_string());
            (h.date_iso, h.date_note) = date_parts(&c);
        } else if (h.title.is_some() || !main_title.is_empty())
            && (t.starts_with("——") || is_subtitle(t))
        {
            if h.title.is_none() {
                h.title = Some(main_title.join(" "));
            }
            h.subtitle = Some(t.to_string());
        } else if h.title.is_none() && (names_speech(t) || k == 0 && is_speech_title(t)) {
            h.title = Some(t.to_string());
        } else if h.title.is_some() && is_speaker(t) && !after_source_label {
            // The line nearest the salutation names the speaker: a page's source (四川日报)
            // may come first.
            h.speaker = Some(t.to_string());
        } else if h.title.is_none()
            && l.marker.is_none()
            && is_title_line(t)
            && main_title.len() < 2
        {
            main_title.push(t);
        } else if !is_header_like(t) {
            break;
        }
        after_source_label = source_label;
    }
    // A report is dated where it is signed, under its last paragraph (…党支部 / 2019年7月2日).
    if h.date.is_none()
        && let Some((t, c)) = content
            .iter()
            .rev()
            .take(3)
            .find_map(|l| DATE.captures(&l.text).map(|c| (l.text.as_ref(), c)))
    {
        h.date = Some(t.to_string());
        (h.date_iso, h.date_note) = date_parts(&c);
    }
    // The formula itself, not the paragraph it ends (…我就讲这么多，谢谢大家！ → 谢谢大家).
    h.closing = content
        .iter()
        .rev()
        .take(3)
        .filter(|l| is_closing_formula(&l.text))
        .find_map(|l| CLOSING.captures(&l.text).map(|c| c[2].to_string()));
    h
}

/// The header of a speech read from where its start evidence put it: the title is the line the
/// speech starts on when that line named it, the title lines and subtitle are the ones the start
/// was found by, and a transcript turn's label is its speaker.
pub fn header_of(lines: &[Line], segment: &super::Segment) -> Header {
    use super::StartEvidence::{
        AfterSignOff, AnnexedDocument, DocumentTitle, MarkdownTitle, SpeechTitle, TitleOverByline,
        TitleOverSubtitle,
    };
    let start = &segment.start;
    if segment.range.is_empty() {
        return Header::default();
    }
    let from = (segment.range.start..segment.range.end)
        .find(|&i| lines[i].number == start.line && !lines[i].is_empty())
        .unwrap_or(segment.range.start);
    let mut h = header(lines, from..segment.range.end);
    let text = |i: usize| lines[i].text.to_string();
    if start.evidence.contains(&TitleOverSubtitle)
        && let Some(sub) = start.subtitle_line
        && let Some(to) = (from..segment.range.end).find(|&i| lines[i].number == sub)
    {
        let title: Vec<String> = (from..to)
            .filter(|&i| !lines[i].is_empty())
            .map(text)
            .collect();
        h.title = Some(title.join(" "));
        h.subtitle = Some(text(to));
    } else if let Some(title) = super::signals::title_field(&lines[from].text) {
        h.title = Some(title.to_string());
    } else if start.evidence.iter().any(|e| {
        matches!(
            e,
            SpeechTitle | DocumentTitle | MarkdownTitle | TitleOverByline | AfterSignOff
        )
    }) {
        // The start line is the title the evidence read (a sign-off is followed by one).
        h.title = Some(text(from));
    } else if start.evidence.contains(&AnnexedDocument) {
        // 附件1 labels the document; its title is the line under the label.
        h.title = (from + 1..segment.range.end)
            .find(|&i| !lines[i].is_empty())
            .map(text);
    }
    if start.evidence.contains(&TitleOverByline)
        && let Some(by) = (from + 1..segment.range.end).find(|&i| !lines[i].is_empty())
    {
        h.speaker = Some(text(by));
    }
    if let Some(speaker) = &start.speaker {
        h.speaker = Some(speaker.clone());
    }
    h
}

fn is_name(text: &str) -> bool {
    let n = text.chars().count();
    (2..=4).contains(&n) && text.chars().all(crate::clean::is_han)
}

/// A speaker line under the title: a name (王晓峰), or an office and a name (市委书记　王晓峰);
/// a two-character name is often spaced out to the width of three (市长 龚 正).
pub fn is_speaker(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split([' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    let spaced = |name: &[&str]| name.len() > 1 && name.iter().all(|p| p.chars().count() == 1);
    match parts.as_slice() {
        [name] => is_name(name),
        _ if spaced(&parts) => is_name(&parts.concat()),
        [office, name] => is_office(office) && is_name(name),
        [office, name @ ..] => is_office(office) && spaced(name) && is_name(&name.concat()),
        _ => false,
    }
}

/// An author's line under a title: an office and a name (市政协委员、青川市人民医院院长　李华).
pub fn is_byline(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split([' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    matches!(parts.as_slice(), [office, name] if office.chars().count() >= 2 && is_office(office) && is_name(name))
}

fn is_office(text: &str) -> bool {
    // Offices may be listed: 市政协委员、青川市人民医院院长.
    text.chars().count() <= 24
        && text.chars().all(|c| crate::clean::is_han(c) || c == '、')
        && !text.starts_with('、')
}

/// The ISO date and the note of a [`DATE`] match.
fn date_parts(c: &regex::Captures) -> (Option<String>, Option<String>) {
    let g = |k: usize| c.get(k).map_or("", |m| m.as_str());
    if c.get(1).is_some() {
        (iso_date(g(1), g(2), g(3)), None)
    } else {
        let note = g(7).trim_start_matches(['，', ',']).trim();
        (
            iso_date(g(4), g(5), g(6)),
            (!note.is_empty()).then(|| note.to_string()),
        )
    }
}

fn iso_date(y: &str, m: &str, d: &str) -> Option<String> {
    let number = |s: &str| s.parse().ok().or_else(|| crate::marker::han_value(s));
    let (y, m, d) = (number(y)?, number(m)?, number(d)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}
