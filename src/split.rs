//! Stage 3: split a file into its speeches, and read each speech's header.
//!
//! A file may hold several speeches: a scraped page of 篇一 … 篇十八, a collection of 发言稿, a
//! transcript with one turn per member. No signal is enough alone, so a speech starts at:
//! - a page-section title (…讲话篇三), a collection's label (【篇二】, 范文三：) or a speech title
//!   (a short unpunctuated line ending in 讲话, 发言, 发言稿, 报告, 党课, 致辞), an appendix
//!   (附录：…), or a bracketed label over a document's title (【某某文件】 / 《关于…》);
//! - a subtitle naming the occasion (——在…会议上的讲话, or 在…的讲话 under a main title): the
//!   speech starts at the title lines above it;
//! - an opening salutation on a line of its own (同志们：, 尊敬的…：), unless it belongs to the
//!   header block of a speech that has just started;
//! - the first line after a closing (谢谢大家, 散会, 以上是我的发言), and an opening paragraph
//!   (今天… / 这次会议…) after a final paragraph that begins 同志们，;
//! - a scraping site's blurb introducing the next text (本站为大家整理的…，供大家参考), unless
//!   it stands right under a speech's title;
//! - a participant's turn in a transcript (王某某議員：…, XX局局長：…, 鄭司長某某：…, 某某理事長：…,
//!   `1. 王某某議員︰…`). Turns are settled by named, weighted evidence (`TurnEvidence`, one table):
//!   the chair's turns, the same speaker resuming through the chair's prompts, interjections while
//!   the chair keeps the floor for a broken-off speaker, a member rising out of turn, a turn
//!   moving printed wording and a tail after the timer start nothing, and take no other start
//!   signal either;
//! - the number line of a document in a collection of dated documents (一 / 二 … alone on their
//!   lines, each part closing on its own date line): the number labels the document;
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
    // Transcript turns are settled by their own evidence; a turn that starts nothing (the
    // chair's, an interjection, the speaker resuming) takes no other start signal either.
    let turns = turn_calls(lines, &content);
    let documents = numbered_documents(lines, &content);
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
        let starts_here = if starts.is_empty() || documents.binary_search(&pos).is_ok() {
            true
        } else if let Some(call) = turns[pos] {
            call
        } else if lines[i].continues {
            false
        } else if names_speech(text) || is_appendix(text) || is_document_label(lines, &content, pos)
        {
            true
        } else if is_site_blurb(text) {
            // A blurb right under a speech's title introduces that speech.
            !header_lines_only
        } else if is_salutation_line(text) {
            pos > header_until
        } else if crate::clean::is_notes_start(text) {
            // Notes after a speech's last words (注释, a rule line) belong to it.
            false
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

/// A document number alone on its line: 一, 二, … 十二 (no punctuation, no title).
fn bare_number(text: &str) -> Option<u32> {
    let n = text.chars().count();
    if !(1..=3).contains(&n) || !text.chars().all(|c| "一二三四五六七八九十".contains(c))
    {
        return None;
    }
    crate::marker::han_value(text)
}

/// The content positions of the number lines of a collection of dated documents: bare numbers
/// 一, 二, 三 … in order, each part closing on its own date line ((一九五一年十一月三十日)) before
/// the next number. A bare number whose part carries no date is a section number (一 / 二 over
/// the parts of one speech) and starts nothing. The last part may run to the end of the file
/// undated (a cut), but at least two parts must be dated.
fn numbered_documents(lines: &[Line], content: &[usize]) -> Vec<usize> {
    let numbers: Vec<(usize, u32)> = content
        .iter()
        .enumerate()
        .filter_map(|(pos, &i)| bare_number(&lines[i].text).map(|v| (pos, v)))
        .collect();
    let dated = |from: usize, to: usize| {
        (from + 1..to)
            .rev()
            .take(2)
            .any(|p| DATE.is_match(&lines[content[p]].text))
    };
    let mut found = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut flush = |run: &mut Vec<usize>| {
        if run.len() >= 2 {
            found.extend(run.iter().copied());
        }
        run.clear();
    };
    for (k, &(pos, value)) in numbers.iter().enumerate() {
        let end = numbers.get(k + 1).map_or(content.len(), |n| n.0);
        let follows =
            run.is_empty() && value == 1 || !run.is_empty() && value as usize == run.len() + 1;
        if !follows {
            flush(&mut run);
            if value != 1 {
                continue;
            }
        }
        let last = k + 1 == numbers.len() || numbers[k + 1].1 != value + 1;
        if dated(pos, end) {
            run.push(pos);
        } else if last && !run.is_empty() {
            run.push(pos);
            flush(&mut run);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    found
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

/// A short line without sentence punctuation that names a speech: …讲话, …发言稿, …篇三; and, as
/// the first line of a speech, a bare document number (一, 二) that labels a document of a
/// collection as 篇二 does. A bare number starts a speech only where `numbered_documents` finds
/// dated documents; elsewhere it is a section number inside a speech.
pub fn is_speech_title(text: &str) -> bool {
    names_speech(text) || bare_number(text).is_some()
}

/// A line that names a speech wherever it stands: …讲话, …发言稿, …篇三, 【篇二】.
fn names_speech(text: &str) -> bool {
    is_title_like(text) && !text.starts_with(['—', '-']) && SPEECH_TITLE.is_match(text)
}

/// A bracketed label on a line of its own over a document's title in book-title marks
/// (【某某文件】 / 《关于…的规定》): a collection putting a second text after the first.
fn is_document_label(lines: &[Line], content: &[usize], pos: usize) -> bool {
    let text = lines[content[pos]].text.as_ref();
    let Some(inner) = text.strip_prefix('【').and_then(|t| t.strip_suffix('】')) else {
        return false;
    };
    (2..=12).contains(&inner.chars().count())
        && !inner.contains(['【', '】', '：', ':'])
        && content
            .get(pos + 1)
            .is_some_and(|&n| lines[n].text.starts_with('《'))
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

static TURN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    // The office or title that ends a speaker's label: 王某某議員, 保安局局長, 卓某某理事長.
    Regex::new(
        r"(議員|议员|局長|局长|司長|司长|署長|署长|部長|部长|處長|处长|秘書長|秘书长|長官|长官|專員|专员|委員|委员|理事長|理事长|理事|主任|教授|教師|教师|醫師|医师|老師|老师|院長|院长|主任委員|主任委员|總經理|总经理|執行長|执行长|總裁|总裁|同志|書記|书记|縣長|县长|市長|市长|省長|省长|區長|区长|鄉長|乡长|鎮長|镇长|校長|校长|所長|所长|廠長|厂长|經理|经理|董事長|董事长|會長|会长)$",
    )
    .expect("valid")
});

static TURN_OFFICE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    // A surname, an office and a given name, as Taiwan's records write a speaker: 鄭司長乃文,
    // 高委員虹安, 張副署長美美.
    Regex::new(
        r"^\p{Han}{1,2}副?(司長|署長|部長|次長|局長|處長|主任委員|委員|主委|院長|董事長|總經理|理事長|執行長|總裁|主任|秘書長|市長|縣長)\p{Han}{1,2}$",
    )
        .expect("valid")
});

static CHAIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Han}{0,6}主席|主持人)$").expect("valid"));

