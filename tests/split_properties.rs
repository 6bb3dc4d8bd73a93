//! Property tests of the split stage over text built from the tokens that drive its evidence
//! (salutations, closings, turns of the chair and of members, attachment labels, title fields,
//! separators, subtitles, markers, reactions, blank and long lines): `segment` never panics, its
//! speeches cover every line exactly once and in order, and each start lies inside its speech.

use proptest::prelude::*;
use tigang::clean::{CleanOptions, clean};
use tigang::split::segment;

/// Lines and pieces of lines that set off evidence, including the degenerate ones.
const TOKENS: &[&str] = &[
    "同志们：",
    "谢谢大家！",
    "主席：",
    "主席：请发言。",
    "王大文議員：",
    "王大文議員：主席，我想問。",
    "附件1",
    "附件",
    "标题：",
    "* * *",
    "——在全市工作会议上的讲话",
    "——",
    "一、",
    "一、学习。",
    "（掌声）",
    "（",
    "【篇二",
    "1.",
    "：",
    "\u{FFFD}",
    "e\u{301}\u{301}",
    "在会上的讲话",
    "今天我们在这里召开会议。",
    "",
    " ",
    "\r",
];

/// A line: a few tokens, or a long line of one of them.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(prop::sample::select(TOKENS), 1..3).prop_map(|t| t.concat()),
        1 => (prop::sample::select(TOKENS), 100..2_000usize).prop_map(|(t, n)| t.repeat(n)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..40),
        prop::sample::select(&["\n", "\r\n", "\r"][..]),
    )
        .prop_map(|(lines, end)| lines.join(end))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn speeches_cover_every_line_once_in_order(text in text()) {
        let lines = clean(&text, CleanOptions::default());
        let seg = segment(&lines);
        prop_assert!(!seg.speeches.is_empty());
        let mut next = 0;
        for s in &seg.speeches {
            prop_assert_eq!(s.range.start, next, "a gap or an overlap before {:?}", s.range);
            prop_assert!(s.range.start < s.range.end || lines.is_empty(), "empty {:?}", s.range);
            next = s.range.end;
            // The start's 1-based line number names a line of its own speech.
            if !lines.is_empty() {
                let numbers: Vec<usize> = lines[s.range.clone()].iter().map(|l| l.number()).collect();
                prop_assert!(
                    numbers.contains(&s.start.line),
                    "start line {} outside {:?}", s.start.line, s.range
                );
            }
        }
        prop_assert_eq!(next, lines.len());
    }
}
