//! Numerals, spelled and valued: the one place that knows how 十二, 拾贰, ⑫, 乙, XII and 一〇 write
//! a number. The grammar says where a numeral stands in a marker; this module says what number it
//! is ([`han_value`], [`capital_value`] …) and how a number is written back ([`han_numeral`],
//! [`numeral_for`], and the spellings of Word's list formats).

use super::Family;

/// The Chinese digits from 零 to 九.
const HAN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// The Chinese place units: 十 百 千 万.
const HAN_UNITS: [char; 4] = ['十', '百', '千', '万'];
/// The financial (capital) digits of formal documents, simplified, from 零 to 玖.
const CAPITAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
/// The financial place units: 拾 佰 仟 万.
const CAPITAL_UNITS: [char; 4] = ['拾', '佰', '仟', '万'];
/// The ten heavenly stems, which number points as 甲、 乙、.
pub(crate) const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
/// The twelve earthly branches (Word's ideographZodiac).
pub(crate) const BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];
/// ①, the first circled number (① … ⑳).
pub(crate) const CIRCLED_ONE: char = '①';
/// ⑴, the first parenthesized number (⑴ … ⒇).
pub(crate) const PARENTHESIZED_ONE: char = '⑴';
/// ⒈, the first number with a full stop (⒈ … ⒛).
pub(crate) const FULL_STOP_ONE: char = '⒈';

// ---------------------------------------------------------------- values

/// Whether `c` writes (part of) the number of a marker that [`numeral_for`] can spell again:
/// Arabic digits, Chinese digits and 十 百, heavenly stems, and circled or parenthesized numbers.
pub(crate) fn writes_a_number(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "〇零○一二三四五六七八九十百两兩".contains(c)
        || STEMS.contains(&c)
        || ('\u{2460}'..='\u{2487}').contains(&c)
}

/// The value of a Chinese digit: 〇 零 ○ 0, 一 1, 二 两 兩 2 … 九 9.
fn han_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '二' | '两' | '兩' => 2,
        _ => HAN_DIGITS.iter().position(|&d| d == c)? as u32,
    })
}

/// The value of a Chinese numeral: 十一 = 11, 二十三 = 23, 一百零五 = 105, and the digit-by-digit
/// form 一○ = 10, 二○ = 20.
pub fn han_value(s: &str) -> Option<u32> {
    if !s.contains(['十', '百']) {
        return s
            .chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + han_digit(c)?));
    }
    let (mut total, mut digit) = (0u32, None);
    for c in s.chars() {
        match c {
            '百' => total += digit.take().unwrap_or(1) * 100,
            '十' => total += digit.take().unwrap_or(1) * 10,
            _ => digit = Some(han_digit(c)?),
        }
    }
    Some(total + digit.unwrap_or(0))
}

/// The value of a capital numeral, traditional or simplified: 壹 1, 拾 10, 拾貳 12, 貳拾 20,
/// 壹佰零伍 105.
pub(crate) fn capital_value(s: &str) -> Option<u32> {
    let plain: String = s
        .chars()
        .map(|c| match c {
            '壹' => '一',
            '貳' | '贰' | '弍' => '二',
            '參' | '叁' | '参' => '三',
            '肆' => '四',
            '伍' => '五',
            '陸' | '陆' => '六',
            '柒' => '七',
            '捌' => '八',
            '玖' => '九',
            '拾' => '十',
            '佰' => '百',
            other => other,
        })
        .collect();
    han_value(&plain)
}

/// The value of a Roman numeral in letters (either case): IV 4, XII 12, cmxcix 999.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    u32::try_from(total).ok()
}

/// The value of a Unicode Roman numeral: Ⅰ 1 … Ⅻ 12.
pub(crate) fn roman_letter_value(c: char) -> Option<u32> {
    ('\u{2160}'..='\u{216B}')
        .contains(&c)
        .then(|| c as u32 - 0x215F)
}

/// The place of a Latin letter in the alphabet: A 1, b 2, Ｃ 3.
pub(crate) fn latin_value(s: &str) -> Option<u32> {
    let c = s.chars().next()?;
    match c {
        'A'..='Z' => Some(c as u32 - 'A' as u32 + 1),
        'a'..='z' => Some(c as u32 - 'a' as u32 + 1),
        '\u{FF21}'..='\u{FF3A}' => Some(c as u32 - 0xFF21 + 1),
        _ => None,
    }
}

/// The value of Arabic digits, half- or full-width: 12 12, １２ 12.
pub(crate) fn arabic_value(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |acc, c| {
        Some(acc * 10 + c.to_digit(10).or_else(|| full_width_digit(c))?)
    })
}

fn full_width_digit(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
}

/// The place of the heavenly stem that opens `s`: 甲 1 … 癸 10.
pub(crate) fn stem_value(s: &str) -> Option<u32> {
    STEMS
        .iter()
        .position(|&c| s.starts_with(c))
        .map(|i| i as u32 + 1)
}

