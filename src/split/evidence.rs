//! The evidence a careful reader weighs when deciding where a speech starts, and its weight: one
//! table.
//!
//! Every content line collects the evidence that holds for a speech starting on it; the
//! segmentation picks the starts whose summed weights, minus [`SPEECH_COST`] for each speech,
//! add up to the most. Some evidence depends on the start chosen before (whether a line still
//! lies in that speech's header, whether the speech before would hold any text): those kinds are
//! weighed between pairs of starts. Positive weights support a start, negative ones oppose it.

use serde::Serialize;
use std::fmt;

/// What each speech costs: a start needs evidence worth more than this. One signal of a start
/// (a title, a salutation, a new speaker) is worth 10, so it is enough alone, and one reason
/// against (-20) outweighs it.
pub const SPEECH_COST: i32 = 5;

/// One kind of evidence about a speech starting on a line. The names are what
/// `tigang extract --explain` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StartEvidence {
    // ---- for a start
    /// The file's first line: the first speech starts there, whatever comes before its title.
    FileStart,
    /// A short line that names a speech: …讲话, …发言稿, …报告, …篇三, 【篇二】, 范文四.
    SpeechTitle,
    /// The title lines right above a subtitle naming the occasion (——在…会议上的讲话).
    TitleOverSubtitle,
    /// A document's title in a collection: a title line naming a kind of document (关于…的通知,
    /// …办法（试行）, …的几点思考).
    DocumentTitle,
    /// A Markdown heading of the level a collection gives its documents: two or more headings
    /// of that level carry no numbering and no numbered heading stands at or above it.
    MarkdownTitle,
    /// The line after a document's sign-off: a date line under the last paragraph (and the
    /// issuing body's name).
    AfterSignOff,
    /// An attachment that is a document of its own: 附件1 over 关于…的实施方案.
    AnnexedDocument,
    /// A metadata block's title field (标题：…), or a bracketed label naming the next speaker
    /// (【述职人：…】), heads the piece under it.
    TitleField,
    /// A title line over its author's line (an office and a name, no colon).
    TitleOverByline,
    /// The line after a row of asterisks (* * *) that separates two pieces.
    AfterSeparator,
    /// An appendix (附录：…) is a document of its own.
    Appendix,
    /// A bracketed label over a document's title in book-title marks (【某某文件】 / 《关于…》).
    DocumentLabel,
    /// The number line of a document in a collection of dated documents (一 / 二 alone on their
    /// lines, each part closing on its own date).
    NumberedDocument,
    /// An opening salutation on a line of its own (同志们：, 尊敬的…：).
    Salutation,
    /// The line right after a closing formula (谢谢大家！, 散会。, 以上是我的发言).
    AfterClosing,
    /// The first line after a final paragraph that addresses the audience (同志们，…) and ends a
    /// sentence, unless what follows goes on with the speech.
    AfterFinalAddress,
    /// The opening paragraph of a speech at a meeting (今天我们在这里召开…, 这次会议…).
    MeetingOpening,
    /// A scraping site's blurb introducing the next text (本站为大家整理的…，供大家参考).
    SiteBlurb,
    /// A long first line of a speech found again, with one of its next lines: collections repeat
    /// their texts, and a copy may follow a list with no signal of its own.
    CopyOfOpening,
    /// A participant takes the floor in a transcript (王某某議員：…, 保安局局長：…).
    NewSpeaker,
    /// The chair's turn holds an outline of its own (a closing summary with 一、二、三、 tasks):
    /// a speech, not procedure.
    ChairHoldsOutline,

    // ---- against a start
    /// The line continues a paragraph broken mid-sentence: a speech never starts inside one.
    ContinuesLine,
    /// From this line to the next start there is no sentence and no numbered point: page
    /// furniture (【打印】【关闭】, 相关推荐：), a table of contents, a reaction line.
    NoSubstance,
    /// A line wholly in brackets ((掌声), (陳議員離席抗議)) reports the room; it starts nothing.
    StageDirection,
    /// Page furniture (【下载】【打印】【关闭】, 责任编辑：, 相关报道：): a speech starts on its
    /// title, not on the site's buttons.
    PageFurniture,
    /// The line right under an attachment's label (附件2): the label starts the document.
    UnderAnnexLabel,
    /// An attachment that is not a document of its own (附：名词解释, 附表) belongs to the speech.
    AttachedToSpeech,
    /// Notes after a speech's last words (注释, a rule line) belong to it.
    NotesOfSpeech,
    /// A salutation, a meeting's opening or a site's blurb in the header of the speech that has
    /// just started (its title, subtitle, date and speaker lines, and the lines after them).
    InsideHeader,
    /// The speech before would hold no text (a row of ——, a stray byte after 谢谢大家！).
    EmptySpeech,
    /// The chair's turn keeps order (請…發言, a ruling): procedure, not a speech.
    ChairTurn,
    /// The speaker of the turn before speaks again with only the chair in between (a follow-up
    /// through the chair's prompts).
    SameSpeakerResumes,
    /// A turn broke off (……) and the chair kept the floor for its speaker (請稍等, 請繼續): the
    /// speaker taking it back goes on with the same speech.
    ResumesAfterBreak,
    /// A turn between a broken-off turn and its speaker taking the floor back.
    Interjection,
    /// A one-sentence turn that moves a motion or an amendment, followed by its printed wording.
    MovesWording,
    /// A one-sentence turn of a member who rose out of turn (某議員站起來 just before it).
    OutOfTurn,
    /// The tail after the timer: the label followed by an ellipsis (某議員： ……我希望…).
    TimerTail,
}

