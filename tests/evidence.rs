//! The nesting table has no dead evidence: switching any one kind off (weight 0) changes the
//! outline of at least one fixture. A kind that changes nothing is either untested or useless.

use tigang::nest::{Evidence, Weights};
use tigang::{Options, extract};

/// Every fixture's outline as one string per fixture: depth, line and marker of each point.
fn outlines(weights: Option<Weights>) -> Vec<(String, String)> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).expect("fixture");
            let opts = Options {
                weights,
                ..Options::default()
            };
            // The fixtures of refused input (binary bytes) have no outline to compare.
            let doc = extract(
                &bytes,
                &Options {
                    source: Some("fixture".to_string()),
                    ..opts.clone()
                },
            )
            .ok()?;
            let mut shape = String::new();
            for s in &doc.speeches {
                shape.push_str(&format!("speech {}\n", s.start_line));
                for (depth, h) in s.points(false) {
                    let marker = h.marker().unwrap_or("-");
                    shape.push_str(&format!("{depth} {} {marker}\n", h.line));
                }
            }
            Some((path.display().to_string(), shape))
        })
        .collect()
}

#[test]
fn zeroing_any_weight_changes_some_fixture() {
    let base = outlines(None);
    let mut dead = Vec::new();
    for e in Evidence::ALL {
        let mut w = Weights::default();
        w.set(e, 0.0);
        if outlines(Some(w)) == base {
            dead.push(e.name());
        }
    }
    assert!(
        dead.is_empty(),
        "no fixture depends on: {}",
        dead.join(", ")
    );
}