/// A transcript turn: a speaker's label, a colon, and what they say (王某某議員：主席，…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Turn<'a> {
    /// The label as written: 勞工及福利局局長, 張三議員, 主席.
    speaker: &'a str,
    /// The chair (主席, 副主席) keeps order; their turns are procedure.
    chair: bool,
    /// What follows the colon.
    said: &'a str,
}

/// Whether `text` opens with a transcript turn's speaker label (王某某議員：…, 主席：…, also after
/// the agenda number of a question): the nesting stage reads `1. 謝某某議員：` as a speaker line,
/// not a point.
///
/// ```
/// assert!(tigang::split::is_turn("1. 王大文議員：主席，我想問局長"));
/// assert!(!tigang::split::is_turn("1.加强学习：要深入"));
/// ```
pub fn is_turn(text: &str) -> bool {
    turn(text).is_some()
}

/// Read a turn from a paragraph's first line. The label is a short run of Han characters before
/// a colon (：, :, or ︰ as some records print it), after the agenda number of a question
/// (`1. 謝某某議員：`); it names a participant when it ends with an office or title, is a surname,
/// office and given name, or when the turn opens by addressing the chair.
fn turn(text: &str) -> Option<Turn<'_>> {
    // A turn names its speaker in the line's first few characters: cheap tests first.
    // A label is at most 14 characters after an agenda number: its colon is in the first 64
    // bytes (：is EF BC 9A, ︰ EF B8 B0 in UTF-8).
    let bytes = &text.as_bytes()[..text.len().min(64)];
    let colon = memchr::memchr(b':', bytes).is_some()
        || memchr::memmem::find(bytes, "：".as_bytes()).is_some()
        || memchr::memmem::find(bytes, "︰".as_bytes()).is_some();
    if !colon {
        return None;
    }
    let body = text
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix('.')
        .filter(|_| text.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(text)
        .trim_start();
    let colon = body.find(['：', ':', '︰'])?;
    let (speaker, rest) = body.split_at(colon);
    let said = rest[rest.chars().next()?.len_utf8()..].trim_start();
    let n = speaker.chars().count();
    if !(2..=14).contains(&n) || !speaker.chars().all(crate::clean::is_han) {
        return None;
    }
    // 出席議員： / 缺席議員： head the record's attendance lists, not a member's turn; a label
    // names a person, not a clause (我想問局長：…).
    // 各位代表： / 尊敬的…： are salutations, not speakers.
    if [
        "出席", "缺席", "列席", "我", "你", "他", "她", "您", "各位", "尊敬",
    ]
    .iter()
    .any(|w| speaker.starts_with(w))
    {
        return None;
    }
    let chair = CHAIR.is_match(speaker);
    // A bare name is a speaker when the record names who they are at once: 张三：（某公司董事长）….
    let introduced = n <= 4 && said.starts_with(['（', '(']) && {
        let inside: String = said
            .chars()
            .skip(1)
            .take_while(|&c| c != '）' && c != ')')
            .collect();
        TURN_TITLE.is_match(&inside) || inside.ends_with("总") || inside.ends_with("總")
    };
    let participant = TURN_TITLE.is_match(speaker)
        || TURN_OFFICE_NAME.is_match(speaker)
        || said.starts_with("主席")
        || introduced;
    (chair || participant).then_some(Turn {
        speaker,
        chair,
        said,
    })
}

