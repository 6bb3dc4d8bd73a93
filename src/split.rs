//! Stage 3: split a file into its speeches, and read each speech's header.
//!
//! A file may hold several speeches: a scraped page of 篇一 … 篇十八, a collection of 发言稿, a
//! transcript with one turn per member. No signal is enough alone, so a speech starts at:
//! - a page-section title (…讲话篇三), a collection's label (【篇二】, 范文三：) or a speech title
//!   (a short unpunctuated line ending in 讲话, 发言, 发言稿, 报告, 党课, 致辞), or an appendix
//!   (附录：…);
//! - a subtitle naming the occasion (——在…会议上的讲话, or 在…的讲话 under a main title): the
//!   speech starts at the title lines above it;
//! - an opening salutation on a line of its own (同志们：, 尊敬的…：), unless it belongs to the
//!   header block of a speech that has just started;
//! - the first line after a closing (谢谢大家, 散会, 以上是我的发言), and an opening paragraph
//!   (今天… / 这次会议…) after a final paragraph that begins 同志们，;
//! - a scraping site's blurb introducing the next text (本站为大家整理的…，供大家参考), unless
//!   it stands right under a speech's title;
//! - a member's or official's turn in a transcript (王某某議員：…, XX局局長：…, 警務處處長：…,
//!   行政長官：…), unless the turn is one short procedural sentence;
//! - a copy of a speech found by these signals: collections repeat texts, and a copy may follow
//!   a list with no signal of its own, so a long first line repeated with a line after it starts
//!   a speech again.

use crate::clean::{Line, ends_sentence, is_title_like};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The header fields of a speech, read from its first lines. Missing fields stay `None`: they are
/// never guessed from the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The title line.
    pub title: Option<String>,
    /// A ——在…的讲话 subtitle.
    pub subtitle: Option<String>,
    /// The date as written.
    pub date: Option<String>,
    /// The date as YYYY-MM-DD.
    pub date_iso: Option<String>,
    /// The speaker's name on a line of its own.
    pub speaker: Option<String>,
    /// The opening salutation, without its colon.
    pub salutation: Option<String>,
    /// The closing formula, without its punctuation.
    pub closing: Option<String>,
}

/// The speeches of a file: each a range of line indices (not line numbers) into `lines`.
///
/// ```
/// use tigang::clean::{clean, CleanOptions};
/// let text = "第一次会议上的讲话\n同志们：\n一、学习。\n谢谢大家！\n第二次会议上的讲话\n同志们：\n一、落实。\n";
/// let lines = clean(text, CleanOptions::default());
/// let speeches = tigang::split::split(&lines);
/// assert_eq!(speeches, vec![0..4, 4..7]);
/// ```
pub fn split(lines: &[Line]) -> Vec<Range<usize>> {
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    let mut starts: Vec<usize> = Vec::new();
    let mut header_until = 0usize; // content position until which a new speech's header runs
    let mut header_lines_only = false; // no paragraph has come since the last start
    // First lines of the paragraph before this one and of this one.
    let (mut prev_para, mut this_para): (Option<&str>, Option<&str>) = (None, None);
    for (pos, &i) in content.iter().enumerate() {
        let text = lines[i].text.as_ref();
        let prev = pos.checked_sub(1).map(|p| lines[content[p]].text.as_ref());
        if !lines[i].continues {
            (prev_para, this_para) = (this_para, Some(text));
        }
        // ——在…上的讲话 names the speech whose title lines stand just above it. Without a title
        // above, it is more likely a quotation's attribution than a new speech.
        let subtitle = !lines[i].continues && !starts.is_empty() && is_subtitle(text);
        let title_above = if subtitle {
            title_lines_above(lines, &content, pos)
        } else {
            pos
        };
        if title_above < pos {
            let first = content[title_above];
            if starts.last().is_some_and(|&s| s < first) {
                starts.push(first);
            }
            header_until = pos + 4;
            header_lines_only = true;
            continue;
        }
        let starts_here = if starts.is_empty() || is_speaker_turn(lines, &content, pos) {
            true
        } else if lines[i].continues {
            false
        } else if is_speech_title(text) || is_appendix(text) {
            true
        } else if is_site_blurb(text) {
            // A blurb right under a speech's title introduces that speech.
            !header_lines_only
        } else if is_salutation_line(text) {
            pos > header_until
        } else if prev.is_some_and(is_closing_formula)
            || (prev_para.is_some_and(is_final_address)
                && prev.is_some_and(ends_sentence)
                && !is_continuing_after_address(&lines[i]))
        {
            true
        } else {
            is_meeting_opening(text) && pos > header_until
        };
        if starts_here {
            starts.push(i);
            header_until = pos + 4;
            header_lines_only = true;
        } else if header_lines_only
            && lines[i].marker.is_none()
            && (is_header_like(text) || is_salutation_line(text))
        {
            // A header of short lines (title, subtitle, date, speaker, salutation) may run past
            // four lines: the opening paragraph after its salutation still belongs to it.
            header_until = header_until.max(pos + 1);
        } else {
            header_lines_only = false;
        }
    }
    if starts.is_empty() {
        starts.push(0);
    }
    starts[0] = 0;
    add_copies_of_openings(lines, &content, &mut starts);
    merge_speeches_without_text(lines, &mut starts);
    let mut ranges: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().expect("not empty")..lines.len());
    ranges
}

