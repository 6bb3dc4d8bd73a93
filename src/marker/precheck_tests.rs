//! The cheap pre-checks in front of the grammar ([`might_open_marker`], the first-character test
//! of [`recognize_inline`], and the parse of a cut prefix) against the grammar itself: over lines
//! made of marker pieces, whatever `grammar/heading.pest` recognizes in a whole line, the
//! recognizers find, with the same marker. The grammar is the truth; the pre-checks only save time.

use super::*;
use proptest::prelude::*;

/// The pieces lines are made of: everything a marker is spelled with, near-misses, and ordinary
/// Han characters.
const ALPHABET: &[&str] = &[
    // Arabic digits, half- and full-width.
    "0",
    "1",
    "2",
    "3",
    "9",
    "１",
    "２",
    // Han numerals, and the capitals.
    "一",
    "二",
    "三",
    "十",
    "百",
    "零",
    "〇",
    "○",
    "两",
    "兩",
    "壹",
    "贰",
    "叁",
    "貳",
    "拾",
    // Brackets.
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "〔",
    "〕",
    "[",
    "]",
    // Separators.
    "、",
    "．",
    ".",
    "，",
    ",",
    "：",
    ":",
    "。",
    // Enclosed and Roman numbers, bullets, dashes.
    "①",
    "⑳",
    "⑴",
    "Ⅱ",
    "●",
    "—",
    "——",
    "－",
    // Ordinal words and classifiers.
    "第",
    "是",
    "要",
    "为",
    "条",
    "点",
    "个",
    "章",
    "次",
    "军",
    "方面",
    "一方面",
    "另",
    "其",
    "则",
    "来",
    "首先",
    "其次",
    "再次",
    "最后",
    "然后",
    "首",
    "最",
    "甲",
    "乙",
    // Spaces, and the wide gaps a PDF's text leaves.
    " ",
    "\u{3000}",
    "\t",
    WIDE_GAP,
    // Letters.
    "A",
    "a",
    "I",
    "V",
    "X",
    "i",
    "v",
    "x",
    "e",
    "Ｃ",
    // Ordinary Han, and words that turn a number into an amount or a date.
    "的",
    "加",
    "强",
    "在",
    "年",
    "月",
    "亿",
    "万",
    "些",
    "程",
];

/// A run of spaces longer than the prefix the recognizers parse first.
const WIDE_GAP: &str = "                              ";

/// Pieces drawn from `pool`, `len` of them.
fn pieces(pool: &'static [&'static str], len: std::ops::Range<usize>) -> BoxedStrategy<String> {
    prop::collection::vec(prop::sample::select(pool), len)
        .prop_map(|p| p.concat())
        .boxed()
}

