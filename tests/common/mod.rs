//! Helpers shared by the end-to-end tests.
#![allow(dead_code)] // each test file uses its own subset

use assert_cmd::Command;

/// The `tigang` binary under test.
pub fn tigang() -> Command {
    Command::cargo_bin("tigang").expect("binary is built")
}

/// A fixture speech written for the project.
pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Every text fixture (`tests/fixtures/*.txt` that reads as UTF-8), in sorted order.
pub fn text_fixtures() -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir("tests/fixtures")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| std::fs::read_to_string(p).is_ok())
        .collect();
    files.sort();
    files
}

/// Run, require success, and return stdout.
pub trait OkStdout {
    /// Stdout of a successful run.
    fn ok_stdout(&mut self) -> Vec<u8>;
}

impl OkStdout for Command {
    fn ok_stdout(&mut self) -> Vec<u8> {
        self.assert().success().get_output().stdout.clone()
    }
}

/// The documents of JSON Lines output.
pub fn json_lines(out: Vec<u8>) -> Vec<tigang::Document> {
    tigang::wire::read_json(&String::from_utf8(out).unwrap()).unwrap()
}
