//! An SVG drawing of each speech's outline, laid out by tigang itself (no browser needed): one row
//! per point, indented by depth, with elbow connectors from parent to child. Widths are measured
//! for Chinese text (a Han character takes a full em, Latin letters and digits about half).

use crate::outline::Document;
use maud::html;

const FONT: f64 = 15.0;
const ROW: f64 = 30.0;
const INDENT: f64 = 28.0;
const PAD: f64 = 16.0;
/// Longest title drawn, in characters; the rest is cut with an ellipsis.
const MAX_CHARS: usize = 40;

/// The drawn width of `text` at the font size, in pixels.
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            c if c.is_ascii() => 0.55,
            '\u{FF61}'..='\u{FF9F}' => 0.5,
            _ => 1.0,
        })
        .sum::<f64>()
        * FONT
}

fn cut(text: &str) -> String {
    if text.chars().count() <= MAX_CHARS {
        text.to_string()
    } else {
        text.chars().take(MAX_CHARS - 1).chain(['…']).collect()
    }
}

/// One SVG document holding every speech of `doc`, one under the other.
pub fn draw(doc: &Document) -> String {
    struct Row {
        x: f64,
        y: f64,
        text: String,
        marker_len: usize,
        parent_y: Option<(f64, f64)>,
        heading: bool,
        /// A group node: its lead-in, drawn in italics and grey.
        group: bool,
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut y = PAD;
    for (i, s) in doc.speeches.iter().enumerate() {
        y += ROW;
        let title = s
            .header
            .title
            .clone()
            .unwrap_or_else(|| format!("{} #{}", doc.source, i + 1));
        rows.push(Row {
            x: PAD,
            y,
            text: cut(&title),
            marker_len: 0,
            parent_y: None,
            heading: true,
            group: false,
        });
        let root = (PAD, y);
        // The last row drawn at each depth, for connectors.
        let mut open: Vec<(f64, f64)> = vec![root];
        // Every node, group nodes (a lead-in announcing a list) too, as the other formats show.
        for (depth, h) in s.outline.iter().flat_map(|h| h.walk()) {
            y += ROW;
            open.truncate(depth);
            let parent = *open.last().unwrap_or(&root);
            let x = PAD + depth as f64 * INDENT;
            let (marker, text) = match &h.kind {
                crate::Kind::Point { marker, .. } => {
                    (marker.clone(), format!("{marker}{}", cut(&h.title)))
                }
                crate::Kind::Group { intro, .. } => (String::new(), cut(intro)),
            };
            rows.push(Row {
                x,
                y,
                text,
                marker_len: marker.chars().count(),
                parent_y: Some(parent),
                heading: false,
                group: h.is_group(),
            });
            open.push((x, y));
        }
        y += ROW / 2.0;
    }
    let width = rows
        .iter()
        .map(|r| r.x + text_width(&r.text) + PAD)
        .fold(320.0, f64::max)
        .ceil();
    let height = (y + PAD).ceil();
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(width) height=(height) viewBox=(format!("0 0 {width} {height}"))
            font-family="Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif" font-size=(FONT) {
            rect width="100%" height="100%" fill="#ffffff" {}
            @for r in &rows {
                @if let Some((px, py)) = r.parent_y {
                    path d=(format!("M{:.1} {:.1} V{:.1} H{:.1}", px + 6.0, py + 5.0, r.y - 5.0, r.x - 4.0))
                        fill="none" stroke="#b0b0b8" stroke-width="1" {}
                }
                @if r.heading {
                    text x=(r.x) y=(r.y) font-weight="700" fill="#1d1d1f" { (r.text) }
                } @else if r.group {
                    text x=(r.x) y=(r.y) font-style="italic" fill="#5f6368" class="group" { (r.text) }
                } @else {
                    @let marker: String = r.text.chars().take(r.marker_len).collect();
                    @let rest: String = r.text.chars().skip(r.marker_len).collect();
                    text x=(r.x) y=(r.y) fill="#1d1d1f" {
                        tspan font-weight="600" fill="#b3261e" { (marker) }
                        tspan { (rest) }
                    }
                }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn draw() {
        let doc = crate::extract("一、学习。\n（一）读原著。\n", &Default::default()).unwrap();
        let svg = crate::render::svg::draw(&doc);
        assert!(svg.starts_with("<svg") && svg.contains("读原著"));
    }
}
