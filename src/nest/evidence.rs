//! The evidence a careful reader weighs when placing a heading, and its weight: one table.
//!
//! Every possible place for a heading (a [`Move`](super::Move)) collects the evidence that holds
//! for it; its score is the sum of their weights, and the search keeps the best-scoring path.
//! Weights are relative: read each against its neighbours in [`Evidence::weight`]. Positive
//! weights support a place, negative ones oppose it.
//!
//! Item evidence (the `Not…` kinds) decides whether a marker line is a heading at all: a line is
//! dropped when the weights of what holds for it sum above zero.

use serde::Serialize;
use std::fmt;

/// One kind of evidence. The names are what `tigang extract --explain` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    // ---- joining a list already open on the path
    /// The number follows the list's last one (n+1, or unnumbered items such as —— or 最后).
    NumberFollows,
    /// The number skips one (n+2): a lost item, still the same list.
    NumberSkipsOne,
    /// The list of this kind restarts at one beside its old items (一是…三是, a paragraph, 一是…).
    RestartAtOne,
    /// A list of this kind is open here; the number neither follows nor restarts (一要 二要 三是 五要).
    WrongNumber,

    // ---- starting a child list under the heading just before
    /// The parent is a title line (its marker and a short title fill the line).
    ParentTitleOnly,
    /// A list of this kind restarts at one right under a title line: the title owns it.
    RestartUnderTitle,
    /// The parent's own list goes on after this new list (第二， (一)…(五) 第三，).
    ParentListResumes,
    /// The parent's paragraph ends in a colon and this list follows at once (…有以下几点：).
    ParentEndsInColon,
    /// The same pair of kinds was nested earlier in the speech.
    PairNestedBefore,
    /// The pair of kinds was nested the other way earlier (一、 above （一）): 一、 does not go
    /// under （二） now, even when a 一、 was typed for 二、.
    PairNestedTheOtherWay,

    // ---- standing beside the heading before, or climbing out
    /// A new kind of list with nothing that puts it under the heading before: it stands beside.
    NewListBeside,
    /// (3) right after (一)(二): the list's next item in a look-alike family.
    LookAlikeSlip,
    /// The heading before runs the first points of this list into its paragraph (其次，…。第一，…。
    /// then 第二，): the list goes on under it.
    RunInListContinues,
    /// No list of its own kind takes the number, but an open list of a look-alike family
    /// expects exactly it (五、 after （四）、 while 一、 二、 are open further out).
    SlipIntoOpenList,
    /// A lone 最后 after a marked list adds a last topic at the top level.
    LastTopic,
    /// A short unpunctuated title line (名词解释, 十四件大事) stands between this place and the
    /// item, which does not continue a list there: the title closed the headings open before it
    /// (but not a section whose own list goes on later: then it was a subhead inside it).
    AcrossSectionTitle,
    /// The list's lead-in announced how many points come (讲四点：), and all have come: an
    /// unnumbered or extra item is not one of them.
    ListAlreadyFull,
    /// A lead-in inside the section's body (…把握好5个方面：) opens this list: it belongs to
    /// the section, even when a list of its kind is open further out.
    LeadInInsideSection,
    /// A list starting at one under a counted point (第七点，… then 首先，… 第二，…) elaborates it.
    ParentCountedPoint,

    // ---- whether a marker line is a heading at all
    /// 首先 with no 其次 or second point after it.
    NotLoneFirstPoint,
    /// 然后 / 最后 as the speech's first marker line.
    NotLoneAdverb,
    /// 第一个 / 第一件 / 第一章 with no second.
    NotLoneCounted,
    /// A decimal number (5.12) with no other of its depth in the speech: a date or a name
    /// (5.12汶川地震), not an outline number.
    NotLoneDecimal,
    /// A lone short —— line: a title's second line, not a bullet list.
    NotDashTitleLine,
    /// Inside a notes block (after 注释 / 注： / 参考文献 or a rule line): (1)…(5) are notes.
    NotInNotesBlock,
    /// 最后，预祝… / 最后，谢谢…: a closing wish, not a point.
    NotClosingWish,
    /// 三、四十年前, 一、二百人: an approximate number, not 三、 and a title.
    NotApproximateNumber,
    /// `1. 王某某議員：…`: the agenda number of a transcript turn, not a point.
    NotSpeakerLine,
    /// (iii) 購 買 由 房 委 … or 二十七校 十四校: a row of a table flattened into text.
    NotTableRow,
    /// A line of a text wrapped at a fixed width that starts with what only looks like a marker
    /// (the 第 of 第二 at the end of the full line before; not indented as paragraphs are).
    NotWrappedLine,
}

// Every kind is in `ALL` (the last declared is its last entry) and fits the bits of `Found`.
const _: () = assert!(
    Evidence::NotWrappedLine as usize + 1 == Evidence::ALL.len() && Evidence::ALL.len() <= 64
);

