//! One self-contained HTML page per input: each speech with its header and its outline as a
//! collapsible tree (`<details>`, so collapsing works even without scripts), each heading's
//! paragraph one click away, `check` findings marked where they apply, and a search box. CSS and
//! the small script are inline; nothing is fetched. maud escapes every piece of text, since titles
//! are user text.

use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::outline::{Document, Heading, Speech};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::collections::HashMap;

/// Styles shared by the outline page and the comparison page: readable on a phone, printable.
pub(crate) const BASE_CSS: &str = r#"
:root { --fg:#1d1d1f; --muted:#6e6e73; --line:#d2d2d7; --accent:#b3261e; --bg:#fff; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;
       color: var(--fg); background: var(--bg); margin: 0; line-height: 1.6; }
header.top { position: sticky; top: 0; background: #fafafa; border-bottom: 1px solid var(--line);
             padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; z-index: 1; }
header.top h1 { font-size: 1.05rem; margin: 0 auto 0 0; word-break: break-all; }
main { padding: .5rem 1rem 2rem; max-width: 60rem; margin: 0 auto; }
input[type=search] { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: .4rem; min-width: 12rem; }
button { font: inherit; padding: .3rem .7rem; border: 1px solid var(--line); border-radius: .4rem; background: #fff; cursor: pointer; }
.meta { color: var(--muted); font-size: .9rem; margin: .2rem 0 .6rem; }
.marker { font-weight: 600; }
.line { color: var(--muted); font-size: .8rem; margin-left: .4rem; }
.diag { font: inherit; font-size: .75rem; border-radius: .3rem; padding: 0 .3rem; margin-left: .4rem; white-space: nowrap; cursor: pointer; }
.msg { display: none; font-size: .8rem; margin-left: .4rem; color: var(--muted); }
.msg.open { display: inline; }
.title, .msg, p.para, h1, h2 { overflow-wrap: anywhere; }
.diag.error { background: #fde7e9; color: var(--accent); border: 1px solid #f4b4b9; }
.diag.warning { background: #fff4e0; color: #8a5a00; border: 1px solid #f0d29a; }
@media print { header.top { position: static; } input, header.top button { display: none; } .msg { display: inline; } }
"#;

const CSS: &str = r#"
section.speech { border-top: 2px solid var(--line); padding-top: .6rem; margin-top: 1rem; }
section.speech h2 { font-size: 1.15rem; margin: .2rem 0; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 1.2rem; }
ul.tree { padding-left: 0; }
ul.tree li { margin: .15rem 0; }
summary { cursor: pointer; }
.title[data-para] { cursor: pointer; text-decoration: underline dotted var(--line); text-underline-offset: .25em; }
p.para { margin: .2rem 0 .4rem; padding: .4rem .6rem; background: #f5f5f7; border-radius: .4rem; white-space: pre-wrap; }
.group { color: var(--muted); font-style: italic; }
.hidden { display: none; }
mark { background: #fff3a3; }
.empty { color: var(--muted); }
@media (max-width: 40rem) { ul.tree ul { padding-left: .7rem; } main { padding: .4rem .5rem; } }
@media print { details > * { display: block; } p.para[hidden] { display: none; } }
"#;

/// The page's script: search, expand/collapse all, and a self-test that a browser test drives
/// with `#selftest` (it records what a person would see into `body[data-selftest]`).
const SCRIPT: &str = r#"
(function () {
  const q = document.getElementById('q');
  const items = Array.from(document.querySelectorAll('ul.tree li'));
  // Collapsing closes the points but not the group nodes (a lead-in that announces a list): the
  // points of the top level stay in sight.
  function setAll(open) {
    document.querySelectorAll('ul.tree details.node').forEach(d => {
      d.open = open || d.classList.contains('grp');
    });
  }
  document.getElementById('expand').onclick = () => setAll(true);
  document.getElementById('collapse').onclick = () => setAll(false);
  // A heading's title shows its paragraph, a finding's badge its message: on click or tap, and
  // without toggling the heading they sit in.
  document.addEventListener('click', e => {
    const t = e.target.closest('.title[data-para], .diag');
    if (!t) return;
    e.preventDefault();
    e.stopPropagation();
    if (t.classList.contains('diag')) {
      const m = t.nextElementSibling;
      if (m) { m.classList.toggle('open'); t.setAttribute('aria-expanded', m.classList.contains('open')); }
    } else {
      const p = document.getElementById(t.dataset.para);
      if (p) { p.hidden = !p.hidden; t.setAttribute('aria-expanded', !p.hidden); }
    }
  });
  document.addEventListener('keydown', e => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('.title[data-para], .diag')) {
      e.preventDefault();
      e.target.click();
    }
  });
  // Print the whole outline, whatever is collapsed on screen.
  let before = [];
  window.addEventListener('beforeprint', () => {
    before = Array.from(document.querySelectorAll('details')).map(d => [d, d.open]);
    before.forEach(([d]) => d.open = true);
  });
  window.addEventListener('afterprint', () => before.forEach(([d, open]) => d.open = open));
  q.addEventListener('input', () => {
    const term = q.value.trim();
    items.forEach(li => {
      const hit = !term || li.textContent.includes(term);
      li.classList.toggle('hidden', !hit);
      if (term && hit) { const d = li.querySelector(':scope > details'); if (d) d.open = true; }
    });
  });
  if (location.hash === '#selftest') {
    // Seen by a person: laid out with a size, and not inside a closed <details> or [hidden].
    const seen = el => el.getBoundingClientRect().height > 0 && (!el.checkVisibility || el.checkVisibility());
    const points = Array.from(document.querySelectorAll('ul.tree li[data-depth]'));
    const top = points.filter(li => li.dataset.depth === '1');
    const nested = points.filter(li => li.dataset.depth !== '1');
    const visible = top.filter(seen).length;
    document.body.dataset.visibleTitles = JSON.stringify(
      Array.from(document.querySelectorAll('.title')).filter(seen).map(e => e.textContent));
    const shownBefore = nested.filter(seen).length;
    const paras = Array.from(document.querySelectorAll('p.para'));
    const parasShown = paras.filter(seen).length;
    // A click on a title shows its paragraph and leaves its heading open.
    const withPara = document.querySelector('details.node > summary .title[data-para]');
    let paraOnClick = 'none';
    if (withPara) {
      withPara.click();
      const d = withPara.closest('details');
      paraOnClick = (seen(document.getElementById(withPara.dataset.para)) ? 'shown' : 'hidden') +
        (d.open ? '-open' : '-closed');
      withPara.click();
    }
    // A tap on a finding's badge shows its message, and printing shows every message.
    const badge = document.querySelector('.diag');
    let findingOnClick = 'none';
    if (badge) {
      const before = seen(badge.nextElementSibling);
      badge.click();
      findingOnClick = (before ? 'shown' : 'hidden') + '-' + (seen(badge.nextElementSibling) ? 'shown' : 'hidden');
      badge.click();
    }
    const printRules = Array.from(document.styleSheets).flatMap(s => Array.from(s.cssRules))
      .filter(r => r.media && r.media.mediaText === 'print').map(r => r.cssText).join(' ');
    const printsFindings = /\.msg\s*\{\s*display:\s*inline/.test(printRules);
    setAll(false);
    const topAfter = top.filter(seen).length;
    const shownAfter = nested.filter(seen).length;
    setAll(true);
    const overflow = document.documentElement.scrollWidth > window.innerWidth;
    q.value = top.length ? top[0].querySelector('.title').textContent.slice(0, 4) : '';
    q.dispatchEvent(new Event('input'));
    const afterSearch = top.filter(li => !li.classList.contains('hidden')).length;
    document.body.dataset.selftest = [
      'top=' + top.length, 'visible=' + visible, 'nested=' + nested.length,
      'shown=' + shownBefore, 'collapsed-top=' + topAfter, 'collapsed-shown=' + shownAfter,
      'paragraphs-shown=' + parasShown, 'paragraph-on-click=' + paraOnClick,
      'finding-on-click=' + findingOnClick, 'print-findings=' + printsFindings,
      'overflow=' + overflow, 'width=' + window.innerWidth, 'search-hits=' + afterSearch
    ].join(' ');
  }
})();
"#;

/// Write `doc` as one HTML page.
pub fn page(doc: &Document) -> String {
    let markup = html! {
        (DOCTYPE)
        html lang="zh" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "提纲 · " (doc.source) }
                style { (PreEscaped(BASE_CSS)) (PreEscaped(CSS)) }
            }
            body {
                header.top {
                    h1 { "提纲 · " (doc.source) }
                    input #q type="search" placeholder="搜索 search" aria-label="search";
                    button #expand type="button" { "展开 expand" }
                    button #collapse type="button" { "收起 collapse" }
                }
                main {
                    @for (i, s) in doc.speeches.iter().enumerate() { (speech(doc, i, s)) }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    markup.into_string()
}

fn speech(doc: &Document, i: usize, s: &Speech) -> Markup {
    let title = s.header.title.clone().unwrap_or_else(|| {
        if doc.speeches.len() == 1 {
            doc.source.clone()
        } else {
            format!("第{}篇 (line {})", i + 1, s.start_line)
        }
    });
    let mut by_line: HashMap<usize, Vec<&Finding>> = HashMap::new();
    for d in &s.findings {
        by_line.entry(d.line).or_default().push(d);
    }
    let meta: Vec<String> = [
        s.header.subtitle.clone(),
        s.header.date.clone(),
        s.header.speaker.clone(),
        Some(format!("lines {}–{}", s.start_line, s.end_line)),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        section.speech {
            h2 { (title) }
            p.meta { (meta.join(" · ")) }
            @if s.outline.is_empty() {
                p.empty { "没有编号的要点 (no numbered points)" }
            } @else {
                ul.tree { @for h in &s.outline { (node(h, &by_line, 1)) } }
            }
        }
    }
}

fn node(h: &Heading, diags: &HashMap<usize, Vec<&Finding>>, depth: usize) -> Markup {
    let para_id = format!("p{}-{}", h.line, depth);
    let body = h.body.as_deref().filter(|b| !b.is_empty());
    let row = html! {
        @if !h.is_group() {
            span.marker { (h.marker().unwrap_or("")) }
            @if body.is_some() {
                span.title data-para=(para_id) role="button" tabindex="0" aria-expanded="false"
                    title="段落 paragraph" { (h.title) }
            } @else {
                span.title { (h.title) }
            }
        } @else {
            span.title.group { (h.intro().unwrap_or("")) }
        }
        span.line { ":" (h.line) }
        // A group node carries the findings on its lead-in (announced-count).
        @for d in diags.get(&h.line).into_iter().flatten() {
            @let class = if d.severity() == Severity::Error { "diag error" } else { "diag warning" };
            span class=(class) role="button" tabindex="0" aria-expanded="false" { (d.code.as_str()) }
            span.msg { (d.message(Lang::Zh)) " / " (d.message(Lang::En)) }
        }
    };
    // The paragraph is shown from the title (a click or tap), not on a row of its own.
    let para = html! {
        @if let Some(body) = body {
            p.para id=(para_id) hidden { (body) }
        }
    };
    // Points count depth as `Speech::points` does: a group node adds none.
    let point_depth = if !h.is_group() { Some(depth) } else { None };
    let below = if !h.is_group() { depth + 1 } else { depth };
    // Depth is capped by the nesting stage (nest::MAX_DEPTH), so this recursion is bounded.
    html! {
        li data-depth=[point_depth] {
            @if h.children.is_empty() {
                div.row { (row) }
                (para)
            } @else {
                details.node.grp[h.is_group()] open[depth <= 3 || h.is_group()] {
                    summary { (row) }
                    (para)
                    ul { @for c in &h.children { (node(c, diags, below)) } }
                }
            }
        }
    }
}
