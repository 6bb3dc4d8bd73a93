//! Speech boundaries of fixture texts of kinds split was not first written for: a transcript
//! with interjections, a question time with follow-ups through the chair, and a collection of
//! dated documents numbered by bare numbers.

use tigang::{Document, Options, extract};

fn document(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture exists");
    extract(
        &bytes,
        &Options {
            source: Some(path.to_string()),
            ..Options::default()
        },
    )
    .expect("fixture is text")
}

/// Each speech's first line and its points as `depth marker`.
fn shape(name: &str) -> Vec<(usize, Vec<String>)> {
    document(name)
        .speeches
        .iter()
        .map(|s| {
            let points = s
                .points(false)
                .into_iter()
                .map(|(d, h)| format!("{d} {}", h.marker().unwrap_or("-")))
                .collect();
            (s.start_line, points)
        })
        .collect()
}

#[test]
fn interjections_do_not_cut_the_speech_they_interrupt() {
    // The members' interjections while the chair keeps the floor, and the chair's turns, start
    // nothing: 二、 stays beside 一、 in the Chief Executive's one speech.
    let speeches = shape("transcript_interjection_and_resumption.txt");
    let starts: Vec<usize> = speeches.iter().map(|s| s.0).collect();
    // The record's cover line is front matter: it joins the address, which starts at line 3.
    assert_eq!(starts, vec![3]);
    assert_eq!(speeches[0].1, vec!["1 一、", "1 二、"]);
}

#[test]
fn follow_ups_through_the_chair_are_one_speech_and_short_answers_count() {
    let starts: Vec<usize> = shape("transcript_follow_up_through_the_chair.txt")
        .iter()
        .map(|s| s.0)
        .collect();
    // The question (with its agenda number and ︰), the answer, the follow-up from its first
    // turn, the one-line answer, and a Taiwan-style 某某理事長 turn.
    assert_eq!(starts, vec![1, 3, 9, 15, 17]);
}

#[test]
fn bare_numbers_of_dated_documents_start_documents() {
    let speeches = shape("dated_documents_collection.txt");
    let starts: Vec<usize> = speeches.iter().map(|s| s.0).collect();
    // The collection's title is front matter of the first document.
    assert_eq!(starts, vec![5, 11, 19]);
    // The document number is the document's label, so its own list is at depth 1.
    assert_eq!(speeches[1].1, vec!["1 一、", "1 二、"]);
}

#[test]
fn participants_named_with_their_post_in_brackets_take_turns() {
    // 张三：（某公司董事长）… and 李四：（…总经理）… are participants' turns; the 主持人's turns
    // between them are the chair's and start nothing.
    let speeches = shape("transcript_participants_named_in_brackets.txt");
    let starts: Vec<usize> = speeches.iter().map(|s| s.0).collect();
    // The meeting's title and the chair's opening are the first speech's front matter.
    assert_eq!(starts, vec![5, 13]);
    assert_eq!(speeches[0].1, vec!["1 第一，", "1 第二，"]);
    assert_eq!(speeches[1].1, vec!["1 一是", "1 二是"]);
}

#[test]
fn a_reports_salutation_to_the_delegates_is_no_speaker_turn() {
    // 各位代表： ends with an office-like word but greets the audience: the header and the body
    // are one speech.
    let speeches = shape("report_header_with_delegates_salutation.txt");
    let starts: Vec<usize> = speeches.iter().map(|s| s.0).collect();
    assert_eq!(starts, vec![1]);
    assert_eq!(speeches[0].1, vec!["1 一、", "1 二、"]);
}

#[test]
fn a_hearing_interrupted_by_a_member_keeps_its_speaker_s_points_in_one_speech() {
    // The chair keeps the floor for 林教授 (請稍等), a member interjects, and 林教授 goes on with
    // 第三: one speech with three points; the next speaker's own list is a speech of its own.
    let speeches = shape("hearing_two_speakers_with_an_interjection.txt");
    let starts: Vec<usize> = speeches.iter().map(|s| s.0).collect();
    assert_eq!(starts, vec![5, 18]);
    let first: Vec<&str> = speeches[0].1.iter().map(String::as_str).collect();
    assert_eq!(first, ["1 第一，", "1 第二，", "1 第三，"]);
    assert_eq!(speeches[1].1, vec!["1 一、", "1 二、"]);
    let doc = document("hearing_two_speakers_with_an_interjection.txt");
    assert_eq!(
        doc.speeches[0].header.speaker.as_deref(),
        Some("林志明教授")
    );
}

#[test]
fn a_collection_s_documents_start_at_their_titles() {
    // No salutation, no closing: a document kind (通知, 办法（试行）) and a sign-off date above.
    let doc = document("collection_with_document_titles.txt");
    let heads: Vec<(usize, Option<&str>)> = doc
        .speeches
        .iter()
        .map(|s| (s.start_line, s.header.title.as_deref()))
        .collect();
    assert_eq!(
        heads,
        [
            (3, Some("关于做好秋冬季农田水利建设工作的通知")),
            (12, Some("某县高标准农田建设项目验收办法（试行）")),
            (17, Some("关于开展“美丽庭院”评选活动的通知")),
        ]
    );
}

#[test]
fn a_second_report_after_an_address_starts_at_its_date_line() {
    // The address ends with a final 同志们，…; the report after it has no title, only its date
    // and 各位代表：, and its numbering restarts.
    let doc = document("address_then_a_second_report.txt");
    let heads: Vec<(usize, Option<&str>, Option<&str>)> = doc
        .speeches
        .iter()
        .map(|s| {
            (
                s.start_line,
                s.header.date_iso.as_deref(),
                s.header.salutation.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        heads,
        [
            (1, Some("2026-01-10"), Some("同志们")),
            (14, Some("2026-01-12"), Some("各位代表"))
        ]
    );
    assert_eq!(doc.speeches[1].outline.len(), 2);
}

#[test]
fn a_long_title_with_commas_over_its_subtitle_is_the_title_and_the_draft_mark_its_date() {
    let doc = document("long_comma_title_with_a_draft_mark.txt");
    // Lines that look like speakers' labels (群众反映：, 他说：, 主要做法：) start nothing.
    assert_eq!(doc.speeches.len(), 1);
    let s = &doc.speeches[0];
    assert_eq!(
        s.header.title.as_deref(),
        Some("凝心聚力，真抓实干，奋力开创全县高质量发展新局面")
    );
    assert_eq!(s.header.subtitle.as_deref(), Some("——在县委全会上的讲话"));
    assert_eq!(s.header.date_iso.as_deref(), Some("2026-04-10"));
    assert_eq!(s.header.date_note.as_deref(), Some("修改稿"));
    assert_eq!(s.outline.len(), 3);
}