impl Evidence {
    /// Every kind, in table order.
    pub const ALL: [Evidence; 30] = [
        Evidence::NumberFollows,
        Evidence::NumberSkipsOne,
        Evidence::RestartAtOne,
        Evidence::WrongNumber,
        Evidence::ParentTitleOnly,
        Evidence::RestartUnderTitle,
        Evidence::ParentListResumes,
        Evidence::ParentEndsInColon,
        Evidence::PairNestedBefore,
        Evidence::PairNestedTheOtherWay,
        Evidence::NewListBeside,
        Evidence::LookAlikeSlip,
        Evidence::RunInListContinues,
        Evidence::SlipIntoOpenList,
        Evidence::LastTopic,
        Evidence::AcrossSectionTitle,
        Evidence::ListAlreadyFull,
        Evidence::LeadInInsideSection,
        Evidence::ParentCountedPoint,
        Evidence::NotLoneFirstPoint,
        Evidence::NotLoneAdverb,
        Evidence::NotLoneCounted,
        Evidence::NotLoneDecimal,
        Evidence::NotDashTitleLine,
        Evidence::NotInNotesBlock,
        Evidence::NotClosingWish,
        Evidence::NotApproximateNumber,
        Evidence::NotSpeakerLine,
        Evidence::NotTableRow,
        Evidence::NotWrappedLine,
    ];

    /// The default weight: the table the outline rests on.
    pub const fn weight(self) -> f32 {
        match self {
            // An open list that goes on is the strongest evidence of all: a style already in use
            // returns to its level (reStructuredText's rule). It outweighs every reason to nest.
            Evidence::NumberFollows => 1000.0,
            Evidence::NumberSkipsOne => 1000.0,
            // A restart or a wrong number still keeps the item in its kind of list, ahead of any
            // new-list evidence, but below a list that really follows.
            Evidence::RestartAtOne => 500.0,
            Evidence::WrongNumber => 300.0,
            // Under a title line a restart is a new child list: beats RestartAtOne.
            Evidence::RestartUnderTitle => 600.0,
            // Reasons to open a child list. Each alone beats standing beside (NewListBeside) and
            // no list evidence.
            Evidence::ParentTitleOnly => 100.0,
            Evidence::ParentListResumes => 100.0,
            Evidence::ParentEndsInColon => 100.0,
            Evidence::PairNestedBefore => 100.0,
            // Takes RestartUnderTitle below RestartAtOne (a 一、 typed for 二、 stays at its level)
            // and outweighs one reason to nest, not two: 1. then （一）（二） then 2. still nests
            // （一） under 1. (ParentTitleOnly + ParentListResumes).
            Evidence::PairNestedTheOtherWay => -150.0,
            // With no reason to nest, a new kind of list stands beside the heading before.
            Evidence::NewListBeside => 10.0,
            // A slip beats every reason to nest: the numbers say it is the next item.
            Evidence::LookAlikeSlip => 1000.0,
            // Beats WrongNumber (the number fits the look-alike list, not its own) and any reason
            // to nest.
            Evidence::SlipIntoOpenList => 400.0,
            // Beats WrongNumber and RestartAtOne: the numbers say the list started in the
            // paragraph above.
            Evidence::RunInListContinues => 800.0,
            // Beats continuing a list that is already full (NumberFollows + ListAlreadyFull) and
            // every reason to nest.
            Evidence::LastTopic => 800.0,
            // Outweighs every reason to restart or nest (it never meets NumberFollows): 1. 2.
            // 名词解释 1. starts afresh, while B. C行政大樓 D. goes on.
            Evidence::AcrossSectionTitle => -2000.0,
            // Cancels most of NumberFollows: a full list is continued only when nothing else fits.
            Evidence::ListAlreadyFull => -500.0,
            // Beats RestartAtOne: the lead-in is in the section's own body.
            Evidence::LeadInInsideSection => 600.0,
            // One more reason to nest, like ParentTitleOnly.
            Evidence::ParentCountedPoint => 100.0,
            // Item evidence: any one of these drops the line.
            Evidence::NotLoneFirstPoint => 1.0,
            Evidence::NotLoneAdverb => 1.0,
            Evidence::NotLoneCounted => 1.0,
            Evidence::NotLoneDecimal => 1.0,
            Evidence::NotDashTitleLine => 1.0,
            Evidence::NotInNotesBlock => 1.0,
            Evidence::NotClosingWish => 1.0,
            Evidence::NotApproximateNumber => 1.0,
            Evidence::NotSpeakerLine => 1.0,
            Evidence::NotTableRow => 1.0,
            Evidence::NotWrappedLine => 1.0,
        }
    }