/// A speech with no text content is not a speech: a stray byte after 谢谢大家！ (decoded as
/// U+FFFD), a row of ——, or a lone ※ would otherwise become a speech of its own. Its lines join
/// the speech before it; when the first speech has none, the speech after it.
fn merge_speeches_without_text(lines: &[Line], starts: &mut Vec<usize>) {
    let has_text = |from: usize, to: usize| {
        lines[from..to]
            .iter()
            .any(|l| !l.is_empty() && l.text.chars().any(char::is_alphanumeric))
    };
    let end = |starts: &[usize], k: usize| starts.get(k + 1).copied().unwrap_or(lines.len());
    let mut kept: Vec<usize> = Vec::with_capacity(starts.len());
    for k in 0..starts.len() {
        if kept.is_empty() || has_text(starts[k], end(starts, k)) {
            kept.push(starts[k]);
        }
    }
    if kept.len() > 1 && !has_text(kept[0], kept[1]) {
        kept.remove(1);
    }
    *starts = kept;
}

static SUBTITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(——|──|--)?\s*(\d{4}年\d{1,2}月\d{1,2}日\s*)?(在|于|於).*(讲话|講話|发言|發言|报告|報告|致辞|致辭|党课|黨課|讲稿|講稿|演讲|演講)([（(][^）)]{1,8}[）)])?$",
    )
    .expect("valid")
});

/// A line that may stand in a speech's header: short, without a sentence's end (a title, a
/// subtitle, a date, a 来源：… line, a speaker, 2026年2月3日在…会议上).
fn is_header_like(text: &str) -> bool {
    text.len() <= 240
        && text.chars().count() <= 60
        && !text.contains(['。', '！', '？', '；', ';', '!', '?'])
}

/// A subtitle naming the occasion: ——在全市经济工作会议上的讲话, ——在…的发言（摘要）, or the same
/// without the dash under a main title.
fn is_subtitle(text: &str) -> bool {
    text.starts_with(['—', '─', '-', '在']) && is_header_like(text) && SUBTITLE.is_match(text)
}

/// The content position of the first of the (at most two) title lines right above `pos`, or
/// `pos` itself when there are none: a main title may be broken over two lines.
fn title_lines_above(lines: &[Line], content: &[usize], pos: usize) -> usize {
    let is_title_line = |p: usize| {
        let l = &lines[content[p]];
        let t = l.text.as_ref();
        is_title_like(t)
            && l.marker.is_none()
            && !l.continues
            && !DATE.is_match(t)
            && !is_closing_formula(t)
    };
    let mut first = pos;
    while first > 0 && pos - first < 2 && is_title_line(first - 1) {
        first -= 1;
    }
    first
}

/// How many characters a speech's first line needs before its copies are trusted to start the
/// speech again: short lines (同志们：, 一、总体要求) recur inside unrelated speeches.
const OPENING_MIN_CHARS: usize = 10;

