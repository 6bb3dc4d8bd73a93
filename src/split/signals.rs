//! What single lines say about where a speech starts: titles, salutations, closings, blurbs.

use super::header::DATE;
use crate::clean::Line;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static SUBTITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(——|──|--)?\s*([\p{Han}·]{2,16}?\s*)?(\d{4}年\d{1,2}月\d{1,2}日\s*)?(在|于|於).*(讲话|講話|发言|發言|报告|報告|致辞|致辭|党课|黨課|讲稿|講稿|演讲|演講|会议上|會議上|大会上|大會上|会上|會上)([（(][^）)]{1,8}[）)])?$",
    )
    .expect("valid")
});

/// A line that may stand in a speech's header: short, without a sentence's end (a title, a
/// subtitle, a date, a 来源：… line, a speaker, 2026年2月3日在…会议上).
pub(super) fn is_header_like(text: &str) -> bool {
    text.len() <= 240
        && text.chars().count() <= 60
        && !text.contains(['。', '！', '？', '；', ';', '!', '?'])
}

/// A subtitle naming the occasion: ——在全市经济工作会议上的讲话, ——在…的发言（摘要）, or the same
/// without the dash under a main title.
pub(super) fn is_subtitle(text: &str) -> bool {
    text.starts_with(['—', '─', '-', '在']) && is_header_like(text) && SUBTITLE.is_match(text)
}

