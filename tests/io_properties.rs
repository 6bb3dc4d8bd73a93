//! Property test of the promise that tigang never writes to its inputs: for any set of input paths
//! (files, folders, the same path twice, nested folders, symlinks to files and folders, a symlink
//! loop) and any output folder for `-o` (inside the inputs, on an input folder, through a link),
//! no input's bytes change, no temporary file is left, and nothing panics.

use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Folders of the tree, relative to its root ("" is the root).
const DIRS: &[&str] = &["", "a", "a/b", "c"];
/// Names a file of a folder can have: outlines in the text format are `.txt` like the inputs,
/// and saved outlines in other formats may already sit beside them.
const NAMES: &[&str] = &["x.txt", "y.txt", "x.yaml", "x.md", "x.json"];
/// Where `-o` can point, relative to the root.
const OUTPUTS: &[&str] = &["", "a", "a/b", "c", "dlink", "new", "a/new"];
const FORMATS: &[&str] = &["text", "yaml", "json", "markdown"];

/// A tree and a command line over it.
#[derive(Debug, Clone)]
struct Case {
    /// For each folder, which of `NAMES` it holds (a bit mask).
    files: Vec<u8>,
    /// Whether link.txt (to a/x.txt) and dlink (to a) and c/up (to the root: a loop) exist.
    links: bool,
    /// Indices into `candidates()`: the paths named on the command line, repeats allowed.
    args: Vec<usize>,
    output: usize,
    format: usize,
}

/// Every path a command line can name.
fn candidates() -> Vec<String> {
    let mut c: Vec<String> = DIRS
        .iter()
        .map(|d| {
            if d.is_empty() {
                ".".into()
            } else {
                d.to_string()
            }
        })
        .collect();
    for d in DIRS {
        for n in NAMES {
            c.push(Path::new(d).join(n).display().to_string());
        }
    }
    c.extend(["link.txt".into(), "dlink".into(), "c/up".into()]);
    c
}

fn case() -> impl Strategy<Value = Case> {
    let n = candidates().len();
    (
        prop::collection::vec(any::<u8>(), DIRS.len()),
        any::<bool>(),
        prop::collection::vec(0..n, 1..5),
        0..OUTPUTS.len(),
        0..FORMATS.len(),
    )
        .prop_map(|(files, links, args, output, format)| Case {
            files,
            links,
            args,
            output,
            format,
        })
}

fn build(root: &Path, case: &Case) {
    for (d, mask) in DIRS.iter().zip(&case.files) {
        let dir = root.join(d);
        std::fs::create_dir_all(&dir).unwrap();
        for (k, name) in NAMES.iter().enumerate() {
            if mask & (1 << k) != 0 {
                let text = format!("同志们：\n一、{d}{name}学习。\n二、落实。\n");
                std::fs::write(dir.join(name), text).unwrap();
            }
        }
    }
    if case.links {
        std::os::unix::fs::symlink(root.join("a/x.txt"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("dlink")).unwrap();
        std::os::unix::fs::symlink(root, root.join("c/up")).unwrap();
    }
}

/// The inputs tigang lists for `paths`, by the rules its README gives: a file named is read
/// whatever its extension; a folder (followed when it is a link) gives its `.txt` files and links
/// to files at any depth, hidden ones left out and links to folders not followed. (The tree holds
/// no ignore files, no other speech extension and no hidden file.)
fn listed(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_dir() {
                walk(&path, out);
            } else if path.is_file() && path.extension().is_some_and(|x| x == "txt") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.push(p.clone()),
            Err(_) => {}
        }
    }
    out
}

/// Every file's bytes under `dir`, by path, reading through links to files (not into linked
/// folders, which would loop).
fn files_under(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let kind = e.file_type().unwrap();
        if kind.is_dir() {
            files_under(&e.path(), out);
        } else if let Ok(bytes) = std::fs::read(e.path()) {
            out.insert(e.path(), bytes);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_input_changes_whatever_the_paths_and_the_output_folder(case in case()) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        build(&root, &case);
        let names = candidates();
        let args: Vec<PathBuf> = case.args.iter().map(|&i| PathBuf::from(&names[i])).collect();
        // The inputs as tigang lists them, and their bytes before the run, read through the
        // path they are named by (a rename over a linked name would change what it reads).
        let absolute: Vec<PathBuf> = args.iter().map(|a| root.join(a)).collect();
        let before: Vec<(PathBuf, Vec<u8>)> = listed(&absolute)
            .into_iter()
            .filter_map(|p| Some((p.clone(), std::fs::read(&p).ok()?)))
            .collect();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("tigang"))
            .current_dir(&root)
            .args(["extract", "--quiet", "--format", FORMATS[case.format], "-o", OUTPUTS[case.output]])
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(matches!(out.status.code(), Some(0 | 2)), "{stderr}");
        prop_assert!(!stderr.contains("panicked"), "{stderr}");
        for (path, bytes) in &before {
            let now = std::fs::read(path).ok();
            prop_assert!(
                now.as_deref() == Some(bytes.as_slice()),
                "{} changed; args {:?}, -o {:?}: {stderr}",
                path.display(),
                args,
                OUTPUTS[case.output]
            );
        }
        let mut after = BTreeMap::new();
        files_under(&root, &mut after);
        let leftovers: Vec<&PathBuf> = after
            .keys()
            .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(".tmp-")))
            .collect();
        prop_assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}
