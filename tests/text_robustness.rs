//! Damaged and hostile text (issue 12, the text half): each case on a fixture written for it,
//! named for the case. Lines without 。 must not swallow points, control characters must not
//! reach the outputs, binary must not pass for text, and notes must name the right line.

mod common;
use common::*;

use tigang::{Document, Options, extract};

/// The bytes of the fixture `name`.
fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture exists")
}

/// The outline tigang makes of the fixture `name`.
fn document(name: &str) -> Document {
    extract(
        bytes(name),
        &Options {
            source: Some(name.to_string()),
            ..Options::default()
        },
    )
    .expect("fixture is text")
}

/// (line, marker) of every point of every speech, in order.
fn points(doc: &Document) -> Vec<(usize, String)> {
    doc.speeches
        .iter()
        .flat_map(|s| s.points(true))
        .map(|(_, h)| (h.line, h.marker().unwrap_or_default().to_string()))
        .collect()
}

/// Assert the (line, marker) of every point of `doc`.
fn assert_points(doc: &Document, expected: &[(usize, &str)]) {
    let expected: Vec<(usize, String)> =
        expected.iter().map(|&(l, m)| (l, m.to_string())).collect();
    assert_eq!(points(doc), expected, "points of {}", doc.source);
}

#[test]
fn a_list_typed_as_short_lines_without_full_stops_keeps_every_point() {
    let doc = document("join_short_lines_without_full_stop.txt");
    assert_points(&doc, &[(4, "一、"), (6, "二、"), (8, "三、")]);
}

#[test]
fn a_bad_byte_at_a_line_end_swallows_no_point() {
    let doc = document("join_bad_byte_at_line_end.txt");
    assert_points(&doc, &[(3, "一、"), (4, "二、"), (5, "三、")]);
}

#[test]
fn three_first_numbers_in_a_row_are_repeats() {
    let doc = document("check_repeated_first_number.txt");
    let findings: Vec<(&str, usize, Option<&str>)> = doc
        .speeches
        .iter()
        .flat_map(|s| &s.findings)
        .map(|d| (d.code.as_str(), d.line, d.expected.as_deref()))
        .collect();
    assert_eq!(
        findings,
        [
            ("numbering-repeat", 4, Some("二、")),
            ("numbering-repeat", 5, Some("三、"))
        ]
    );
}

#[test]
fn a_bad_byte_in_a_file_with_cr_only_line_ends_is_named_on_its_own_line() {
    let x = extract(bytes("cr_only_line_ends_bad_byte.txt"), &Options::default()).unwrap();
    let warnings: Vec<String> = x.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["some bytes are not valid UTF-8 (first at line 4); they became U+FFFD"]
    );
    assert_points(&x, &[(3, "一、"), (4, "二、"), (5, "三、")]);
}

#[test]
fn a_gb18030_file_with_four_byte_sequences_is_labelled_gb18030() {
    let doc = document("gb18030_four_byte_sequences.txt");
    assert_eq!(doc.encoding, "gb18030");
    assert_points(&doc, &[(3, "一、"), (4, "二、"), (5, "三、")]);
    assert!(doc.speeches[0].outline[0].title.contains("𠮷祥村和㐀字"));
}

#[test]
fn random_bytes_without_nul_are_refused_naming_the_file() {
    assert!(matches!(
        extract(
            bytes("binary_random_without_nul.txt"),
            &Options {
                source: Some("binary_random_without_nul.txt".to_string()),
                ..Options::default()
            }
        ),
        Err(tigang::Error::Binary)
    ));
    tigang()
        .args(["extract", "--format", "json"])
        .arg(fixture("binary_random_without_nul.txt"))
        .arg(fixture("join_bad_byte_at_line_end.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "binary_random_without_nul.txt: not a text file",
        ))
        .stdout(predicates::str::contains("join_bad_byte_at_line_end.txt"));
}

#[test]
fn a_stray_byte_after_the_closing_is_no_second_speech() {
    let doc = document("stray_byte_after_closing.txt");
    let spans: Vec<(usize, usize)> = doc
        .speeches
        .iter()
        .map(|s| (s.start_line, s.end_line))
        .collect();
    assert_eq!(spans, [(1, 6)]);
    assert_eq!(doc.speeches[0].header.closing.as_deref(), Some("谢谢大家"));
}

/// The characters of `out` that no output may carry: C0 controls but tab and line feed, DEL, C1.
fn controls_in(out: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(out)
        .chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect()
}

#[test]
fn control_characters_reach_no_output_and_are_noted() {
    let doc = document("control_characters.txt");
    assert_points(&doc, &[(3, "一、"), (4, "二、"), (5, "三、")]);
    assert_eq!(
        doc.speeches[0].header.title.as_deref(),
        Some("在全镇安全生产会议上的讲话")
    );
    for format in ["yaml", "json", "markdown", "text", "html", "mermaid", "svg"] {
        let out = tigang()
            .args(["extract", "--format", format])
            .arg(fixture("control_characters.txt"))
            .assert()
            .success()
            .stderr(predicates::str::contains(
                "control_characters.txt: warning: control characters (first at line 1) were removed",
            ));
        assert_eq!(controls_in(&out.get_output().stdout), [], "{format}");
    }
}

#[test]
fn a_nul_beyond_the_binary_sniff_is_removed_too() {
    // 70 KB of ordinary text first: the binary sniff looks at the first 64 KB only.
    let mut text = "这是一段没有编号的正文。\n".repeat(2000).into_bytes();
    let padding_lines = 2000;
    text.extend_from_slice("一、压实\0安全责任。\n二、开展隐患排查。\n".as_bytes());
    let x = extract(
        &text,
        &Options {
            source: Some("late_nul.txt".to_string()),
            ..Options::default()
        },
    )
    .unwrap();
    let titles: Vec<&str> = x.speeches[0]
        .outline
        .iter()
        .map(|h| h.title.as_str())
        .collect();
    assert_eq!(titles, ["压实安全责任", "开展隐患排查"]);
    let warnings: Vec<String> = x.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [format!(
            "control characters (first at line {}) were removed",
            padding_lines + 1
        )]
    );
    let out = tigang()
        .args(["extract", "--format", "svg", "-"])
        .write_stdin(text)
        .assert()
        .success();
    assert_eq!(controls_in(&out.get_output().stdout), []);
}
