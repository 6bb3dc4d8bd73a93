//! The shell side of the first hour (issue 15): help that reads well at any width and in
//! Chinese, man pages for every subcommand, colour as ripgrep has it, and a word when a bare
//! command waits on the terminal.

mod common;
use common::*;

use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

fn text(out: &[u8]) -> String {
    String::from_utf8(out.to_vec()).unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    text(&tigang().args(args).env("COLUMNS", "80").ok_stdout())
}

#[test]
fn examples_in_help_stand_one_per_line_and_only_in_the_long_help() {
    let long = stdout_of(&["extract", "--help"]);
    assert!(
        long.contains("Examples:\n  tigang extract speech.txt\n  tigang extract --format json"),
        "{long}"
    );
    let short = stdout_of(&["extract", "-h"]);
    assert!(!short.contains("Examples:"), "{short}");
    assert!(
        short.lines().count() * 3 < long.lines().count() * 2,
        "{short}"
    );
    let top = stdout_of(&["--help"]);
    for name in ["HTML", "SVG", "Mermaid"] {
        assert!(
            top.lines().next().unwrap().contains(name) || top.contains(name),
            "{top}"
        );
    }
}

#[test]
fn help_is_wrapped_to_the_terminal_width() {
    for args in [&["extract", "--help"][..], &["compare", "-h"], &["--help"]] {
        let out = text(&tigang().args(args).env("COLUMNS", "60").ok_stdout());
        for line in out.lines() {
            assert!(line.width() <= 60, "{} columns: {line}", line.width());
        }
    }
}

#[test]
fn chinese_help_and_errors_have_no_english_left_from_clap() {
    let zh = |args: &[&str]| {
        let mut c = tigang();
        c.args(["--lang", "zh"]).args(args).env("COLUMNS", "200");
        c.assert()
    };
    let out = zh(&["extract", "--help"]).success();
    let help = text(&out.get_output().stdout);
    for english in [
        "Usage:",
        "Options:",
        "Arguments:",
        "Print help",
        "possible values",
        "default:",
    ] {
        assert!(!help.contains(english), "{english} in {help}");
    }
    assert!(help.contains("用法：") && help.contains("选项") && help.contains("［可选："));
    let top = text(&zh(&["--help"]).success().get_output().stdout);
    assert!(top.contains("命令") && !top.contains("Commands:") && !top.contains("Print version"));
    zh(&["extract", "--format", "xml"])
        .code(2)
        .stderr(predicate::str::contains("无效").and(predicate::str::contains("invalid").not()));
    zh(&["extrac"]).code(2).stderr(
        predicate::str::contains("extract").and(predicate::str::contains("unrecognized").not()),
    );
}

#[test]
fn the_side_by_side_legend_follows_the_language() {
    let (a, b) = (fixture("compare_base.txt"), fixture("compare_swapped.txt"));
    let out = tigang()
        .args(["--lang", "zh", "compare", "--format", "side", &a, &b])
        .ok_stdout();
    let out = text(&out);
    assert!(
        out.contains("仅 A 有") && !out.contains("only in A"),
        "{out}"
    );
}

#[test]
fn man_pages_exist_for_every_subcommand() {
    let page = stdout_of(&["man", "extract"]);
    assert!(page.contains(".TH tigang-extract 1"), "{page}");
    assert!(page.contains("Examples:") || page.contains("tigang extract speech.txt"));
    let dir = tempfile::tempdir().unwrap();
    tigang()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let top = std::fs::read_to_string(dir.path().join("tigang.1")).unwrap();
    // Every page the top one refers to is written beside it.
    for sub in ["extract", "check", "compare", "completions", "man"] {
        assert!(top.contains(&format!("tigang\\-{sub}(1)")), "{top}");
        let p = dir.path().join(format!("tigang-{sub}.1"));
        assert!(p.exists(), "{} missing", p.display());
    }
    tigang()
        .args(["man", "nosuch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no man page for \"nosuch\""));
    // In Chinese the NAME section is the one-line description, not the whole help.
    let zh = text(&tigang().args(["--lang", "zh", "man"]).ok_stdout());
    let name = zh
        .split(".SH NAME\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(
        name.starts_with("tigang \\- tigang（提纲）") && !name.contains("示例"),
        "{name}"
    );
}

/// Whether `check` colours its report on a pipe with this environment and these arguments.
fn coloured(env: &[(&str, &str)], args: &[&str]) -> bool {
    let mut c = tigang();
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("TERM", "xterm");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c
        .args(args)
        .args(["check", &fixture("check_gap.txt")])
        .assert()
        .code(1);
    text(&out.get_output().stderr).contains("\x1b[")
}

#[test]
fn colour_follows_color_no_color_and_clicolor_force() {
    assert!(!coloured(&[], &[]), "a pipe gets no colour");
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "0")], &[]));
    assert!(
        coloured(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")], &[]),
        "empty NO_COLOR is unset"
    );
    assert!(!coloured(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        &[]
    ));
    assert!(coloured(&[], &["--color", "always"]));
    assert!(coloured(&[("NO_COLOR", "1")], &["--color=always"]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]));
}

/// The output of `tigang ARGS` run on a terminal (script(1) gives it one), standard input at its
/// end at once.
fn on_a_terminal(env: &str, args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("tigang");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{env} {} {args}", bin.display()),
            "/dev/null",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script(1) from util-linux runs");
    text(&out.stdout)
}

#[test]
fn a_dumb_terminal_gets_no_colour_and_an_empty_no_color_keeps_it() {
    let file = fixture("check_gap.txt");
    assert!(on_a_terminal("TERM=xterm NO_COLOR=", &format!("check {file}")).contains("\x1b["));
    assert!(!on_a_terminal("TERM=dumb", &format!("check {file}")).contains("\x1b["));
}

#[test]
fn a_bare_command_on_a_terminal_says_it_reads_standard_input() {
    let out = on_a_terminal("", "extract --format text");
    assert!(
        out.contains("reading a speech from standard input"),
        "{out}"
    );
    let out = on_a_terminal("", "check");
    assert!(out.contains("Ctrl-D"), "{out}");
    // Not on a pipe: there the text comes from the pipe.
    tigang()
        .args(["extract", "--format", "text"])
        .write_stdin("一、学习。\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("standard input").not());
}
