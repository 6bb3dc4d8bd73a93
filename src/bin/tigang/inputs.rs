//! Where texts come from and where outlines go: paths are expanded to files (folders to the
//! speeches under them in sorted order: `.txt`, `.docx`, `.html`, `.htm`, `.pdf`, hidden files
//! and what `.gitignore`-style ignore files name left out, or the files `--glob` chooses; `-` to
//! standard input), read with a size bound, and outputs for `-o DIR` are written next to nothing
//! they could overwrite.

use std::collections::HashSet;
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

    /// Read all the input's bytes, refusing an input larger than `max` bytes
    /// ([`Error::TooLarge`](tigang::Error::TooLarge)) after reading at most one byte more.
    pub fn read(&self, max: u64) -> Result<Vec<u8>, tigang::Error> {
        let too_large = || tigang::Error::TooLarge { limit: max };
        let mut buf = Vec::new();
        match self {
            Input::Stdin => {
                io::stdin().lock().take(max + 1).read_to_end(&mut buf)?;
            }
            Input::File(p, _) => {
                let file = std::fs::File::open(p)?;
                // A regular file says its size: refuse it before reading a byte. Devices and pipes
                // say nothing true, so the read itself is bounded.
                let len = file.metadata()?.len();
                if len > max {
                    return Err(too_large());
                }
                buf.reserve(len as usize);
                file.take(max + 1).read_to_end(&mut buf)?;
            }
        }
        if buf.len() as u64 > max {
            return Err(too_large());
        }
        Ok(buf)
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

/// The inputs the command line names, and the paths that could not be listed with why.
pub type Listed = (Vec<Input>, Vec<(PathBuf, io::Error)>);

/// The extensions of the files a folder walk reads (in any case: `.TXT`, `.Docx`).
pub const EXTENSIONS: [&str; 5] = ["txt", "docx", "html", "htm", "pdf"];

/// How folders are walked: which of their files are read.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    /// `--glob` patterns (gitignore syntax, `!` to leave out), matched case-insensitively
    /// against each file's path under the folder.
    globs: Vec<String>,
}

impl Walk {
    /// A walk that reads the files `globs` choose: with a pattern that chooses (`*.docx`,
    /// `2024/*`), only files it matches, whatever their extension; patterns with `!` leave files
    /// out. A pattern that is no glob is an error naming it.
    pub fn with_globs(globs: &[String]) -> Result<Walk, BadGlob> {
        let walk = Walk {
            globs: globs.to_vec(),
        };
        walk.overrides(Path::new("."))?;
        Ok(walk)
    }

    fn overrides(&self, root: &Path) -> Result<ignore::overrides::Override, BadGlob> {
        fn bad(glob: &str) -> impl Fn(ignore::Error) -> BadGlob + '_ {
            move |e| BadGlob {
                glob: glob.to_string(),
                why: e.to_string(),
            }
        }
        let mut builder = ignore::overrides::OverrideBuilder::new(root);
        builder.case_insensitive(true).map_err(bad(""))?;
        for g in &self.globs {
            builder.add(g).map_err(bad(g))?;
        }
        builder.build().map_err(bad(""))
    }
}

/// A `--glob` pattern that is no glob, and the glob parser's reason.
#[derive(Debug)]
pub struct BadGlob {
    pub glob: String,
    pub why: String,
}

impl std::fmt::Display for BadGlob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "--glob {:?} is not a glob: {}", self.glob, self.why)
    }
}

impl std::error::Error for BadGlob {}

/// Expand the paths given on the command line, walking folders as `walk` says.
pub fn expand_with(paths: &[PathBuf], walk: &Walk) -> Listed {
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
            Ok(m) if m.is_dir() => walk_dir(p, walk, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::file(p.clone())),
            Err(e) => errors.push((p.clone(), e)),
        }
    }
    (inputs, errors)
}

/// A folder given as an input holds no text file to read.
#[derive(Debug)]
pub struct NoTextFiles;

impl std::fmt::Display for NoTextFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "no .txt, .docx, .html or .pdf files in this folder (hidden files and those a .gitignore or .ignore names are left out)",
        )
    }
}

impl std::error::Error for NoTextFiles {}

