//! Property tests over random text built from markers, numerals, punctuation and Han characters:
//! no panic, every heading inside the file, children after their parent, and outlines that read
//! back identical through YAML and JSON.

use proptest::prelude::*;
use tigang::{Heading, Options, extract};

/// Pieces speeches are made of, including the awkward ones.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "十一、",
    "（一）",
    "(二)",
    "（三）、",
    "(一 )",
    "第一，",
    "第二、",
    "第三章",
    "第二节",
    "第一件",
    "甲、",
    "（乙）",
    "其一，",
    "一是",
    "二要",
    "三是",
    "1.",
    "2、",
    "１．",
    "(1)",
    "（2）",
    "⑴",
    "①",
    "⑳",
    "首先，",
    "其次，",
    "最后，",
    "——",
    "——在会议上的讲话",
    "一方面，",
    "另一方面，",
    "同志们：",
    "同志们！",
    "谢谢大家！",
    "散会。",
    "各位代表！",
    "张三議員：",
    "立法會 ─ 2012年12月20日",
    "2904",
    "?",
    "(zhàn)",
    "讲四点意见：",
    "发展",
    "改革",
    "落实",
    "加强",
    "提高",
    "工作",
    "。",
    "，",
    "；",
    "：",
    "！",
    "？",
    "…",
    "\n",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "\t",
    "一九三七年",
    "1.5亿",
    "10%",
    "一些",
    "第一次",
    "九十九、",
    "一百零一、",
    "一○",
    "（二○）",
    "</p>",
    "\u{FEFF}",
    "\u{FFFD}",
    "x",
    "A",
    "🙂",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..400).prop_map(|v| v.concat())
}

fn check_tree(nodes: &[Heading], parent_line: usize, lines: usize) -> Result<(), TestCaseError> {
    // Walk without recursion, as the library does.
    let mut stack: Vec<(&Heading, usize)> = nodes.iter().map(|h| (h, parent_line)).collect();
    while let Some((h, parent)) = stack.pop() {
        prop_assert!(
            h.line >= 1 && h.line <= lines.max(1),
            "line {} outside 1..={}",
            h.line,
            lines
        );
        prop_assert!(
            h.line >= parent,
            "child at {} before its parent at {}",
            h.line,
            parent
        );
        stack.extend(h.children.iter().map(|c| (c, h.line)));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_speeches_never_break_the_outline(text in text(), inline in any::<bool>(), body in any::<bool>()) {
        let opts = Options { inline, body, ..Options::default() };
        let x = extract(text.as_bytes(), &Options { source: Some("random.txt".to_string()), ..opts.clone() }).unwrap();
        let lines = tigang::clean::split_lines(&text).count();
        for s in &x.speeches {
            prop_assert!(s.start_line <= s.end_line.max(s.start_line));
            check_tree(&s.outline, 1, lines)?;
            for d in &s.findings {
                prop_assert!(d.line >= 1 && d.line <= lines.max(1));
            }
        }
        // A saved outline reads back as the outline it was (findings and the text stay behind).
        let mut want = x.clone();
        want.text.clear();
        want.warnings.clear();
        for s in &mut want.speeches {
            s.findings.clear();
        }
        for (format, read) in [
            (tigang::Format::Json, tigang::wire::read_json as fn(&str) -> _),
            (tigang::Format::Yaml, tigang::wire::read_yaml),
        ] {
            let mut saved = Vec::new();
            tigang::render(&x, format, &mut saved).unwrap();
            let back = read(std::str::from_utf8(&saved).unwrap()).unwrap();
            prop_assert_eq!(&back, &vec![want.clone()]);
        }
    }

    #[test]
    fn random_bytes_are_decoded_or_refused_never_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = extract(&bytes, &Options { source: Some("bytes.bin".to_string()), ..Options::default() });
    }

    #[test]
    fn random_speeches_compare_and_check_without_panic(a in text(), b in text()) {
        let da = extract(a.as_bytes(), &Options { source: Some("a".to_string()), ..Options::default() }).unwrap();
        let db = extract(b.as_bytes(), &Options { source: Some("b".to_string()), ..Options::default() }).unwrap();
        let oa = tigang::compare::Outline::new("a", 0, &da.speeches[0]);
        let ob = tigang::compare::Outline::new("b", 0, &db.speeches[0]);
        let c = tigang::compare::compare(&oa, &ob);
        prop_assert!((0.0..=1.0).contains(&c.similarity));
        let self_c = tigang::compare::compare(&oa, &oa);
        prop_assert_eq!(self_c.similarity, 1.0);
    }
}