/// The value of an enclosed number of the series that starts at `one` (① or ⑴), of 20 signs.
pub(crate) fn enclosed_value(c: char, one: char) -> Option<u32> {
    let n = (c as u32).checked_sub(one as u32)? + 1;
    (n <= 20).then_some(n)
}

/// The number an ordinal adverb stands for: 首先 1, 其次 2, 再次 3; 然后 and 最后 have none.
pub(crate) fn adverb_value(word: &str) -> Option<u32> {
    match word {
        "首先" => Some(1),
        "其次" => Some(2),
        "再次" => Some(3),
        _ => None,
    }
}

// ---------------------------------------------------------------- spellings

/// How a family writes the number `n`: 3 in （N） is 三, in (N) 3, in N、of stems 丙, as an adverb
/// 再次. Beyond a family's signs (㉑, a 十一th stem) the number is written in Chinese numerals.
///
/// ```
/// use tigang::check::numeral_for;
/// use tigang::marker::Family;
/// assert_eq!(numeral_for(Family::ParenNumeral, 12), "十二");
/// assert_eq!(numeral_for(Family::Circled, 3), "③");
/// assert_eq!(numeral_for(Family::Adverb, 2), "其次");
/// ```
pub fn numeral_for(f: Family, n: u32) -> String {
    match f {
        Family::Arabic | Family::ParenArabic | Family::ArabicClose => n.to_string(),
        Family::Circled if (1..=20).contains(&n) => enclosed(n, CIRCLED_ONE, 20),
        Family::Stem | Family::ParenStem if (1..=10).contains(&n) => {
            STEMS[n as usize - 1].to_string()
        }
        Family::Adverb => match n {
            1 => "首先".into(),
            2 => "其次".into(),
            3 => "再次".into(),
            _ => "然后".into(),
        },
        _ => han_numeral(n),
    }
}

/// Write `n` in Chinese numerals as speeches do: 3 → 三, 12 → 十二, 23 → 二十三, 105 → 一百零五,
/// 110 → 一百一十. Past 999 (beyond any marker the grammar reads) in Arabic digits.
///
/// ```
/// use tigang::check::han_numeral;
/// assert_eq!(han_numeral(105), "一百零五");
/// assert_eq!(han_numeral(110), "一百一十");
/// ```
pub fn han_numeral(n: u32) -> String {
    if n > 999 {
        return n.to_string();
    }
    counting(n, Counting::Han, '零')
}

/// The characters a counted numeral is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Counting {
    /// 一 二 … 十 百 千 万.
    Han,
    /// 壹 贰 … 拾 佰 仟 万 (the financial numerals, simplified).
    Capital,
}

/// A number below 100,000 counted in words: 十 and 十二 without a leading 一, `zero` where a
/// place is skipped (一百零五, or 一百〇五 as Word writes it). Larger numbers are written digit by
/// digit.
pub(crate) fn counting(n: u32, script: Counting, zero: char) -> String {
    let (digits, units) = match script {
        Counting::Han => (&HAN_DIGITS, &HAN_UNITS),
        Counting::Capital => (&CAPITAL_DIGITS, &CAPITAL_UNITS),
    };
    let digit = |d: u32| if d == 0 { zero } else { digits[d as usize] };
    if n == 0 {
        return zero.to_string();
    }
    if n >= 100_000 {
        return n
            .to_string()
            .chars()
            .map(|d| digit(d as u32 - '0' as u32))
            .collect();
    }
    let places = [n / 10_000, n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let place_units = [
        Some(units[3]),
        Some(units[2]),
        Some(units[1]),
        Some(units[0]),
        None,
    ];
    let mut out = String::new();
    let mut zero_pending = false;
    for (i, (&d, unit)) in places.iter().zip(place_units).enumerate() {
        if d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push(zero);
            zero_pending = false;
        }
        // 十二, not 一十二, when the tens lead.
        if !(d == 1 && i == 3 && out.is_empty()) {
            out.push(digit(d));
        }
        if let Some(u) = unit {
            out.push(u);
        }
    }
    out
}

/// `n` digit by digit in Chinese digits with 〇: 10 → 一〇, 105 → 一〇五.
pub(crate) fn digit_by_digit(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|d| match d {
            '0' => '〇',
            _ => HAN_DIGITS[d as usize - '0' as usize],
        })
        .collect()
}

/// `n` in full-width digits: 12 → １２.
pub(crate) fn full_width(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
        .collect()
}

/// `n` as one of `count` enclosed characters starting at `first`, or in digits beyond them.
pub(crate) fn enclosed(n: u32, first: char, count: u32) -> String {
    match n {
        1.. if n <= count => {
            char::from_u32(first as u32 + n - 1).map_or(n.to_string(), String::from)
        }
        _ => n.to_string(),
    }
}

/// The `n`-th of `signs`, over again after the last (Word's stems and branches).
pub(crate) fn cycle(n: u32, signs: &[char]) -> String {
    let i = (n.max(1) - 1) as usize % signs.len();
    signs[i].to_string()
}

