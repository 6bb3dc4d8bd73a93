//! The grammar itself (`grammar/heading.pest`), rule by rule: each family's table of markers it
//! must parse, with the tokens it must yield (byte offsets: a Han character or full-width sign is
//! three bytes), and the near-misses it must refuse, with where and what it expected instead.
//! The grammar is derived here on its own, apart from the library's Rust around it.

use pest::{consumes_to, fails_with, parses_to};

#[derive(pest_derive::Parser)]
#[grammar = "grammar/heading.pest"]
struct HeadingParser;

/// `input => [tokens]` rows parsed with `rule`.
macro_rules! parses {
    ($rule:ident: $( $input:expr => [ $($tokens:tt)* ] ),* $(,)?) => {
        $( parses_to! { parser: HeadingParser, input: $input, rule: Rule::$rule, tokens: [ $($tokens)* ] }; )*
    };
}

/// `input => (positives, position)` rows that `heading` must refuse.
macro_rules! refuses {
    ($( $input:expr => ([ $($positive:ident),* ], $pos:expr) ),* $(,)?) => {
        $( fails_with! {
            parser: HeadingParser,
            input: $input,
            rule: Rule::heading,
            positives: vec![$(Rule::$positive),*],
            negatives: vec![],
            pos: $pos
        }; )*
    };
}

/// 一、 十一、 二十三． 一百零五、 一 、 两， — and 一 alone on its line, 一） with no opening bracket.
#[test]
fn numeral() {
    parses!(numeral:
        "一、" => [numeral(0, 6, [han_number(0, 3)])],
        "十一、" => [numeral(0, 9, [han_number(0, 6)])],
        "二十三．" => [numeral(0, 12, [han_number(0, 9)])],
        "一百零五、" => [numeral(0, 15, [han_number(0, 12)])],
        "四.落实" => [numeral(0, 4, [han_number(0, 3)])],
        "三：严明纪律" => [numeral(0, 6, [han_number(0, 3)])],
        "一 、充分认识" => [numeral(0, 7, [han_number(0, 3)])],
        "两，" => [numeral(0, 6, [han_number(0, 3)])],
    );
    parses!(bare_numeral: "二" => [bare_numeral(0, 3, [han_number(0, 3), EOI(3, 3)])]);
    parses!(numeral_close:
        "一）落实" => [numeral_close(0, 6, [han_number(0, 3)])],
        "十二)其他" => [numeral_close(0, 7, [han_number(0, 6)])],
    );
}

/// （一） (二) （三）、 (一 ) （一○） （十二）, and 〔一〕 [三] 【二】、.
#[test]
fn paren_numeral() {
    parses!(paren_numeral:
        "（一）坚定信心" => [paren_numeral(0, 9, [han_number(3, 6)])],
        "(二)加强" => [paren_numeral(0, 5, [han_number(1, 4)])],
        "（三）、统筹" => [paren_numeral(0, 12, [han_number(3, 6)])],
        "(一 )向社会" => [paren_numeral(0, 6, [han_number(1, 4)])],
        "（一○）我们" => [paren_numeral(0, 12, [han_positional(3, 9)])],
        "（十二）其他" => [paren_numeral(0, 12, [han_number(3, 9)])],
    );
    parses!(bracket_numeral:
        "〔一〕总则" => [bracket_numeral(0, 9, [han_number(3, 6)])],
        "[三]其他" => [bracket_numeral(0, 5, [han_number(1, 4)])],
        "【二】、要求" => [bracket_numeral(0, 12, [han_number(3, 6)])],
    );
}

/// 1. 12、 １． 3 、 1 党…, 1） 12), and the decimal outline numbers 1.1 1.2.3. 2.10、.
#[test]
fn arabic() {
    parses!(arabic:
        "1.医疗" => [arabic(0, 2, [arabic_number(0, 1)])],
        "12、其他" => [arabic(0, 5, [arabic_number(0, 2)])],
        "１．全角" => [arabic(0, 6, [arabic_number(0, 3)])],
        "3 、统筹" => [arabic(0, 5, [arabic_number(0, 1)])],
        "1 党的领导" => [arabic(0, 2, [arabic_number(0, 1)])],
        "1、2月下旬" => [arabic(0, 4, [arabic_number(0, 1)])],
    );
    parses!(arabic_close:
        "1）加强学习" => [arabic_close(0, 4, [arabic_number(0, 1)])],
        "12)其他" => [arabic_close(0, 3, [arabic_number(0, 2)])],
    );
    parses!(decimal:
        "1.1 总体目标" => [decimal(0, 3, [arabic_number(0, 1), decimal_part(2, 3)])],
        "1.2.3.【分项】" => [decimal(0, 6, [arabic_number(0, 1), decimal_part(2, 3), decimal_part(4, 5)])],
        "2.10、其他" => [decimal(0, 7, [arabic_number(0, 1), decimal_part(2, 4)])],
        "1.1指导思想" => [decimal(0, 3, [arabic_number(0, 1), decimal_part(2, 3)])],
    );
}

