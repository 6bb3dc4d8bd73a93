//! `--format chunks`: passages are the source's own text at their offsets, keep the bound, never
//! run across a section's start, and carry the headings of the rows they fall under.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

fn jsonl(args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("tigang")
        .unwrap()
        .args(args)
        .arg("--quiet")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn check(files: &[PathBuf], max: usize) -> usize {
    let names: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let max_arg = max.to_string();
    let chunks = jsonl(
        &[
            &["extract", "--format", "chunks", "--max-chars", &max_arg],
            &names[..],
        ]
        .concat(),
    );
    let rows = jsonl(&[&["extract", "--format", "jsonl-rows"], &names[..]].concat());
    let mut texts = HashMap::new();
    // Where each section starts, per input, and each path's depth.
    let mut starts: HashMap<String, Vec<u64>> = HashMap::new();
    let mut depth: HashMap<(String, u64, String), u64> = HashMap::new();
    for r in &rows {
        let source = r["source"].as_str().unwrap().to_string();
        starts
            .entry(source.clone())
            .or_default()
            .push(r["byte_start"].as_u64().unwrap());
        depth.insert(
            (
                source,
                r["speech"].as_u64().unwrap(),
                r["path"].as_str().unwrap().to_string(),
            ),
            r["depth"].as_u64().unwrap(),
        );
    }
    for c in &chunks {
        let source = c["source"].as_str().unwrap().to_string();
        let text = texts
            .entry(source.clone())
            .or_insert_with(|| std::fs::read_to_string(&source).unwrap());
        let n = |k: &str| c[k].as_u64().unwrap() as usize;
        let own = c["text"].as_str().unwrap();
        assert_eq!(&text[n("byte_start")..n("byte_end")], own, "{source}");
        let by_chars: String = text
            .chars()
            .skip(n("char_start"))
            .take(n("char_end") - n("char_start"))
            .collect();
        assert_eq!(by_chars, own, "{source}");
        assert!(
            own.chars().count() <= max,
            "{source}: {} chars",
            own.chars().count()
        );
        assert!(
            !own.trim().is_empty() && own.trim() == own,
            "{source}: {own:?}"
        );
        for &s in starts.get(&source).map_or(&[][..], |v| &v[..]) {
            let s = s as usize;
            assert!(
                !(n("byte_start") < s && s < n("byte_end")),
                "{source}: a passage at {} runs across the section starting at {s}",
                n("byte_start")
            );
        }
        let path = c["path"].as_str().unwrap().to_string();
        let headings = c["headings"].as_array().unwrap().len() as u64;
        if path.is_empty() {
            assert_eq!(headings, 0);
        } else {
            let key = (source.clone(), c["speech"].as_u64().unwrap(), path);
            assert_eq!(depth.get(&key), Some(&headings), "{key:?}");
        }
    }
    chunks.len()
}

#[test]
fn passages_of_a_speech_keep_their_sections_and_the_bound() {
    let f = PathBuf::from("tests/fixtures/rows_group_and_inline.txt");
    assert_eq!(check(std::slice::from_ref(&f), 30), 13);
    // Large enough for each section whole: one passage per section, the heading opening it.
    let chunks = jsonl(&["extract", "--format", "chunks", f.to_str().unwrap()]);
    let opening: Vec<&str> = chunks
        .iter()
        .filter(|c| c["path"] != "")
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(opening.len(), 7);
    assert!(opening[1].starts_with("（一）认清形势。今年以来"));
    let first_sub = chunks.iter().find(|c| c["path"] == "1.1").unwrap();
    assert_eq!(first_sub["headings"][0], "一、提高认识，压实责任");
    assert_eq!(first_sub["headings"][1], "（一）认清形势");
    assert_eq!(first_sub["date_iso"], "2026-03-01");
}

#[test]
fn passages_of_every_fixture_keep_their_sections_and_the_bound() {
    let files = common::text_fixtures();
    assert!(check(&files, 40) > check(&files, 400));
    check(&files, 1);
}

#[test]
fn a_max_chars_of_zero_is_refused() {
    Command::cargo_bin("tigang")
        .unwrap()
        .args([
            "extract",
            "--format",
            "chunks",
            "--max-chars",
            "0",
            "tests/fixtures/rows_group_and_inline.txt",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("positive"));
}

#[test]
#[ignore = "needs ../shared"]
fn passages_of_the_seeds_keep_their_sections_and_the_bound() {
    let mut files: Vec<PathBuf> = std::fs::read_dir("../shared/seeds")
        .expect("../shared/seeds")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let n = check(&files, 300);
    println!("seeds: {n} passages of at most 300 characters");
    assert!(n > 0);
}
