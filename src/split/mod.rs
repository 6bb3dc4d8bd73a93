//! Stage 3: split a file into its speeches, and read each speech's header.
//!
//! A file may hold several speeches: a scraped page of 篇一 … 篇十八, a collection of 发言稿, a
//! transcript with one turn per member. No signal is enough alone, so splitting is a small
//! segmentation model:
//! - every content line collects **evidence** for and against a speech starting on it
//!   ([`StartEvidence`], one weighted table in `evidence.rs`): a speech's title, the title lines
//!   over a ——在…的讲话 subtitle, a salutation, the line after a closing formula, a meeting's
//!   opening paragraph, a site's blurb, a collection's labels, an appendix, the number line of a
//!   dated document, a transcript turn of a new speaker (`turns.rs` weighs the chair's turns,
//!   interjections and a speaker resuming against it), a copy of an earlier opening
//!   (`copies.rs`); against: a line that continues a broken paragraph, a notes block;
//! - some evidence depends on the start before: a salutation inside the header of a speech that
//!   has just started starts nothing, and no speech may be left without text;
//! - the starts are chosen by **dynamic programming**: the most summed evidence, less
//!   `SPEECH_COST` per speech. Ties go to the earlier start, as a reader reading on would;
//! - the **header** (`header.rs`) is read from the chosen start's own evidence, so a speech's
//!   `start_line`, `title` and `subtitle` cannot disagree. `tigang extract --explain` prints the
//!   evidence of every start and of the lines that were passed over.

mod copies;
mod evidence;
pub(crate) mod header;
mod signals;
mod turns;

pub(crate) use evidence::SPEECH_COST;
pub use evidence::StartEvidence;
pub(crate) use header::header_of;
pub(crate) use signals::{is_salutation_line, is_speech_title};
pub(crate) use turns::is_turn;

use crate::clean::{Line, ends_sentence};
use serde::Serialize;
use signals::*;
use std::ops::Range;
use turns::is_stage_direction;

/// How far a speech's header may run (content lines): a header is a few short lines, and the
/// bound keeps the pairwise evidence local on hostile inputs of a million short lines.
const HEADER_MAX_LINES: usize = 64;

/// One speech of a file: its lines and why it starts where it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Line indices (not line numbers) into the cleaned lines.
    pub range: Range<usize>,
    /// The evidence that started it.
    pub start: Start,
}

/// A line with evidence about a speech starting on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Start {
    /// The 1-based line number.
    pub line: usize,
    /// What held for and against a start there, strongest first.
    pub evidence: Vec<StartEvidence>,
    /// The summed weights, less `SPEECH_COST`.
    pub score: i32,
    /// The speaker, when the line opens a transcript turn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// With [`StartEvidence::TitleOverSubtitle`]: the 1-based line of the subtitle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle_line: Option<usize>,
}

/// The speeches of a file, and the lines with evidence for a start that did not start one.
#[derive(Debug, Clone, PartialEq)]
pub struct Segmentation {
    /// The speeches, in file order; together they cover every line.
    pub speeches: Vec<Segment>,
    /// Lines with some evidence for a start that start no speech, with what held there
    /// (including the evidence weighed against the start before, such as `inside_header`).
    pub passed_over: Vec<Start>,
}

/// Split a file into speeches and say why each starts where it does.
///
/// ```
/// use tigang::clean::{clean, CleanOptions};
/// use tigang::split::{segment, StartEvidence};
/// let text = "在学习会上的讲话\n同志们：\n一、学习。内容。\n二、落实。内容。\n三、保障。内容。\n谢谢大家！\n各位代表：\n一、落实。内容。\n";
/// let seg = segment(&clean(text, CleanOptions::default()));
/// assert_eq!(seg.speeches.len(), 2);
/// let second = &seg.speeches[1].start;
/// assert_eq!(second.line, 7);
/// assert!(second.evidence.contains(&StartEvidence::Salutation));
/// assert!(second.evidence.contains(&StartEvidence::AfterClosing));
/// ```
pub fn segment(lines: &[Line]) -> Segmentation {
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    if content.is_empty() {
        let start = Start {
            line: lines.first().map_or(1, |l| l.number),
            evidence: vec![StartEvidence::FileStart],
            score: StartEvidence::FileStart.weight() - SPEECH_COST,
            speaker: None,
            subtitle_line: None,
        };
        return Segmentation {
            speeches: vec![Segment {
                range: 0..lines.len(),
                start,
            }],
            passed_over: Vec::new(),
        };
    }
    let file = File::new(lines, &content);
    let mut candidates = file.candidates();
    let mut chosen = file.choose(&candidates);
    // Copies of an opening are found from the starts of a first pass, then weighed with the rest.
    let openings: Vec<usize> = chosen
        .iter()
        .map(|&k| candidates[k].pos)
        .filter(|&pos| pos > 0 || content[0] == 0)
        .collect();
    let copies = copies::copies_of_openings(lines, &content, &openings);
    if !copies.is_empty() {
        for pos in copies {
            match candidates.binary_search_by_key(&pos, |c| c.pos) {
                Ok(k) => candidates[k].evidence.push(StartEvidence::CopyOfOpening),
                Err(k) => {
                    let mut c = file.candidate(pos, Vec::new(), None);
                    c.evidence.push(StartEvidence::CopyOfOpening);
                    candidates.insert(k, c);
                }
            }
        }
        chosen = file.choose(&candidates);
    }
    file.segmentation(&candidates, &chosen)
}

/// A content line with evidence for a start.
#[derive(Debug, Clone)]
struct Candidate<'a> {
    /// Content position.
    pos: usize,
    /// The evidence of the line itself.
    evidence: Vec<StartEvidence>,
    /// The last content position a salutation or a meeting's opening may take as part of this
    /// start's header.
    header_end: usize,
    /// The last content position a site's blurb may take as part of it (only header lines
    /// between).
    header_lines_end: usize,
    /// The speaker of a transcript turn.
    speaker: Option<&'a str>,
    /// With a subtitle under the title: its content position.
    subtitle: Option<usize>,
}