/// `n` in upper-case Roman numerals (1 to 3999; other numbers in digits).
pub(crate) fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut out = String::new();
    for (value, sign) in TABLE {
        while n >= value {
            out.push_str(sign);
            n -= value;
        }
    }
    out
}

/// Word's letters from `a` (b'A' or b'a'): a … z, then aa … zz, the letter repeated.
pub(crate) fn letters(n: u32, a: u8) -> String {
    if n == 0 {
        return n.to_string();
    }
    let letter = (a + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(100) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every spelling of 1..=999 (or of its family's signs) reads back as its number.
    #[test]
    fn spellings_read_back_as_their_values() {
        for n in 1..=999 {
            assert_eq!(han_value(&han_numeral(n)), Some(n), "han {n}");
            let word = counting(n, Counting::Han, '〇');
            assert_eq!(han_value(&word), Some(n), "Word's counting {word}");
            let capital = counting(n, Counting::Capital, '零');
            assert_eq!(capital_value(&capital), Some(n), "capital {capital}");
            assert_eq!(han_value(&digit_by_digit(n)), Some(n), "digits {n}");
            assert_eq!(arabic_value(&n.to_string()), Some(n));
            assert_eq!(arabic_value(&full_width(n)), Some(n), "full width {n}");
            assert_eq!(roman_value(&roman(n)), Some(n), "roman {}", roman(n));
            let lower = roman(n).to_ascii_lowercase();
            assert_eq!(roman_value(&lower), Some(n), "roman {lower}");
            for f in [Family::Numeral, Family::ParenNumeral, Family::Arabic] {
                let s = numeral_for(f, n);
                assert_eq!(
                    han_value(&s).or_else(|| arabic_value(&s)),
                    Some(n),
                    "{f} {s}"
                );
            }
        }
        for n in 1..=20 {
            let c = |s: String| s.chars().next().unwrap();
            assert_eq!(
                enclosed_value(c(numeral_for(Family::Circled, n)), CIRCLED_ONE),
                Some(n)
            );
            let paren = c(enclosed(n, PARENTHESIZED_ONE, 20));
            assert_eq!(enclosed_value(paren, PARENTHESIZED_ONE), Some(n));
        }
        for n in 1..=10 {
            assert_eq!(stem_value(&numeral_for(Family::Stem, n)), Some(n));
            assert_eq!(stem_value(&cycle(n, &STEMS)), Some(n));
        }
        for n in 1..=26 {
            assert_eq!(latin_value(&letters(n, b'A')), Some(n));
            assert_eq!(latin_value(&letters(n, b'a')), Some(n));
        }
        for n in 1..=12 {
            let c = char::from_u32(0x215F + n).unwrap();
            assert_eq!(roman_letter_value(c), Some(n));
        }
        for n in 1..=3 {
            assert_eq!(adverb_value(&numeral_for(Family::Adverb, n)), Some(n));
        }
    }

    #[test]
    fn spellings_are_the_ones_people_write() {
        let han: Vec<String> = [3, 10, 12, 20, 23, 100, 105, 110, 999]
            .iter()
            .map(|&n| han_numeral(n))
            .collect();
        let expected = [
            "三",
            "十",
            "十二",
            "二十",
            "二十三",
            "一百",
            "一百零五",
            "一百一十",
            "九百九十九",
        ];
        assert_eq!(han, expected);
        assert_eq!(han_numeral(1000), "1000");
        assert_eq!(numeral_for(Family::Circled, 21), "二十一");
        assert_eq!(numeral_for(Family::Stem, 11), "十一");
        assert_eq!(numeral_for(Family::Adverb, 4), "然后");
        assert_eq!(counting(105, Counting::Han, '〇'), "一百〇五");
        assert_eq!(counting(12, Counting::Capital, '零'), "拾贰");
        assert_eq!(digit_by_digit(10), "一〇");
    }

    #[test]
    fn values_read_every_form_of_a_digit() {
        for (s, v) in [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("九十九", 99),
            ("一○", 10),
            ("一百零五", 105),
            ("两", 2),
            ("兩", 2),
        ] {
            assert_eq!(han_value(s), Some(v), "{s}");
        }
        assert_eq!(capital_value("貳拾參"), Some(23));
        assert_eq!(capital_value("拾"), Some(10));
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(latin_value("Ｃ"), Some(3));
        assert_eq!(arabic_value("１２"), Some(12));
        assert_eq!(enclosed_value('⑳', CIRCLED_ONE), Some(20));
        assert_eq!(enclosed_value('⑴', CIRCLED_ONE), None);
        assert_eq!(han_value("二十三年"), None);
    }
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn han_value() {
        use crate::marker::han_value;
        assert_eq!(han_value("二十三"), Some(23));
        assert_eq!(han_value("一百〇五"), Some(105));
        assert_eq!(han_value("二○"), Some(20));
        assert_eq!(han_value("二十三年"), None);
    }
}
