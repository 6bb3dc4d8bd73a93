//! A side-by-side view of a comparison for the terminal: matched headings stand on one row, with a
//! sign between them saying what changed.

use super::{Comparison, PairPoint, Status};
use std::io::{self, Write};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The sign shown between the two sides.
pub fn sign(status: Status) -> &'static str {
    match status {
        Status::Matched => "=",
        Status::Moved => "↕",
        Status::Retitled => "~",
        Status::Renumbered => "#",
        Status::Split => "⑂",
        Status::Merged => "⑃",
        Status::OnlyInA => "<",
        Status::OnlyInB => ">",
    }
}

fn colour(status: Status) -> &'static str {
    match status {
        Status::Matched => "",
        Status::Moved => "\x1b[33m",
        Status::Retitled => "\x1b[36m",
        Status::Renumbered => "\x1b[35m",
        Status::Split | Status::Merged => "\x1b[34m",
        Status::OnlyInA => "\x1b[31m",
        Status::OnlyInB => "\x1b[32m",
    }
}

/// Cut `text` to at most `width` terminal columns (CJK characters take two), padding with spaces.
fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push_str(&" ".repeat(width - used));
    out
}

fn cell(p: &Option<PairPoint>, width: usize) -> String {
    let Some(p) = p else { return " ".repeat(width) };
    let head = format!("{}{}{}", "  ".repeat(p.depth - 1), p.marker, p.title);
    let tail = format!(" :{}", p.line);
    let room = width.saturating_sub(tail.width());
    let head = if head.width() <= room {
        head
    } else {
        format!("{}…", fit(&head, room.saturating_sub(1)).trim_end())
    };
    fit(&(head + &tail), width)
}

/// The narrowest and widest views drawn: narrower ones have no room for a title, and a width
/// beyond any screen (`COLUMNS=99999999999`) would only allocate padding until memory runs out.
pub const WIDTHS: std::ops::RangeInclusive<usize> = 40..=1000;

/// Write `c` side by side in `width` terminal columns (kept within [`WIDTHS`]), with ANSI
/// colours when `color`.
pub fn write_side<W: Write>(
    c: &Comparison,
    width: usize,
    color: bool,
    out: &mut W,
) -> io::Result<()> {
    let column = (width.clamp(*WIDTHS.start(), *WIDTHS.end()) - 3) / 2;
    let name = |s: &super::SideInfo| {
        format!(
            "{}#{}{}",
            s.source,
            s.speech,
            s.title
                .as_deref()
                .map(|t| format!(" {t}"))
                .unwrap_or_default()
        )
    };
    writeln!(out, "{} │ {}", fit(&name(&c.a), column), name(&c.b))?;
    writeln!(
        out,
        "{} │ {}",
        fit(&c.a.shape.families, column),
        c.b.shape.families
    )?;
    writeln!(
        out,
        "similarity {:.3} (content {:.3}, structure {:.3}, order {:.3})",
        c.similarity, c.content_overlap, c.structure_similarity, c.order_agreement
    )?;
    writeln!(out, "{}", "─".repeat(column * 2 + 3))?;
    for p in &c.pairs {
        let (on, off) = if color && !colour(p.status).is_empty() {
            (colour(p.status), "\x1b[0m")
        } else {
            ("", "")
        };
        // The shared key words, the evidence for the pair, after the row.
        let words = if p.shared_words.is_empty() {
            String::new()
        } else {
            format!("  [{}]", p.shared_words.join(" "))
        };
        writeln!(
            out,
            "{on}{}{}{}{off}{words}",
            cell(&p.a, column),
            format_args!(" {} ", sign(p.status)),
            cell(&p.b, column).trim_end()
        )?;
    }
    writeln!(out, "{}", "─".repeat(column * 2 + 3))?;
    writeln!(
        out,
        "= matched  ↕ moved  ~ retitled  # renumbered  ⑂ split  ⑃ merged  < only in A  > only in B  [shared words]"
    )
}
