//! A point's text read the way a Chinese report is written: the title, then a **lead sentence**
//! that states the point's topic (坚持把科技创新作为……), then **sub-sections**, each a paragraph
//! or, where a whole point is one physical line, a block opened by a short lead phrase
//! (更大力度提振消费。 加强基础研究和科技攻关。).
//!
//! Both are evidence a reader uses to say what a point is about when its title is generic or
//! names two topics: the lead names the topic again in other words, and a point is about the
//! topic most of its sub-sections develop.

/// Sentence ends.
fn is_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// The sentences of `text`, each with its closing mark; a tail without one is a sentence too.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_end(c) {
            // Keep a run of closing marks (。” or ！？) with its sentence.
            let mut end = at + c.len_utf8();
            while let Some(&(k, d)) = chars.peek() {
                if is_end(d) || matches!(d, '”' | '’' | '」' | '』' | ')' | '）') {
                    end = k + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if !text[start..end].trim().is_empty() {
                out.push(text[start..end].trim());
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// Longest lead phrase, in characters (without its closing mark).
const MAX_LEAD_PHRASE: usize = 16;

/// A lead phrase opening a block: a short sentence with no comma, enumeration mark or colon and
/// no figures (拆除违法建设500万平方米 is a fact, not a heading).
fn is_lead_phrase(sentence: &str) -> bool {
    let body: Vec<char> = sentence
        .chars()
        .filter(|&c| !is_end(c) && !c.is_whitespace())
        .collect();
    (4..=MAX_LEAD_PHRASE).contains(&body.len())
        && !body.iter().any(|&c| {
            matches!(c, '，' | ',' | '、' | '：' | ':' | '；' | ';') || c.is_ascii_digit()
        })
}

/// The lead sentence and the sub-sections of a point whose heading line (marker removed) is
/// `first` with title `title`, followed by the paragraphs `rest`.
///
/// The lead is the first sentence after the title (on the heading line, or else the first
/// paragraph's), unless that sentence is a lead phrase opening the first sub-section: then the
/// lead is empty. Sub-sections are the blocks after the lead: each paragraph, cut again before
/// every lead phrase that is followed by more text.
pub fn lead_and_sections(first: &str, title: &str, rest: &[&str]) -> (String, Vec<String>) {
    let first = first.trim();
    let after_title = first
        .strip_prefix(title.trim())
        .unwrap_or(first)
        .trim_start_matches(|c: char| is_end(c) || c.is_whitespace() || "，,：:；;".contains(c));
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut lead = String::new();
    let mut looked_for_lead = false;
    let paragraphs = std::iter::once(after_title).chain(rest.iter().map(|p| p.trim()));
    for paragraph in paragraphs {
        let mut ss = sentences(paragraph).into_iter().peekable();
        if !looked_for_lead {
            let Some(&s) = ss.peek() else { continue };
            looked_for_lead = true;
            // A lead phrase with more text after it opens the first sub-section: the point has
            // no lead sentence of its own.
            let opens_block = is_lead_phrase(s) && ss.clone().nth(1).is_some();
            if !opens_block {
                lead = s.to_string();
                ss.next();
            }
        }
        let mut block: Vec<&str> = Vec::new();
        while let Some(s) = ss.next() {
            if is_lead_phrase(s) && ss.peek().is_some() && !block.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
            block.push(s);
        }
        if !block.is_empty() {
            blocks.push(block);
        }
    }
    (lead, blocks.into_iter().map(|b| b.concat()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_their_marks() {
        assert_eq!(
            sentences("一是“强基”。二是提质！三"),
            ["一是“强基”。", "二是提质！", "三"]
        );
    }

    #[test]
    fn paragraphs_are_sub_sections() {
        let (lead, subs) = lead_and_sections(
            "守护绿水青山",
            "守护绿水青山",
            &[
                "坚持生态优先，绿色发展。",
                "打好蓝天保卫战。治理工地扬尘，淘汰老旧车辆。",
                "推进河湖治理，建设幸福河湖。",
            ],
        );
        assert_eq!(lead, "坚持生态优先，绿色发展。");
        assert_eq!(
            subs,
            [
                "打好蓝天保卫战。治理工地扬尘，淘汰老旧车辆。",
                "推进河湖治理，建设幸福河湖。"
            ]
        );
    }

    #[test]
    fn a_short_sentence_with_figures_opens_no_block() {
        let (_, subs) = lead_and_sections(
            "改善民生。办好群众身边实事，兜牢底线。稳定就业。新增岗位3000个。扩大技能培训，兜牢底线。",
            "改善民生",
            &[],
        );
        assert_eq!(subs, ["稳定就业。新增岗位3000个。扩大技能培训，兜牢底线。"]);
    }
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn lead_and_sections() {
        use crate::compare::sections::lead_and_sections;
        let (lead, subs) = lead_and_sections(
            "加快建设产业体系。坚持制造强县，壮大实体经济。做强传统产业。推进技改，建设园区。培育新兴产业。布局新能源，壮大集群。",
            "加快建设产业体系",
            &[],
        );
        assert_eq!(lead, "坚持制造强县，壮大实体经济。");
        assert_eq!(
            subs,
            [
                "做强传统产业。推进技改，建设园区。",
                "培育新兴产业。布局新能源，壮大集群。"
            ]
        );
    }
}