/// The content position of the first of the (at most two) title lines right above `pos`, or
/// `pos` itself when there are none: a main title may be broken over two lines.
pub(super) fn title_lines_above(lines: &[Line], content: &[usize], pos: usize) -> usize {
    let is_title_line = |p: usize| {
        let l = &lines[content[p]];
        let t = l.text.as_ref();
        is_title_line(t)
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

/// A title line: short, without a sentence's end; a title may run past 30 characters and hold
/// a comma (凝心聚力，真抓实干，奋力谱写…新篇章).
pub(super) fn is_title_line(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 240
        && text.chars().count() <= 60
        && !text.contains(['。', '；', '！', '？', ';', '!', '?'])
        && !text.ends_with(['：', ':', '，', ','])
        // A title is words: not a rule (---), a quoted note (> …) or a row of links ([首页](/)).
        && text.chars().filter(|&c| crate::clean::is_han(c)).nth(1).is_some()
        && !text.starts_with(['>', '['])
        && !text.contains("](")
}

/// A document number alone on its line: 一, 二, … 十二 (no punctuation, no title).
pub(super) fn bare_number(text: &str) -> Option<u32> {
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
pub(super) fn numbered_documents(lines: &[Line], content: &[usize]) -> Vec<usize> {
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

/// The longest prefix of `text` that fits in `max` bytes and ends on a character boundary.
pub(super) fn head(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

pub(super) static SPEECH_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    // …讲话, …报告（摘要）, …篇三, and the labels collections put over each text: 【篇二】, 范文三：.
    Regex::new(
        r"((篇|范文|範文)[一二三四五六七八九十百〇零\d]+|讲话|講話|讲话稿|講話稿|发言|發言|发言稿|發言稿|报告|報告|党课|黨課|致辞|致辭|讲稿|講稿|贺词|賀詞|献词|獻詞|贺信|賀信)([（(][^（）()]{1,14}[）)])?[）)】\]]?[：:]?$",
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

/// A line that names a speech wherever it stands: …讲话, …发言稿, …篇三, 【篇二】, and a
/// collection's label before a title (篇一：凝聚师德力量, 【篇二】…).
pub(super) fn names_speech(text: &str) -> bool {
    // A collection's label may end in a colon (篇三：).
    is_title_line(text.trim_end_matches(['：', ':']))
        && !text.contains(['，', ','])
        && !text.starts_with(['—', '-'])
        && (SPEECH_TITLE.is_match(text) || COLLECTION_LABEL.is_match(text))
}

static COLLECTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[【\[]?(篇|范文|範文)[一二三四五六七八九十百〇零\d]{1,3}[】\]]?([：:　 ]|[】\]])")
        .expect("valid")
});

static DOCUMENT_KIND: LazyLock<Regex> = LazyLock::new(|| {
    // The kinds of official document a title ends with, and the notes after one: （试行）.
    Regex::new(
        r"(通知|通告|公告|意见|意見|办法|辦法|规定|規定|细则|細則|方案|决定|決定|决议|決議|纪要|紀要|规划|規劃|计划|計劃|要点|要點|条例|條例|章程|通报|通報|批复|批覆|倡议书|倡議書|公开信|公開信|总结|總結|汇报|匯報|思考|体会|體會|心得)([（(][^）)]{1,8}[）)])?$",
    )
    .expect("valid")
});

/// A document's title in a collection: a title line that names a kind of document
/// (关于…的通知, …验收办法（试行）, …的几点思考). A title names its subject, so it is not short.
/// `text` is the line's words, without a heading marker before them.
pub(super) fn names_document(text: &str) -> bool {
    is_title_line(text)
        && !text.starts_with(['《', '—', '-', '（', '(', '附'])
        && text.chars().count() >= 8
        && DOCUMENT_KIND.is_match(text)
}

/// A bracketed label on a line of its own over a document's title in book-title marks
/// (【某某文件】 / 《关于…的规定》): a collection putting a second text after the first.
pub(super) fn is_document_label(lines: &[Line], content: &[usize], pos: usize) -> bool {
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

pub(super) fn is_appendix(text: &str) -> bool {
    text.starts_with("附录") || text.starts_with("附錄")
}

/// A scraping site's blurb introducing the next article (下面是本站为大家整理的…发言稿，供大家参考):
/// collections of 范文 put one before each text.
pub(super) fn is_site_blurb(text: &str) -> bool {
    // A blurb is one sentence: its phrase comes in the line's first 200 characters (600 bytes),
    // so long paragraphs are not searched to their end. One search for what the four phrases
    // share, then the phrases themselves: this runs on every paragraph of the file.
    let text = head(text, 600);
    text.contains("大家")
        && ["为大家整理", "為大家整理", "小编为大家", "小編為大家"]
            .iter()
            .any(|w| text.contains(w))
}

pub(super) static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(尊敬的.{1,40}|各位.{0,30}|(.{1,20}、)?同志[们們])[：:]$").expect("valid")
});

/// A line that is only an opening salutation: 同志们：, 各位领导、同志们：, 尊敬的…：.
pub fn is_salutation_line(text: &str) -> bool {
    // Cheap tests first: this runs on every line.
    text.ends_with(['：', ':']) && text.len() <= 150 && SALUTATION.is_match(text)
}

/// The formulas a speech ends on.
pub(super) const CLOSINGS: [&str; 14] = [
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

pub(super) static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    // The formula ends the paragraph and is a clause of its own.
    Regex::new(&format!(
        r"(^|[，,。！!；;])({})[。！!.]?$",
        CLOSINGS.join("|")
    ))
    .expect("valid")
});

/// A paragraph that ends the speech with a formula: 谢谢大家！, 散会。, …我就讲这么多，谢谢！,
/// …不妥之处，请批评指正。
pub(super) fn is_closing_formula(text: &str) -> bool {
    let end = text.trim_end_matches(['。', '！', '!', '.']);
    // Cheap test first: this runs on every line.
    CLOSINGS.iter().any(|f| end.ends_with(f)) && CLOSING.is_match(text)
}

pub(super) static MEETING_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(同志[们們][，,])?(今天|这次|這次|本次)[^。！？]{0,30}(会议|會議|会上|會上|召开|召開)",
    )
    .expect("valid")
});

/// The opening paragraph of a speech at a meeting: 今天我们在这里召开…, 同志们，这次会议的主要任务是….
pub(super) fn is_meeting_opening(text: &str) -> bool {
    ["同志", "今天", "这次", "這次", "本次"]
        .iter()
        .any(|w| text.starts_with(w))
        && MEETING_OPENING.is_match(text)
}

