//! The I/O half of a hostile afternoon: outputs that would land on inputs, failed writes, closed
//! and full stderr, unbounded reads, and inputs whose cost grew faster than their size. Each case
//! ends with a clear message, nothing overwritten, nothing left behind, and no hang (a run that
//! outlives its guard is killed and fails the test; no test measures time).

mod common;
use common::*;

use predicates::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

/// How long a run may take before it counts as hung. Every run here ends in well under a second.
const HANG_GUARD: Duration = Duration::from_secs(60);

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("tigang")
}

/// Run `cmd` to the end (see [`wait_guarded`]).
fn run_guarded(cmd: &mut Command) -> Output {
    wait_guarded(cmd.spawn().unwrap())
}

/// Wait for `child`, killing it (and failing the test) if it outlives [`HANG_GUARD`]. Its output
/// is read while it runs, so a large output cannot block it.
fn wait_guarded(child: Child) -> Output {
    let pid = child.id();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(child.wait_with_output()));
    match receive.recv_timeout(HANG_GUARD) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("hung: tigang (pid {pid}) still running after {HANG_GUARD:?}");
        }
    }
}

/// Run `cmd` with stdout and stderr piped, read `n` bytes of one of them (stderr when
/// `stderr`), close that pipe as `| head -c n` does, and wait for the end.
fn close_early(cmd: &mut Command, n: usize, stderr: bool) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = vec![0u8; n];
    if stderr {
        let mut pipe = child.stderr.take().unwrap();
        pipe.read_exact(&mut first).unwrap();
    } else {
        let mut pipe = child.stdout.take().unwrap();
        pipe.read_exact(&mut first).unwrap();
    }
    // The pipe read from is dropped here: closed.
    wait_guarded(child)
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn an_output_folder_holding_another_input_leaves_that_input_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("A/x.txt"),
        dir.path().join("B/x.txt"),
        dir.path().join("C/y.txt"),
    );
    write(&a, "一、学习。\n");
    write(&b, "二、落实。\n");
    write(&c, "三、总结。\n");
    // With the text format an outline is named x.txt: A's would land on B/x.txt.
    let out = tigang()
        .current_dir(dir.path())
        .args([
            "extract", "--format", "text", "-o", "B", "A/x.txt", "B/x.txt",
        ])
        .arg(&c)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "A/x.txt: refusing to write B/x.txt: it is an input",
        ));
    assert!(!stderr_of(out.get_output()).contains("panicked"));
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "二、落实。\n");
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "一、学习。\n");
    // The input whose output lands on no input is still written.
    assert!(
        std::fs::read_to_string(dir.path().join("B/y.txt"))
            .unwrap()
            .contains("三、总结")
    );
}

#[test]
fn an_output_folder_inside_the_input_folder_overwrites_none_of_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().join("in/a.txt");
    let inner = dir.path().join("in/sub/a.txt");
    write(&top, "一、甲。\n");
    write(&inner, "一、乙。\n");
    tigang()
        .current_dir(dir.path())
        .args(["extract", "--format", "text", "-o", "in/sub", "in"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "in/a.txt: refusing to write in/sub/a.txt: it is an input",
        ));
    assert_eq!(std::fs::read_to_string(&inner).unwrap(), "一、乙。\n");
    assert_eq!(std::fs::read_to_string(&top).unwrap(), "一、甲。\n");
}

#[test]
fn an_output_reached_through_a_symlink_to_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("src/x.txt");
    write(&input, "一、学习。\n");
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    // out/x.yaml is a link to the input itself, named by another path.
    let link = dir.path().join("out/x.yaml");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let yaml_input = dir.path().join("src/x.yaml");
    std::os::unix::fs::symlink(&input, &yaml_input).unwrap();
    tigang()
        .args(["extract", "-o"])
        .arg(dir.path().join("out"))
        .arg(&input)
        .arg(&yaml_input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it is an input"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "一、学习。\n");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
}