/// What a reader weighs when deciding whether a transcript turn starts a speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TurnEvidence {
    /// A participant takes the floor.
    NewSpeaker,
    /// The chair's turns keep order (請…發言, a ruling, a question to the floor): procedure.
    ChairTurn,
    /// The speaker of the turn before speaks again with only the chair in between (a follow-up
    /// through the chair's prompts, a tail after the timer).
    SameSpeakerResumes,
    /// A turn broke off (……) and the chair kept the floor for its speaker (請稍等, 請繼續, 讓他完成
    /// 作答): the speaker taking it back goes on with the same speech.
    ResumesAfterBreak,
    /// A turn between a broken-off turn and its speaker taking the floor back.
    Interjection,
    /// A one-sentence turn that moves a motion or an amendment, followed (through the chair's
    /// prompts) by its printed wording (…修正案如下：).
    MovesWording,
    /// A one-sentence turn of a member who rose out of turn (a stage direction 某議員站起來 just
    /// before it): a declaration or a point of order.
    OutOfTurn,
    /// The tail after the timer: the label followed by an ellipsis (某議員： ……我希望…).
    TimerTail,
}

/// The weight of each kind of evidence: a turn starts a speech when its evidence sums above zero.
/// One kind against a start outweighs the new speaker; the chair outweighs everything.
const TURN_WEIGHTS: [(TurnEvidence, i32); 8] = [
    (TurnEvidence::NewSpeaker, 10),
    (TurnEvidence::ChairTurn, -100),
    (TurnEvidence::SameSpeakerResumes, -20),
    (TurnEvidence::ResumesAfterBreak, -20),
    (TurnEvidence::Interjection, -20),
    (TurnEvidence::MovesWording, -20),
    (TurnEvidence::OutOfTurn, -20),
    (TurnEvidence::TimerTail, -20),
];

fn turn_weight(e: TurnEvidence) -> i32 {
    TURN_WEIGHTS
        .iter()
        .find(|&&(k, _)| k == e)
        .map_or(0, |&(_, w)| w)
}

/// How far the chair may keep the floor for a broken-off speaker: turns until they take it back.
const BREAK_MAX_TURNS: usize = 16;