/// A line: either up to eight pieces of the alphabet, or one shaped like a marker (indentation,
/// an opening word or bracket, a number in one of the scripts, closing pieces) with pieces of the
/// alphabet after it, so that every family's rule is reached often.
fn line() -> impl Strategy<Value = String> {
    const INDENT: &[&str] = &["", "", " ", "\u{3000}\u{3000}", "\t"];
    const OPEN: &[&str] = &[
        "",
        "",
        "",
        "（",
        "(",
        "【",
        "〔",
        "[",
        "第",
        "其",
        "另",
        "( ",
        "（\u{3000}",
    ];
    const HAN: &[&str] = &[
        "一", "二", "三", "九", "十", "十", "百", "零", "〇", "○", "两", "兩",
    ];
    const ARABIC: &[&str] = &["1", "2", "0", "９", "1", "2", "0", "９", ".", "．"];
    const WHOLE: &[&str] = &[
        "壹",
        "贰",
        "叁",
        "拾",
        "貳",
        "甲",
        "乙",
        "癸",
        "A",
        "b",
        "Ｃ",
        "I",
        "IV",
        "ii",
        "x",
        "①",
        "⑳",
        "⑴",
        "Ⅱ",
        "首先",
        "其次",
        "最后",
        "一方面",
        "另一方面",
        "——",
        "──",
        "●",
    ];
    const CLOSE: &[&str] = &[
        "、",
        "．",
        ".",
        "，",
        ",",
        "：",
        ":",
        "。",
        "）",
        ")",
        "】",
        "〕",
        "]",
        " ",
        "\u{3000}",
        "是",
        "要",
        "为",
        "则",
        "来",
        "条",
        "点",
        "个",
        "个方面",
        "方面",
        "部分",
        "章",
        "次",
        "军",
        "程",
        "年",
        "亿",
        "%",
        WIDE_GAP,
    ];
    let number = prop_oneof![
        pieces(HAN, 1..2),
        pieces(HAN, 2..5),
        pieces(ARABIC, 1..5),
        pieces(WHOLE, 1..2)
    ];
    let shaped = (
        pieces(INDENT, 1..2),
        pieces(OPEN, 1..2),
        number,
        pieces(CLOSE, 0..3),
        pieces(ALPHABET, 0..4),
    )
        .prop_map(|(i, o, n, c, t)| format!("{i}{o}{n}{c}{t}"));
    prop_oneof![1 => pieces(ALPHABET, 0..8), 3 => shaped]
}

/// What the grammar alone makes of `text`, with no pre-check and no cut.
fn grammar_says(text: &str, rule: Rule) -> Option<Marker> {
    parse(text, rule)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40_000))]

    /// A line the grammar reads as a heading passes the pre-check, and the recognizer finds the
    /// marker the grammar finds in the whole line (the pre-check decides only "no marker", and
    /// then the grammar must agree).
    #[test]
    fn the_pre_check_lets_through_every_heading_the_grammar_reads(text in line()) {
        let whole = grammar_says(&text, Rule::heading);
        let trimmed = text.trim_start_matches([' ', '\t', '\u{3000}', '\u{A0}', '\u{FEFF}']);
        if whole.is_some() {
            prop_assert!(might_open_marker(trimmed), "pre-check refused {text:?}: {whole:?}");
        }
        prop_assert_eq!(recognize(&text), whole, "{:?}", text);
    }

    /// The same for markers inside a paragraph.
    #[test]
    fn the_inline_pre_check_lets_through_every_marker_the_grammar_reads(text in line()) {
        prop_assert_eq!(recognize_inline(&text), grammar_says(&text, Rule::inline), "{:?}", text);
    }

    /// A marker followed by a long title: the cut prefix must not change what is found.
    #[test]
    fn a_long_title_changes_nothing(head in line(), tail in line()) {
        let text = format!("{head}{}{tail}", "的".repeat(30));
        prop_assert_eq!(recognize(&text), grammar_says(&text, Rule::heading), "{:?}", text);
        prop_assert_eq!(recognize_inline(&text), grammar_says(&text, Rule::inline), "{:?}", text);
    }
}

/// The disagreement the properties found: a prefix cut inside a wide gap refused (or took) what
/// the whole line says. Spaces no longer count toward the prefix.
#[test]
fn a_wide_gap_inside_a_marker_is_read_as_the_grammar_reads_it() {
    let paren = format!("（1{WIDE_GAP}）加强学习");
    let m = recognize(&paren).expect("（1 … ） is a marker");
    assert_eq!((m.family, m.number), (Family::ParenArabic, Some(1)));
    let numeral = format!("一{WIDE_GAP}、加强学习");
    assert_eq!(recognize(&numeral).map(|m| m.family), Some(Family::Numeral));
    // 1.1 and a unit after the gap is an amount, whatever the gap.
    assert_eq!(recognize(&format!("1.1{WIDE_GAP}亿元")), None);
    assert_eq!(
        recognize(&format!("1.1{WIDE_GAP}总体目标")).map(|m| m.family),
        Some(Family::Decimal)
    );
}