/// Collections repeat their texts, and a copy is not always preceded by the signal that found the
/// original (the copy follows a list instead of a closing). So a speech's first line, when it is
/// a long paragraph, starts a speech again wherever it is repeated together with one of the two
/// lines after it, unless that place already lies in a speech's header.
fn add_copies_of_openings(lines: &[Line], content: &[usize], starts: &mut Vec<usize>) {
    if starts.len() < 2 {
        return;
    }
    let text = |pos: usize| lines[content[pos]].text.as_ref();
    let start_positions: Vec<usize> = starts
        .iter()
        .filter_map(|&i| content.binary_search(&i).ok())
        .collect();
    // The starts whose first line can be recognised again, ordered by the line's byte length and
    // then its text: most lines of a file are turned away by their length alone.
    let mut openings: Vec<(usize, &str, usize)> = start_positions
        .iter()
        .map(|&pos| (text(pos).len(), text(pos), pos))
        .filter(|&(_, t, pos)| {
            t.chars().nth(OPENING_MIN_CHARS - 1).is_some()
                && !is_salutation_line(t)
                && pos + 1 < content.len()
        })
        .collect();
    openings.sort_unstable();
    // A few originals of one text are enough to recognise its copies; keeping them all would let
    // a file of one repeated paragraph cost quadratic time.
    let mut kept = 0;
    openings.dedup_by(|b, a| {
        kept = if (a.0, a.1) == (b.0, b.1) {
            kept + 1
        } else {
            0
        };
        kept >= 4
    });
    let next_two = |pos: usize| {
        content[pos + 1..]
            .iter()
            .take(2)
            .map(|&i| lines[i].text.as_ref())
    };
    let copies = |pos: usize, original: usize| {
        original != pos && next_two(original).any(|a| next_two(pos).any(|b| a == b))
    };
    let mut found = Vec::new();
    for pos in 0..content.len() {
        let key = (text(pos).len(), text(pos));
        let from = openings.partition_point(|&(l, t, _)| (l, t) < key);
        let mut originals = openings[from..]
            .iter()
            .take_while(|&&(l, t, _)| (l, t) == key);
        if lines[content[pos]].continues || !originals.any(|&(_, _, o)| copies(pos, o)) {
            continue;
        }
        // A copy whose own title or salutation has already started a speech needs no new start:
        // walk back over the header lines (title, date, speaker, salutation, a site's blurb)
        // looking for one.
        let in_header = (pos.saturating_sub(4)..=pos)
            .rev()
            .take_while(|&p| {
                let t = text(p);
                p == pos || is_header_like(t) || is_salutation_line(t) || is_site_blurb(t)
            })
            .any(|p| start_positions.binary_search(&p).is_ok());
        if !in_header {
            found.push(content[pos]);
        }
    }
    if !found.is_empty() {
        starts.extend(found);
        starts.sort_unstable();
        starts.dedup();
    }
}

/// The longest prefix of `text` that fits in `max` bytes and ends on a character boundary.
fn head(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

static SPEECH_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    // …讲话, …报告（摘要）, …篇三, and the labels collections put over each text: 【篇二】, 范文三：.
    Regex::new(
        r"((篇|范文|範文)[一二三四五六七八九十百〇零\d]+|讲话|講話|讲话稿|講話稿|发言|發言|发言稿|發言稿|报告|報告|党课|黨課|致辞|致辭|讲稿|講稿)[）)】\]]?[：:]?$",
    )
    .expect("valid")
});

/// A short line without sentence punctuation that names a speech: …讲话, …发言稿, …篇三.
pub fn is_speech_title(text: &str) -> bool {
    is_title_like(text) && !text.starts_with(['—', '-']) && SPEECH_TITLE.is_match(text)
}

fn is_appendix(text: &str) -> bool {
    text.starts_with("附录") || text.starts_with("附錄")
}

/// A scraping site's blurb introducing the next article (下面是本站为大家整理的…发言稿，供大家参考):
/// collections of 范文 put one before each text.
fn is_site_blurb(text: &str) -> bool {
    // A blurb is one sentence: its phrase comes in the line's first 200 characters (600 bytes),
    // so long paragraphs are not searched to their end. One search for what the four phrases
    // share, then the phrases themselves: this runs on every paragraph of the file.
    let text = head(text, 600);
    text.contains("大家")
        && ["为大家整理", "為大家整理", "小编为大家", "小編為大家"]
            .iter()
            .any(|w| text.contains(w))
}

static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(尊敬的.{1,40}|各位.{0,30}|(.{1,20}、)?同志[们們])[：:]$").expect("valid")
});

/// A line that is only an opening salutation: 同志们：, 各位领导、同志们：, 尊敬的…：.
pub fn is_salutation_line(text: &str) -> bool {
    // Cheap tests first: this runs on every line.
    text.ends_with(['：', ':']) && text.len() <= 150 && SALUTATION.is_match(text)
}

/// The formulas a speech ends on.
const CLOSINGS: [&str; 14] = [
    "谢谢大家",
    "謝謝大家",
    "谢谢各位",
    "謝謝各位",
    "谢谢",
    "謝謝",
    "散会",
    "散會",
    "以上是我的发言",
    "以上是我的發言",
    "请批评指正",
    "請批評指正",
    "敬请批评指正",
    "敬請批評指正",
];

