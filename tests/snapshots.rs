//! Whole-outline snapshots of the fixtures with each heading's move and top evidence, so that a
//! change of weights shows which decisions flipped. A snapshot that differs fails the test;
//! `TIGANG_UPDATE_SNAPSHOTS=1 cargo test --test snapshots` writes the new ones to review in git.

use std::fmt::Write as _;
use tigang::{Heading, Options, extract};

fn render(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).expect("fixture");
    let opts = Options {
        explain: true,
        ..Options::default()
    };
    let doc = match extract(
        &bytes,
        &Options {
            source: Some("fixture".to_string()),
            ..opts.clone()
        },
    ) {
        Ok(x) => x,
        Err(e) => return format!("refused: {e}\n"),
    };
    let mut out = String::new();
    for s in &doc.speeches {
        let _ = writeln!(out, "speech line {}", s.start_line);
        for h in &s.outline {
            for (depth, node) in h.walk() {
                line(&mut out, depth, node);
            }
        }
    }
    out
}

fn line(out: &mut String, depth: usize, h: &Heading) {
    let indent = "  ".repeat(depth - 1);
    let marker = h.marker().unwrap_or("[group]");
    let why = h.why.as_ref().map_or(String::new(), |w| {
        let top = w
            .evidence
            .first()
            .map_or("no evidence".to_string(), |e| e.evidence.to_string());
        format!("  <- {} ({top})", w.chosen.name())
    });
    let _ = writeln!(out, "{indent}{}: {marker}{}{why}", h.line, h.title);
}

#[test]
fn fixture_outlines_match_their_snapshots() {
    let root = env!("CARGO_MANIFEST_DIR");
    let update = std::env::var_os("TIGANG_UPDATE_SNAPSHOTS").is_some();
    let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/tests/fixtures"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut differ = Vec::new();
    for path in paths {
        let name = path
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let snap = format!("{root}/tests/snapshots/{name}.txt");
        let now = render(&path);
        if update {
            std::fs::create_dir_all(format!("{root}/tests/snapshots")).expect("folder");
            std::fs::write(&snap, &now).expect("write snapshot");
        } else if std::fs::read_to_string(&snap).ok().as_deref() != Some(now.as_str()) {
            differ.push(name);
        }
    }
    assert!(
        differ.is_empty(),
        "outlines differ from tests/snapshots (rerun with TIGANG_UPDATE_SNAPSHOTS=1 and review): {}",
        differ.join(", ")
    );
}
