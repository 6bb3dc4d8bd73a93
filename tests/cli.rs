//! The `tigang` command end to end: outputs parse back, errors name their file, nothing is
//! overwritten.

mod common;
use common::*;

use assert_cmd::Command;
use predicates::prelude::*;
use tigang::Document;

/// The documents of JSON Lines output.
fn json_lines(out: Vec<u8>) -> Vec<Document> {
    tigang::wire::read_json(&String::from_utf8(out).unwrap()).unwrap()
}

fn one_json(out: &[u8]) -> Document {
    let mut docs = tigang::wire::read_json(std::str::from_utf8(out).unwrap()).unwrap();
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

#[test]
fn yaml_reads_back_as_the_same_outline_as_json() {
    let path = fixture("title_lines_own_lists.txt");
    let yaml = tigang().args(["extract", &path]).ok_stdout();
    let json = tigang()
        .args(["extract", "--format", "json", &path])
        .ok_stdout();
    let from_yaml = tigang::wire::read_yaml(std::str::from_utf8(&yaml).unwrap()).unwrap();
    let from_json = tigang::wire::read_json(std::str::from_utf8(&json).unwrap()).unwrap();
    assert_eq!(from_yaml.len(), 1);
    let (from_yaml, from_json) = (&from_yaml[0], &from_json[0]);
    assert_eq!(from_yaml, from_json);
    assert_eq!(from_json.speeches[0].outline[1].children.len(), 3);
    assert_eq!(from_json.encoding, "UTF-8");
}

#[test]
fn json_lines_has_one_object_per_input_and_yaml_one_document() {
    let (a, b) = (fixture("restart_beside.txt"), fixture("two_speeches.txt"));
    let out = tigang()
        .args(["extract", "--format", "json", &a, &b])
        .ok_stdout();
    let text = String::from_utf8(out).unwrap();
    let docs = tigang::wire::read_json(&text).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].speeches.len(), 2);
    let yaml = tigang().args(["extract", &a, &b]).ok_stdout();
    assert_eq!(String::from_utf8(yaml).unwrap().matches("---\n").count(), 2);
}

#[test]
fn a_missing_file_is_named_and_the_others_are_still_processed() {
    let good = fixture("restart_beside.txt");
    tigang()
        .args(["extract", "--format", "text", "no/such/speech.txt", &good])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/speech.txt"))
        .stdout(predicate::str::contains("一是要学深学透"));
}

#[test]
fn stdin_is_read_when_no_path_is_given() {
    tigang()
        .args(["extract", "--format", "markdown"])
        .write_stdin("一、学习。\n（一）原原本本。\n二、落实。\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "- 一、学习\n  - （一）原原本本\n- 二、落实",
        ));
}

#[test]
fn a_folder_gives_its_txt_files_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), "一、乙。\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、甲。\n").unwrap();
    std::fs::write(dir.path().join("notes.md"), "一、不读。\n").unwrap();
    let out = tigang()
        .args(["extract", "--format", "json"])
        .arg(dir.path())
        .ok_stdout();
    let docs = json_lines(out);
    let titles: Vec<&str> = docs
        .iter()
        .map(|d| d.speeches[0].outline[0].title.as_str())
        .collect();
    assert_eq!(titles, ["甲", "乙"]);
}

#[test]
fn output_folder_gets_one_file_per_input_and_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("speech.txt");
    std::fs::write(&input, "一、学习。\n").unwrap();
    let out = dir.path().join("out");
    tigang()
        .args(["extract", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(out.join("speech.yaml"))
            .unwrap()
            .contains("一、")
    );
    // Text output into the input's own folder would land on speech.txt itself.
    tigang()
        .args(["extract", "--format", "text", "-o"])
        .arg(dir.path())
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "一、学习。\n");
}

#[test]
fn a_binary_file_is_skipped_with_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("image.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    tigang().arg("extract").arg(&png).assert().code(2).stderr(
        predicate::str::contains("image.txt").and(predicate::str::contains("not a text file")),
    );
}

