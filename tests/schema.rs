//! `docs/outline.schema.json` describes the real output: every fixture, example and probe text (and
//! every text in ../shared, with --include-ignored) is extracted as JSON, plain and with every
//! option, and validated; so are the lines of `check --format json`. The schema is strict
//! (no unknown fields), so a field added to the output without the schema fails here.

mod common;
use common::*;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use tigang::{Format, Options};

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/outline.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the schema is JSON")
}

/// A validator for the schema's definition `def` (`document`, `check_line`, …).
fn validator(def: &str) -> jsonschema::Validator {
    let mut s = schema();
    s["$ref"] = json!(format!("#/$defs/{def}"));
    jsonschema::validator_for(&s).expect("the schema compiles")
}

/// Why `value` fails `v`, or none.
fn errors(v: &jsonschema::Validator, value: &Value) -> Option<String> {
    let e: Vec<String> = v
        .iter_errors(value)
        .take(3)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    (!e.is_empty()).then(|| e.join("; "))
}

fn texts_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "txt" || e == "docx" || e == "html")
        })
        .collect();
    files.sort();
    files
}

/// Validate the JSON outline of every text in `dirs`, plain and with --body --inline --explain;
/// returns how many documents were checked.
fn validate_outlines(dirs: &[PathBuf]) -> usize {
    let v = validator("document");
    let mut checked = 0;
    for path in dirs.iter().flat_map(|d| texts_in(d)) {
        let bytes = std::fs::read(&path).unwrap();
        for opts in [
            Options::default(),
            Options {
                body: true,
                inline: true,
                explain: true,
                ..Options::default()
            },
        ] {
            let opts = Options {
                source: Some(path.display().to_string()),
                ..opts
            };
            let Ok(doc) = tigang::extract(&bytes, &opts) else {
                continue; // a fixture that is refused on purpose (binary, damaged)
            };
            let mut out = Vec::new();
            tigang::render(&doc, Format::Json, &mut out).unwrap();
            let value: Value = serde_json::from_slice(&out).unwrap();
            if let Some(e) = errors(&v, &value) {
                panic!("{}: {e}", path.display());
            }
            checked += 1;
        }
    }
    checked
}

fn own_folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        "tests/fixtures",
        "tests/fixtures/formats",
        "tests/probe",
        "examples",
    ]
    .iter()
    .map(|d| root.join(d))
    .collect()
}

#[test]
fn every_fixture_and_example_outline_fits_the_schema() {
    let n = validate_outlines(&own_folders());
    assert!(n > 150, "only {n} outlines checked");
}

#[test]
#[ignore = "needs ../shared"]
fn every_shared_text_outline_fits_the_schema() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let dirs: Vec<PathBuf> = ["seeds", "corpus", "corpus-b", "compare-gold/texts"]
        .iter()
        .map(|d| shared.join(d))
        .collect();
    assert!(
        dirs.iter().all(|d| d.is_dir()),
        "../shared is not beside the repository"
    );
    let n = validate_outlines(&dirs);
    assert!(n > 70, "only {n} outlines checked");
}

#[test]
fn check_json_lines_fit_the_schema() {
    let v = validator("check_line");
    let out = tigang()
        .args(["check", "--quiet", "--format", "json"])
        .arg(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut codes = std::collections::BTreeSet::new();
    for line in text.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        if let Some(e) = errors(&v, &value) {
            panic!("{line}: {e}");
        }
        codes.insert(value["code"].as_str().unwrap().to_string());
    }
    // The fixtures have a case of every code, so each code's line shape was checked.
    assert_eq!(codes.len(), tigang::Code::NAMES.len(), "{codes:?}");
}

#[test]
fn the_schema_names_every_finding_code() {
    let s = schema();
    let names: Vec<&str> = s["$defs"]["code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(names, tigang::Code::NAMES);
}

#[test]
fn the_schema_is_strict_about_fields_and_node_kinds() {
    let v = validator("document");
    let doc = tigang::extract("讲两点：\n一是学习。\n二是落实。\n", &Options::default()).unwrap();
    let mut out = Vec::new();
    tigang::render(&doc, Format::Json, &mut out).unwrap();
    let good: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(errors(&v, &good), None);
    assert!(
        good["speeches"][0]["outline"][0]["intro"].is_string(),
        "a group: {good}"
    );
    // A field the contract does not have.
    let mut extra = good.clone();
    extra["speeches"][0]["outline"][0]["colour"] = json!("red");
    assert!(errors(&v, &extra).is_some());
    // A group node with a marker is neither a point nor a group.
    let mut mixed = good.clone();
    mixed["speeches"][0]["outline"][0]["marker"] = json!("一、");
    assert!(errors(&v, &mixed).is_some());
    // A family the contract does not name.
    let mut family = good;
    family["speeches"][0]["outline"][0]["children"][0]["family"] = json!("hexadecimal");
    assert!(errors(&v, &family).is_some());
}
