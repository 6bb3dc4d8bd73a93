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

/// `text` in at most `width` columns, ending on `…` when it had to be cut, and not padded.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        text.to_string()
    } else {
        format!("{}…", fit(text, width.saturating_sub(1)).trim_end())
    }
}

fn cell(p: &Option<PairPoint>, width: usize) -> String {
    let Some(p) = p else { return " ".repeat(width) };
    let head = format!("{}{}{}", "  ".repeat(p.depth - 1), p.marker, p.title);
    let tail = format!(" :{}", p.line);
    let room = width.saturating_sub(tail.width());
    fit(&(cut(&head, room) + &tail), width)
}

/// The narrowest and widest views drawn: narrower ones have no room for a title, and a width
/// beyond any screen (`COLUMNS=99999999999`) would only allocate padding until memory runs out.
pub const WIDTHS: std::ops::RangeInclusive<usize> = 40..=1000;

/// Write `c` side by side in `width` terminal columns (kept within [`WIDTHS`]), with ANSI
/// colours when `color`.
///
/// Every line, the headers too, stays within the width: what does not fit ends on `…`.
pub fn write_side<W: Write>(
    c: &Comparison,
    width: usize,
    color: bool,
    lang: crate::i18n::Lang,
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
    let pair = |a: &str, b: &str| format!("{} │ {}", fit(&cut(a, column), column), cut(b, column));
    writeln!(out, "{}", pair(&name(&c.a), &name(&c.b)))?;
    writeln!(out, "{}", pair(&c.a.shape.families, &c.b.shape.families))?;
    writeln!(
        out,
        "{}",
        lang.pick(
            // Two lines, so the figures fit the narrowest width.
            &format!(
                "similarity {:.3}\ncontent {:.3}  structure {:.3}  order {:.3}",
                c.similarity, c.content_overlap, c.structure_similarity, c.order_agreement
            ),
            &format!(
                "相似度 {:.3}\n内容 {:.3}  结构 {:.3}  顺序 {:.3}",
                c.similarity, c.content_overlap, c.structure_similarity, c.order_agreement
            )
        )
    )?;
    writeln!(out, "{}", "─".repeat(column * 2 + 3))?;
    for p in &c.pairs {
        let (on, off) = if color && !colour(p.status).is_empty() {
            (colour(p.status), "\x1b[0m")
        } else {
            ("", "")
        };
        writeln!(
            out,
            "{on}{}{}{}{off}",
            cell(&p.a, column),
            format_args!(" {} ", sign(p.status)),
            cell(&p.b, column).trim_end()
        )?;
        // The shared key words, the evidence for the pair, on a line of their own under the
        // row, within the width.
        if !p.shared_words.is_empty() {
            let words = format!("[{}]", p.shared_words.join(" "));
            writeln!(out, "    {}", cut(&words, column * 2 - 1))?;
        }
    }
    writeln!(out, "{}", "─".repeat(column * 2 + 3))?;
    let legend = match lang {
        crate::i18n::Lang::En => [
            "= matched",
            "↕ moved",
            "~ retitled",
            "# renumbered",
            "⑂ split",
            "⑃ merged",
            "< only in A",
            "> only in B",
            "[shared words]",
        ],
        crate::i18n::Lang::Zh => [
            "= 相同",
            "↕ 移动",
            "~ 改题",
            "# 改号",
            "⑂ 拆分",
            "⑃ 合并",
            "< 仅 A 有",
            "> 仅 B 有",
            "[共有关键词]",
        ],
    };
    // The legend wraps within the width like the rest of the view.
    let mut line = String::new();
    for key in legend {
        if !line.is_empty() && line.width() + 2 + key.width() > column * 2 + 3 {
            writeln!(out, "{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(key);
    }
    writeln!(out, "{line}")
}
