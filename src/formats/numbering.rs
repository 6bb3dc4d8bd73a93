//! Word's automatic numbering: the marker Word shows before a paragraph whose list numbers it
//! (`w:numPr`), computed as Word computes it from `numbering.xml`. A list level says how its
//! marker looks (`w:lvlText` such as `%1、` or `（%2）`, where `%n` is level n's number), how the
//! number is written (`w:numFmt`: `chineseCounting` 一 二 三, `decimal`, `decimalEnclosedCircle`
//! ① ② …), where it starts (`w:start`) and when it starts again (`w:lvlRestart`); a numbering
//! instance (`w:num`) points at its abstract definition and may override levels
//! (`w:lvlOverride`, `w:startOverride`).
//!
//! Counting follows Word: instances that share an abstract definition share its counters (the
//! second instance continues the list), except an instance with a start override, which starts
//! its own list ("Restart at 1" in Word writes one).

use crate::marker::numerals::{self, Counting};
use std::collections::HashMap;

/// The most list levels Word has (0 to 8).
pub const LEVELS: usize = 9;

/// How a level writes its number (`w:numFmt`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum NumFmt {
    /// 1, 2, 3 (also the fallback for formats not known here).
    #[default]
    Decimal,
    /// 01, 02, … 10.
    DecimalZero,
    /// １, ２, ３ in full-width digits.
    DecimalFullWidth,
    /// ①, ②, … ⑳, then 21, 22.
    EnclosedCircle,
    /// ⑴, ⑵, … ⒇.
    EnclosedParen,
    /// ⒈, ⒉, … ⒛.
    EnclosedFullstop,
    /// 一, 二, … 十, 十一, … 二十, 一百 (chineseCounting, chineseCountingThousand, and the
    /// Taiwanese and Japanese counting, which write the same for the numbers lists reach).
    ChineseCounting,
    /// 壹, 贰, 叁, … 拾 (chineseLegalSimplified).
    ChineseLegal,
    /// 〇, 一, … 一〇: digit by digit (ideographDigital, taiwaneseDigital).
    IdeographDigital,
    /// 甲, 乙, 丙, 丁 … the ten heavenly stems, over again after 癸 (ideographTraditional).
    HeavenlyStems,
    /// 子, 丑, 寅 … the twelve earthly branches (ideographZodiac).
    EarthlyBranches,
    /// I, II, III.
    UpperRoman,
    /// i, ii, iii.
    LowerRoman,
    /// A, B, … Z, AA, BB.
    UpperLetter,
    /// a, b, … z, aa, bb.
    LowerLetter,
    /// A bullet: `w:lvlText` is the bullet itself.
    Bullet,
    /// No number: `%n` of this level shows nothing.
    None,
}

impl NumFmt {
    /// The format named by `w:numFmt`'s value.
    pub fn from_name(name: &str) -> NumFmt {
        match name {
            "decimalZero" => NumFmt::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => NumFmt::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => NumFmt::EnclosedCircle,
            "decimalEnclosedParen" => NumFmt::EnclosedParen,
            "decimalEnclosedFullstop" => NumFmt::EnclosedFullstop,
            "chineseCounting"
            | "chineseCountingThousand"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "japaneseCounting"
            | "koreanCounting" => NumFmt::ChineseCounting,
            "chineseLegalSimplified" | "japaneseLegal" => NumFmt::ChineseLegal,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                NumFmt::IdeographDigital
            }
            "ideographTraditional" => NumFmt::HeavenlyStems,
            "ideographZodiac" => NumFmt::EarthlyBranches,
            "upperRoman" => NumFmt::UpperRoman,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerLetter" => NumFmt::LowerLetter,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }

    /// `n` written in this format.
    pub fn format(&self, n: u32) -> String {
        match self {
            NumFmt::Decimal => n.to_string(),
            NumFmt::DecimalZero => format!("{n:02}"),
            NumFmt::DecimalFullWidth => numerals::full_width(n),
            NumFmt::EnclosedCircle => numerals::enclosed(n, numerals::CIRCLED_ONE, 20),
            NumFmt::EnclosedParen => numerals::enclosed(n, numerals::PARENTHESIZED_ONE, 20),
            NumFmt::EnclosedFullstop => numerals::enclosed(n, numerals::FULL_STOP_ONE, 20),
            NumFmt::ChineseCounting => numerals::counting(n, Counting::Han, '〇'),
            NumFmt::ChineseLegal => numerals::counting(n, Counting::Capital, '零'),
            NumFmt::IdeographDigital => numerals::digit_by_digit(n),
            NumFmt::HeavenlyStems => numerals::cycle(n, &numerals::STEMS),
            NumFmt::EarthlyBranches => numerals::cycle(n, &numerals::BRANCHES),
            NumFmt::UpperRoman => numerals::roman(n),
            NumFmt::LowerRoman => numerals::roman(n).to_ascii_lowercase(),
            NumFmt::UpperLetter => numerals::letters(n, b'A'),
            NumFmt::LowerLetter => numerals::letters(n, b'a'),
            NumFmt::Bullet | NumFmt::None => String::new(),
        }
    }
}

/// What goes between a marker and the paragraph's text (`w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Suffix {
    /// A tab (Word's default).
    #[default]
    Tab,
    /// A space.
    Space,
    /// Nothing.
    Nothing,
}