#[test]
fn a_matrix_named_by_a_glob_is_not_written_over_the_first_speech() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g");
    for (name, text) in [
        ("a", "一、学习。\n二、落实。\n"),
        ("b", "一、学习。\n二、落实。\n"),
    ] {
        write(&g.join(format!("{name}.txt")), text);
    }
    // `--matrix g/*.txt` as the shell expands it: the first match becomes the matrix file.
    let out = run_guarded(
        Command::new(bin())
            .args(["compare", "--all", "--matrix"])
            .arg(g.join("a.txt"))
            .arg(g.join("b.txt"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("a.txt: refusing to write the matrix there"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        std::fs::read_to_string(g.join("a.txt")).unwrap(),
        "一、学习。\n二、落实。\n"
    );
    // A matrix over an input is refused too, and one over an earlier matrix is replaced.
    tigang()
        .args(["compare", "--all", "--matrix"])
        .arg(g.join("b.txt"))
        .arg(&g)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it is an input"));
    let m = dir.path().join("m.csv");
    std::fs::write(&m, "speech,old\n").unwrap();
    tigang()
        .args(["compare", "--all", "--matrix"])
        .arg(&m)
        .arg(&g)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&m).unwrap().contains("b.txt#1"));
}

/// `ulimit -f` makes every write past the limit fail (EFBIG; the signal it would send is
/// ignored), as a full disk does, on any file system.
#[test]
fn a_failed_output_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.txt");
    let mut text = String::new();
    for i in 1..=99 {
        text.push_str(&format!(
            "{}、加强学习，提高政治站位，推进工作落实。\n",
            tigang::check::han_numeral(i)
        ));
    }
    write(&input, &text);
    write(&dir.path().join("small.txt"), "一、学习。\n");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let script = format!(
        "trap '' XFSZ; ulimit -f 4; exec '{}' extract -o '{}' '{}' '{}'",
        bin().display(),
        out.display(),
        input.display(),
        dir.path().join("small.txt").display()
    );
    let result = run_guarded(
        Command::new("sh")
            .args(["-c", &script])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let stderr = stderr_of(&result);
    assert_eq!(result.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("big.yaml: cannot write"), "{stderr}");
    let left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // The small outline fits under the limit and is written; nothing else is there.
    assert_eq!(left, ["small.yaml"], "{stderr}");
}

/// Forty empty files: forty warnings, more than the writer's window of finished results.
fn warning_inputs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        std::fs::write(dir.path().join(format!("e{i:02}.txt")), "").unwrap();
    }
    dir
}

#[test]
fn a_closed_stderr_ends_the_run_quietly_and_never_hangs() {
    let dir = warning_inputs();
    for jobs in ["1", "4"] {
        // One byte of the first warning, then the pipe is closed: `2>&1 | head -c 1`.
        let out = close_early(
            Command::new(bin())
                .args(["extract", "--jobs", jobs])
                .arg(dir.path()),
            1,
            true,
        );
        // A panic exits 101; a closed pipe is a reader that has seen enough.
        assert_eq!(out.status.code(), Some(0), "-j{jobs}");
    }
}