impl Candidate<'_> {
    fn local_score(&self) -> i32 {
        evidence::score(&self.evidence)
    }
}

/// The facts of a file the evidence is read from.
struct File<'a> {
    lines: &'a [Line<'a>],
    content: &'a [usize],
    /// Content lines with text (letters, digits, Han) before each content position.
    text_before: Vec<u32>,
    /// Content lines of substance (a sentence's end, or a numbered point) before each position.
    substance_before: Vec<u32>,
    /// Numbered points (marker lines) before each position.
    points_before: Vec<u32>,
    /// Content lines with a sentence's end before each position.
    sentences_before: Vec<u32>,
    /// How many pairs of starts were weighed: the tests hold it linear in the lines.
    pairs_weighed: std::cell::Cell<usize>,
}

impl<'a> File<'a> {
    fn new(lines: &'a [Line<'a>], content: &'a [usize]) -> Self {
        let mut text_before = Vec::with_capacity(content.len() + 1);
        let mut substance_before = Vec::with_capacity(content.len() + 1);
        let mut points_before = Vec::with_capacity(content.len() + 1);
        let mut sentences_before = Vec::with_capacity(content.len() + 1);
        let mut sentences = 0u32;
        let (mut n, mut m, mut k) = (0u32, 0u32, 0u32);
        for &i in content {
            text_before.push(n);
            substance_before.push(m);
            points_before.push(k);
            sentences_before.push(sentences);
            let l = &lines[i];
            let sentence = ends_a_sentence_within(&l.text);
            sentences += u32::from(sentence);
            k += u32::from(l.marker.is_some());
            n += u32::from(l.text.chars().any(char::is_alphanumeric));
            m += u32::from(l.marker.is_some() || sentence);
        }
        text_before.push(n);
        substance_before.push(m);
        points_before.push(k);
        sentences_before.push(sentences);
        File {
            lines,
            content,
            text_before,
            substance_before,
            points_before,
            sentences_before,
            pairs_weighed: std::cell::Cell::new(0),
        }
    }

    fn text(&self, pos: usize) -> &'a str {
        self.lines[self.content[pos]].text.as_ref()
    }

    /// Whether content positions `from..to` hold any text.
    fn has_text(&self, from: usize, to: usize) -> bool {
        self.text_before[to] > self.text_before[from]
    }

    /// The least content position `to` with text in `from..to` (past the end when none).
    fn first_text_end(&self, from: usize) -> usize {
        let before = self.text_before[from];
        self.text_before.partition_point(|&n| n <= before)
    }

    /// Every content line with evidence about a start, in file order; the first line always.
    fn candidates(&self) -> Vec<Candidate<'a>> {
        let (lines, content) = (self.lines, self.content);
        let turns = turns::turn_evidence(lines, content);
        let mut turn_at = turns.iter().peekable();
        let documents = numbered_documents(lines, content);
        // Subtitles with title lines above them: the start goes to the first title line.
        let mut over_subtitle: Vec<(usize, usize)> = Vec::new(); // (title pos, subtitle pos)
        let markdown_titles = markdown_title_levels(lines, content);
        let mut found: Vec<Candidate<'a>> = Vec::new();
        let mut prev_para: Option<&str> = None;
        let mut this_para: Option<&str> = None;
        for pos in 0..content.len() {
            let line = &lines[content[pos]];
            let text = line.text.as_ref();
            // What came before, past the room's reactions ((掌声)) after a closing.
            let prev = (0..pos)
                .rev()
                .take(3)
                .map(|p| self.text(p))
                .find(|t| !is_stage_direction(t));
            if !line.continues {
                (prev_para, this_para) = (this_para, Some(text));
            }
            let mut ev = Vec::new();
            if pos == 0 {
                ev.push(StartEvidence::FileStart);
            }
            if documents.binary_search(&pos).is_ok() {
                ev.push(StartEvidence::NumberedDocument);
            }
            while turn_at.peek().is_some_and(|t| t.0 < pos) {
                turn_at.next();
            }
            if let Some((_, t, turn_ev)) = turn_at.peek().filter(|t| t.0 == pos) {
                // A turn is settled by what the transcript says of it: the rest of the line is
                // what the speaker says, and a speaker's label opens a paragraph even where the
                // line above looks broken off (a PDF record's wrapped motion title).
                ev.extend(turn_ev.iter().copied());
                found.push(self.candidate(pos, ev, (!t.chair).then_some(t.speaker)));
                continue;
            }
            // The cleaner joins a line to a title-shaped line above that has a comma (a table of
            // contents' last entry, 关于…，切实…的意见); after a blank line, a line that is itself
            // a document's title starts afresh.
            let gap_above = pos > 0 && content[pos - 1] + 1 < content[pos];
            // What the line's shape says, computed once: most tests below ask it.
            let title_line = is_title_line(text);
            let speech_title = names_speech(text);
            let document = line.marker.is_none() && names_document(text);
            let title_after_gap = line.continues
                && gap_above
                && is_title_line(self.text(pos - 1))
                && (document || speech_title);
            let continues = line.continues && !title_after_gap;
            if continues {
                ev.push(StartEvidence::ContinuesLine);
            }
            if is_stage_direction(text) && !header::DATE.is_match(text) {
                ev.push(StartEvidence::StageDirection);
            }
            if is_page_furniture(text) {
                ev.push(StartEvidence::PageFurniture);
            }
            if pos > 0 && is_annex_label(self.text(pos - 1)) {
                ev.push(StartEvidence::UnderAnnexLabel);
            }
            if let Some(rest) = annex_label(text) {
                // An attachment that is a document of its own (附件1 over 关于…的实施方案) starts
                // one; a glossary or a table attached (附：名词解释) belongs to the speech.
                let names = |t: &str| {
                    let t =
                        t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '．');
                    names_document(t)
                };
                let next = content.get(pos + 1).map(|&j| lines[j].text.as_ref());
                // A list of the attachments (附件：1.…方案 2.…表) closes the speech.
                let listed = rest.starts_with(|c: char| c.is_ascii_digit());
                if !listed && (names(rest) || rest.is_empty() && next.is_some_and(names)) {
                    ev.push(StartEvidence::AnnexedDocument);
                } else {
                    ev.push(StartEvidence::AttachedToSpeech);
                }
            }
            if title_field(text).is_some() || speaker_field(text) {
                ev.push(StartEvidence::TitleField);
            }
            if pos > 0 && is_asterism(self.text(pos - 1)) {
                ev.push(StartEvidence::AfterSeparator);
            }
            // A title over its author's line (市政协委员、…院长　李华): the piece of a collection.
            // A byline names an office and a person, spaced apart: a short line of four
            // characters alone may be a subhead (主要目标). Cheap tests on the next line first.
            let over_byline = content.get(pos + 1).is_some_and(|&j| {
                let next = &lines[j];
                next.text.contains([' ', '\u{3000}'])
                    && next.marker.is_none()
                    && !next.continues
                    && header::is_byline(&next.text)
            });
            if over_byline
                && !continues
                && line.marker.is_none()
                && title_line
                && !is_subtitle(text)
                && !header::is_speaker(text)
                && !header::DATE.is_match(text)
            {
                ev.push(StartEvidence::TitleOverByline);
            }
            if !continues && pos > 0 && is_subtitle(text) {
                let title = title_lines_above(lines, content, pos);
                if title < pos {
                    // ——在…上的讲话 names the speech whose title lines stand just above it; the
                    // subtitle line itself starts nothing. Without a title above, it is more
                    // likely a quotation's attribution.
                    over_subtitle.push((title, pos));
                    if !ev.is_empty() {
                        found.push(self.candidate(pos, ev, None));
                    }
                    continue;
                }
            }
            if !continues {
                // A title ends its line: one the next line goes on from is a sentence's start
                // (…正如我在開場發言 / 時已提過，…). A document's title does not stand under a
                // numbered point, and a transcript's agenda item stands over a speaker's turn.
                let wraps_on = content.get(pos + 1).is_some_and(|&j| lines[j].continues);
                let under_point = pos > 0 && !gap_above && lines[content[pos - 1]].marker.is_some();
                let over_turn = turn_at.peek().is_some_and(|t| t.0 <= pos + 2);
                if speech_title && !wraps_on {
                    ev.push(StartEvidence::SpeechTitle);
                } else if !speech_title && !wraps_on && !under_point && !over_turn && document {
                    ev.push(StartEvidence::DocumentTitle);
                }
                if line.heading_level > 0
                    && line.marker.is_none()
                    && markdown_titles.contains(&line.heading_level)
                    && title_line
                {
                    ev.push(StartEvidence::MarkdownTitle);
                }
                if !wraps_on && title_line && self.after_sign_off(pos) {
                    ev.push(StartEvidence::AfterSignOff);
                }
                if is_appendix(text) {
                    ev.push(StartEvidence::Appendix);
                }
                if is_document_label(lines, content, pos) {
                    ev.push(StartEvidence::DocumentLabel);
                }
                if is_site_blurb(text) {
                    ev.push(StartEvidence::SiteBlurb);
                }
                if is_salutation_line(text) {
                    ev.push(StartEvidence::Salutation);
                }
                if crate::clean::is_notes_start(text) {
                    ev.push(StartEvidence::NotesOfSpeech);
                }
                if prev.is_some_and(is_closing_formula) {
                    ev.push(StartEvidence::AfterClosing);
                }
                if prev_para.is_some_and(is_final_address)
                    && prev.is_some_and(ends_sentence)
                    && !is_continuing_after_address(line)
                {
                    ev.push(StartEvidence::AfterFinalAddress);
                }
                if is_meeting_opening(text) {
                    ev.push(StartEvidence::MeetingOpening);
                }
            }
            // A bare continuation weighs only against a start that nothing proposes.
            if ev.iter().any(|e| *e != StartEvidence::ContinuesLine) {
                found.push(self.candidate(pos, ev, None));
            }
        }
        for (title, subtitle) in over_subtitle {
            let k = match found.binary_search_by_key(&title, |c| c.pos) {
                Ok(k) => k,
                Err(k) => {
                    found.insert(k, self.candidate(title, Vec::new(), None));
                    k
                }
            };
            let c = &mut found[k];
            c.evidence.push(StartEvidence::TitleOverSubtitle);
            c.subtitle = Some(subtitle);
            c.header_end = c.header_end.max(subtitle + 4);
        }
        self.weigh_substance(&mut found);
        found
    }

    /// A start must lead to something a reader would read: where nothing but short lines come
    /// before the next start (one outside this start's header), the line is furniture.
    fn weigh_substance(&self, found: &mut [Candidate]) {
        let viable: Vec<usize> = (0..found.len())
            .filter(|&k| found[k].local_score() > SPEECH_COST)
            .collect();
        for k in 1..found.len() {
            if found[k].local_score() <= SPEECH_COST {
                continue;
            }
            // Starts before the first text after this one would leave it empty: skip them by
            // the prefix sums, not one by one, or a file of text-less lines (* * * under
            // * * *) costs a scan to its end per line.
            let text_from = self.first_text_end(found[k].pos);
            let from = viable
                .partition_point(|&v| v <= k)
                .max(viable.partition_point(|&v| found[v].pos < text_from));
            let next = viable[from..]
                .iter()
                .find(|&&r| self.pair_evidence(&found[k], &found[r]).is_none())
                .map_or(self.content.len(), |&r| found[r].pos);
            // A start found by its title's shape alone (a document kind, a Markdown level, a
            // sign-off above) must lead to three sentences: a related link, a table's caption
            // and its notes, or a teaser is page furniture.
            let by_shape_alone = found[k].evidence.iter().all(|e| {
                matches!(
                    e,
                    StartEvidence::SpeechTitle
                        | StartEvidence::DocumentTitle
                        | StartEvidence::AnnexedDocument
                        | StartEvidence::TitleOverByline
                        | StartEvidence::AfterSeparator
                        | StartEvidence::MarkdownTitle
                        | StartEvidence::AfterSignOff
                ) || e.weight() < 0
            });
            let (from, to) = (found[k].pos, next);
            let substance = self.substance_before[to] - self.substance_before[from];
            let sentences = self.sentences_before[to] - self.sentences_before[from];
            if substance == 0 || by_shape_alone && sentences < 3 {
                found[k].evidence.push(StartEvidence::NoSubstance);
            }
        }
    }

    /// Whether the line at `pos` comes right after a document's sign-off: a date line alone
    /// (2024年9月12日), under a last paragraph that ends a sentence, perhaps with the issuing
    /// body's name between. A date under a title is the header's, not a sign-off.
    fn after_sign_off(&self, pos: usize) -> bool {
        let text = self.text(pos);
        let date = pos.checked_sub(1).map(|p| self.text(p));
        // A sign-off date stands bare; a header's is often bracketed with a place or a note.
        // Cheap tests first: this runs on every line.
        if pos < 2
            || !date.is_some_and(|d| {
                d.len() <= 60
                    && d.ends_with('日')
                    && header::DATE.is_match(d)
                    && !d.starts_with(['（', '('])
            })
            || header::DATE.is_match(text)
        {
            return false;
        }
        for p in (pos.saturating_sub(3)..pos - 1).rev() {
            let l = &self.lines[self.content[p]];
            if ends_sentence(&l.text) && !is_title_line(&l.text) || l.marker.is_some() {
                return true;
            }
            // The issuing body's name may stand between; a title or subtitle means a header.
            if names_speech(&l.text) || is_subtitle(&l.text) || !is_title_line(&l.text) {
                return false;
            }
        }
        false
    }

    /// A candidate at `pos` with the extent of the header a start there would have.
    fn candidate(
        &self,
        pos: usize,
        evidence: Vec<StartEvidence>,
        speaker: Option<&'a str>,
    ) -> Candidate<'a> {
        // A header of short lines (title, subtitle, date, speaker, salutation) may run past four
        // lines: the line after its last one (the opening paragraph under the salutation) still
        // belongs to it.
        let mut last = pos;
        while last + 1 < self.content.len() && last - pos < HEADER_MAX_LINES {
            let l = &self.lines[self.content[last + 1]];
            let t = l.text.as_ref();
            if l.marker.is_some() || !(is_header_like(t) || is_salutation_line(t)) {
                break;
            }
            last += 1;
        }
        // A start on a paragraph (a turn, the line after a closing, a point) has no header of
        // its own beyond the header lines after it.
        let own = self.text(pos);
        let header_shaped = is_header_like(own) || is_salutation_line(own);
        let header_end = if header_shaped {
            (pos + 4).max(last + 1)
        } else if last > pos {
            last + 1
        } else {
            pos
        };
        Candidate {
            pos,
            evidence,
            header_end,
            header_lines_end: last + 1,
            speaker,
            subtitle: None,
        }
    }

    /// The evidence weighed between a speech starting at `before` and the next one at `next`.
    fn pair_evidence(&self, before: &Candidate, next: &Candidate) -> Option<StartEvidence> {
        self.pairs_weighed.set(self.pairs_weighed.get() + 1);
        if !self.has_text(before.pos, next.pos) {
            return Some(StartEvidence::EmptySpeech);
        }
        let in_header = next.evidence.iter().any(|e| match e {
            StartEvidence::SiteBlurb => next.pos <= before.header_lines_end,
            e if e.held_by_header() => next.pos <= before.header_end,
            _ => false,
        });
        in_header.then_some(StartEvidence::InsideHeader)
    }

    /// Whether no later candidate can meet pair evidence with `before` once one at `pos` does
    /// not: its header has ended and text has come.
    fn settled(&self, before: &Candidate, pos: usize) -> bool {
        self.past_header(before, pos) && self.has_text(before.pos, pos)
    }

    /// Whether a candidate at `pos` lies past the header a start at `before` would have.
    fn past_header(&self, before: &Candidate, pos: usize) -> bool {
        pos > before.header_end.max(before.header_lines_end)
    }

    /// Whether the lines before content position `to` are front matter: no numbered point and at
    /// most an editor's note of two sentences (编者按：…), under the site's or the book's title.
    fn is_front_matter(&self, to: usize) -> bool {
        let points = self.points_before[to] > 0;
        !points && self.substance_before[to] - self.substance_before[0] <= 2
    }

    /// The starts (indices into `candidates`) with the most summed evidence less the cost per
    /// speech; the first candidate (the file's first line) always starts one.
    fn choose(&self, candidates: &[Candidate]) -> Vec<usize> {
        let n = candidates.len();
        // best[k]: the best total of a segmentation whose last start is candidate k.
        let mut best: Vec<i64> = vec![i64::MIN; n];
        let mut back: Vec<Option<usize>> = vec![None; n];
        // Candidates whose pair evidence may still touch later ones; the best settled one.
        let mut pending: Vec<usize> = Vec::new();
        let mut settled: Option<usize> = None;
        // The best of the candidates past their header with no text since them: every later
        // start meets the same pair evidence with each (an empty speech) until text comes, and
        // then all of them settle at once, so one stands for them all. Keeping them in
        // `pending` made a file of text-less lines (* * * / 。) quadratic.
        let mut textless: Option<usize> = None;
        // Ties go to the earlier start.
        let better = |a: (i64, usize), b: Option<(i64, usize)>| {
            b.is_none_or(|(bv, bp)| a.0 > bv || (a.0 == bv && a.1 < bp))
        };
        for k in 0..n {
            let c = &candidates[k];
            let own = i64::from(c.local_score() - SPEECH_COST);
            if k == 0 {
                best[0] = own;
                pending.push(0);
                continue;
            }
            let key = |j: usize| (best[j], candidates[j].pos);
            if let Some(t) = textless.filter(|&t| self.has_text(candidates[t].pos, c.pos)) {
                if better(key(t), settled.map(key)) {
                    settled = Some(t);
                }
                textless = None;
            }
            pending.retain(|&j| {
                if self.settled(&candidates[j], c.pos) {
                    if better(key(j), settled.map(key)) {
                        settled = Some(j);
                    }
                    false
                } else if self.past_header(&candidates[j], c.pos) {
                    if better(key(j), textless.map(key)) {
                        textless = Some(j);
                    }
                    false
                } else {
                    true
                }
            });
            if own <= 0 {
                // Pair evidence only ever weighs against a start: this one cannot pay its cost.
                continue;
            }
            let mut pick: Option<(i64, usize, usize)> =
                settled.map(|s| (best[s], candidates[s].pos, s));
            if let Some(t) = textless {
                let v = best[t] + i64::from(StartEvidence::EmptySpeech.weight());
                if better((v, candidates[t].pos), pick.map(|p| (p.0, p.1))) {
                    pick = Some((v, candidates[t].pos, t));
                }
            }
            for &j in &pending {
                let pair = self
                    .pair_evidence(&candidates[j], c)
                    .map_or(0, |e| i64::from(e.weight()));
                let v = best[j] + pair;
                if better((v, candidates[j].pos), pick.map(|p| (p.0, p.1))) {
                    pick = Some((v, candidates[j].pos, j));
                }
            }
            if let Some((v, _, j)) = pick {
                best[k] = v + own;
                back[k] = Some(j);
                pending.push(k);
            }
        }
        // The last speech must hold text too.
        let end = self.content.len();
        let last = (0..n)
            .filter(|&k| best[k] != i64::MIN)
            .map(|k| {
                let empty = !self.has_text(candidates[k].pos, end);
                let v = best[k]
                    + if empty {
                        i64::from(StartEvidence::EmptySpeech.weight())
                    } else {
                        0
                    };
                (v, candidates[k].pos, k)
            })
            .fold(None::<(i64, usize, usize)>, |acc, x| {
                if better((x.0, x.1), acc.map(|a| (a.0, a.1))) {
                    Some(x)
                } else {
                    acc
                }
            })
            .map_or(0, |x| x.2);
        let mut chosen = vec![last];
        while let Some(j) = back[*chosen.last().expect("not empty")] {
            chosen.push(j);
        }
        chosen.reverse();
        chosen
    }

    fn start(&self, c: &Candidate, extra: Option<StartEvidence>) -> Start {
        let mut evidence = c.evidence.clone();
        evidence.extend(extra);
        evidence.sort_by_key(|e| std::cmp::Reverse(e.weight().abs()));
        Start {
            line: self.lines[self.content[c.pos]].number,
            score: evidence::score(&evidence) - SPEECH_COST,
            evidence,
            speaker: c.speaker.map(str::to_string),
            subtitle_line: c.subtitle.map(|p| self.lines[self.content[p]].number),
        }
    }

    fn segmentation(&self, candidates: &[Candidate], chosen: &[usize]) -> Segmentation {
        // Front matter (a site's title block, 下载 / 打印, a record's cover lines) with no
        // sentence and no point is no speech of its own: the first speech starts after it, and
        // its lines join that speech.
        // When that front matter is the title of the speech after it (a policy address's title
        // over the Chief Executive's turn), the speech keeps it as its start.
        // A first line that starts a speech by its own evidence (a turn, a salutation) is no
        // front matter.
        let speech_of_its_own = candidates[chosen[0]]
            .evidence
            .iter()
            .any(|e| e.weight() > 0 && *e != StartEvidence::FileStart && !titled_kind(*e));
        let front_matter = chosen.len() > 1
            && !speech_of_its_own
            && self.is_front_matter(candidates[chosen[1]].pos);
        // A second title after it makes the first a collection's title instead.
        let titled = |k: usize| candidates[k].evidence.iter().any(|e| titled_kind(*e));
        // A kind of start that recurs (【述职人：…】 over each report) makes the first title a
        // collection's.
        let recurs = |k: usize| {
            chosen[2..].iter().any(|&j| {
                candidates[j]
                    .evidence
                    .iter()
                    .any(|e| e.weight() > 0 && candidates[k].evidence.contains(e))
            })
        };
        let titled = front_matter && titled(chosen[0]) && !titled(chosen[1]) && !recurs(chosen[1]);
        let kept: Vec<usize>;
        let chosen = match (front_matter, titled) {
            (false, _) => chosen,
            (true, false) => &chosen[1..],
            (true, true) => {
                kept = [chosen[0]]
                    .into_iter()
                    .chain(chosen[2..].iter().copied())
                    .collect();
                &kept
            }
        };
        let mut speeches = Vec::with_capacity(chosen.len());
        for (n, &k) in chosen.iter().enumerate() {
            let from = if n == 0 {
                0
            } else {
                self.content[candidates[k].pos]
            };
            let to = chosen
                .get(n + 1)
                .map_or(self.lines.len(), |&next| self.content[candidates[next].pos]);
            speeches.push(Segment {
                range: from..to,
                start: self.start(&candidates[k], None),
            });
        }
        // What the lines passed over met: their own evidence, and what weighed against a start
        // there given the speech they fell in.
        let mut passed_over = Vec::new();
        let mut owner = 0;
        for (k, c) in candidates.iter().enumerate() {
            while owner + 1 < chosen.len() && chosen[owner + 1] <= k {
                owner += 1;
            }
            // Every line with evidence but a bare continuation (a turn of the chair, a stage
            // direction, a title the header held).
            if chosen[owner] == k
                || c.evidence
                    .iter()
                    .all(|e| *e == StartEvidence::ContinuesLine)
            {
                continue;
            }
            // Lines before the first speech's start are its front matter: nothing came before.
            let pair = (chosen[owner] < k)
                .then(|| self.pair_evidence(&candidates[chosen[owner]], c))
                .flatten();
            passed_over.push(self.start(c, pair));
        }
        Segmentation {
            speeches,
            passed_over,
        }
    }
}