/// One level of a list definition (`w:lvl`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Level {
    /// `w:start`: the first number (default 0 in the standard, which Word writes out anyway).
    pub start: u32,
    /// `w:numFmt`.
    pub format: NumFmt,
    /// `w:lvlText`: the marker, with `%1` … `%9` standing for the levels' numbers.
    pub text: String,
    /// `w:lvlRestart`: the 1-based level after which this one starts again; 0 never. `None`
    /// is the default: after any level above it.
    pub restart: Option<u32>,
    /// `w:isLgl`: every level's number in decimal digits (legal numbering: 1.1.2).
    pub legal: bool,
    /// `w:suff`.
    pub suffix: Suffix,
    /// `w:pStyle`: the paragraph style that takes this level.
    pub style: Option<String>,
}

/// An abstract list definition (`w:abstractNum`).
#[derive(Debug, Clone, Default)]
pub struct Abstract {
    /// Its levels by `w:ilvl`.
    pub levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels are those of the list the named numbering style uses.
    pub style_link: Option<String>,
}

/// A numbering instance (`w:num`).
#[derive(Debug, Clone, Default)]
pub struct Num {
    /// `w:abstractNumId`.
    pub abstract_id: String,
    /// `w:lvlOverride/w:startOverride` by level.
    pub start_overrides: [Option<u32>; LEVELS],
    /// `w:lvlOverride/w:lvl`: a level defined anew for this instance.
    pub level_overrides: [Option<Level>; LEVELS],
}

impl Num {
    fn has_start_override(&self) -> bool {
        self.start_overrides.iter().any(Option::is_some)
    }
}

/// The lists of a document and where each stands: which number each level reached.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    /// Abstract definitions by `w:abstractNumId`.
    pub abstracts: HashMap<String, Abstract>,
    /// Instances by `w:numId`.
    pub nums: HashMap<String, Num>,
    /// For a numbering style's id, the `w:numId` its paragraph properties name (to follow
    /// `w:numStyleLink`).
    pub style_nums: HashMap<String, String>,
    /// The counters of each list: each level's last number (`None`: not reached since it last
    /// started again).
    counters: HashMap<String, [Option<u32>; LEVELS]>,
}

impl Numbering {
    /// The level definition `num_id` uses at `ilvl`: the instance's override, else its
    /// abstract definition's level (following a style link once).
    pub fn level(&self, num_id: &str, ilvl: usize) -> Option<&Level> {
        let num = self.nums.get(num_id)?;
        if let Some(l) = num.level_overrides.get(ilvl)?.as_ref() {
            return Some(l);
        }
        self.abstract_of(num)?.levels.get(ilvl)?.as_ref()
    }

    fn abstract_of(&self, num: &Num) -> Option<&Abstract> {
        self.abstracts.get(self.abstract_id_of(num))
    }

    /// The id of the abstract definition whose levels `num` uses: its own, or through its
    /// `w:numStyleLink` the one the numbering style's list uses.
    fn abstract_id_of<'a>(&'a self, num: &'a Num) -> &'a str {
        let linked = self
            .abstracts
            .get(&num.abstract_id)
            .and_then(|a| a.style_link.as_ref())
            .and_then(|style| self.nums.get(self.style_nums.get(style)?))
            .map(|n| n.abstract_id.as_str())
            .filter(|id| self.abstracts.contains_key(*id));
        linked.unwrap_or(&num.abstract_id)
    }

    /// The level whose `w:pStyle` is `style` in the list `num_id` (a heading style tied to a
    /// list level gives its paragraphs that level).
    pub fn level_of_style(&self, num_id: &str, style: &str) -> Option<usize> {
        (0..LEVELS).find(|&i| {
            self.level(num_id, i)
                .and_then(|l| l.style.as_deref())
                .is_some_and(|s| s == style)
        })
    }

