//! `--format csv` / `tsv` / `jsonl-rows`: the rows are checked against the JSON outline of the
//! same input (paths and depths found by an independent walk over `children`), and their offsets
//! against the source text.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn tigang(args: &[&str]) -> String {
    let out = Command::cargo_bin("tigang")
        .unwrap()
        .args(args)
        .arg("--quiet")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// An RFC 4180 reader, small on purpose: quoted fields, doubled quotes, breaks inside quotes.
fn read_table(text: &str, sep: char) -> Vec<HashMap<String, String>> {
    let mut records: Vec<Vec<String>> = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == sep => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "unterminated record"
    );
    let header = records.remove(0);
    records
        .into_iter()
        .map(|r| {
            assert_eq!(
                r.len(),
                header.len(),
                "a record with a wrong field count: {r:?}"
            );
            header.iter().cloned().zip(r).collect()
        })
        .collect()
}

/// (speech, path, depth, marker, line) of every point of a JSON outline, by a recursive walk:
/// a group node (no marker) neither counts nor adds depth.
fn points_of(json: &str) -> Vec<(usize, String, usize, String, usize)> {
    fn walk(
        nodes: &[Value],
        speech: usize,
        prefix: &[usize],
        out: &mut Vec<(usize, String, usize, String, usize)>,
        counter: &mut usize,
    ) {
        for n in nodes {
            let children = n["children"].as_array().unwrap();
            match n["marker"].as_str() {
                Some(m) => {
                    *counter += 1;
                    let mut path = prefix.to_vec();
                    path.push(*counter);
                    let id: Vec<String> = path.iter().map(usize::to_string).collect();
                    out.push((
                        speech,
                        id.join("."),
                        path.len(),
                        m.to_string(),
                        n["line"].as_u64().unwrap() as usize,
                    ));
                    walk(children, speech, &path, out, &mut 0);
                }
                None => walk(children, speech, prefix, out, counter),
            }
        }
    }
    let mut out = Vec::new();
    for doc in json.lines() {
        let doc: Value = serde_json::from_str(doc).unwrap();
        for (i, s) in doc["speeches"].as_array().unwrap().iter().enumerate() {
            walk(
                s["outline"].as_array().unwrap(),
                i + 1,
                &[],
                &mut out,
                &mut 0,
            );
        }
    }
    out
}

/// (source, line) of every group node of a JSON outline.
fn groups_of(json: &str) -> std::collections::HashSet<(String, usize)> {
    fn walk(nodes: &[Value], source: &str, out: &mut std::collections::HashSet<(String, usize)>) {
        for n in nodes {
            if n["marker"].is_null() {
                out.insert((source.to_string(), n["line"].as_u64().unwrap() as usize));
            }
            walk(n["children"].as_array().unwrap(), source, out);
        }
    }
    let mut out = std::collections::HashSet::new();
    for doc in json.lines() {
        let doc: Value = serde_json::from_str(doc).unwrap();
        let source = doc["source"].as_str().unwrap();
        for s in doc["speeches"].as_array().unwrap() {
            walk(s["outline"].as_array().unwrap(), source, &mut out);
        }
    }
    out
}