/// A paragraph that addresses the audience to close: 同志们，…; not the recap that opens a
/// speaker's own part (同志们，刚才…).
pub(super) fn is_final_address(text: &str) -> bool {
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
pub(super) fn is_continuing_after_address(line: &Line) -> bool {
    let text = line.text.as_ref();
    line.marker.as_ref().is_some_and(|m| m.number != Some(1))
        || is_closing_formula(text)
        || text.starts_with("同志")
        || is_salutation_line(text)
}

/// Page furniture a site prints around an article: 【下载】【打印】【关闭】, 打印本页, 责任编辑：…,
/// 分享到：…, 相关报道：, 上一篇：…. A speech never starts on it.
pub(super) fn is_page_furniture(text: &str) -> bool {
    // Runs on every line: furniture is short, and most lines are turned away by length.
    const WORDS: [&str; 16] = [
        "【下载】",
        "【打印】",
        "【关闭】",
        "打印本页",
        "关闭窗口",
        "责任编辑",
        "責任編輯",
        "分享到",
        "相关报道",
        "相關報道",
        "相关链接",
        "相關鏈接",
        "相关推荐",
        "相關推薦",
        "上一篇",
        "下一篇",
    ];
    text.len() <= 160
        && (WORDS.iter().any(|w| text.starts_with(w))
            || text.starts_with('【') && WORDS[..3].iter().any(|w| text.contains(w)))
}

/// An attachment's label on a line of its own (附件, 附件2, 附表：).
pub(super) fn is_annex_label(text: &str) -> bool {
    annex_label(text).is_some_and(str::is_empty)
}

/// An attachment's label, and what follows it on its line: 附件2 → "", 附：名词解释 → 名词解释,
/// 附件：1.关于…的方案 → 1.关于…的方案.
pub(super) fn annex_label(text: &str) -> Option<&str> {
    let rest = ["附件", "附表", "附："]
        .iter()
        .find_map(|w| text.strip_prefix(w))?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十".contains(c) || c.is_whitespace()
    });
    Some(rest.trim_start_matches(['：', ':']).trim())
}

/// A bracketed label naming who speaks next: 【述职人：何建军　职务：副区长】, 【发言人：…】.
pub(super) fn speaker_field(text: &str) -> bool {
    let Some(inner) = text.strip_prefix(['【', '[']) else {
        return false;
    };
    inner.trim_end().ends_with(['】', ']'])
        && [
            "述职人",
            "述職人",
            "发言人",
            "發言人",
            "报告人",
            "報告人",
            "主讲人",
            "主講人",
            "讲话人",
            "講話人",
        ]
        .iter()
        .any(|w| inner.starts_with(w) && inner[w.len()..].starts_with(['：', ':']))
}

/// A row of asterisks or stars (* * *, ＊＊＊, ※※※) that a text file puts between two pieces.
pub(super) fn is_asterism(text: &str) -> bool {
    // Runs on every line: a row of stars is short and opens with one.
    if text.len() > 90 || !text.starts_with(['*', '＊', '※', '☆', '★', '◆', '◇', '✱'])
    {
        return false;
    }
    let marks = text.chars().filter(|c| !c.is_whitespace()).count();
    marks >= 3
        && text.chars().all(|c| {
            c.is_whitespace() || matches!(c, '*' | '＊' | '※' | '☆' | '★' | '◆' | '◇' | '✱')
        })
}

/// A metadata block's title field (标题：…, 題目：…): the document's title.
pub(super) fn title_field(text: &str) -> Option<&str> {
    let rest = ["标题", "標題", "题目", "題目"]
        .iter()
        .find_map(|w| text.strip_prefix(w))?
        .strip_prefix(['：', ':'])?
        .trim();
    is_title_line(rest).then_some(rest)
}