#[test]
fn gbk_input_is_decoded_and_its_encoding_reported() {
    let text = "在全县会议上的讲话\n同志们：\n一、统一思想，提高认识。\n二、突出重点，狠抓落实。\n"
        .repeat(3);
    let gbk = encoding_rs::GBK.encode(&text).0.into_owned();
    let out = tigang()
        .args(["extract", "--format", "json"])
        .write_stdin(gbk)
        .ok_stdout();
    let doc = one_json(&out);
    assert_eq!(doc.encoding, "GBK");
    assert_eq!(doc.speeches[0].outline[0].title, "统一思想，提高认识");
}

#[test]
fn help_explains_the_options_with_examples() {
    tigang()
        .args(["extract", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--format").and(predicate::str::contains("Example")));
}

#[test]
fn utf16_and_big5_files_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = "在全縣會議上的講話\n同志們：\n一、統一思想，提高認識。\n二、突出重點，狠抓落實。\n"
        .repeat(3);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("a_utf16.txt"), utf16).unwrap();
    std::fs::write(
        dir.path().join("b_big5.txt"),
        encoding_rs::BIG5.encode(&text).0,
    )
    .unwrap();
    let out = tigang()
        .args(["extract", "--format", "json"])
        .arg(dir.path())
        .ok_stdout();
    let docs = json_lines(out);
    let seen: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.encoding.as_str(), d.speeches[0].outline[1].title.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("UTF-16LE", "突出重點，狠抓落實"),
            ("Big5", "突出重點，狠抓落實")
        ]
    );
}

#[test]
fn undecodable_bytes_warn_once_with_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.txt");
    let mut bytes = "同志们：\n一、学习。\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xFF\xFE\n");
    bytes.extend_from_slice("二、落实。\n".repeat(30).as_bytes());
    std::fs::write(&path, bytes).unwrap();
    let assert = tigang().arg("extract").arg(&path).assert().success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("damaged.txt") && stderr.contains("line 3"),
        "{stderr}"
    );
}

#[test]
fn pinyin_is_removed_unless_kept() {
    let input = "一、應對挑戰(zhàn)。\n";
    tigang()
        .args(["extract", "--format", "text"])
        .write_stdin(input)
        .assert()
        .stdout(predicate::str::contains("一、應對挑戰  :1"));
    tigang()
        .args(["extract", "--format", "text", "--keep-pinyin"])
        .write_stdin(input)
        .assert()
        .stdout(predicate::str::contains("挑戰(zhàn)"));
}

#[test]
fn html_mermaid_and_svg_escape_user_text() {
    let input = "一、<script>alert(1)</script>&\"引号\"。\n（一）括号[方]{花}(圆)。\n";
    let html = tigang()
        .args(["extract", "--format", "html"])
        .write_stdin(input)
        .ok_stdout();
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"),
        "{html}"
    );
    assert!(!html.contains("<script>alert"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page fetches nothing"
    );
    let svg = tigang()
        .args(["extract", "--format", "svg"])
        .write_stdin(input)
        .ok_stdout();
    let svg = String::from_utf8(svg).unwrap();
    assert!(
        svg.starts_with("<svg")
            && svg.contains("&lt;script&gt;")
            && svg.contains("括号[方]{花}(圆)")
    );
    let mmd = tigang()
        .args(["extract", "--format", "mermaid"])
        .write_stdin(input)
        .ok_stdout();
    let mmd = String::from_utf8(mmd).unwrap();
    assert!(
        // Plain Mermaid, as `mmdc -i out.mmd` reads it: no Markdown fences.
        mmd.starts_with("mindmap\n") && !mmd.contains("```") && mmd.contains("#quot;引号#quot;"),
        "{mmd}"
    );
}

#[test]
fn completions_and_man_page_generate() {
    for (shell, mark) in [
        ("bash", "_tigang()"),
        ("zsh", "#compdef tigang"),
        ("fish", "complete -c tigang"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        tigang()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(mark).and(predicate::str::contains("extract")));
    }
    tigang()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH tigang 1").and(predicate::str::contains("compare")));
}

