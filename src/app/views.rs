//! View state, one struct per screen: selection, scroll, what is being typed. Kept
//! apart from the domain state in [`App`](super::App), so a screen's cursor never
//! leaks into the member's record.

use std::rc::Rc;

use ratatui::layout::{Constraint, Layout as Boxes, Rect};
use ratatui_textarea::TextArea;

use crate::core::layout::Layout;
use crate::core::quiz::Selection;
use crate::core::regime::Cycle;
use crate::core::shown::Shown;
use crate::core::unit::Kind;

use super::{Doc, Screen};

/// Library view state.
#[derive(Debug, Clone, Default)]
pub struct LibraryView {
    /// Unit ids in display order.
    pub order: Vec<String>,
    /// Indexes into `order` that match the search.
    pub shown: Vec<usize>,
    /// Selected row in `shown`.
    pub selected: usize,
    /// The search text.
    pub query: String,
    /// Typing a search now.
    pub searching: bool,
    /// Per row of `shown`: where in the body the search matched, when some word was
    /// found only there (the row then shows a snippet line).
    pub hits: Vec<Option<std::ops::Range<usize>>>,
    /// Which units are listed at all.
    pub filter: LibraryFilter,
    /// Titles held by more than one unit: those rows also show the unit id.
    pub same_titles: std::collections::HashSet<String>,
}

/// The library's filters, combined with the search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LibraryFilter {
    /// Only units not yet finished in this cycle.
    pub unread: bool,
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only the plan's units for this cycle.
    pub plan: bool,
}

impl LibraryFilter {
    /// Whether no filter is on.
    #[must_use]
    pub fn is_off(&self) -> bool {
        *self == LibraryFilter::default()
    }
}

/// Reader view state.
#[derive(Debug, Clone)]
pub struct ReaderView {
    /// The unit being read.
    pub unit_id: String,
    /// The body as drawn: control characters escaped, tabs as spaces. The layout's
    /// offsets are in its text; stored places are body offsets (`Shown::to_source`).
    pub body: Rc<Shown>,
    /// The body laid out at the current width.
    pub layout: Rc<Layout>,
    /// First visible line.
    pub top: usize,
    /// A line being typed at the bottom: a find or a note.
    pub input: Option<ReaderInput>,
    /// The last find, with its matches highlighted.
    pub find: Option<Find>,
    /// The whole metadata and note shown on top.
    pub info: bool,
    /// First line of the info box shown: it scrolls when taller than the screen.
    pub info_top: usize,
    /// Opened to look up a review card's passage: scrolling here does not move the
    /// member's saved place in the unit.
    pub keep_place: bool,
}

impl ReaderView {
    /// A reader on a laid-out body, at line `top`.
    #[must_use]
    pub fn new(unit_id: &str, body: Rc<Shown>, layout: Rc<Layout>, top: usize) -> ReaderView {
        ReaderView {
            unit_id: unit_id.to_string(),
            body,
            layout,
            top,
            input: None,
            find: None,
            info: false,
            info_top: 0,
            keep_place: false,
        }
    }
}

/// What is being typed at the bottom of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderInput {
    /// Find in the text: matches follow as it is typed.
    Find {
        /// The text typed so far.
        text: String,
        /// Where the reader was when the find began, to go back on `Esc`.
        from_top: usize,
    },
    /// A note on the passage that starts here.
    Note {
        /// Where the passage starts in the drawn text (`ReaderView::body`); the mark
        /// stores the body offset.
        offset: usize,
        /// The note typed so far.
        text: String,
    },
}

/// A find in the open unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Find {
    /// What was searched for, as typed.
    pub query: String,
    /// Every match, as byte ranges of the body as drawn, in order.
    pub matches: Vec<std::ops::Range<usize>>,
    /// The match last jumped to.
    pub current: usize,
}

/// The list of bookmarks and notes.
#[derive(Debug, Clone, Default)]
pub struct MarksView {
    /// Selected row.
    pub selected: usize,
    /// Where `Back` returns to.
    pub back_to: Option<Screen>,
}

/// A question being practised.
#[derive(Debug, Clone, Default)]
pub struct QuizView {
    /// (unit id, question id) to ask, in order.
    pub items: Vec<(String, String)>,
    /// Index into `items`.
    pub index: usize,
    /// The answer being given to the current item.
    pub answer: Selection,
    /// After submitting: whether it was right.
    pub feedback: Option<bool>,
    /// Started from the review list (so Back returns there).
    pub from_review: bool,
    /// The first answer to each item in this sitting (`None`: not answered yet). Only
    /// a first answer reaches the 错题本; retries are practice.
    pub results: Vec<Option<bool>>,
    /// The sitting is over and its summary is shown.
    pub summary: bool,
    /// In a "review all due" sitting, how many cards it began with: items from this
    /// index on are cards missed in the sitting and asked once more, which do not
    /// reschedule the card again. 0 for any other sitting.
    pub first_pass: usize,
}

