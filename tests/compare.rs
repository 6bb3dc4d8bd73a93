//! `tigang compare`: a speech against itself, a swap, a removal, an unrelated speech; the
//! command's formats and inputs; corpus clusters.

mod common;
use common::*;

use predicates::prelude::*;
use tigang::compare::{Comparison, Outline, Status, compare};
use tigang::{Options, extract};

fn outline(name: &str) -> Outline {
    let doc = extract(
        &std::fs::read(fixture(name)).unwrap(),
        name,
        &Options::default(),
    )
    .unwrap()
    .document;
    Outline::new(name, 0, &doc.speeches[0])
}

fn statuses(c: &Comparison) -> Vec<(Status, Option<usize>, Option<usize>)> {
    c.pairs
        .iter()
        .map(|p| {
            (
                p.status,
                p.a.as_ref().map(|x| x.line),
                p.b.as_ref().map(|x| x.line),
            )
        })
        .collect()
}

#[test]
fn a_speech_against_itself_is_identical_and_all_matched() {
    let a = outline("compare_base.txt");
    let c = compare(&a, &a);
    assert_eq!(c.similarity, 1.0);
    assert_eq!(c.pairs.len(), 8);
    assert!(
        c.pairs.iter().all(|p| p.status == Status::Matched),
        "{:?}",
        statuses(&c)
    );
    assert_eq!(c.a.shape.families, "一、>（一）");
    assert_eq!(c.a.shape.headings_per_depth, [3, 5]);
}

#[test]
fn two_swapped_points_are_both_moved() {
    let c = compare(
        &outline("compare_base.txt"),
        &outline("compare_swapped.txt"),
    );
    let moved: Vec<(Option<usize>, Option<usize>)> = c
        .pairs
        .iter()
        .filter(|p| p.moved)
        .map(|p| (p.a.as_ref().map(|x| x.line), p.b.as_ref().map(|x| x.line)))
        .collect();
    assert_eq!(moved, [(Some(4), Some(5)), (Some(5), Some(4))]);
    assert!(
        c.pairs
            .iter()
            .filter(|p| p.moved)
            .all(|p| p.renumbered && p.status == Status::Moved)
    );
    assert!(c.similarity > 0.6 && c.similarity < 1.0, "{}", c.similarity);
}

#[test]
fn a_removed_point_is_only_in_a() {
    let c = compare(
        &outline("compare_base.txt"),
        &outline("compare_removed.txt"),
    );
    let only_a: Vec<usize> = c
        .pairs
        .iter()
        .filter(|p| p.status == Status::OnlyInA)
        .map(|p| p.a.as_ref().unwrap().line)
        .collect();
    assert_eq!(only_a, [5]);
    assert!(
        c.pairs
            .iter()
            .all(|p| matches!(p.status, Status::Matched | Status::OnlyInA)),
        "{:?}",
        statuses(&c)
    );
    assert_eq!(c.similarity, 0.875);
}

#[test]
fn unrelated_speeches_are_far_apart() {
    let c = compare(
        &outline("compare_base.txt"),
        &outline("compare_unrelated.txt"),
    );
    assert!(c.similarity < 0.3, "{}", c.similarity);
    assert!(
        c.pairs
            .iter()
            .all(|p| matches!(p.status, Status::OnlyInA | Status::OnlyInB))
    );
}

#[test]
fn side_by_side_puts_matched_points_on_one_row() {
    tigang()
        .args(["compare", "--format", "side", "--width", "100"])
        .arg(fixture("compare_base.txt"))
        .arg(fixture("compare_removed.txt"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("（三）强化部门监管 :5")
                .and(predicate::str::contains("< \n").or(predicate::str::contains("<\n")))
                .and(predicate::str::is_match(r"一、提高认识.*:2 += 一、提高认识.*:2").unwrap()),
        );
}

#[test]
fn saved_outlines_and_numbered_speeches_can_be_compared() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("base.json");
    let json = tigang()
        .args(["extract", "--format", "json"])
        .arg(fixture("compare_base.txt"))
        .output()
        .unwrap()
        .stdout;
    std::fs::write(&saved, json).unwrap();
    let out = tigang()
        .args(["compare", "--format", "json"])
        .arg(&saved)
        .arg(format!("{}#2", fixture("two_speeches.txt")))
        .ok_stdout();
    let c: Comparison = serde_json::from_slice(&out).unwrap();
    assert_eq!((c.b.speech, c.b.start_line), (2, 8));
    tigang()
        .args(["compare"])
        .arg(format!("{}#9", fixture("two_speeches.txt")))
        .arg(&saved)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no speech #9"));
}

#[test]
fn a_corpus_is_grouped_into_templates() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "compare_base.txt",
        "compare_swapped.txt",
        "compare_unrelated.txt",
    ] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let matrix = dir.path().join("m.csv");
    let out = tigang()
        .args([
            "compare",
            "--all",
            "--format",
            "json",
            "--threshold",
            "0.6",
            "--matrix",
        ])
        .arg(&matrix)
        .arg(dir.path())
        .ok_stdout();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let clusters = v["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 1);
    let members: Vec<&str> = clusters[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["source"].as_str().unwrap())
        .collect();
    assert!(
        members[0].ends_with("compare_base.txt") && members[1].ends_with("compare_swapped.txt")
    );
    assert_eq!(clusters[0]["members"][0]["speech"], 1);
    let csv = std::fs::read_to_string(matrix).unwrap();
    assert_eq!(csv.lines().count(), 4);
    assert!(csv.lines().nth(1).unwrap().split(',').nth(1) == Some("1"));
}

/// Seed 001 repeats several speeches; each repeat must land in one cluster with its original.
#[test]
fn repeated_seed_speeches_cluster_together() {
    let seeds = format!("{}/../shared/seeds", env!("CARGO_MANIFEST_DIR"));
    if !std::path::Path::new(&seeds).exists() {
        eprintln!("skipped: {seeds} not found");
        return;
    }
    let out = tigang()
        .args(["compare", "--all", "--format", "json", &seeds])
        .output()
        .unwrap()
        .stdout;
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let starts: Vec<Vec<u64>> = v["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["start_line"].as_u64().unwrap())
                .collect()
        })
        .collect();
    // Repeats named in the seeds' GOLD-NOTES: 篇一 at 2 and 41; the ×行动 report at 52 and 147.
    for pair in [[2, 41], [52, 147], [427, 491]] {
        assert!(
            starts.iter().any(|c| pair.iter().all(|s| c.contains(s))),
            "{pair:?} not together in {starts:?}"
        );
    }
}