    /// The name `--explain` prints, e.g. `number_follows`.
    pub fn name(self) -> &'static str {
        match self {
            Evidence::NumberFollows => "number_follows",
            Evidence::NumberSkipsOne => "number_skips_one",
            Evidence::RestartAtOne => "restart_at_one",
            Evidence::WrongNumber => "wrong_number",
            Evidence::ParentTitleOnly => "parent_title_only",
            Evidence::RestartUnderTitle => "restart_under_title",
            Evidence::ParentListResumes => "parent_list_resumes",
            Evidence::ParentEndsInColon => "parent_ends_in_colon",
            Evidence::PairNestedBefore => "pair_nested_before",
            Evidence::PairNestedTheOtherWay => "pair_nested_the_other_way",
            Evidence::NewListBeside => "new_list_beside",
            Evidence::LookAlikeSlip => "look_alike_slip",
            Evidence::SlipIntoOpenList => "slip_into_open_list",
            Evidence::RunInListContinues => "run_in_list_continues",
            Evidence::LastTopic => "last_topic",
            Evidence::NotLoneFirstPoint => "not_lone_first_point",
            Evidence::NotLoneAdverb => "not_lone_adverb",
            Evidence::NotLoneCounted => "not_lone_counted",
            Evidence::NotLoneDecimal => "not_lone_decimal",
            Evidence::NotDashTitleLine => "not_dash_title_line",
            Evidence::ListAlreadyFull => "list_already_full",
            Evidence::AcrossSectionTitle => "across_section_title",
            Evidence::LeadInInsideSection => "lead_in_inside_section",
            Evidence::ParentCountedPoint => "parent_counted_point",
            Evidence::NotInNotesBlock => "not_in_notes_block",
            Evidence::NotClosingWish => "not_closing_wish",
            Evidence::NotApproximateNumber => "not_approximate_number",
            Evidence::NotSpeakerLine => "not_speaker_line",
            Evidence::NotTableRow => "not_table_row",
            Evidence::NotWrappedLine => "not_wrapped_line",
        }
    }

    /// The kind named `name` (as [`Evidence::name`] prints it).
    pub fn from_name(name: &str) -> Option<Evidence> {
        Evidence::ALL.into_iter().find(|e| e.name() == name)
    }

    /// The position in [`Evidence::ALL`] (declaration order, checked by a test).
    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A weight for every kind of evidence: the table of [`Evidence::weight`], or a variant of it for
/// fitting and for tests that switch one kind off.
///
/// ```
/// use tigang::nest::{Evidence, Weights};
/// let mut w = Weights::default();
/// assert_eq!(w.get(Evidence::NumberFollows), Evidence::NumberFollows.weight());
/// w.set(Evidence::NumberFollows, 0.0);
/// assert_eq!(w.get(Evidence::NumberFollows), 0.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights([f32; Evidence::ALL.len()]);

impl Default for Weights {
    fn default() -> Self {
        Weights(Evidence::ALL.map(Evidence::weight))
    }
}

impl Weights {
    /// The weight of `e`.
    pub fn get(&self, e: Evidence) -> f32 {
        self.0[e.index()]
    }

    /// Set the weight of `e`.
    pub fn set(&mut self, e: Evidence, w: f32) {
        self.0[e.index()] = w;
    }

    /// The summed weight of `evidence`.
    pub fn score(&self, evidence: &[Evidence]) -> f32 {
        evidence.iter().map(|&e| self.get(e)).sum()
    }
}

/// The evidence found for one move: a set of kinds. Copy and allocation-free, because every item
/// weighs a move per open frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Found {
    bits: u64,
}

impl Found {
    /// Record that `e` holds.
    pub fn add(&mut self, e: Evidence) {
        self.bits |= 1 << e.index();
    }

    /// Whether `e` holds.
    pub fn has(&self, e: Evidence) -> bool {
        self.bits & (1 << e.index()) != 0
    }

    /// The kinds that hold, in table order.
    pub fn kinds(&self) -> impl Iterator<Item = Evidence> + '_ {
        // Walk the set bits only: a move usually holds one or two kinds of thirty.
        let mut bits = self.bits;
        std::iter::from_fn(move || {
            let i = bits.trailing_zeros() as usize;
            bits &= bits.wrapping_sub(1);
            Evidence::ALL.get(i).copied()
        })
    }

    /// The summed weight.
    pub fn score(&self, w: &Weights) -> f32 {
        // Summing from +0.0: an empty sum of f32 is -0.0, which prints oddly.
        0.0_f32 + self.kinds().map(|e| w.get(e)).sum::<f32>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_is_declaration_order() {
        for (i, e) in Evidence::ALL.into_iter().enumerate() {
            assert_eq!(e.index(), i, "{e}");
            assert_eq!(Evidence::from_name(e.name()), Some(e));
        }
    }

    #[test]
    fn a_move_scores_the_sum_of_its_evidence() {
        let mut f = Found::default();
        f.add(Evidence::NewListBeside);
        f.add(Evidence::LookAlikeSlip);
        f.add(Evidence::LookAlikeSlip);
        let w = Weights::default();
        let expected = Evidence::NewListBeside.weight() + Evidence::LookAlikeSlip.weight();
        assert_eq!(f.score(&w), expected);
        assert_eq!(f.kinds().count(), 2);
    }
}