/// （1） (12) ⑵, and the circled ① ⑳、.
#[test]
fn paren_arabic_and_circled() {
    parses!(paren_arabic:
        "（1）第一" => [paren_arabic(0, 7, [arabic_number(3, 4)])],
        "(12)其他" => [paren_arabic(0, 4, [arabic_number(1, 3)])],
        "⑵其次" => [paren_arabic(0, 3, [parenthesized_digit(0, 3)])],
    );
    parses!(circled_item:
        "①加强" => [circled_item(0, 3, [circled(0, 3)])],
        "⑳、末" => [circled_item(0, 6, [circled(0, 3)])],
    );
}

/// 一是 十二要 二为 (and inside paragraphs 一则 二来，).
#[test]
fn shi_yao() {
    parses!(shi_yao:
        "一是要提高" => [shi_yao(0, 6, [han_number(0, 3), shi_yao_word(3, 6)])],
        "十二要奋力" => [shi_yao(0, 9, [han_number(0, 6), shi_yao_word(6, 9)])],
        "二为加强" => [shi_yao(0, 6, [han_number(0, 3), shi_yao_word(3, 6)])],
    );
    parses!(ze_lai:
        "一则要" => [ze_lai(0, 6, [han_number(0, 3)])],
        "二来，" => [ze_lai(0, 9, [han_number(0, 3)])],
    );
}

/// 第一， 第十一。 第二: — 第一点， 第二个方面， 第一是 — 第一章 第三部分 — 其一，.
#[test]
fn ordinal_counted_and_part() {
    parses!(ordinal:
        "第一，要统一思想" => [ordinal(0, 9, [han_number(3, 6)])],
        "第十一。" => [ordinal(0, 12, [han_number(3, 9)])],
        "第二:" => [ordinal(0, 7, [han_number(3, 6)])],
    );
    parses!(counted:
        "第一点，" => [counted(0, 12, [han_number(3, 6), classifier(6, 9)])],
        "第二个方面，关于" => [counted(0, 18, [han_number(3, 6), classifier(6, 15)])],
        "第一是关于" => [counted(0, 9, [han_number(3, 6), classifier(6, 9)])],
        "第三条 范围" => [counted(0, 9, [han_number(3, 6), classifier(6, 9)])],
    );
    parses!(part:
        "第一章\u{3000}总则" => [part(0, 9, [han_number(3, 6), classifier_part(6, 9)])],
        "第三部分" => [part(0, 12, [han_number(3, 6), classifier_part(6, 12)])],
    );
    parses!(qi: "其一，" => [qi(0, 9, [han_number(3, 6)])]);
}

/// 首先， 其次, 最后： 首先是… (the adverb alone is the marker), and 一方面 / 另一方面 inside a
/// paragraph.
#[test]
fn adverb_and_aspect() {
    parses!(adverb:
        "首先，要" => [adverb(0, 9, [adverb_word(0, 6)])],
        "其次," => [adverb(0, 7, [adverb_word(0, 6)])],
        "最后：" => [adverb(0, 9, [adverb_word(0, 6)])],
        "首先是思想" => [adverb(0, 6, [adverb_word(0, 6)])],
    );
    parses!(aspect: "另一方面，要" => [aspect(0, 15, [aspect_word(0, 12)])]);
}