    /// Number the next paragraph of list `num_id` at level `ilvl` and give the marker Word
    /// shows before it, with what follows the marker (`""` when the marker ends in punctuation
    /// such as 、 or ）, a space when it ends in a letter or an ideograph: 第一章 总则). `None`
    /// when the list or level is not defined; `Some("")` for a level that shows no marker.
    pub fn next_marker(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        if ilvl >= LEVELS {
            return None;
        }
        let num = self.nums.get(num_id)?.clone();
        let levels: Vec<Option<Level>> = (0..LEVELS)
            .map(|i| self.level(num_id, i).cloned())
            .collect();
        let this = levels[ilvl].clone()?;
        // An instance with a start override keeps its own counters: it is a list of its own.
        let key = if num.has_start_override() {
            format!("num:{num_id}")
        } else {
            format!("abstract:{}", self.abstract_id_of(&num))
        };
        let start = |i: usize| {
            num.start_overrides[i]
                .or_else(|| levels[i].as_ref().map(|l| l.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(key).or_insert([None; LEVELS]);
        let value = counters[ilvl].map_or(start(ilvl), |v| v.saturating_add(1));
        counters[ilvl] = Some(value);
        for (m, level) in levels.iter().enumerate().skip(ilvl + 1) {
            let restart = level.as_ref().and_then(|l| l.restart);
            if restart.is_none_or(|r| r != 0 && (ilvl as u32) < r) {
                counters[m] = None;
            }
        }
        let counters = *counters;
        let mut marker = String::new();
        let mut rest = this.text.as_str();
        while let Some(at) = rest.find('%') {
            marker.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            match after.chars().next().and_then(|c| c.to_digit(10)) {
                Some(k @ 1..=9) => {
                    let i = k as usize - 1;
                    let n = counters[i].unwrap_or_else(|| start(i));
                    let format = match &levels[i] {
                        Some(l) if this.legal && l.format != NumFmt::None => &NumFmt::Decimal,
                        Some(l) => &l.format,
                        None => &NumFmt::Decimal,
                    };
                    marker.push_str(&format.format(n));
                    rest = &after[1..];
                }
                _ => {
                    marker.push('%');
                    rest = after;
                }
            }
        }
        marker.push_str(rest);
        // Symbol-font bullets live in the private use area: show a bullet anyone can read.
        let marker: String = marker
            .chars()
            .map(|c| {
                if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                    '•'
                } else {
                    c
                }
            })
            .collect();
        let gap = match (this.suffix, marker.chars().last()) {
            (Suffix::Nothing, _) | (_, None) => "",
            (_, Some(c)) if c.is_alphanumeric() => " ",
            _ => "",
        };
        Some(format!("{marker}{gap}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_reads_as_people_write_numbers() {
        let f = NumFmt::ChineseCounting;
        let got: Vec<String> = [
            1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1010, 10_001,
        ]
        .iter()
        .map(|&n| f.format(n))
        .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九",
                "一百",
                "一百〇一",
                "一百一十",
                "一千",
                "一千〇一十",
                "一万〇一"
            ]
        );
        assert_eq!(NumFmt::ChineseLegal.format(12), "拾贰");
        assert_eq!(NumFmt::IdeographDigital.format(10), "一〇");
    }

    #[test]
    fn other_formats() {
        assert_eq!(NumFmt::EnclosedCircle.format(20), "⑳");
        assert_eq!(NumFmt::EnclosedCircle.format(21), "21");
        assert_eq!(NumFmt::EnclosedParen.format(2), "⑵");
        assert_eq!(NumFmt::DecimalFullWidth.format(12), "１２");
        assert_eq!(NumFmt::HeavenlyStems.format(11), "甲");
        assert_eq!(NumFmt::EarthlyBranches.format(12), "亥");
        assert_eq!(NumFmt::UpperRoman.format(14), "XIV");
        assert_eq!(NumFmt::LowerLetter.format(28), "bb");
        assert_eq!(
            NumFmt::from_name("chineseCountingThousand"),
            NumFmt::ChineseCounting
        );
        assert_eq!(NumFmt::from_name("somethingNew"), NumFmt::Decimal);
    }

    fn level(format: NumFmt, text: &str) -> Option<Level> {
        Some(Level {
            start: 1,
            format,
            text: text.into(),
            ..Level::default()
        })
    }

    fn three_levels() -> Numbering {
        let mut n = Numbering::default();
        let mut a = Abstract::default();
        a.levels[0] = level(NumFmt::ChineseCounting, "%1、");
        a.levels[1] = level(NumFmt::ChineseCounting, "（%2）");
        a.levels[2] = level(NumFmt::Decimal, "%3.");
        n.abstracts.insert("7".into(), a);
        n.nums.insert(
            "1".into(),
            Num {
                abstract_id: "7".into(),
                ..Num::default()
            },
        );
        n
    }

    #[test]
    fn deeper_levels_start_again_under_each_higher_one() {
        let mut n = three_levels();
        let got: Vec<String> = [0, 1, 2, 2, 1, 2, 0, 1, 2]
            .iter()
            .map(|&l| n.next_marker("1", l).unwrap())
            .collect();
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "1.",
                "2.",
                "（二）",
                "1.",
                "二、",
                "（一）",
                "1."
            ]
        );
    }