#[test]
fn help_and_messages_follow_the_language() {
    let zh_env = |c: &mut Command| {
        c.env("LANG", "zh_CN.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
    };
    let mut c = tigang();
    zh_env(&mut c);
    c.args(["extract", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("输出每个输入的提纲"));
    // --lang wins over the environment, both ways.
    let mut c = tigang();
    zh_env(&mut c);
    c.args(["--lang", "en", "extract", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Print the outline"));
    tigang()
        .args(["check", "--help", "--lang", "zh"])
        .assert()
        .success()
        .stdout(predicate::str::contains("检查每个输入的编号"));
    let mut c = tigang();
    zh_env(&mut c);
    c.args(["extract", "no/such.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such.txt: 文件不存在"));
    tigang()
        .args(["--lang", "zh", "extract"])
        .write_stdin("")
        .assert()
        .success()
        .stderr(predicate::str::contains("文件为空"));
}

#[test]
fn an_illegal_compare_format_is_a_usage_error_before_any_work() {
    // A side-by-side view or a page holds two speeches; a corpus prints YAML or JSON. Refused as
    // clap refuses its own conflicts (exit 2, usage shown), in either language.
    for format in ["html", "side"] {
        tigang()
            .args(["compare", "--all", "--format", format, "no/such/folder"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!("--format {format}")))
            .stderr(predicate::str::contains("--all"))
            .stderr(predicate::str::contains("Usage"))
            // Refused before the paths were read: the missing folder is never mentioned.
            .stderr(predicate::str::contains("no/such/folder").not());
    }
    tigang()
        .args(["--lang", "zh", "compare", "--all", "-f", "html", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不能与"))
        .stderr(predicate::str::contains("--all"));
}

#[test]
fn compare_options_of_a_corpus_need_all_and_a_pair_needs_two_speeches() {
    let (a, b) = (fixture("restart_beside.txt"), fixture("two_speeches.txt"));
    for extra in [
        ["--threshold", "0.5"],
        ["--matrix", "m.csv"],
        ["--points", "p.csv"],
    ] {
        tigang()
            .args(["compare", &a, &b])
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--all"));
    }
    tigang()
        .args(["compare", &a, &b, &a])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("two speeches"))
        .stderr(predicate::str::contains("more were given"));
    tigang()
        .args(["--lang", "zh", "compare", &a])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("需要两篇讲话"));
}

#[test]
fn compare_reads_inputs_as_extract_does() {
    // --glob chooses a folder's files, --keep-pinyin keeps pinyin, --quiet silences the note on
    // which speech of a file was compared.
    let dir = tempfile::tempdir().unwrap();
    let speech = "同志们：\n一、應對挑戰(zhàn)。内容。\n二、抓好落实。内容。\n";
    std::fs::write(dir.path().join("a.txt"), speech).unwrap();
    std::fs::write(dir.path().join("b.txt"), speech).unwrap();
    std::fs::write(dir.path().join("draft.txt"), speech).unwrap();
    let all = |extra: &[&str]| {
        let out = tigang()
            .args(["compare", "--all", "--format", "json"])
            .args(extra)
            .arg(dir.path())
            .ok_stdout();
        serde_json::from_slice::<serde_json::Value>(&out).unwrap()
    };
    assert_eq!(all(&[])["speeches"], 3);
    assert_eq!(all(&["--glob", "!draft*"])["speeches"], 2);
    let title = |extra: &[&str]| {
        let out = tigang()
            .args(["compare", "--format", "json"])
            .args(extra)
            .args([dir.path().join("a.txt"), dir.path().join("b.txt")])
            .ok_stdout();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        v["pairs"][0]["a"]["title"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(title(&[]), "應對挑戰");
    assert_eq!(title(&["--keep-pinyin"]), "應對挑戰(zhàn)");
    let two = fixture("two_speeches.txt");
    let note = |extra: &[&str]| {
        let out = tigang()
            .arg("compare")
            .args(extra)
            .args([&two, &two])
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stderr).into_owned()
    };
    assert!(note(&[]).contains("compared speech #"), "{}", note(&[]));
    assert_eq!(note(&["--quiet"]), "");
}