/// The chair's words that keep the floor for an interrupted speaker.
const FLOOR_KEPT: [&str; 7] = [
    "請稍等",
    "请稍等",
    "請稍停",
    "请稍停",
    "請繼續",
    "请继续",
    "完成作答",
];

/// The sentences of substance in the paragraph opened at content position `pos`: thanking the
/// chair is courtesy, not a sentence.
fn sentences(lines: &[Line], content: &[usize], pos: usize) -> usize {
    let mut n = 0;
    for (k, &j) in content.iter().enumerate().skip(pos).take(8) {
        if k != pos && !lines[j].continues {
            break;
        }
        let text = lines[j].text.as_ref();
        let courtesies = ["多謝主席。", "謝謝主席。", "多谢主席。", "谢谢主席。"]
            .iter()
            .map(|c| text.matches(c).count())
            .sum::<usize>();
        n += text.matches(['。', '？', '！', '?', '!']).count() - courtesies;
    }
    n
}

fn ends_broken_off(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// A stage direction in brackets: (李某議員站起來 ).
fn is_stage_direction(text: &str) -> bool {
    text.starts_with(['(', '（']) && text.trim_end().ends_with([')', '）'])
}

/// The evidence on each transcript turn of the file: `(content position, turn, evidence)`.
fn turn_evidence<'a>(
    lines: &'a [Line],
    content: &[usize],
) -> Vec<(usize, Turn<'a>, Vec<TurnEvidence>)> {
    let mut turns: Vec<(usize, Turn<'a>, Vec<TurnEvidence>)> = content
        .iter()
        .enumerate()
        .filter_map(|(pos, &i)| turn(lines[i].text.as_ref()).map(|t| (pos, t, Vec::new())))
        .collect();
    // Broken-off turns whose speaker the chair lets go on: what comes between is interjection.
    let mut k = 0;
    while k < turns.len() {
        let (pos, t, _) = turns[k];
        let end = turns.get(k + 1).map_or(content.len(), |n| n.0);
        let broke_off = !t.chair
            && (pos..end)
                .rev()
                .take(4)
                .any(|p| ends_broken_off(&lines[content[p]].text));
        let back = broke_off
            .then(|| {
                (k + 1..turns.len().min(k + 1 + BREAK_MAX_TURNS))
                    .find(|&m| !turns[m].1.chair && turns[m].1.speaker == t.speaker)
            })
            .flatten()
            .filter(|&m| {
                (k + 1..m).any(|c| {
                    turns[c].1.chair && FLOOR_KEPT.iter().any(|w| turns[c].1.said.contains(w))
                })
            });
        if let Some(m) = back {
            for between in &mut turns[k + 1..m] {
                between.2.push(TurnEvidence::Interjection);
            }
            turns[m].2.push(TurnEvidence::ResumesAfterBreak);
            k = m;
        } else {
            k += 1;
        }
    }
    let mut last_participant: Option<&str> = None;
    for k in 0..turns.len() {
        let (pos, t, _) = turns[k];
        let mut found = Vec::new();
        if t.chair {
            found.push(TurnEvidence::ChairTurn);
        } else {
            found.push(TurnEvidence::NewSpeaker);
            if last_participant == Some(t.speaker) {
                found.push(TurnEvidence::SameSpeakerResumes);
            }
            if t.said.starts_with(['…', '.']) {
                found.push(TurnEvidence::TimerTail);
            }
            if sentences(lines, content, pos) <= 1 {
                if moves_wording(lines, content, &turns[k..]) {
                    found.push(TurnEvidence::MovesWording);
                }
                let rose = content[pos.saturating_sub(3)..pos].iter().any(|&j| {
                    let s = lines[j].text.as_ref();
                    is_stage_direction(s) && s.contains(t.speaker) && s.contains("站起")
                });
                if rose {
                    found.push(TurnEvidence::OutOfTurn);
                }
            }
            last_participant = Some(t.speaker);
        }
        turns[k].2.extend(found);
    }
    turns
}

/// Whether the turn `turns[0]` is followed, through the chair's prompts and its speaker's own
/// further turns, by the printed wording of what it moves (…修正案如下：).
fn moves_wording(
    lines: &[Line],
    content: &[usize],
    turns: &[(usize, Turn, Vec<TurnEvidence>)],
) -> bool {
    let (pos, t, _) = turns[0];
    let mut next_turn = turns[1..].iter().peekable();
    for p in pos + 1..content.len().min(pos + 17) {
        let line = &lines[content[p]];
        if line.continues {
            continue;
        }
        while next_turn.peek().is_some_and(|n| n.0 < p) {
            next_turn.next();
        }
        if let Some(&&(q, n, _)) = next_turn.peek()
            && q == p
        {
            if n.chair || n.speaker == t.speaker {
                continue;
            }
            return false;
        }
        if is_stage_direction(&line.text) {
            continue;
        }
        // The wording's lead-in may be broken over two lines (…進一步 / 修正案如下：).
        return content[p..]
            .iter()
            .take(2)
            .any(|&l| lines[l].text.contains("如下："));
    }
    false
}

/// Whether the transcript turn at each content position (`None`: no turn) starts a speech: the
/// sum of its evidence.
fn turn_calls(lines: &[Line], content: &[usize]) -> Vec<Option<bool>> {
    let mut calls = vec![None; content.len()];
    for (pos, _, ev) in turn_evidence(lines, content) {
        calls[pos] = Some(ev.iter().map(|&e| turn_weight(e)).sum::<i32>() > 0);
    }
    calls
}

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
    for (k, l) in content.iter().take(16).enumerate() {
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
        } else if h.title.is_none() && (names_speech(t) || k == 0 && is_speech_title(t)) {
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
    fn dated_documents_numbered_by_bare_numbers_are_speeches() {
        let text = "关于某事的指示\n一\n要抓紧。内容。\n(一九五一年十一月三十日)\n二\n一、查明情况。\n二、分别处理。\n(一九五二年三月五日)\n三\n要总结。内容。\n";
        // The collection's title is front matter before the first document.
        assert_eq!(speeches(text), vec![0..1, 1..4, 4..8, 8..10]);
        let lines = clean(text, CleanOptions::default());
        assert_eq!(header(&lines, 4..8).title.as_deref(), Some("二"));
        // The number is the document's label, not its first point.
        let doc = crate::extract(text.as_bytes(), "t", &crate::Options::default()).unwrap();
        let points: Vec<usize> = doc.document.speeches[2]
            .points(true)
            .into_iter()
            .map(|(depth, _)| depth)
            .collect();
        assert_eq!(points, vec![1, 1]);
    }

    #[test]
    fn section_numbers_of_one_speech_are_not_documents() {
        // One date under the title: 一 / 二 number the sections of one speech.
        let text = "学习和时局\n(一九四四年四月十二日)\n一\n要学习。内容。\n二\n要团结。内容。\n";
        assert_eq!(speeches(text), vec![0..6]);
        let lines = clean(text, CleanOptions::default());
        // A section number in the header lines is not the speech's title.
        assert_eq!(header(&lines, 0..6).title, None);
    }

    #[test]
    fn a_bracketed_label_over_a_document_title_starts_a_document() {
        let text = "一、学习。内容。\n二、落实。内容。\n【某某文件】\n《关于加强管理的规定》\n一、总则。内容。\n";
        assert_eq!(speeches(text), vec![0..2, 2..5]);
        // A label over an ordinary paragraph is a section's tag, not a new text.
        let text = "一、学习。内容。\n【要点】\n要抓紧落实。\n二、落实。内容。\n";
        assert_eq!(speeches(text), vec![0..4]);
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
    fn transcript_turns_split_and_a_one_line_answer_is_a_speech() {
        // 李四's one sentence answers: a speech, although another turn follows at once.
        let text = "張三議員：主席，我想談三點。第一是教育。\n第二，是房屋。\n李四局長：是對外開放的時間。\n王五議員：主席，我支持。我也反對。\n";
        assert_eq!(speeches(text), vec![0..2, 2..3, 3..4]);
    }

    fn evidence(text: &str) -> Vec<(usize, Vec<TurnEvidence>)> {
        let lines = clean(text, CleanOptions::default());
        let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
        turn_evidence(&lines, &content)
            .into_iter()
            .map(|(pos, _, ev)| (content[pos], ev))
            .collect()
    }

    #[test]
    fn turn_labels_name_speakers_not_clauses() {
        for (line, speaker) in [
            ("張三議員：主席，我想問。", Some("張三議員")),
            ("2. 張三議員：主席，我想問。", Some("張三議員")),
            ("發展局局長︰主席，我回應。", Some("發展局局長")),
            ("鄭司長乃文：主席、各位委員。", Some("鄭司長乃文")),
            ("卓某某理事長：主席、各位委員。", Some("卓某某理事長")),
            ("王某某老師：主席、各位委員。", Some("王某某老師")),
            ("主席：請發言。", Some("主席")),
            ("我想問局長：現時開支多少？", None),
            ("說明：以下三點。", None),
            ("出席議員：", None),
        ] {
            assert_eq!(turn(line).map(|t| t.speaker), speaker, "{line}");
        }
    }

    #[test]
    fn the_chair_never_starts_a_speech() {
        let ev = evidence("甲議員：主席，我講完了。謝謝。\n主席：謝謝。下一位。\n");
        assert!(ev[1].1.contains(&TurnEvidence::ChairTurn));
        // Not even after a closing formula.
        assert_eq!(
            speeches("甲議員：主席，我講完了。謝謝。\n主席：謝謝。下一位。\n"),
            vec![0..2]
        );
    }

    #[test]
    fn the_same_speaker_resuming_after_the_chair_continues() {
        let text = "乙局長：主席，我回答。內容。\n甲議員：局長沒有回答我的補充質詢。\n主席：哪部分未獲答覆？\n甲議員：他如何處置？\n乙局長：主席，我們會處理。內容。\n";
        let ev = evidence(text);
        assert!(ev[3].1.contains(&TurnEvidence::SameSpeakerResumes));
        assert_eq!(speeches(text), vec![0..1, 1..4, 4..5]);
    }

    #[test]
    fn interjections_in_a_broken_off_turn_start_nothing() {
        let text = "行政長官：主席，我們會推展教育。我們會推展 ......\n主席：行政長官，請稍等。甲議員，你有甚麼問題？\n甲議員：主席，我身旁有雜音。\n乙議員：你聽到嗎？我聽不到。\n主席：請你遵守規則。行政長官，請繼續。\n行政長官：我們會推展教育。內容。\n";
        let ev = evidence(text);
        assert!(ev[2].1.contains(&TurnEvidence::Interjection));
        assert!(ev[3].1.contains(&TurnEvidence::Interjection));
        assert!(ev[5].1.contains(&TurnEvidence::ResumesAfterBreak));
        assert_eq!(speeches(text), vec![0..6]);
        // Without the chair keeping the floor, the next member's turn is a speech of its own.
        let text = "甲議員：主席，我想問 ......\n主席：時間到了。\n乙局長：主席，我回答。內容。\n主席：甲議員。\n甲議員：主席，我再問。內容。\n";
        assert_eq!(speeches(text), vec![0..2, 2..4, 4..5]);
    }

    #[test]
    fn a_member_rising_out_of_turn_starts_nothing() {
        let text = "甲議員：主席，我謹此陳辭。內容。\n(乙議員站起來 )\n主席：乙議員，你有甚麼問題？\n乙議員：我只是補充申報。\n丙議員：主席，我也要發言。內容。\n";
        let ev = evidence(text);
        assert!(ev[2].1.contains(&TurnEvidence::OutOfTurn));
        assert_eq!(speeches(text), vec![0..4, 4..5]);
    }

    #[test]
    fn a_turn_moving_the_printed_wording_is_not_a_speech() {
        let text = "甲議員：主席，我支持。我也反對。\n乙議員：主席，我動議修正議案。\n乙議員動議的修正案如下：\n“刪除某字。”\n丙議員：主席，我支持。我也反對。\n";
        let ev = evidence(text);
        assert!(ev[1].1.contains(&TurnEvidence::MovesWording));
        assert!(
            evidence("甲議員： ......我希望。\n")[0]
                .1
                .contains(&TurnEvidence::TimerTail)
        );
        assert_eq!(speeches(text), vec![0..4, 4..5]);
    }

    #[test]
    fn every_turn_evidence_has_a_weight() {
        for (e, w) in TURN_WEIGHTS {
            assert_ne!(w, 0, "{e:?}");
            assert_eq!(turn_weight(e), w);
        }
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
