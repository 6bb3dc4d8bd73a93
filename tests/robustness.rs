//! Bad, huge and hostile inputs: each gets a clear message naming the file, the other inputs are
//! still processed, nothing is overwritten, and tigang never panics.

mod common;
use common::*;

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use tigang::{Format, Options, extract};

fn no_panic(stderr: &[u8]) {
    let s = String::from_utf8_lossy(stderr);
    assert!(!s.contains("panicked"), "{s}");
}

#[test]
fn empty_whitespace_only_and_headingless_files_give_empty_outlines_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("b_blank.txt"), " \n\t\n\u{3000}\r\n").unwrap();
    std::fs::write(
        dir.path().join("c_prose.txt"),
        "这是一段没有编号的文字。\n另一段。\n",
    )
    .unwrap();
    let out = tigang()
        .args(["extract", "--format", "json"])
        .arg(dir.path())
        .assert()
        .success();
    let docs = json_lines(out.get_output().stdout.clone());
    assert_eq!(docs.len(), 3);
    assert!(
        docs.iter()
            .all(|d| d.speeches.iter().all(|s| s.outline.is_empty()))
    );
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("a_empty.txt: warning: the file is empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b_blank.txt: warning: the file holds only whitespace"),
        "{stderr}"
    );
    assert!(!stderr.contains("c_prose.txt"), "{stderr}");
}

#[test]
fn binary_files_among_texts_are_skipped_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、学习。\n").unwrap();
    std::fs::write(
        dir.path().join("b_image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c_doc.txt"),
        b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0word/document.xml",
    )
    .unwrap();
    std::fs::write(dir.path().join("d.txt"), "二、落实。\n").unwrap();
    let out = tigang()
        .args(["extract", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2);
    let docs = json_lines(out.get_output().stdout.clone());
    let names: Vec<bool> = docs
        .iter()
        .map(|d| d.source.ends_with("a.txt") || d.source.ends_with("d.txt"))
        .collect();
    assert_eq!(names, [true, true]);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("b_image.txt: not a text file")
            && stderr.contains("c_doc.txt: a damaged docx file"),
        "{stderr}"
    );
}

#[test]
fn a_gb18030_file_mislabelled_as_utf8_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.txt");
    std::fs::write(
        &path,
        encoding_rs::GB18030
            .encode(&"同志们：\n一、统一思想，提高认识。\n".repeat(20))
            .0,
    )
    .unwrap();
    tigang()
        .args(["extract", "--encoding", "utf-8"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("gbk.txt: most of it cannot be decoded as UTF-8")
                .and(predicate::str::contains("--encoding")),
        );
    // Detected, it reads fine.
    tigang()
        .arg("extract")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("gb18030").or(predicate::str::contains("GBK")));
}

#[test]
fn a_50_mb_single_line_is_read_in_linear_time() {
    let line = "发展改革创新推进加强落实".repeat(50_000_000 / 36);
    let text = format!("一、{line}\n");
    let x = extract(
        text.as_bytes(),
        &Options {
            source: Some("long".to_string()),
            ..Options::default()
        },
    )
    .unwrap();
    let h = &x.speeches[0].outline[0];
    assert_eq!(h.line, 1);
    // A runaway "sentence" is cut: the title stays a title.
    assert!(h.title.len() <= 3000, "{}", h.title.len());
}

#[test]
fn a_million_heading_lines_come_out_whole() {
    let mut text = String::with_capacity(16_000_000);
    for i in 0..1_000_000u32 {
        let n = tigang::check::han_numeral(i % 99 + 1);
        text.push_str(&n);
        text.push_str("、标题。\n");
    }
    let x = extract(
        text.as_bytes(),
        &Options {
            source: Some("many".to_string()),
            ..Options::default()
        },
    )
    .unwrap();
    let points: usize = x.speeches.iter().map(|s| s.points(false).len()).sum();
    assert_eq!(points, 1_000_000);
}

#[test]
fn nesting_is_capped_so_hostile_depth_cannot_overflow_anything() {
    let text = "（一）标题\n正文。\n".repeat(10_000);
    let x = extract(
        text.as_bytes(),
        &Options {
            source: Some("deep".to_string()),
            ..Options::default()
        },
    )
    .unwrap();
    let speech = &x.speeches[0];
    let deepest = speech.points(false).iter().map(|(d, _)| *d).max().unwrap();
    assert_eq!(deepest, tigang::nest::MAX_DEPTH);
    assert_eq!(speech.points(false).len(), 10_000);
    // Both writers and both readers cope with the deepest tree.
    for (format, read) in [
        (Format::Json, tigang::wire::read_json as fn(&str) -> _),
        (Format::Yaml, tigang::wire::read_yaml),
    ] {
        let mut saved = Vec::new();
        tigang::render(&x, format, &mut saved).unwrap();
        let back = read(std::str::from_utf8(&saved).unwrap()).unwrap();
        assert_eq!(
            back[0].speeches[0].outline, x.speeches[0].outline,
            "{format:?}"
        );
    }
}

