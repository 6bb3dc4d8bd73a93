//! What a person sees in a browser: headless Chromium opens the HTML of a speech and of a
//! comparison at a desktop width (1280 px) and a phone's (390 px), takes a screenshot at each, and
//! each page's own `#selftest` script records the layout facts into the DOM, which Chromium dumps
//! after the script ran. The tests need Chromium (`apt-get install chromium fonts-wqy-zenhei`;
//! `.ci/run` installs it and runs them with `--include-ignored`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The two widths every page is looked at: a desktop window and a phone.
const WIDTHS: [u32; 2] = [1280, 390];

fn chromium() -> PathBuf {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
    .expect("chromium is installed (apt-get install chromium fonts-wqy-zenhei)")
}

/// A headless Chromium with its own profile in `profile`, its window `window` px large.
fn headless(window: (u32, u32), profile: &Path) -> Command {
    // coreutils' timeout: a browser that hangs must not hang the test run.
    let mut c = Command::new("timeout");
    c.arg("120").arg(chromium()).args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--allow-file-access-from-files",
        &format!("--window-size={},{}", window.0, window.1),
        &format!("--user-data-dir={}", profile.display()),
    ]);
    c
}

/// Run the page at `html` with `#selftest` in a viewport `width` px wide, and return the
/// attributes its script set on `body`. Headless Chromium's window is at least 500 px wide, so
/// the page runs in an iframe of the width, and a wrapper page copies what it recorded.
fn selftest(html: &Path, width: u32) -> String {
    let wrapper = html.with_extension(format!("{width}.wrapper.html"));
    let name = html.file_name().unwrap().to_string_lossy();
    std::fs::write(
        &wrapper,
        format!(
            r#"<!doctype html><body style="margin:0"><iframe id="f" style="border:0" width="{width}" height="900" src="{name}#selftest"></iframe>
<script>window.addEventListener('load', () => {{
  const d = document.getElementById('f').contentDocument;
  document.body.dataset.result = d ? [d.body.dataset.selftest, d.body.dataset.layout, d.body.dataset.visibleTitles].join(' | ') : 'no access';
}});</script>"#
        ),
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = headless((width.max(500) + 40, 1000), profile.path())
        .arg("--dump-dom")
        .arg(format!("file://{}", wrapper.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let key = "data-result=\"";
    let start = dom
        .find(key)
        .unwrap_or_else(|| panic!("no result in the page: {}", &dom[..dom.len().min(400)]))
        + key.len();
    dom[start..start + dom[start..].find('"').unwrap()].replace("&quot;", "\"")
}

/// A screenshot of the page at `width` px; returns the PNG's size in pixels.
fn screenshot(html: &Path, width: u32, png: &Path) -> (u32, u32) {
    let profile = tempfile::tempdir().unwrap();
    let status = headless((width, 900), profile.path())
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs")
        .status;
    assert!(status.success(), "screenshot at {width}");
    let head = std::fs::read(png).unwrap();
    let be = |i: usize| u32::from_be_bytes(head[i..i + 4].try_into().unwrap());
    assert_eq!(&head[1..4], b"PNG");
    (be(16), be(20))
}

/// The value of `key=` in a selftest result.
fn fact<'a>(result: &'a str, key: &str) -> &'a str {
    let k = format!("{key}=");
    let start = result
        .find(&k)
        .unwrap_or_else(|| panic!("no {key} in {result}"))
        + k.len();
    result[start..].split([' ', '|']).next().unwrap()
}

fn number(result: &str, key: &str) -> f64 {
    fact(result, key).parse().unwrap()
}

fn tigang(args: &[&str], out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_tigang"))
        .args(args)
        .stdout(std::fs::File::create(out).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
}

fn root(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
#[ignore = "needs chromium"]
fn the_outline_page_shows_its_titles_collapses_and_searches() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("outline.html");
    tigang(
        &[
            "extract",
            "--format",
            "html",
            &root("examples/district_meeting.txt"),
        ],
        &page,
    );
    for width in WIDTHS {
        let result = selftest(&page, width);
        assert_eq!(number(&result, "width"), f64::from(width), "{result}");
        for top in [
            "认清形势，增强抓好水利建设的紧迫感",
            "突出重点，扎实推进今年各项任务",
            "加强领导，确保各项措施落到实处",
        ] {
            assert!(result.contains(top), "{top} not visible in {result}");
        }
        // The three sections stand under the lead-in that announced them; their five points
        // below. Collapsing keeps the three in sight and hides the five.
        assert!(
            result.contains("top=3 visible=3 nested=5 shown=5 collapsed-top=3 collapsed-shown=0"),
            "{result}"
        );
        // Paragraphs are not rows of their own: one shows when its title is clicked, and the
        // heading stays open.
        assert_eq!(fact(&result, "paragraphs-shown"), "0", "{result}");
        assert_eq!(
            fact(&result, "paragraph-on-click"),
            "shown-open",
            "{result}"
        );
        assert_eq!(fact(&result, "overflow"), "false", "{result}");
        assert!(result.contains("search-hits=1"), "{result}");
        let (w, _) = screenshot(
            &page,
            width,
            &dir.path().join(format!("outline-{width}.png")),
        );
        assert_eq!(w, width);
    }
}

#[test]
#[ignore = "needs chromium"]
fn findings_open_on_a_tap_and_print_and_a_long_url_wraps_on_a_phone() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("finding.html");
    tigang(
        &[
            "extract",
            "--format",
            "html",
            &root("tests/fixtures/page_with_a_long_url_and_a_finding.txt"),
        ],
        &page,
    );
    for width in WIDTHS {
        let result = selftest(&page, width);
        assert_eq!(
            fact(&result, "finding-on-click"),
            "hidden-shown",
            "{result}"
        );
        assert_eq!(fact(&result, "print-findings"), "true", "{result}");
        assert_eq!(fact(&result, "overflow"), "false", "at {width}: {result}");
        assert_eq!(fact(&result, "collapsed-top"), "3", "{result}");
    }
}

#[test]
#[ignore = "needs chromium"]
fn the_comparison_page_lines_up_its_rows_and_gives_the_titles_the_width() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("compare.html");
    tigang(
        &[
            "compare",
            "--format",
            "html",
            &root("examples/spring_plan_2023.txt"),
            &root("examples/spring_plan_2024.txt"),
        ],
        &page,
    );
    for width in WIDTHS {
        let result = selftest(&page, width);
        assert!(result.contains("rows=8 matched=6 aligned=6"), "{result}");
        // The sign column is narrow; each outline gets well over a third of the table.
        let (table, sign) = (number(&result, "table"), number(&result, "sign"));
        assert!(sign <= 32.0, "sign column {sign} px wide: {result}");
        for side in ["a", "b"] {
            assert!(number(&result, side) >= 0.45 * table, "{result}");
        }
        assert_eq!(fact(&result, "indented"), "true", "{result}");
        assert_eq!(fact(&result, "overflow"), "false", "at {width}: {result}");
        let (w, _) = screenshot(
            &page,
            width,
            &dir.path().join(format!("compare-{width}.png")),
        );
        assert_eq!(w, width);
    }
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("class=\"moved\"") && html.contains("class=\"only_in_a\""));
}