/// Whether a sentence ends anywhere in `text`: one fast substring search per mark, where a
/// search for any of several characters would decode every character of a long paragraph.
fn ends_a_sentence_within(text: &str) -> bool {
    let bytes = text.as_bytes();
    ["。", "！", "？"].iter().any(|m| text.contains(m))
        || memchr::memchr2(b'!', b'?', bytes).is_some()
}

/// Evidence that a line is a title.
fn titled_kind(e: StartEvidence) -> bool {
    matches!(
        e,
        StartEvidence::SpeechTitle
            | StartEvidence::TitleOverSubtitle
            | StartEvidence::DocumentTitle
            | StartEvidence::MarkdownTitle
            | StartEvidence::TitleOverByline
            | StartEvidence::TitleField
            | StartEvidence::AnnexedDocument
    )
}

/// The Markdown heading levels a collection gives its documents' titles: at least two headings
/// of the level carry no numbering, and no numbered heading (## 一、…) stands at or above it, as
/// it would in one speech written in Markdown.
fn markdown_title_levels(lines: &[Line], content: &[usize]) -> Vec<u8> {
    let mut unmarked = [0usize; 7];
    let mut marked_at_or_above = 7u8;
    for &i in content {
        let l = &lines[i];
        let level = l.heading_level.min(6);
        if level == 0 {
            continue;
        }
        if l.marker.is_some() {
            marked_at_or_above = marked_at_or_above.min(level);
        } else {
            unmarked[usize::from(level)] += 1;
        }
    }
    (1..=6u8)
        .filter(|&level| unmarked[usize::from(level)] >= 2 && level < marked_at_or_above)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::header::{header, is_speaker};
    use super::turns::turn;
    use super::*;
    use crate::clean::{CleanOptions, clean};

    fn speeches(text: &str) -> Vec<Range<usize>> {
        segment(&clean(text, CleanOptions::default()))
            .speeches
            .into_iter()
            .map(|s| s.range)
            .collect()
    }

    #[test]
    fn a_speech_without_text_is_not_a_speech() {
        // A damaged byte after the closing, and a row of dashes before the first title.
        let text = "一、学习。内容。\n谢谢大家！\n\u{FFFD}\n";
        assert_eq!(speeches(text), vec![0..3]);
        let text = "——————\n第二次会议上的讲话\n一、落实。\n谢谢大家！\n※\n";
        assert_eq!(speeches(text), vec![0..5]);
    }

    /// The pairs of starts weighed while segmenting `text`, with its content lines.
    fn pairs_weighed(text: &str) -> (usize, usize) {
        let lines = clean(text, CleanOptions::default());
        let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
        let file = File::new(&lines, &content);
        let candidates = file.candidates();
        file.choose(&candidates);
        (file.pairs_weighed.get(), content.len())
    }

    #[test]
    fn text_less_lines_are_weighed_in_linear_time() {
        // Every line after * * * is a start by its shape, and none has text: each pair of them
        // is an empty speech. Weighing every pair (quadratic) took minutes on 5 MB.
        for unit in ["* * *\n", "* * *\n。\n", "* * *\n\n。\n"] {
            let (pairs, lines) = pairs_weighed(&unit.repeat(3_000));
            assert!(
                pairs <= 8 * lines,
                "{unit:?}: {pairs} pairs for {lines} lines"
            );
        }
        // And they still split as before: one speech, nothing in it to start another.
        assert_eq!(speeches(&"* * *\n。\n".repeat(50)), vec![0..100]);
    }

    #[test]
    fn header_fields() {
        let text = "\n在全区工作会议上的讲话\n\n（2018年9月20日）\n\n王晓峰\n\n同志们：\n\n这次会议很重要。\n谢谢大家！\n";
        let lines = clean(text, CleanOptions::default());
        let h = header(&lines, 0..lines.len());
        assert_eq!(h.title.as_deref(), Some("在全区工作会议上的讲话"));
        assert_eq!(h.date_iso.as_deref(), Some("2018-09-20"));
        assert_eq!(h.speaker.as_deref(), Some("王晓峰"));
        assert_eq!(h.salutation.as_deref(), Some("同志们"));
        assert_eq!(h.closing.as_deref(), Some("谢谢大家"));
    }

    #[test]
    fn a_report_is_dated_where_it_is_signed() {
        for (sign_off, iso) in [
            ("2019年7月2日", "2019-07-02"),
            ("二〇二四年十二月二十日", "2024-12-20"),
        ] {
            let text = format!(
                "上半年工作情况报告\n一、总体情况\n工作有序推进。\n机关党支部\n{sign_off}\n"
            );
            let lines = clean(&text, CleanOptions::default());
            let h = header(&lines, 0..lines.len());
            assert_eq!(h.date.as_deref(), Some(sign_off));
            assert_eq!(h.date_iso.as_deref(), Some(iso));
        }
    }

    #[test]
    fn a_closing_formula_ends_its_speech_and_is_the_closing() {
        let text = "一、学习。内容。\n以上发言，不妥之处，请批评指正。\n今年以来，我们狠抓落实。\n一、落实。内容。\n我就讲这么多，谢谢各位！\n";
        assert_eq!(speeches(text), vec![0..2, 2..5]);
        let lines = clean(text, CleanOptions::default());
        assert_eq!(header(&lines, 0..2).closing.as_deref(), Some("请批评指正"));
        assert_eq!(header(&lines, 2..5).closing.as_deref(), Some("谢谢各位"));
    }

    #[test]
    fn a_site_blurb_starts_the_next_text() {
        let text = "一、学习。内容。\n二、落实。内容。\n下面是本站为大家整理的发言稿，供大家参考。意识形态工作很重要。\n一、提高认识。内容。\n";
        assert_eq!(speeches(text), vec![0..2, 2..4]);
    }

    #[test]
    fn a_repeated_opening_line_starts_a_copy_only_with_its_next_lines() {
        let opening = "过去一年，我们坚持把社区治理作为基层工作的重心来抓。";
        let text = format!(
            "一、学习。内容。\n谢谢大家！\n{opening}\n一是建强队伍。内容。\n二是完善机制。内容。\n\
             {opening}\n一是建强队伍。内容。\n\
             三是办好实事。内容。\n{opening}\n这一句换了说法。\n另一句也换了。\n"
        );
        // Line 6 repeats the opening with the line after it: a copy. Line 9 repeats only the
        // opening sentence, as a speech may quote its own beginning: no new speech.
        assert_eq!(speeches(&text), vec![0..2, 2..5, 5..11]);
    }

    #[test]
    fn collection_labels_are_speech_titles() {
        for label in [
            "【篇二】",
            "篇三：",
            "范文四",
            "範文5：",
            "意識形態工作會上的講話篇十八",
        ] {
            assert!(is_speech_title(label), "{label}");
        }
        for line in ["篇幅有限", "范文", "【要点】"] {
            assert!(!is_speech_title(line), "{line}");
        }
    }

    #[test]
    fn dated_documents_numbered_by_bare_numbers_are_speeches() {
        let text = "关于某事的指示\n一\n要抓紧。内容。\n(一九五一年十一月三十日)\n二\n一、查明情况。\n二、分别处理。\n(一九五二年三月五日)\n三\n要总结。内容。\n";
        // The collection's title is front matter: its line joins the first document, which
        // starts at its number line.
        assert_eq!(speeches(text), vec![0..4, 4..8, 8..10]);
        let seg = segment(&clean(text, CleanOptions::default()));
        assert_eq!(seg.speeches[0].start.line, 2);
        let lines = clean(text, CleanOptions::default());
        assert_eq!(header(&lines, 4..8).title.as_deref(), Some("二"));
        // The number is the document's label, not its first point.
        let doc = crate::extract(text, &crate::Options::default()).unwrap();
        let points: Vec<usize> = doc.speeches[1]
            .points(true)
            .into_iter()
            .map(|(depth, _)| depth)
            .collect();
        assert_eq!(points, vec![1, 1]);
    }

    #[test]
    fn section_numbers_of_one_speech_are_not_documents() {
        // One date under the title: 一 / 二 number the sections of one speech.
        let text = "学习和时局\n(一九四四年四月十二日)\n一\n要学习。内容。\n二\n要团结。内容。\n";
        assert_eq!(speeches(text), vec![0..6]);
        let lines = clean(text, CleanOptions::default());
        // A section number in the header lines is not the speech's title.
        assert_eq!(header(&lines, 0..6).title, None);
    }

    #[test]
    fn a_bracketed_label_over_a_document_title_starts_a_document() {
        let text = "一、学习。内容。\n二、落实。内容。\n【某某文件】\n《关于加强管理的规定》\n一、总则。内容。\n";
        assert_eq!(speeches(text), vec![0..2, 2..5]);
        // A label over an ordinary paragraph is a section's tag, not a new text.
        let text = "一、学习。内容。\n【要点】\n要抓紧落实。\n二、落实。内容。\n";
        assert_eq!(speeches(text), vec![0..4]);
    }

    #[test]
    fn a_quotation_s_attribution_is_not_a_subtitle() {
        let text = "一、学习。内容。\n“要把学习贯彻作为首要政治任务。”\n——在全市工作会议上的讲话\n二、落实。内容。\n";
        assert_eq!(speeches(text), vec![0..4]);
    }

    #[test]
    fn a_site_blurb_under_a_title_belongs_to_that_speech() {
        let text = "一、学习。内容。\n谢谢大家！\n在会上的讲话\n以下是本站为大家整理的讲话稿，供大家参考。\n同志们：\n今天开会。\n";
        assert_eq!(speeches(text), vec![0..2, 2..6]);
    }

    #[test]
    fn speakers_are_names_with_or_without_an_office() {
        for (line, speaker) in [
            ("王晓峰", true),
            ("市委书记\u{3000}王晓峰", true),
            ("上海市市长 龚 正", true),
            ("龚 正", true),
            ("坚定信心 真抓实干 奋力开创", false),
            ("来源：四川日报", false),
        ] {
            assert_eq!(is_speaker(line), speaker, "{line}");
        }
    }

    #[test]
    fn salutation_in_a_header_does_not_split() {
        let text = "在会上的讲话\n同志们：\n今天开会。\n一、学习。\n";
        assert_eq!(speeches(text).len(), 1);
    }

    #[test]
    fn transcript_turns_split_and_a_one_line_answer_is_a_speech() {
        // 李四's one sentence answers: a speech, although another turn follows at once.
        let text = "張三議員：主席，我想談三點。第一是教育。\n第二，是房屋。\n李四局長：是對外開放的時間。\n王五議員：主席，我支持。我也反對。\n";
        assert_eq!(speeches(text), vec![0..2, 2..3, 3..4]);
    }

    fn evidence(text: &str) -> Vec<(usize, Vec<StartEvidence>)> {
        let lines = clean(text, CleanOptions::default());
        let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
        turns::turn_evidence(&lines, &content)
            .into_iter()
            .map(|(pos, _, ev)| (content[pos], ev))
            .collect()
    }

    #[test]
    fn turn_labels_name_speakers_not_clauses() {
        for (line, speaker) in [
            ("張三議員：主席，我想問。", Some("張三議員")),
            ("2. 張三議員：主席，我想問。", Some("張三議員")),
            ("發展局局長︰主席，我回應。", Some("發展局局長")),
            ("鄭司長乃文：主席、各位委員。", Some("鄭司長乃文")),
            ("卓某某理事長：主席、各位委員。", Some("卓某某理事長")),
            ("王某某老師：主席、各位委員。", Some("王某某老師")),
            ("主席：請發言。", Some("主席")),
            ("我想問局長：現時開支多少？", None),
            ("說明：以下三點。", None),
            ("出席議員：", None),
        ] {
            assert_eq!(turn(line).map(|t| t.speaker), speaker, "{line}");
        }
    }

    #[test]
    fn the_chair_never_starts_a_speech() {
        let ev = evidence("甲議員：主席，我講完了。謝謝。\n主席：謝謝。下一位。\n");
        assert!(ev[1].1.contains(&StartEvidence::ChairTurn));
        // Not even after a closing formula.
        assert_eq!(
            speeches("甲議員：主席，我講完了。謝謝。\n主席：謝謝。下一位。\n"),
            vec![0..2]
        );
    }

    #[test]
    fn the_same_speaker_resuming_after_the_chair_continues() {
        let text = "乙局長：主席，我回答。內容。\n甲議員：局長沒有回答我的補充質詢。\n主席：哪部分未獲答覆？\n甲議員：他如何處置？\n乙局長：主席，我們會處理。內容。\n";
        let ev = evidence(text);
        assert!(ev[3].1.contains(&StartEvidence::SameSpeakerResumes));
        assert_eq!(speeches(text), vec![0..1, 1..4, 4..5]);
    }

    #[test]
    fn interjections_in_a_broken_off_turn_start_nothing() {
        let text = "行政長官：主席，我們會推展教育。我們會推展 ......\n主席：行政長官，請稍等。甲議員，你有甚麼問題？\n甲議員：主席，我身旁有雜音。\n乙議員：你聽到嗎？我聽不到。\n主席：請你遵守規則。行政長官，請繼續。\n行政長官：我們會推展教育。內容。\n";
        let ev = evidence(text);
        assert!(ev[2].1.contains(&StartEvidence::Interjection));
        assert!(ev[3].1.contains(&StartEvidence::Interjection));
        assert!(ev[5].1.contains(&StartEvidence::ResumesAfterBreak));
        assert_eq!(speeches(text), vec![0..6]);
        // Without the chair keeping the floor, the next member's turn is a speech of its own.
        let text = "甲議員：主席，我想問 ......\n主席：時間到了。\n乙局長：主席，我回答。內容。\n主席：甲議員。\n甲議員：主席，我再問。內容。\n";
        assert_eq!(speeches(text), vec![0..2, 2..4, 4..5]);
    }

    #[test]
    fn a_member_rising_out_of_turn_starts_nothing() {
        let text = "甲議員：主席，我謹此陳辭。內容。\n(乙議員站起來 )\n主席：乙議員，你有甚麼問題？\n乙議員：我只是補充申報。\n丙議員：主席，我也要發言。內容。\n";
        let ev = evidence(text);
        assert!(ev[2].1.contains(&StartEvidence::OutOfTurn));
        assert_eq!(speeches(text), vec![0..4, 4..5]);
    }

    #[test]
    fn a_turn_moving_the_printed_wording_is_not_a_speech() {
        let text = "甲議員：主席，我支持。我也反對。\n乙議員：主席，我動議修正議案。\n乙議員動議的修正案如下：\n“刪除某字。”\n丙議員：主席，我支持。我也反對。\n";
        let ev = evidence(text);
        assert!(ev[1].1.contains(&StartEvidence::MovesWording));
        assert!(
            evidence("甲議員： ......我希望。\n")[0]
                .1
                .contains(&StartEvidence::TimerTail)
        );
        assert_eq!(speeches(text), vec![0..4, 4..5]);
    }

    #[test]
    fn procedural_turns_before_the_chair_or_the_printed_wording_are_not_speeches() {
        let text = "會議過程正式紀錄\n出席議員：\n張三議員\n缺席議員：\n李四議員\n張三議員：主席，我想談三點。第一是教育。\n李四議員：我正在看。\n主席：請你讀出來。\n\
                    李四議員：主席，我動議修正議案。多謝主席。\n李四議員就議案動議的\n修正案如下：\n\
                    王五議員：主席，我支持。我也反對。\n";
        // The record's cover and attendance lists are front matter of the first turn's speech.
        assert_eq!(speeches(text), vec![0..11, 11..12]);
    }

    #[test]
    fn officials_of_every_rank_open_turns() {
        let text = "保安局局長：主席，我先回應。政府會跟進。
警務處處長：主席，警方已加強巡邏。今年罪案下降。
                    公務員事務局常任秘書長：主席，我補充兩點。第一是人手。
行政長官：主席，多謝議員提問。我會考慮。
";
        assert_eq!(speeches(text), vec![0..1, 1..2, 2..3, 3..4]);
    }
}