#[test]
fn numbers_far_beyond_ninety_nine_are_read_or_left_as_text() {
    let text = "九百九十九、末项。\n一千、不是编号。\n九十九是之一。\n";
    let x = extract(
        text.as_bytes(),
        &Options {
            source: Some("big".to_string()),
            ..Options::default()
        },
    )
    .unwrap();
    let numbers: Vec<Option<u32>> = x.speeches[0]
        .points(false)
        .iter()
        .map(|(_, h)| h.number())
        .collect();
    assert_eq!(numbers, [Some(999), Some(99)]);
}

#[test]
fn a_missing_path_and_a_symlink_loop_are_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、学习。\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let out = tigang()
        .args(["extract", "--format", "json"])
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
    assert_eq!(json_lines(out.get_output().stdout.clone()).len(), 1);
}

/// A file without read permission. Root reads everything, so under root the command runs as
/// `nobody` through setpriv (util-linux), as a real user would.
#[test]
fn a_file_without_read_permission_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::Builder::new()
        .prefix("tigang-perm")
        .tempdir_in("/tmp")
        .unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "一、学习。\n").unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let open = dir.path().join("open.txt");
    std::fs::write(&open, "二、落实。\n").unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tigang");
    let is_root = std::fs::read(&secret).is_ok();
    let has_setpriv = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok();
    if is_root && !has_setpriv {
        eprintln!(
            "skipped: running as root without setpriv (util-linux), so no file is unreadable"
        );
        return;
    }
    let mut cmd = if is_root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        Command::new(&bin)
    };
    cmd.current_dir("/tmp")
        .args(["extract", "--format", "text"])
        .arg(&secret)
        .arg(&open)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("secret.txt")
                .and(predicate::str::contains("ermission denied")),
        )
        .stdout(predicate::str::contains("二、落实"));
}

#[test]
fn an_output_folder_that_cannot_be_made_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、学习。\n").unwrap();
    tigang()
        .args(["extract", "-o"])
        .arg(blocker.join("out"))
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot create output folder"));
    // The same in Chinese, the reason too.
    tigang()
        .args(["--lang", "zh", "extract", "-o"])
        .arg(blocker.join("out"))
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("无法创建输出文件夹："))
        .stderr(predicate::str::contains("cannot").not());
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "x");
}

#[test]
fn stdout_closed_early_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        std::fs::write(
            dir.path().join(format!("s{i:03}.txt")),
            "一、学习。内容。\n二、落实。内容。\n".repeat(200),
        )
        .unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tigang"))
        .args(["extract", "--format", "json", "--quiet"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take()); // like `| head -c 100`
    let mut stderr = Vec::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&stderr)
    );
    assert!(stderr.is_empty(), "{}", String::from_utf8_lossy(&stderr));
}

#[test]
fn outputs_are_written_whole_and_skip_existing_continues_a_run() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), "一、学习。\n").unwrap();
    std::fs::write(src.join("sub/b.txt"), "一、落实。\n").unwrap();
    let out = dir.path().join("out");
    // An earlier, interrupted run left a.yaml; --skip-existing keeps it and writes the rest.
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("a.yaml"), "kept\n").unwrap();
    tigang()
        .args(["extract", "--skip-existing", "-o"])
        .arg(&out)
        .arg(&src)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(out.join("a.yaml")).unwrap(),
        "kept\n"
    );
    let b = std::fs::read_to_string(out.join("sub/b.yaml")).unwrap();
    assert!(b.contains("一、"), "the output mirrors the input folders");
    // No temporary files are left behind.
    let leftovers: Vec<_> = walk(&out)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(".tmp"))
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Without --skip-existing the old output is replaced.
    tigang()
        .args(["extract", "-o"])
        .arg(&out)
        .arg(&src)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(out.join("a.yaml"))
            .unwrap()
            .contains("一、")
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

#[test]
fn outputs_never_land_on_an_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("speech.txt"), "一、学习。\n").unwrap();
    std::fs::write(dir.path().join("other.txt"), "一、落实。\n").unwrap();
    let out = tigang()
        .args(["extract", "--format", "text", "-o"])
        .arg(dir.path())
        .arg(dir.path())
        .assert()
        .code(2);
    no_panic(&out.get_output().stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("speech.txt")).unwrap(),
        "一、学习。\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("other.txt")).unwrap(),
        "一、落实。\n"
    );
}

#[test]
fn two_inputs_with_one_output_name_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, text) in [("x", "一、甲。\n"), ("y", "一、乙。\n")] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("a.txt"), text).unwrap();
    }
    let out = dir.path().join("out");
    tigang()
        .args(["extract", "-o"])
        .arg(&out)
        .arg(dir.path().join("x"))
        .arg(dir.path().join("y"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("over the output of"));
    assert!(
        std::fs::read_to_string(out.join("a.yaml"))
            .unwrap()
            .contains("甲")
    );
}