/// Collect the files under `root` that `walk` chooses, in sorted order, with ripgrep's walker:
/// hidden files and folders are skipped, `.gitignore` and `.ignore` files inside the folder are
/// obeyed (without a git repository around it), and symlinks to folders are not followed (so a
/// symlink loop cannot trap the walk).
fn walk_dir(
    root: &Path,
    walk: &Walk,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<(PathBuf, io::Error)>,
) {
    let globs = match walk.overrides(root) {
        Ok(o) => o,
        Err(e) => {
            errors.push((root.to_path_buf(), io::Error::other(e)));
            return;
        }
    };
    let chooses = globs.num_whitelists() > 0;
    let mut files = Vec::new();
    let mut failed = false;
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .parents(false)
        .require_git(false)
        .git_global(false)
        .git_exclude(false)
        .follow_links(false)
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            // A line of an ignore file that is no glob leaves the rest of the file in force.
            Err(e) if e.is_partial() => continue,
            Err(e) => {
                // The folder that could not be listed, and the bare error (its kind names it in
                // Chinese too).
                failed = true;
                let path = error_path(&e).unwrap_or(root).to_path_buf();
                let error = match e.io_error() {
                    // The walker's message names the path again: its kind says enough.
                    Some(io) if io.kind() != io::ErrorKind::Other => io::Error::from(io.kind()),
                    Some(io) => io::Error::new(io.kind(), io.to_string()),
                    None => io::Error::other(e.to_string()),
                };
                errors.push((path, error));
                continue;
            }
        };
        let path = entry.path();
        let is_file = entry.file_type().is_some_and(|t| t.is_file()) || path.is_file();
        if entry.depth() == 0 || !is_file {
            continue;
        }
        let wanted = match globs.matched(path, false) {
            ignore::Match::Whitelist(_) => true,
            ignore::Match::Ignore(_) => false,
            ignore::Match::None => !chooses && has_speech_extension(path),
        };
        if wanted {
            files.push(path.to_path_buf());
        }
    }
    if files.is_empty() && !failed {
        errors.push((root.to_path_buf(), io::Error::other(NoTextFiles)));
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

/// The path a walk error is about, inside the depth and line wrappers.
fn error_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// Whether a folder walk reads the file by its extension, in any case.
fn has_speech_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The output path for `input` under `dir`: the input's path relative to the folder it was found
/// in, with `extension`, so `-o DIR` mirrors the input folders.
pub fn output_path(dir: &Path, input: &Input, extension: &str) -> PathBuf {
    match input {
        Input::Stdin => dir.join(format!("stdin.{extension}")),
        Input::File(_, rel) => dir.join(rel).with_extension(extension),
    }
}

/// What identifies a file whatever path names it: its device and inode (so a hard link or a
/// symlink is the same file), and its canonical path.
#[derive(Debug, Default)]
pub struct Identities {
    inodes: HashSet<(u64, u64)>,
    paths: HashSet<PathBuf>,
}

impl Identities {
    /// The identities of every file among `inputs` (standard input has none).
    pub fn of(inputs: &[Input]) -> Identities {
        let mut ids = Identities::default();
        for input in inputs {
            if let Input::File(p, _) = input {
                ids.add(p);
            }
        }
        ids
    }

    /// Remember the file at `path`, if it exists.
    pub fn add(&mut self, path: &Path) {
        use std::os::unix::fs::MetadataExt;
        if let Ok(m) = std::fs::metadata(path) {
            self.inodes.insert((m.dev(), m.ino()));
        }
        if let Ok(c) = path.canonicalize() {
            self.paths.insert(c);
        }
    }

    /// Whether `path` names one of the files: the same device and inode, or the same canonical
    /// path. A path that does not exist yet is none of them.
    pub fn contains(&self, path: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).is_ok_and(|m| self.inodes.contains(&(m.dev(), m.ino())))
            || path.canonicalize().is_ok_and(|c| self.paths.contains(&c))
    }
}

/// Write `bytes` to `path` through a temporary file renamed into place, so an interrupted run
/// never leaves half an outline. The temporary file is removed whenever the write fails (a full
/// disk, a file size limit), so a failed run leaves nothing behind.
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
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

/// Read an input for comparing: a saved tigang outline (`.json` / `.jsonl` from `--format json`,
/// `.yaml` / `.yml` from the default format) is read back, every document of it (a `.jsonl` file
/// holds one per input line, a YAML stream one per `---`); any other input is extracted. The
/// input is read with the bound `max_size`.
pub fn read_documents(
    input: &Input,
    opts: &tigang::Options,
    max_size: u64,
) -> Result<Vec<tigang::Document>, tigang::Error> {
    let bytes = input.read(max_size)?;
    let ext = match input {
        Input::File(p, _) => p
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase(),
        Input::Stdin => String::new(),
    };
    let (syntax, docs) = match ext.as_str() {
        "json" | "jsonl" => (
            "JSON",
            tigang::wire::read_json(&String::from_utf8_lossy(&bytes))?,
        ),
        "yaml" | "yml" => (
            "YAML",
            tigang::wire::read_yaml(&String::from_utf8_lossy(&bytes))?,
        ),
        _ => {
            let opts = tigang::Options {
                source: Some(input.name()),
                ..opts.clone()
            };
            return tigang::extract(&bytes, &opts).map(|d| vec![d]);
        }
    };
    if docs.is_empty() {
        return Err(tigang::Error::EmptyOutline { syntax });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_are_checked_when_given() {
        assert!(Walk::with_globs(&["*.docx".into(), "!draft*".into()]).is_ok());
        let err = Walk::with_globs(&["[".into()]).unwrap_err();
        assert_eq!(err.glob, "[");
        assert!(
            err.to_string().starts_with("--glob \"[\" is not a glob: "),
            "{err}"
        );
    }

    #[test]
    fn no_path_reads_standard_input() {
        let (inputs, errors) = expand_with(&[], &Walk::default());
        assert_eq!(inputs, vec![Input::Stdin]);
        assert!(errors.is_empty());
    }

    #[test]
    fn a_file_is_known_by_any_path_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "一、学习。").unwrap();
        let ids = Identities::of(&[Input::file(&a)]);
        assert!(ids.contains(&dir.path().join(".").join("a.txt")));
        assert!(!ids.contains(&dir.path().join("b.txt")));
    }

    #[test]
    fn an_empty_saved_outline_is_refused_as_one() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, "").unwrap();
        let input = Input::file(&a);
        let err = read_documents(&input, &tigang::Options::default(), 1000).unwrap_err();
        assert!(
            matches!(err, tigang::Error::EmptyOutline { syntax: "JSON" }),
            "{err:?}"
        );
    }
}
