//! Where texts come from and where outlines go: paths are expanded to files (folders to their
//! `*.txt` in sorted order, `-` to standard input), and outputs for `-o DIR` are written next to
//! nothing they could overwrite.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file on disk, and its path relative to the folder it was found under (its file name
    /// when it was named directly), which `-o DIR` mirrors.
    File(PathBuf, PathBuf),
}

impl Input {
    /// How the input is named in outputs and messages.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p, _) => p.display().to_string(),
        }
    }

    /// Read all the input's bytes.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Input::Stdin => {
                let mut buf = Vec::new();
                io::stdin().lock().read_to_end(&mut buf)?;
                Ok(buf)
            }
            Input::File(p, _) => std::fs::read(p),
        }
    }

    /// The input's size in bytes, when known before reading.
    pub fn size(&self) -> Option<u64> {
        match self {
            Input::Stdin => None,
            Input::File(p, _) => std::fs::metadata(p).ok().map(|m| m.len()),
        }
    }

    /// A file named directly (not found in a folder).
    pub fn file(path: impl Into<PathBuf>) -> Input {
        let path = path.into();
        let rel = path
            .file_name()
            .map_or_else(|| PathBuf::from("input"), PathBuf::from);
        Input::File(path, rel)
    }
}

/// Expand the paths given on the command line. Paths that cannot be listed come back as errors,
/// in order, beside the inputs that can be read.
///
/// ```
/// let (inputs, errors) = tigang::inputs::expand(&[]);
/// assert_eq!(inputs, vec![tigang::inputs::Input::Stdin]);
/// assert!(errors.is_empty());
/// ```
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<(PathBuf, io::Error)>) {
    if paths.is_empty() {
        return (vec![Input::Stdin], Vec::new());
    }
    let (mut inputs, mut errors) = (Vec::new(), Vec::new());
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk_dir(p, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::file(p.clone())),
            Err(e) => errors.push((p.clone(), e)),
        }
    }
    (inputs, errors)
}

/// Collect `*.txt` under `root` in sorted order, without following symlinks to folders (so a
/// symlink loop cannot trap the walk). An explicit stack instead of recursion.
fn walk_dir(root: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<(PathBuf, io::Error)>) {
    let mut pending = vec![root.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                errors.push((dir, e));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "txt")
                && (kind.is_file() || path.is_file())
            {
                files.push(path);
            }
        }
    }
    files.sort();
    inputs.extend(files.into_iter().map(|f| {
        let rel = f
            .strip_prefix(root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| f.clone());
        Input::File(f, rel)
    }));
}

/// The output path for `input` under `dir`: the input's path relative to the folder it was found
/// in, with `extension`, so `-o DIR` mirrors the input folders.
pub fn output_path(dir: &Path, input: &Input, extension: &str) -> PathBuf {
    match input {
        Input::Stdin => dir.join(format!("stdin.{extension}")),
        Input::File(_, rel) => dir.join(rel).with_extension(extension),
    }
}

/// Write `bytes` to `path` through a temporary file renamed into place, so an interrupted run
/// never leaves half an outline.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("outline"),
        std::process::id()
    ));
    if tmp == path {
        tmp.set_extension("tmp2");
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// A saved tigang outline (`.json` / `.jsonl` from `--format json`, `.yaml` / `.yml` from the
/// default format) is read back; any other input is extracted.
pub fn read_document(input: &Input, opts: &crate::Options) -> Result<crate::Document, String> {
    let bytes = input.read().map_err(|e| e.to_string())?;
    let ext = match input {
        Input::File(p, _) => p
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase(),
        Input::Stdin => String::new(),
    };
    match ext.as_str() {
        "json" | "jsonl" => {
            let text = String::from_utf8_lossy(&bytes);
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            serde_json::from_str(first).map_err(|e| format!("not a tigang JSON outline: {e}"))
        }
        "yaml" | "yml" => {
            let text = String::from_utf8_lossy(&bytes);
            let first = serde_yaml::Deserializer::from_str(&text)
                .next()
                .ok_or("an empty YAML file")?;
            serde::Deserialize::deserialize(first)
                .map_err(|e| format!("not a tigang YAML outline: {e}"))
        }
        _ => crate::extract(&bytes, &input.name(), opts)
            .map(|x| x.document)
            .map_err(|e| e.to_string()),
    }
}