#[test]
fn a_full_stderr_is_an_error_exit_not_a_panic() {
    let dir = warning_inputs();
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full");
    for jobs in ["1", "4"] {
        let out = run_guarded(
            Command::new(bin())
                .args(["extract", "--jobs", jobs])
                .arg(dir.path())
                .stdout(Stdio::null())
                .stderr(full().unwrap()),
        );
        assert_eq!(out.status.code(), Some(2), "-j{jobs}");
    }
    // check writes its findings to stderr.
    let f = dir.path().join("findings.txt");
    std::fs::write(&f, "一、学习。\n三、落实。\n").unwrap();
    let out = run_guarded(
        Command::new(bin())
            .arg("check")
            .arg(&f)
            .stderr(full().unwrap())
            .stdout(Stdio::null()),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_json_into_a_closed_pipe_ends_quietly_like_extract() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        std::fs::write(
            dir.path().join(format!("s{i:03}.txt")),
            "一、学习。\n三、落实。\n三、总结。\n".repeat(20),
        )
        .unwrap();
    }
    let out = close_early(
        Command::new(bin())
            .args(["check", "--format", "json", "--quiet"])
            .arg(dir.path()),
        100,
        false,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
}

#[test]
fn reads_are_bounded_by_max_size_with_a_message_naming_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.txt");
    write(&ok, "一、学习。\n");
    let big = dir.path().join("big.txt");
    write(&big, &"一、学习。内容。\n".repeat(100_000));
    // A device that never ends, a regular file over the limit, and a good file.
    let out = run_guarded(
        Command::new(bin())
            .args([
                "extract",
                "--format",
                "text",
                "--max-size",
                "1M",
                "/dev/zero",
            ])
            .arg(&big)
            .arg(&ok)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("/dev/zero: larger than the size limit of 1 MiB"),
        "{stderr}"
    );
    assert!(
        stderr.contains("big.txt: larger than the size limit of 1 MiB"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("一、学习"));
    // Standard input, and compare, are bounded too.
    let out = run_guarded(
        Command::new(bin())
            .args(["extract", "--max-size", "1M", "-"])
            .stdin(std::fs::File::open("/dev/zero").unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("-: larger than the size limit"));
    let out = run_guarded(
        Command::new(bin())
            .args(["compare", "--max-size", "1M", "/dev/zero"])
            .arg(&ok)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("/dev/zero: larger than the size limit"));
}

/// The pairs scored for `n` speeches from one template. Without collapsing copies and bounding
/// the candidates per speech, every pair was scored: n (n - 1) / 2.
fn pairs_scored(dir: &Path) -> (usize, Vec<usize>) {
    let out = run_guarded(
        Command::new(bin())
            .args(["compare", "--all", "--format", "json"])
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sizes = v["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["members"].as_array().unwrap().len())
        .collect();
    (v["pairs_scored"].as_u64().unwrap() as usize, sizes)
}

#[test]
fn compare_all_on_copies_of_one_template_scores_a_linear_number_of_pairs() {
    let n = 1000;
    let template = |i: usize| {
        format!(
            "同志们：\n一、提高政治站位，增强责任意识。\n（一）加强理论学习。\n二、狠抓工作落实，确保取得实效。\n三、强化组织保障{}。\n谢谢大家！\n",
            if i == usize::MAX {
                String::new()
            } else {
                format!("第{i}项")
            }
        )
    };
    // Exact copies: each is paired with the first, and nothing else is scored.
    let copies = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(
            copies.path().join(format!("{i:04}.txt")),
            template(usize::MAX),
        )
        .unwrap();
    }
    assert_eq!(pairs_scored(copies.path()), (n - 1, vec![n]));
    // Near copies (one heading differs): a bounded number of candidates per speech.
    let near = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(near.path().join(format!("{i:04}.txt")), template(i)).unwrap();
    }
    let (scored, clusters) = pairs_scored(near.path());
    assert_eq!(clusters, vec![n]);
    assert!(scored <= n * 16 * 8, "{scored} pairs for {n} speeches");
}

#[test]
fn inline_points_on_a_long_marker_dense_paragraph_are_found_in_linear_time() {
    // Each comma is followed by text that opens a marker and then fails: each failed parse cost
    // the whole rest of the paragraph, hours for these 5 MB.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dense.txt");
    let mut text = String::from("一、抓落实。一是知责，二是履责。");
    while text.len() < 5_000_000 {
        text.push_str("，1，另，一样");
    }
    text.push('\n');
    write(&path, &text);
    let out = run_guarded(
        Command::new(bin())
            .args(["extract", "--inline", "--format", "json"])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let docs = json_lines(out.stdout);
    let children = &docs[0].speeches[0].outline[0].children;
    assert_eq!(children.len(), 2);
    assert!(children.iter().all(|c| c.inline));
}

#[test]
fn a_saved_yaml_outline_nested_100000_levels_deep_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.yaml");
    let depth = 100_000;
    let yaml = format!(
        "source: x\nencoding: UTF-8\nspeeches:\n- outline:\n  - {}{{line: 1, title: b}}{}\n",
        "{line: 1, title: a, children: [".repeat(depth),
        "]}".repeat(depth)
    );
    write(&path, &yaml);
    let ok = dir.path().join("ok.txt");
    write(&ok, "一、学习。\n");
    let out = run_guarded(
        Command::new(bin())
            .args(["compare", "--all"])
            .arg(&path)
            .arg(&ok)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("deep.yaml: nested more than 128 levels deep"),
        "{}",
        stderr_of(&out)
    );
    // Brackets in titles are text, not nesting: an outline whose titles open 200 of them reads.
    let titles = dir.path().join("titles.txt");
    let mut text = String::new();
    for i in 1..=200 {
        text.push_str(&format!("（{i}）学习[第{i}项\n"));
    }
    write(&titles, &text);
    let saved = tigang().arg("extract").arg(&titles).ok_stdout();
    let saved_path = dir.path().join("titles.yaml");
    std::fs::write(&saved_path, saved).unwrap();
    tigang()
        .arg("compare")
        .arg(&saved_path)
        .arg(&titles)
        .assert()
        .success()
        .stdout(predicate::str::contains("similarity: 1"));
}

#[test]
fn huge_widths_and_job_counts_are_clamped() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    write(&a, "一、学习。\n二、落实。\n");
    for (flag, columns) in [(Some("10000000000"), None), (None, Some("99999999999"))] {
        let mut cmd = Command::new(bin());
        cmd.args(["compare", "--format", "side"]);
        if let Some(w) = flag {
            cmd.args(["--width", w]);
        }
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        let out = run_guarded(
            cmd.arg(&a)
                .arg(&a)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped()),
        );
        assert!(out.status.success(), "{}", stderr_of(&out));
        let widest = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap();
        assert!(widest <= 1000, "{widest}");
    }
    for i in 0..50 {
        write(&dir.path().join(format!("s{i:02}.txt")), "一、学习。\n");
    }
    let out = run_guarded(
        Command::new(bin())
            .args(["extract", "--format", "json", "--jobs", "100000"])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(json_lines(out.stdout).len(), 51);
}

#[test]
fn compare_reads_every_document_of_a_saved_stream() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    write(&a, "一、学习。\n二、落实。\n");
    write(&b, "一、调研。\n二、总结。\n三、部署。\n");
    for (format, ext) in [("json", "jsonl"), ("yaml", "yaml")] {
        let saved = tigang()
            .args(["extract", "--format", format])
            .arg(&a)
            .arg(&b)
            .ok_stdout();
        let path = dir.path().join(format!("saved.{ext}"));
        std::fs::write(&path, saved).unwrap();
        // #2 is the second speech of the file: the first of its second document.
        let out = tigang()
            .args(["compare", "--format", "json"])
            .arg(format!("{}#2", path.display()))
            .arg(&b)
            .ok_stdout();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["similarity"], 1.0, "{ext}");
        assert!(
            v["a"]["source"].as_str().unwrap().ends_with("b.txt"),
            "{ext}"
        );
        let out = tigang()
            .args(["compare", "--all", "--format", "json"])
            .arg(&path)
            .ok_stdout();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["speeches"], 2, "{ext}");
    }
    // A broken document is named, not skipped.
    let bad = dir.path().join("bad.jsonl");
    let good = tigang()
        .args(["extract", "--format", "json"])
        .arg(&a)
        .ok_stdout();
    let mut bytes = good.clone();
    bytes.extend_from_slice(b"{\"source\": 3}\n");
    std::fs::write(&bad, bytes).unwrap();
    tigang()
        .args(["compare", "--all"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.jsonl: document 2: not a tigang JSON outline",
        ));
}