static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    // The formula ends the paragraph and is a clause of its own.
    Regex::new(&format!(
        r"(^|[，,。！!；;])({})[。！!.]?$",
        CLOSINGS.join("|")
    ))
    .expect("valid")
});

/// A paragraph that ends the speech with a formula: 谢谢大家！, 散会。, …我就讲这么多，谢谢！,
/// …不妥之处，请批评指正。
fn is_closing_formula(text: &str) -> bool {
    let end = text.trim_end_matches(['。', '！', '!', '.']);
    // Cheap test first: this runs on every line.
    CLOSINGS.iter().any(|f| end.ends_with(f)) && CLOSING.is_match(text)
}

static MEETING_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(同志[们們][，,])?(今天|这次|這次|本次)[^。！？]{0,30}(会议|會議|会上|會上|召开|召開)",
    )
    .expect("valid")
});

/// The opening paragraph of a speech at a meeting: 今天我们在这里召开…, 同志们，这次会议的主要任务是….
fn is_meeting_opening(text: &str) -> bool {
    ["同志", "今天", "这次", "這次", "本次"]
        .iter()
        .any(|w| text.starts_with(w))
        && MEETING_OPENING.is_match(text)
}

/// A paragraph that addresses the audience to close: 同志们，…; not the recap that opens a
/// speaker's own part (同志们，刚才…).
fn is_final_address(text: &str) -> bool {
    let Some(rest) = ["同志们", "同志們"]
        .iter()
        .find_map(|a| text.strip_prefix(a))
    else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(['，', ',', '：', ':']) else {
        return false;
    };
    !rest.is_empty()
        && !["刚才", "剛才", "下面", "今天", "这次", "這次"]
            .iter()
            .any(|w| rest.starts_with(w))
}

/// What may follow a closing address inside the same speech: a point that goes on with a list
/// (a point numbered 1 opens a new text), the closing formula, another address.
fn is_continuing_after_address(line: &Line) -> bool {
    let text = line.text.as_ref();
    line.marker.as_ref().is_some_and(|m| m.number != Some(1))
        || is_closing_formula(text)
        || text.starts_with("同志")
        || is_salutation_line(text)
}

static TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Han}{2,12}(議員|议员|局長|局长|司長|司长|署長|署长|部長|部长|處長|处长|秘書長|秘书长|長官|长官|專員|专员)[：:]",
    )
        .expect("valid")
});

/// A member's or official's turn in a transcript. Not a speech: a tail after the timer
/// (王某某議員： ……我希望…), or a one-sentence procedural turn (moving an amendment, a declaration)
/// followed at once by another turn or by the printed wording (…修正案如下：).
fn is_speaker_turn(lines: &[Line], content: &[usize], pos: usize) -> bool {
    let text = lines[content[pos]].text.as_ref();
    // A turn names its speaker in the line's first twenty characters.
    let head = head(text, 60);
    if !(head.contains(':') || head.contains('：')) {
        return false;
    }
    let Some(m) = TURN.find(text) else {
        return false;
    };
    // 出席議員： / 缺席議員： head the record's attendance lists, not a member's turn.
    if ["出席", "缺席", "列席"].iter().any(|w| text.starts_with(w)) {
        return false;
    }
    if text[m.end()..].trim_start().starts_with(['…', '.']) {
        return false;
    }
    let mut sentences = 0;
    for (k, &j) in content.iter().enumerate().skip(pos).take(8) {
        if j != content[pos] && !lines[j].continues {
            let next = lines[j].text.as_ref();
            // The printed wording's lead-in may be broken over two lines (…進一步 / 修正案如下：).
            let announces_wording = content[k..]
                .iter()
                .take(2)
                .any(|&l| lines[l].text.contains("如下："));
            return sentences > 1
                || !(TURN.is_match(next) || CHAIR.is_match(next) || announces_wording);
        }
        // Thanking the chair is courtesy, not a second sentence of substance.
        let text = lines[j].text.as_ref();
        let courtesies = ["多謝主席。", "謝謝主席。", "多谢主席。", "谢谢主席。"]
            .iter()
            .map(|c| text.matches(c).count())
            .sum::<usize>();
        sentences += text.matches('。').count() - courtesies;
    }
    sentences > 1
}

static CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    // The chair's turns are procedure, never speeches; they end the turn before them.
    Regex::new(r"^\p{Han}{0,6}主席[：:]").expect("valid")
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // 2018年9月20日, （2018年9月20日）, and the way documents sign off: 二〇一九年七月二日.
    Regex::new(
        r"^[（(]?\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[）)]?$",
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
    for l in content.iter().take(16) {
        let t = l.text.as_ref();
        let source_label = ["来源", "來源"].iter().any(|w| t.starts_with(w));
        if is_salutation_line(t) {
            h.salutation = Some(t.trim_end_matches(['：', ':']).to_string());
            break;
        }
        if let Some(c) = DATE.captures(t) {
            h.date = Some(t.to_string());
            h.date_iso = iso_date(&c[1], &c[2], &c[3]);
        } else if (h.title.is_some() || !main_title.is_empty())
            && (t.starts_with("——") || is_subtitle(t))
        {
            if h.title.is_none() {
                h.title = Some(main_title.join(" "));
            }
            h.subtitle = Some(t.to_string());
        } else if h.title.is_none() && is_speech_title(t) {
            h.title = Some(t.to_string());
        } else if h.title.is_some() && is_speaker(t) && !after_source_label {
            // The line nearest the salutation names the speaker: a page's source (四川日报)
            // may come first.
            h.speaker = Some(t.to_string());
        } else if h.title.is_none()
            && l.marker.is_none()
            && is_title_like(t)
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
        h.date_iso = iso_date(&c[1], &c[2], &c[3]);
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

fn is_name(text: &str) -> bool {
    let n = text.chars().count();
    (2..=4).contains(&n) && text.chars().all(crate::clean::is_han)
}

/// A speaker line under the title: a name (王晓峰), or an office and a name (市委书记　王晓峰);
/// a two-character name is often spaced out to the width of three (市长 龚 正).
fn is_speaker(text: &str) -> bool {
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

fn is_office(text: &str) -> bool {
    text.chars().count() <= 16 && text.chars().all(crate::clean::is_han)
}

fn iso_date(y: &str, m: &str, d: &str) -> Option<String> {
    let number = |s: &str| s.parse().ok().or_else(|| crate::marker::han_value(s));
    let (y, m, d) = (number(y)?, number(m)?, number(d)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{CleanOptions, clean};

    fn speeches(text: &str) -> Vec<Range<usize>> {
        split(&clean(text, CleanOptions::default()))
    }

    #[test]
    fn a_speech_without_text_is_not_a_speech() {
        // A damaged byte after the closing, and a row of dashes before the first title.
        let text = "一、学习。内容。\n谢谢大家！\n\u{FFFD}\n";
        assert_eq!(speeches(text), vec![0..3]);
        let text = "——————\n第二次会议上的讲话\n一、落实。\n谢谢大家！\n※\n";
        assert_eq!(speeches(text), vec![0..5]);
    }

    #[test]
    fn header_fields() {
        let text = "\n在全区工作会议上的讲话\n\n（2018年9月20日）\n\n王晓峰\n\n同志们：\n\n这次会议很重要。\n谢谢大家！\n";
        let lines = clean(text, CleanOptions::default());
        let h = header(&lines, 0..lines.len());
        assert_eq!(h.title.as_deref(), Some("在全区工作会议上的讲话"));
        assert_eq!(h.date_iso.as_deref(), Some("2018-09-20"));
        assert_eq!(h.speaker.as_deref(), Some("王晓峰"));
        assert_eq!(h.salutation.as_deref(), Some("同志们"));
        assert_eq!(h.closing.as_deref(), Some("谢谢大家"));
    }

    #[test]
    fn a_report_is_dated_where_it_is_signed() {
        for (sign_off, iso) in [
            ("2019年7月2日", "2019-07-02"),
            ("二〇二四年十二月二十日", "2024-12-20"),
        ] {
            let text = format!(
                "上半年工作情况报告\n一、总体情况\n工作有序推进。\n机关党支部\n{sign_off}\n"
            );
            let lines = clean(&text, CleanOptions::default());
            let h = header(&lines, 0..lines.len());
            assert_eq!(h.date.as_deref(), Some(sign_off));
            assert_eq!(h.date_iso.as_deref(), Some(iso));
        }
    }

    #[test]
    fn a_closing_formula_ends_its_speech_and_is_the_closing() {
        let text = "一、学习。内容。\n以上发言，不妥之处，请批评指正。\n今年以来，我们狠抓落实。\n一、落实。内容。\n我就讲这么多，谢谢各位！\n";
        assert_eq!(speeches(text), vec![0..2, 2..5]);
        let lines = clean(text, CleanOptions::default());
        assert_eq!(header(&lines, 0..2).closing.as_deref(), Some("请批评指正"));
        assert_eq!(header(&lines, 2..5).closing.as_deref(), Some("谢谢各位"));
    }

    #[test]
    fn a_site_blurb_starts_the_next_text() {
        let text = "一、学习。内容。\n二、落实。内容。\n下面是本站为大家整理的发言稿，供大家参考。意识形态工作很重要。\n一、提高认识。内容。\n";
        assert_eq!(speeches(text), vec![0..2, 2..4]);
    }

    #[test]
    fn a_repeated_opening_line_starts_a_copy_only_with_its_next_lines() {
        let opening = "过去一年，我们坚持把社区治理作为基层工作的重心来抓。";
        let text = format!(
            "一、学习。内容。\n谢谢大家！\n{opening}\n一是建强队伍。内容。\n二是完善机制。内容。\n\
             {opening}\n一是建强队伍。内容。\n\
             三是办好实事。内容。\n{opening}\n这一句换了说法。\n另一句也换了。\n"
        );
        // Line 6 repeats the opening with the line after it: a copy. Line 9 repeats only the
        // opening sentence, as a speech may quote its own beginning: no new speech.
        assert_eq!(speeches(&text), vec![0..2, 2..5, 5..11]);
    }

    #[test]
    fn collection_labels_are_speech_titles() {
        for label in [
            "【篇二】",
            "篇三：",
            "范文四",
            "範文5：",
            "意識形態工作會上的講話篇十八",
        ] {
            assert!(is_speech_title(label), "{label}");
        }
        for line in ["篇幅有限", "范文", "【要点】"] {
            assert!(!is_speech_title(line), "{line}");
        }
    }

    #[test]
    fn a_quotation_s_attribution_is_not_a_subtitle() {
        let text = "一、学习。内容。\n“要把学习贯彻作为首要政治任务。”\n——在全市工作会议上的讲话\n二、落实。内容。\n";
        assert_eq!(speeches(text), vec![0..4]);
    }

    #[test]
    fn a_site_blurb_under_a_title_belongs_to_that_speech() {
        let text = "一、学习。内容。\n谢谢大家！\n在会上的讲话\n以下是本站为大家整理的讲话稿，供大家参考。\n同志们：\n今天开会。\n";
        assert_eq!(speeches(text), vec![0..2, 2..6]);
    }

    #[test]
    fn speakers_are_names_with_or_without_an_office() {
        for (line, speaker) in [
            ("王晓峰", true),
            ("市委书记\u{3000}王晓峰", true),
            ("上海市市长 龚 正", true),
            ("龚 正", true),
            ("坚定信心 真抓实干 奋力开创", false),
            ("来源：四川日报", false),
        ] {
            assert_eq!(is_speaker(line), speaker, "{line}");
        }
    }

    #[test]
    fn salutation_in_a_header_does_not_split() {
        let text = "在会上的讲话\n同志们：\n今天开会。\n一、学习。\n";
        assert_eq!(speeches(text).len(), 1);
    }

    #[test]
    fn transcript_turns_split_but_procedural_ones_do_not() {
        let text = "張三議員：主席，我想談三點。第一是教育。\n第二，是房屋。\n李四議員：主席，我動議修正。\n王五議員：主席，我支持。我也反對。\n";
        assert_eq!(speeches(text), vec![0..3, 3..4]);
    }

    #[test]
    fn procedural_turns_before_the_chair_or_the_printed_wording_are_not_speeches() {
        let text = "會議過程正式紀錄\n出席議員：\n張三議員\n缺席議員：\n李四議員\n張三議員：主席，我想談三點。第一是教育。\n李四議員：我正在看。\n主席：請你讀出來。\n\
                    李四議員：主席，我動議修正議案。多謝主席。\n李四議員就議案動議的\n修正案如下：\n\
                    王五議員：主席，我支持。我也反對。\n";
        assert_eq!(speeches(text), vec![0..5, 5..11, 11..12]);
    }

    #[test]
    fn officials_of_every_rank_open_turns() {
        let text = "保安局局長：主席，我先回應。政府會跟進。
警務處處長：主席，警方已加強巡邏。今年罪案下降。
                    公務員事務局常任秘書長：主席，我補充兩點。第一是人手。
行政長官：主席，多謝議員提問。我會考慮。
";
        assert_eq!(speeches(text), vec![0..1, 1..2, 2..3, 3..4]);
    }
}