impl StartEvidence {
    /// Every kind, in declaration order.
    pub const ALL: [StartEvidence; 37] = [
        StartEvidence::FileStart,
        StartEvidence::SpeechTitle,
        StartEvidence::TitleOverSubtitle,
        StartEvidence::DocumentTitle,
        StartEvidence::MarkdownTitle,
        StartEvidence::AfterSignOff,
        StartEvidence::AnnexedDocument,
        StartEvidence::TitleField,
        StartEvidence::TitleOverByline,
        StartEvidence::AfterSeparator,
        StartEvidence::Appendix,
        StartEvidence::DocumentLabel,
        StartEvidence::NumberedDocument,
        StartEvidence::Salutation,
        StartEvidence::AfterClosing,
        StartEvidence::AfterFinalAddress,
        StartEvidence::MeetingOpening,
        StartEvidence::SiteBlurb,
        StartEvidence::CopyOfOpening,
        StartEvidence::NewSpeaker,
        StartEvidence::ChairHoldsOutline,
        StartEvidence::ContinuesLine,
        StartEvidence::NoSubstance,
        StartEvidence::StageDirection,
        StartEvidence::PageFurniture,
        StartEvidence::UnderAnnexLabel,
        StartEvidence::AttachedToSpeech,
        StartEvidence::NotesOfSpeech,
        StartEvidence::InsideHeader,
        StartEvidence::EmptySpeech,
        StartEvidence::ChairTurn,
        StartEvidence::SameSpeakerResumes,
        StartEvidence::ResumesAfterBreak,
        StartEvidence::Interjection,
        StartEvidence::MovesWording,
        StartEvidence::OutOfTurn,
        StartEvidence::TimerTail,
    ];

