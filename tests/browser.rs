//! What a person sees in a browser: headless Chromium opens the HTML of an example speech and of a
//! comparison, and each page's own `#selftest` script records what is visible into the DOM, which
//! Chromium dumps after the script ran. `.ci/run` installs Chromium when it is missing; without it
//! these tests say they were skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// Run the page at `html` with `#selftest` and return the DOM Chromium dumps.
fn dump_dom(browser: &Path, html: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    // coreutils' timeout: a browser that hangs must not hang the test run.
    let out = Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1000,800",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}#selftest", html.display()))
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn attribute<'a>(dom: &'a str, name: &str) -> &'a str {
    let key = format!("{name}=\"");
    let start = dom
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in the page: {}", &dom[..dom.len().min(400)]))
        + key.len();
    &dom[start..start + dom[start..].find('"').unwrap()]
}

fn tigang(args: &[&str], out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_tigang"))
        .args(args)
        .stdout(std::fs::File::create(out).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn the_outline_page_shows_its_titles_collapses_and_searches() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("outline.html");
    let example = format!(
        "{}/examples/district_meeting.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    tigang(&["extract", "--format", "html", &example], &page);
    let dom = dump_dom(&browser, &page);
    let titles = attribute(&dom, "data-visible-titles").replace("&quot;", "\"");
    let titles: Vec<String> = serde_json::from_str(&titles).unwrap();
    for top in [
        "认清形势，增强抓好水利建设的紧迫感",
        "突出重点，扎实推进今年各项任务",
        "加强领导，确保各项措施落到实处",
    ] {
        assert!(
            titles.iter().any(|t| t == top),
            "{top} not visible in {titles:?}"
        );
    }
    // Before collapsing, all eight nested points are shown; after "collapse", none is.
    let result = attribute(&dom, "data-selftest");
    assert!(
        result.contains("nested=8 shown=8 collapsed-shown=0"),
        "{result}"
    );
    assert!(result.contains("search-hits=1"), "{result}");
}

#[test]
fn the_comparison_page_puts_matched_points_on_one_line() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("compare.html");
    let root = env!("CARGO_MANIFEST_DIR");
    tigang(
        &[
            "compare",
            "--format",
            "html",
            &format!("{root}/examples/spring_plan_2023.txt"),
            &format!("{root}/examples/spring_plan_2024.txt"),
        ],
        &page,
    );
    let dom = dump_dom(&browser, &page);
    assert_eq!(
        attribute(&dom, "data-selftest"),
        "rows=8 matched=6 aligned=6"
    );
    assert!(dom.contains("class=\"moved\"") && dom.contains("class=\"only_in_a\""));
}
