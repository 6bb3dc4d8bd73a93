//! What a new user meets in the first hour (issue 15): outputs that tools read as they are,
//! summary lines and messages that say what happened, folder walks as git and ripgrep see them.

mod common;
use common::*;

use predicates::prelude::*;

fn text(out: Vec<u8>) -> String {
    String::from_utf8(out).unwrap()
}

#[test]
fn the_summary_line_counts_the_findings_the_outputs_carry() {
    // check_gap has an error-level gap; check_announced_count a warning.
    let out = tigang()
        .args([
            "extract",
            &fixture("check_gap.txt"),
            &fixture("check_announced_count.txt"),
        ])
        .assert()
        .success();
    let stderr = text(out.get_output().stderr.clone());
    assert!(
        stderr.contains("2 findings (1 error, 1 warning)"),
        "{stderr}"
    );
    let yaml = text(out.get_output().stdout.clone());
    assert_eq!(yaml.matches("code: ").count(), 2, "{yaml}");
}

#[test]
fn pages_drawings_and_diagrams_of_several_inputs_need_a_folder() {
    for format in ["html", "svg", "mermaid"] {
        tigang()
            .args([
                "extract",
                "--format",
                format,
                &fixture("check_gap.txt"),
                &fixture("check_clean.txt"),
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("-o DIR"));
    }
    // One input is one valid document on stdout.
    let svg = tigang()
        .args(["extract", "--format", "svg", &fixture("check_gap.txt")])
        .ok_stdout();
    assert_eq!(text(svg).matches("<svg").count(), 1);
}

#[test]
fn mermaid_and_svg_show_the_group_node_of_a_lead_in() {
    let path = fixture("check_announced_count.txt");
    let mmd = text(
        tigang()
            .args(["extract", "--format", "mermaid", &path])
            .ok_stdout(),
    );
    // The lead-in is a branch, and the points hang one level under it.
    assert!(
        mmd.contains("    n1(\"对下一步工作，我讲四点意见：\")\n      n2[\"一是抓学习\"]"),
        "{mmd}"
    );
    let svg = text(
        tigang()
            .args(["extract", "--format", "svg", &path])
            .ok_stdout(),
    );
    assert!(svg.contains("我讲四点意见"), "{svg}");
}

#[test]
fn markdown_titles_are_escaped_and_an_entity_does_not_end_a_title() {
    let md = text(
        tigang()
            .args([
                "extract",
                "--format",
                "markdown",
                &fixture("markup_in_titles.txt"),
            ])
            .ok_stdout(),
    );
    assert!(md.contains("- 一、关于\\*重点\\*任务\n"), "{md}");
    assert!(md.contains("- 二、关于\\<b\\>加粗\\</b\\>的写法\n"), "{md}");
    assert!(
        md.contains("- 三、关于\\[链接\\](http://example.org)的处理\n"),
        "{md}"
    );
    assert!(md.contains("- 四、关于R\\&amp;D经费的投入\n"), "{md}");
    let json = json_lines(
        tigang()
            .args([
                "extract",
                "--format",
                "json",
                &fixture("markup_in_titles.txt"),
            ])
            .ok_stdout(),
    );
    assert_eq!(
        json[0].speeches[0].outline[3].title,
        "关于R&amp;D经费的投入"
    );
}

#[test]
fn a_folder_walk_leaves_out_hidden_and_ignored_files_and_reads_upper_case_names() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".cache")).unwrap();
    std::fs::create_dir(root.join("drafts")).unwrap();
    std::fs::write(root.join(".cache/a.txt"), "一、隐藏。\n").unwrap();
    std::fs::write(root.join(".hidden.txt"), "一、隐藏。\n").unwrap();
    std::fs::write(root.join("drafts/old.txt"), "一、忽略。\n").unwrap();
    std::fs::write(root.join(".gitignore"), "drafts/\n").unwrap();
    std::fs::write(root.join("LOUD.TXT"), "一、大写。\n").unwrap();
    std::fs::write(root.join("b.txt"), "一、小写。\n").unwrap();
    let docs = json_lines(
        tigang()
            .args(["extract", "--format", "json"])
            .arg(root)
            .ok_stdout(),
    );
    let names: Vec<String> = docs
        .iter()
        .map(|d| {
            std::path::Path::new(&d.source)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["LOUD.TXT", "b.txt"]);
}

#[test]
fn a_folder_with_nothing_to_read_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "一、不读。\n").unwrap();
    tigang()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "no .txt, .docx, .html or .pdf files in this folder",
        ));
}

#[test]
fn messages_say_what_is_wrong_in_plain_words() {
    let path = fixture("check_gap.txt");
    tigang()
        .args(["compare", &format!("{path}#3"), &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("has 1 speech, no speech #3"));
    tigang()
        .args(["compare", &format!("{path}#0"), &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("counted from 1"))
        .stderr(predicate::str::contains("No such file").not());
    for bad in ["2", "NaN", "-0.1"] {
        tigang()
            .args(["compare", "--all", &format!("--threshold={bad}"), &path])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("from 0 to 1"));
    }
    tigang()
        .args(["extract", "no/such/speech.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/speech.txt"))
        .stderr(predicate::str::contains("os error").not());
}

#[test]
fn the_side_view_keeps_both_headers_within_the_width() {
    let dir = tempfile::tempdir().unwrap();
    let long = "a_rather_long_file_name_for_the_annual_report_of_the_district.txt";
    let (a, b) = (dir.path().join(long), dir.path().join(format!("b_{long}")));
    std::fs::copy(fixture("compare_base.txt"), &a).unwrap();
    std::fs::copy(fixture("compare_swapped.txt"), &b).unwrap();
    let out = tigang()
        .args(["compare", "--format", "side", "--width", "60"])
        .arg(&a)
        .arg(&b)
        .ok_stdout();
    let out = text(out);
    for line in out.lines() {
        let w = unicode_width::UnicodeWidthStr::width(line);
        assert!(w <= 60, "{w} columns: {line}");
    }
    let header = out.lines().next().unwrap();
    let (left, right) = header.split_once(" │ ").unwrap();
    assert!(
        left.trim_end().ends_with('…') && right.ends_with('…'),
        "{header}"
    );
}

#[test]
fn the_outline_page_shows_a_lead_in_finding_on_the_lead_in() {
    let html = text(
        tigang()
            .args([
                "extract",
                "--format",
                "html",
                &fixture("check_announced_count.txt"),
            ])
            .ok_stdout(),
    );
    let lead_in = html.find("我讲四点意见").unwrap();
    let badge = html
        .find(">announced-count<")
        .expect("the finding is on the page");
    let first_point = html.find("抓学习").unwrap();
    assert!(lead_in < badge && badge < first_point, "{html}");
    // Its message is on the page (shown on a tap, and in print), not only in a tooltip.
    assert!(html.contains("这里说有4点，实际列出3点"), "{html}");
}
