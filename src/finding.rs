//! What the numbering check ([`crate::check()`]) finds: a [`Finding`] names its problem with a
//! [`Code`], and its message is written from the code in the reader's language on demand, so a
//! finding stores facts, not sentences.

use crate::i18n::Lang;
use crate::marker::Family;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; the numbering may be intended.
    Warning,
    /// The numbering is wrong.
    Error,
}

impl Severity {
    /// The name the outputs print: `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The problem a finding reports, with what its message needs to say beyond the marker found and
/// the one expected. New codes may be added; match with a wildcard arm.
///
/// ```
/// use tigang::{Code, Severity};
/// let gap = Code::NumberingGap { after: "二、".into() };
/// assert_eq!((gap.as_str(), gap.severity()), ("numbering-gap", Severity::Error));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// A number is missing (一、 二、 四、); `after` is the marker before the gap.
    NumberingGap {
        /// The marker before the gap.
        after: String,
    },
    /// A number comes twice (二、 二、).
    NumberingRepeat,
    /// A number comes too late (三是 before 二是); `after` is the marker it follows.
    NumberingOutOfOrder {
        /// The marker it follows.
        after: String,
    },
    /// An item is written in another family than its list (三是 among 一要…四要).
    MixedFamily,
    /// A lead-in announces more or fewer points than follow (讲四点意见 and three points).
    AnnouncedCount {
        /// How many points the lead-in announces.
        announced: u32,
        /// How many follow.
        listed: usize,
        /// The 1-based line of the first of them.
        from_line: usize,
    },
    /// A marker's punctuation breaks the speech's own style ((一)、 beside （二）).
    PunctuationStyle {
        /// The family whose style is broken.
        family: Family,
    },
    /// A level of the official order 一、 > （一） > 1. > （1） > ① is skipped.
    LevelSkipped {
        /// The marker of the heading the list sits under.
        parent: String,
    },
    /// A marker with no text and nothing under it.
    EmptyHeading,
}

impl Code {
    /// Every code's stable name, as the outputs print it.
    pub const NAMES: [&'static str; 8] = [
        "numbering-gap",
        "numbering-repeat",
        "numbering-out-of-order",
        "mixed-family",
        "announced-count",
        "punctuation-style",
        "level-skipped",
        "empty-heading",
    ];

    /// The stable name: `numbering-gap`, `mixed-family`, …
    pub fn as_str(&self) -> &'static str {
        Self::NAMES[match self {
            Code::NumberingGap { .. } => 0,
            Code::NumberingRepeat => 1,
            Code::NumberingOutOfOrder { .. } => 2,
            Code::MixedFamily => 3,
            Code::AnnouncedCount { .. } => 4,
            Code::PunctuationStyle { .. } => 5,
            Code::LevelSkipped { .. } => 6,
            Code::EmptyHeading => 7,
        }]
    }

    /// Errors are numbering that is wrong; warnings, numbering that may be intended.
    pub fn severity(&self) -> Severity {
        match self {
            Code::NumberingGap { .. }
            | Code::NumberingRepeat
            | Code::NumberingOutOfOrder { .. }
            | Code::MixedFamily => Severity::Error,
            Code::AnnouncedCount { .. }
            | Code::PunctuationStyle { .. }
            | Code::LevelSkipped { .. }
            | Code::EmptyHeading => Severity::Warning,
        }
    }
}

/// One finding of the numbering check.
///
/// ```
/// use tigang::{Lang, Options};
/// let doc = tigang::extract("一、学习。\n二、落实。\n四、总结。\n", &Options::default()).unwrap();
/// let f = &doc.speeches[0].findings[0];
/// assert_eq!((f.code.as_str(), f.line, f.expected.as_deref()), ("numbering-gap", 3, Some("三、")));
/// assert_eq!(f.message(Lang::Zh), "编号缺失：二、之后应为三、，实为四、");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What is wrong.
    pub code: Code,
    /// The 1-based line of the marker (of the lead-in, for an announced count).
    pub line: usize,
    /// The 1-based column (in characters) where the marker starts.
    pub column: usize,
    /// The marker as written (the lead-in sentence, for an announced count).
    pub found: String,
    /// The marker expected in its place, when there is one.
    pub expected: Option<String>,
}

impl Finding {
    /// Error or warning: the code's.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let found = &self.found;
        let exp = self.expected.as_deref().unwrap_or_default();
        match (&self.code, lang) {
            (Code::NumberingGap { after }, Lang::En) => {
                format!("numbering skips from {after} to {found}: {exp} is missing")
            }
            (Code::NumberingGap { after }, Lang::Zh) => {
                format!("编号缺失：{after}之后应为{exp}，实为{found}")
            }
            (Code::NumberingRepeat, Lang::En) => {
                format!("{found} repeats the number before it: {exp} expected")
            }
            (Code::NumberingRepeat, Lang::Zh) => format!("编号重复：{found}已用过，此处应为{exp}"),
            (Code::NumberingOutOfOrder { after }, Lang::En) => {
                format!("{found} comes after {after}: out of order")
            }
            (Code::NumberingOutOfOrder { after }, Lang::Zh) => {
                format!("编号顺序颠倒：{found}出现在{after}之后")
            }
            (Code::MixedFamily, Lang::En) => {
                format!("{found} is written in another style than its list: {exp} expected")
            }
            (Code::MixedFamily, Lang::Zh) => format!("序号体例混用：此处应为{exp}，实为{found}"),
            (
                Code::AnnouncedCount {
                    announced,
                    listed,
                    from_line,
                },
                Lang::En,
            ) => format!(
                "this lead-in announces {announced} points but {listed} follow (from line {from_line})"
            ),
            (
                Code::AnnouncedCount {
                    announced,
                    listed,
                    from_line,
                },
                Lang::Zh,
            ) => format!("这里说有{announced}点，实际列出{listed}点（自第{from_line}行起）"),
            (Code::PunctuationStyle { family }, Lang::En) => format!(
                "{found} breaks the style of this speech's other {} markers ({exp})",
                family.name()
            ),
            (Code::PunctuationStyle { .. }, Lang::Zh) => {
                format!("标点体例不一致：本篇同类序号写作{exp}，此处为{found}")
            }
            (Code::LevelSkipped { parent }, Lang::En) => format!(
                "{found} sits directly under {parent}: the official order puts a {exp} level between them"
            ),
            (Code::LevelSkipped { parent }, Lang::Zh) => {
                format!("层级跳过：{parent}之下应先用{exp}一级，此处直接用了{found}")
            }
            (Code::EmptyHeading, Lang::En) => format!("{found} has no text after it"),
            (Code::EmptyHeading, Lang::Zh) => format!("{found}之后没有内容"),
        }
    }
}