    /// The weight: the table the segmentation rests on.
    pub const fn weight(self) -> i32 {
        use StartEvidence::*;
        match self {
            // The first speech starts at the first line: nothing outweighs it.
            FileStart => 100_000,
            // Dated documents numbered 一 / 二: the numbering outweighs a line looking broken.
            NumberedDocument => 2_000,
            // One signal of a start is enough alone.
            SpeechTitle | TitleOverSubtitle | DocumentTitle | MarkdownTitle | AfterSignOff
            | AnnexedDocument | TitleField | TitleOverByline | AfterSeparator | Appendix
            | DocumentLabel | Salutation | AfterClosing | AfterFinalAddress | MeetingOpening
            | SiteBlurb | CopyOfOpening | NewSpeaker => 10,
            // A speech never starts inside a paragraph, nor with an empty speech before it.
            ContinuesLine => -1_000,
            EmptySpeech => -10_000,
            // Outweighs every signal a notes block might carry.
            NotesOfSpeech => -100,
            // Outweighs any two signals: a start must lead to something a reader would read.
            NoSubstance | StageDirection | PageFurniture | UnderAnnexLabel | AttachedToSpeech => {
                -100
            }
            // Outweighs the salutation and any closing signal with it: a header holds a
            // salutation.
            InsideHeader => -100,
            // The chair never starts a speech, unless their turn holds an outline: that outweighs
            // the chair's procedure by one signal.
            ChairTurn => -100,
            ChairHoldsOutline => 110,
            // One reason against outweighs a new speaker.
            SameSpeakerResumes | ResumesAfterBreak | Interjection | MovesWording | OutOfTurn
            | TimerTail => -20,
        }
    }

    /// The name `--explain` prints, e.g. `after_closing`.
    pub fn name(self) -> &'static str {
        use StartEvidence::*;
        match self {
            FileStart => "file_start",
            SpeechTitle => "speech_title",
            TitleOverSubtitle => "title_over_subtitle",
            DocumentTitle => "document_title",
            MarkdownTitle => "markdown_title",
            AfterSignOff => "after_sign_off",
            AnnexedDocument => "annexed_document",
            TitleField => "title_field",
            TitleOverByline => "title_over_byline",
            AfterSeparator => "after_separator",
            Appendix => "appendix",
            DocumentLabel => "document_label",
            NumberedDocument => "numbered_document",
            Salutation => "salutation",
            AfterClosing => "after_closing",
            AfterFinalAddress => "after_final_address",
            MeetingOpening => "meeting_opening",
            SiteBlurb => "site_blurb",
            CopyOfOpening => "copy_of_opening",
            NewSpeaker => "new_speaker",
            ChairHoldsOutline => "chair_holds_outline",
            ContinuesLine => "continues_line",
            NoSubstance => "no_substance",
            StageDirection => "stage_direction",
            PageFurniture => "page_furniture",
            UnderAnnexLabel => "under_annex_label",
            AttachedToSpeech => "attached_to_speech",
            NotesOfSpeech => "notes_of_speech",
            InsideHeader => "inside_header",
            EmptySpeech => "empty_speech",
            ChairTurn => "chair_turn",
            SameSpeakerResumes => "same_speaker_resumes",
            ResumesAfterBreak => "resumes_after_break",
            Interjection => "interjection",
            MovesWording => "moves_wording",
            OutOfTurn => "out_of_turn",
            TimerTail => "timer_tail",
        }
    }

    /// Whether a speech's header may hold a line with this evidence, so that it starts nothing
    /// there: the salutation under a title, the opening paragraph after it, a blurb under it.
    pub(super) const fn held_by_header(self) -> bool {
        matches!(
            self,
            StartEvidence::Salutation | StartEvidence::MeetingOpening | StartEvidence::SiteBlurb
        )
    }
}

impl fmt::Display for StartEvidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The summed weight of `evidence`.
pub fn score(evidence: &[StartEvidence]) -> i32 {
    evidence.iter().map(|e| e.weight()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_kind_once_in_declaration_order() {
        for (k, e) in StartEvidence::ALL.iter().enumerate() {
            assert_eq!(*e as usize, k, "{e}");
        }
    }

    #[test]
    fn one_signal_starts_a_speech_and_one_reason_against_stops_it() {
        for e in StartEvidence::ALL {
            let w = e.weight();
            assert_ne!(w, 0, "{e} has no weight");
            if w > 0 {
                assert!(w > SPEECH_COST, "{e} alone does not start a speech");
            } else {
                assert!(
                    w + StartEvidence::NewSpeaker.weight() < SPEECH_COST,
                    "{e} does not outweigh a signal"
                );
            }
        }
    }
}
