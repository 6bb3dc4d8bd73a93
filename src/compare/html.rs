//! A comparison as one self-contained HTML page: the two outlines side by side, matched points on
//! one row, each change coloured and explained in a legend, the similarity and both shapes at the
//! top. All text is escaped by maud.

use super::{Comparison, PairPoint, SideInfo, Status};
use crate::render::html::BASE_CSS;
use maud::{DOCTYPE, Markup, PreEscaped, html};

const CSS: &str = r#"
table.cmp { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.cmp td, table.cmp th { border-bottom: 1px solid var(--line); padding: .25rem .4rem; vertical-align: top; }
table.cmp th { text-align: left; font-size: .9rem; }
col.sign { width: 1.8rem; }
td.sign, th.sign { text-align: center; font-weight: 700; padding-left: 0; padding-right: 0; }
td.a, td.b { overflow-wrap: anywhere; }
tr.matched td.sign { color: var(--muted); }
tr.moved { background: #fff7d6; } tr.retitled { background: #e6f4ff; } tr.renumbered { background: #f3e8ff; }
tr.split, tr.merged { background: #e8ecff; } small.shared { color: var(--muted); }
tr.only_in_a { background: #fde7e9; } tr.only_in_b { background: #e5f7e9; }
.legend span { display: inline-block; margin: .1rem .5rem .1rem 0; padding: 0 .4rem; border-radius: .3rem; font-size: .85rem; }
.summary { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem 1rem; margin: .6rem 0; }
.sim { font-size: 1.4rem; font-weight: 700; }
.indent { display: inline-block; width: calc(var(--depth) * var(--step, 1.2em)); }
.summary div { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  .summary { grid-template-columns: 1fr; } table.cmp { font-size: .85rem; }
  table.cmp td, table.cmp th { padding: .2rem .15rem; }
  main { padding: .4rem .4rem 2rem; }
  table.cmp { --step: .6em; }
}
"#;

/// Checks a browser test runs with `#selftest`: do the two cells of each matched row start at the
/// same height? The answer goes into `body[data-selftest]`.
const SCRIPT: &str = r#"
if (location.hash === '#selftest') {
  const rows = Array.from(document.querySelectorAll('tr[data-pair]'));
  const both = rows.filter(r => r.querySelector('td.a .title') && r.querySelector('td.b .title'));
  const aligned = both.filter(r => {
    const a = r.querySelector('td.a .title').getBoundingClientRect();
    const b = r.querySelector('td.b .title').getBoundingClientRect();
    return a.height > 0 && b.height > 0 && Math.abs(a.top - b.top) < 1;
  });
  // The layout: the sign column narrow, the two outlines sharing the rest, nothing wider than the
  // screen, and indentation kept.
  const table = document.querySelector('table.cmp');
  const first = rows[0];
  const w = sel => first ? Math.round(first.querySelector(sel).getBoundingClientRect().width) : 0;
  const indents = Array.from(document.querySelectorAll('.indent')).map(e => e.getBoundingClientRect().width);
  document.body.dataset.selftest = 'rows=' + rows.length + ' matched=' + both.length + ' aligned=' + aligned.length;
  document.body.dataset.layout = [
    'table=' + Math.round(table.getBoundingClientRect().width), 'sign=' + w('td.sign'),
    'a=' + w('td.a'), 'b=' + w('td.b'), 'indented=' + indents.some(x => x > 0),
    'overflow=' + (document.documentElement.scrollWidth > window.innerWidth), 'width=' + window.innerWidth
  ].join(' ');
}
"#;

fn status_name(s: Status) -> (&'static str, &'static str, &'static str) {
    match s {
        Status::Matched => ("matched", "=", "相同 matched"),
        Status::Moved => (
            "moved",
            "↕",
            "移动 moved: under another parent or in another order",
        ),
        Status::Retitled => ("retitled", "~", "改题 retitled: the same point, reworded"),
        Status::Renumbered => (
            "renumbered",
            "#",
            "改号 renumbered: the same point, another number",
        ),
        Status::Split => ("split", "⑂", "拆分 split: A's point is two points in B"),
        Status::Merged => ("merged", "⑃", "合并 merged: two points of A are one in B"),
        Status::OnlyInA => ("only_in_a", "<", "仅A only in A"),
        Status::OnlyInB => ("only_in_b", ">", "仅B only in B"),
    }
}

fn side(s: &SideInfo, label: &str) -> Markup {
    html! {
        div {
            strong { (label) " " (s.source) "#" (s.speech) }
            @if let Some(t) = &s.title { br; (t) }
            br;
            span.meta { "shape " (s.shape.families) " · " (s.shape.headings_per_depth.iter().map(|n| n.to_string()).collect::<Vec<_>>().join("/")) }
        }
    }
}

fn cell(p: &Option<PairPoint>) -> Markup {
    html! {
        @if let Some(p) = p {
            span.indent style=(format!("--depth:{}", p.depth - 1)) {}
            span.marker { (p.marker) }
            span.title { (p.title) }
            span.line { ":" (p.line) }
        }
    }
}

/// The comparison page.
pub fn page(c: &Comparison) -> String {
    html! {
        (DOCTYPE)
        html lang="zh" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "提纲对比 · " (c.a.source) " ↔ " (c.b.source) }
                style { (PreEscaped(BASE_CSS)) (PreEscaped(CSS)) }
            }
            body {
                header.top { h1 { "提纲对比 compare" } }
                main {
                    div.summary {
                        (side(&c.a, "A")) (side(&c.b, "B"))
                        div { "相似度 similarity " span.sim { (format!("{:.3}", c.similarity)) } }
                        div.meta { (format!("内容 content {:.3} · 结构 structure {:.3} · 顺序 order {:.3}", c.content_overlap, c.structure_similarity, c.order_agreement)) }
                    }
                    p.legend {
                        @for s in [Status::Matched, Status::Moved, Status::Retitled, Status::Renumbered, Status::Split, Status::Merged, Status::OnlyInA, Status::OnlyInB] {
                            @let (class, sign, text) = status_name(s);
                            span class=(format!("{class}-key")) style=(legend_colour(s)) { (sign) " " (text) }
                        }
                    }
                    table.cmp {
                        // Fixed layout takes its widths from here: the sign column narrow.
                        colgroup { col.a; col.sign; col.b; }
                        thead { tr { th { "A" } th.sign {} th { "B" } } }
                        tbody {
                            @for p in &c.pairs {
                                @let (class, sign, text) = status_name(p.status);
                                tr class=(class) data-pair="" title=(text) {
                                    td.a { (cell(&p.a)) }
                                    td.sign { (sign) }
                                    td.b {
                                        (cell(&p.b))
                                        @if !p.shared_words.is_empty() {
                                            " " small.shared title="共有关键词 shared key words" { "[" (p.shared_words.join(" ")) "]" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
    .into_string()
}

fn legend_colour(s: Status) -> &'static str {
    match s {
        Status::Matched => "background:#f5f5f7",
        Status::Moved => "background:#fff7d6",
        Status::Retitled => "background:#e6f4ff",
        Status::Renumbered => "background:#f3e8ff",
        Status::Split | Status::Merged => "background:#e8ecff",
        Status::OnlyInA => "background:#fde7e9",
        Status::OnlyInB => "background:#e5f7e9",
    }
}