/// 壹、 拾贰、 肆 alone on its line; 甲、 乙　…; （甲）.
#[test]
fn capital_numeral_and_stem() {
    parses!(capital_numeral:
        "壹、總說" => [capital_numeral(0, 6, [capital_number(0, 3)])],
        "拾贰、其他" => [capital_numeral(0, 9, [capital_number(0, 6)])],
        "肆" => [capital_numeral(0, 3, [capital_number(0, 3)])],
    );
    parses!(stem_item:
        "甲、由一般" => [stem_item(0, 6, [stem(0, 3)])],
        "乙\u{3000}非组织" => [stem_item(0, 6, [stem(0, 3)])],
    );
    parses!(paren_stem: "（甲）七月" => [paren_stem(0, 9, [stem(3, 6)])]);
}

/// Ⅱ、 IV. (iii) A. （Ｃ）, —— and ● bullets.
#[test]
fn roman_latin_and_bullets() {
    parses!(roman:
        "Ⅱ、第二" => [roman(0, 6, [roman_letter(0, 3)])],
        "IV. 展望" => [roman(0, 3, [roman_ascii(0, 2)])],
    );
    parses!(paren_roman: "(iii)租户" => [paren_roman(0, 5, [paren_roman_number(1, 4)])]);
    parses!(latin: "A.北部" => [latin(0, 2, [latin_letter(0, 1)])]);
    parses!(paren_latin: "（Ｃ）全角" => [paren_latin(0, 9, [latin_letter(3, 6)])]);
    parses!(dash: "——发展" => [dash(0, 6)]);
    parses!(bullet:
        "●三大" => [bullet(0, 3)],
        "■ 重点" => [bullet(0, 4)],
    );
}

/// `heading` skips the indentation and hands the line to the family its first character opens;
/// `inline` takes only the families writers run into paragraphs.
#[test]
fn heading_and_inline() {
    parses!(heading:
        "\u{3000}\u{3000}（二）守好" => [heading(0, 15, [paren_numeral(6, 15, [han_number(9, 12)])])],
        "  一是" => [heading(0, 8, [shi_yao(2, 8, [han_number(2, 5), shi_yao_word(5, 8)])])],
        "一、兩年" => [heading(0, 6, [numeral(0, 6, [han_number(0, 3)])])],
        "二" => [heading(0, 3, [bare_numeral(0, 3, [han_number(0, 3), EOI(3, 3)])])],
    );
    parses!(inline:
        "二要抓落实" => [inline(0, 6, [shi_yao(0, 6, [han_number(0, 3), shi_yao_word(3, 6)])])],
        "一方面，" => [inline(0, 12, [aspect(0, 12, [aspect_word(0, 9)])])],
    );
}

/// Words that open like a marker and are none: the rule refuses them, and says where.
#[test]
fn near_misses_are_refused() {
    refuses!(
        // Dates, years and amounts: a fourth digit, a unit after the number.
        "2024.5" => ([heading], 0),
        "2019年" => ([heading], 0),
        "1.5亿元" => ([heading], 0),
        "1.5 亿元" => ([heading], 0),
        "2.4%" => ([EOI], 3),
        "2.000吨" => ([decimal_part], 2),
        "10%" => ([heading], 0),
        "3 万元" => ([heading], 0),
        "3)2" => ([heading], 0),
        "一九三七年" => ([EOI, shi_yao_word], 3),
        "（一九三七年五月三日）" => ([han_positional, arabic_number, stem, latin_letter, paren_roman_number], 3),
        // Approximate numbers and words that begin with a numeral.
        "一两个" => ([EOI, shi_yao_word], 3),
        "十分" => ([EOI, shi_yao_word], 3),
        "十来个" => ([EOI, shi_yao_word], 3),
        "一些" => ([EOI, shi_yao_word], 3),
        "一定要" => ([EOI, shi_yao_word], 3),
        "一方面" => ([EOI, shi_yao_word], 3),
        "一来就" => ([EOI, shi_yao_word], 3),
        // 第 with a word that is no classifier.
        "第一次" => ([classifier_part, classifier], 6),
        "第二次世界大战" => ([classifier_part, classifier], 6),
        "第一书记" => ([classifier_part, classifier], 6),
        "第一方面军" => ([classifier_part], 6),
        "第一章程" => ([classifier], 6),
        // Subtitles and dated lines after a dash; adverbs, stems and letters in words.
        "——在会议上" => ([heading], 0),
        "——2026年" => ([heading], 0),
        "首先我" => ([heading], 0),
        "甲方" => ([heading], 0),
        "U.S." => ([heading], 0),
        "e.g." => ([heading], 0),
        "〔1〕" => ([han_number], 3),
    );
}