/// Cycle test view state (the answers themselves live in the member state).
#[derive(Debug, Clone, Default)]
pub struct TestView {
    /// The cycle the open test belongs to: the one in which it began, even after the
    /// date moves into the next cycle while it is open. `None` before a test is opened.
    pub cycle: Option<Cycle>,
    /// Current question.
    pub index: usize,
    /// Cursor row among the choices: with the record's answer to the current
    /// question, the [`Selection`] the answering keys work on.
    pub cursor: usize,
    /// First line shown of the handed-in test's review.
    pub scroll: usize,
    /// Why the open test was drawn again (questions that left the content), shown
    /// above the questions until the test is left.
    pub redrawn: Option<String>,
}

/// The name of an editor field in the set-aside list: `reflection.text`,
/// `talk.topic`, `talk.outline`, `talk.delivered`, `survey.title`, `survey.text`.
#[must_use]
pub fn editor_field(doc: Doc, index: usize) -> &'static str {
    match (doc, index) {
        (Doc::Reflection, _) => "reflection.text",
        (Doc::Talk, 0) => "talk.topic",
        (Doc::Talk, 1) => "talk.outline",
        (Doc::Talk, _) => "talk.delivered",
        (Doc::Survey, 0) => "survey.title",
        (Doc::Survey, _) => "survey.text",
    }
}

/// The field of `doc` whose characters count against a requirement (心得, 提纲,
/// 调研): the one whose box takes the room the others leave.
#[must_use]
pub fn editor_counted(doc: Doc) -> usize {
    match doc {
        Doc::Reflection => 0,
        Doc::Talk | Doc::Survey => 1,
    }
}

/// The boxes (borders included) of `doc`'s `fields` fields in `body`, the editor
/// screen less its title and footer rows: three rows each, the counted field the
/// rest. The drawing and the page keys both use it, so a page is what is shown.
#[must_use]
pub fn editor_boxes(doc: Doc, fields: usize, body: Rect) -> Vec<Rect> {
    let counted = editor_counted(doc);
    let constraints = (0..fields).map(|i| {
        if i == counted {
            Constraint::Fill(1)
        } else {
            Constraint::Length(3)
        }
    });
    Boxes::vertical(constraints).split(body).to_vec()
}

/// Editor view state.
#[derive(Debug)]
pub struct EditorView {
    /// What is being written.
    pub doc: Doc,
    /// One text area per field.
    pub fields: Vec<TextArea<'static>>,
    /// Field with the cursor.
    pub focus: usize,
    /// Where `Esc` returns to, when not the top-level screen (the reader, after
    /// quoting a passage).
    pub back_to: Option<Screen>,
    /// The cycle whose work is being written: the one the editor was opened in, kept
    /// when the date moves into the next cycle while it is open.
    pub cycle: Cycle,
    /// The fields' texts as the record held them when the editor last matched it
    /// (opened, saved, or followed the record): equal to the fields means no local
    /// edits, and then the editor follows the record on disk.
    pub saved: Vec<String>,
}

/// History view state.
#[derive(Debug, Clone, Default)]
pub struct HistoryView {
    /// Selected row of the list of past cycles.
    pub selected: usize,
    /// The cycle whose evidence is open.
    pub open: Option<Cycle>,
    /// First visible line of the open cycle's evidence.
    pub top: usize,
}

/// Review list view state.
#[derive(Debug, Clone, Default)]
pub struct ReviewView {
    /// Selected row.
    pub selected: usize,
    /// Which cards are listed.
    pub filter: ReviewFilter,
}

/// Which cards 错题本 lists (`f` goes to the next).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReviewFilter {
    /// Every card.
    #[default]
    All,
    /// The cards still being learnt.
    Learning,
    /// The mastered cards (see [`crate::core::review::Card::is_mastered`]).
    Mastered,
}

impl ReviewFilter {
    /// The next filter of the cycle all → learning → mastered → all.
    #[must_use]
    pub fn next(self) -> ReviewFilter {
        match self {
            ReviewFilter::All => ReviewFilter::Learning,
            ReviewFilter::Learning => ReviewFilter::Mastered,
            ReviewFilter::Mastered => ReviewFilter::All,
        }
    }
}