/// Rows agree with the JSON outline, and their offsets cut each point's section out of the
/// source: it opens with the marker, byte and char offsets cut the same text, and a section ends
/// where the next point of the same or a higher level starts.
fn check(files: &[PathBuf], extra: &[&str]) -> usize {
    let names: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let json = tigang(&[&["extract", "--format", "json"], extra, &names].concat());
    let csv = tigang(&[&["extract", "--format", "csv"], extra, &names].concat());
    let rows = read_table(&csv, ',');
    let expected = points_of(&json);
    let groups = groups_of(&json);
    assert_eq!(rows.len(), expected.len(), "{names:?}");
    let mut texts = HashMap::new();
    for (r, (speech, path, depth, marker, line)) in rows.iter().zip(&expected) {
        let got = (
            r["speech"].parse::<usize>().unwrap(),
            &r["path"],
            r["depth"].parse::<usize>().unwrap(),
            &r["marker"],
            r["line"].parse::<usize>().unwrap(),
        );
        assert_eq!(
            got,
            (*speech, path, *depth, marker, *line),
            "{}",
            r["source"]
        );
        let text = texts
            .entry(r["source"].clone())
            .or_insert_with(|| std::fs::read_to_string(&r["source"]).unwrap());
        let n = |k: &str| r[k].parse::<usize>().unwrap();
        let section = &text[n("byte_start")..n("byte_end")];
        let by_chars: String = text
            .chars()
            .skip(n("char_start"))
            .take(n("char_end") - n("char_start"))
            .collect();
        assert_eq!(section, by_chars, "{} {path}", r["source"]);
        let opening = section.trim_start_matches([' ', '\t', '\u{3000}', '\u{FEFF}']);
        let first = opening.lines().next().unwrap_or("");
        // Control characters are cleaned away before markers are read (tests/fixtures/
        // control_characters.txt): such a line need only hold its marker.
        // Markdown's emphasis or heading marks may stand before the marker (**一、…**).
        let opens = if first.contains(char::is_control) {
            first.contains(marker.as_str())
        } else if first.starts_with(['*', '#', '_', '>']) {
            first
                .trim_start_matches(['*', '#', '_', '>', ' '])
                .starts_with(marker.as_str())
        } else {
            opening.starts_with(marker.as_str())
        };
        assert!(
            opens,
            "{} {path}: the section starts {:?}, not with {marker}",
            r["source"],
            opening.chars().take(20).collect::<String>()
        );
        // The section's first line is the heading's line (an inline point's is the rest of it).
        let first_line = text[n("byte_start")..].lines().next().unwrap_or("");
        let whole_line = text.lines().nth(line - 1).unwrap();
        if r["inline"] == "false" {
            assert!(whole_line.ends_with(first_line), "{} {path}", r["source"]);
        }
    }
    // Each section ends where the next row of the same or a higher level in its speech starts.
    for (i, r) in rows.iter().enumerate() {
        let depth: usize = r["depth"].parse().unwrap();
        if let Some(next) = rows[i + 1..]
            .iter()
            .take_while(|o| o["source"] == r["source"] && o["speech"] == r["speech"])
            .find(|o| o["depth"].parse::<usize>().unwrap() <= depth)
        {
            // Or earlier, where a group node's lead-in (讲三点意见) opens the next list.
            let end: usize = r["byte_end"].parse().unwrap();
            if r["byte_end"] != next["byte_start"] {
                let text = &texts[&r["source"]];
                let line = text[..end].matches('\n').count() + 1;
                assert!(
                    groups.contains(&(r["source"].clone(), line)),
                    "{} {}: ends at {end} (line {line}), the next point starts at {}",
                    r["source"],
                    r["path"],
                    next["byte_start"]
                );
            }
        }
    }
    rows.len()
}

#[test]
fn rows_match_the_outline_of_a_speech_with_a_group_and_inline_points() {
    let f = PathBuf::from("tests/fixtures/rows_group_and_inline.txt");
    assert_eq!(check(std::slice::from_ref(&f), &[]), 7);
    assert_eq!(check(std::slice::from_ref(&f), &["--inline"]), 10);
    // The group node (今天我讲三点意见) adds no depth and no step to the path.
    let rows = read_table(
        &tigang(&[
            "extract",
            "--format",
            "csv",
            "tests/fixtures/rows_group_and_inline.txt",
        ]),
        ',',
    );
    let paths: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["path"].as_str(),
                r["depth"].as_str(),
                r["parent"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        paths,
        [
            ("1", "1", ""),
            ("1.1", "2", "1"),
            ("1.2", "2", "1"),
            ("2", "1", ""),
            ("2.1", "2", "2"),
            ("2.2", "2", "2"),
            ("3", "1", "")
        ]
    );
    assert_eq!(rows[2]["breadcrumb"], "提高认识，压实责任");
}

#[test]
fn rows_of_every_fixture_match_their_outline() {
    let files = common::text_fixtures();
    assert!(check(&files, &["--inline"]) > 100);
}

#[test]
fn one_header_for_several_inputs_and_bodies_quoted() {
    let f = "tests/fixtures/rows_group_and_inline.txt";
    let csv = tigang(&["extract", "--format", "csv", "--body", f, f]);
    assert_eq!(csv.matches("source,speech,").count(), 1);
    let rows = read_table(&csv, ',');
    assert_eq!(rows.len(), 14);
    assert_eq!(
        rows[0]["body"],
        "提高认识，压实责任。安全生产是底线，容不得半点马虎。"
    );
    let tsv = tigang(&["extract", "--format", "tsv", f]);
    assert_eq!(read_table(&tsv, '\t').len(), 7);
    let jsonl = tigang(&["extract", "--format", "jsonl-rows", f]);
    let first: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["path"], "1");
    assert_eq!(first["number"], 1);
    assert_eq!(jsonl.lines().count(), 7);
}

#[test]
fn a_field_with_a_comma_a_quote_and_a_break_survives_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a,\"b\".txt");
    std::fs::write(&f, "一、学习。\n二、落实。\n").unwrap();
    let rows = read_table(
        &tigang(&["extract", "--format", "csv", f.to_str().unwrap()]),
        ',',
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(Path::new(&rows[1]["source"]), f);
}

#[test]
#[ignore = "needs ../shared"]
fn rows_of_the_seeds_cut_every_heading_out_of_the_source() {
    let mut files: Vec<PathBuf> = std::fs::read_dir("../shared/seeds")
        .expect("../shared/seeds")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let n = check(&files, &[]);
    let m = check(&files, &["--inline"]);
    println!("seeds: {n} rows, {m} with --inline");
    assert!(m >= n && n > 0);
}