    #[test]
    fn restart_never_and_legal_numbering() {
        let mut n = three_levels();
        let a = n.abstracts.get_mut("7").unwrap();
        // Level 3 counts on under every （n）, starting again only under a new 一、.
        a.levels[2].as_mut().unwrap().restart = Some(1);
        a.levels[1].as_mut().unwrap().text = "%1.%2".into();
        a.levels[1].as_mut().unwrap().legal = true;
        let got: Vec<String> = [0, 1, 2, 1, 2, 0, 2]
            .iter()
            .map(|&l| n.next_marker("1", l).unwrap())
            .collect();
        assert_eq!(got, ["一、", "1.1 ", "1.", "1.2 ", "2.", "二、", "1."]);
    }

    #[test]
    fn a_second_instance_continues_and_a_start_override_starts_again() {
        let mut n = three_levels();
        n.nums.insert(
            "2".into(),
            Num {
                abstract_id: "7".into(),
                ..Num::default()
            },
        );
        let mut restarted = Num {
            abstract_id: "7".into(),
            ..Num::default()
        };
        restarted.start_overrides[0] = Some(1);
        n.nums.insert("3".into(), restarted);
        assert_eq!(n.next_marker("1", 0).unwrap(), "一、");
        assert_eq!(n.next_marker("2", 0).unwrap(), "二、");
        assert_eq!(n.next_marker("3", 0).unwrap(), "一、");
        assert_eq!(n.next_marker("3", 0).unwrap(), "二、");
        assert_eq!(n.next_marker("1", 0).unwrap(), "三、");
        assert_eq!(n.next_marker("9", 0), None);
    }

    #[test]
    fn a_marker_ending_in_a_word_is_followed_by_a_space_and_bullets_are_readable() {
        let mut n = three_levels();
        let a = n.abstracts.get_mut("7").unwrap();
        a.levels[0] = level(NumFmt::ChineseCounting, "第%1章");
        a.levels[1] = level(NumFmt::Bullet, "\u{F0B7}");
        assert_eq!(n.next_marker("1", 0).unwrap(), "第一章 ");
        assert_eq!(n.next_marker("1", 1).unwrap(), "•");
    }
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn format() {
        use crate::formats::numbering::NumFmt;
        assert_eq!(NumFmt::ChineseCounting.format(12), "十二");
        assert_eq!(NumFmt::EnclosedCircle.format(3), "③");
        assert_eq!(NumFmt::HeavenlyStems.format(2), "乙");
    }

    #[test]
    fn next_marker() {
        use crate::formats::numbering::{Abstract, Level, Num, NumFmt, Numbering};
        let mut n = Numbering::default();
        let mut a = Abstract::default();
        a.levels[0] = Some(Level {
            start: 1,
            format: NumFmt::ChineseCounting,
            text: "%1、".into(),
            ..Level::default()
        });
        a.levels[1] = Some(Level {
            start: 1,
            format: NumFmt::ChineseCounting,
            text: "（%2）".into(),
            ..Level::default()
        });
        n.abstracts.insert("0".into(), a);
        n.nums.insert(
            "1".into(),
            Num {
                abstract_id: "0".into(),
                ..Num::default()
            },
        );
        assert_eq!(n.next_marker("1", 0).as_deref(), Some("一、"));
        assert_eq!(n.next_marker("1", 1).as_deref(), Some("（一）"));
        assert_eq!(n.next_marker("1", 1).as_deref(), Some("（二）"));
        assert_eq!(n.next_marker("1", 0).as_deref(), Some("二、"));
        assert_eq!(n.next_marker("1", 1).as_deref(), Some("（一）"));
    }
}
