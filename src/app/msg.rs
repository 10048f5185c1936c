//! Everything that can happen to the app, as data.

use ratatui_textarea::Input;

use super::{Doc, Tab};

/// A message for [`super::update::update`].
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Time passed with no key; reading time is counted.
    Tick,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Move the selection or the text up one line.
    Up,
    /// Move the selection or the text down one line.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first item or line.
    Top,
    /// To the last item or line.
    Bottom,
    /// Open the selected item.
    Open,
    /// Leave the current screen (quits from a top screen).
    Back,
    /// Quit from anywhere, saving.
    Quit,
    /// Show or hide the key help.
    Help,
    /// Next top-level screen.
    NextTab,
    /// Go to a top-level screen.
    GoTab(Tab),
    /// Start typing a search.
    SearchStart,
    /// A character typed into a one-line input (search, fill answer).
    Char(char),
    /// Delete the last character of a one-line input.
    Backspace,
    /// Text pasted into a one-line input or the editor.
    Paste(String),
    /// Finish a one-line input (search: keep the filter; fill: submit).
    Enter,
    /// Choose the answer with this letter (`A`..) in a quiz or the test.
    Letter(char),
    /// Toggle the choice under the cursor (multiple choice).
    Toggle,
    /// Next question.
    NextQuestion,
    /// Previous question.
    PrevQuestion,
    /// Go to question n (0-based) of the test.
    GoQuestion(usize),
    /// Try the current practice question again.
    Retry,
    /// Practise the questions of the unit being read.
    Practice,
    /// Open the editor of a document.
    Write(Doc),
    /// Ask to start the cycle test.
    StartTest,
    /// Ask to submit the cycle test.
    SubmitTest,
    /// Answer the open confirmation: yes or no.
    Confirm(bool),
    /// A key for the multi-line editor.
    Editor(Input),
    /// Next field in the editor.
    NextField,
    /// Undo the last edit in the editor.
    Undo,
    /// Swap the editor field's text with its latest set-aside version (again: back).
    SwapSetAside,
    /// Put today's date into the editor's date field.
    Today,
    /// Open the passage a review card comes from.
    OpenPassage,
    /// Library: list only units not yet read this cycle, or all again.
    FilterUnread,
    /// Library: list one kind (article, constitution, brief), the next, or all.
    FilterKind,
    /// Library: list only the plan's units for this cycle, or all again.
    FilterPlan,
    /// Reader: start typing a find in the text.
    FindStart,
    /// Reader: go to the next match of the find.
    FindNext,
    /// Reader: go to the previous match of the find.
    FindPrev,
    /// Reader: show or hide the unit's whole metadata and note.
    Info,
    /// Reader: bookmark the passage in view, or remove its bookmark.
    Bookmark,
    /// Reader: write a note on the passage in view.
    NoteStart,
    /// Open the list of bookmarks and notes.
    Marks,
    /// Reader: open the 心得 with the passage in view quoted at its start.
    QuoteToReflection,
    /// Marks list: remove the selected mark.
    Delete,
    /// Make a new profile (profile picker).
    NewProfile,
    /// Change a display name: the selected profile's in the picker, one's own on 本月.
    Rename,
    /// Open 往期, the past cycles.
    History,
    /// Review every card due today in one sitting (错题本).
    ReviewAll,
    /// 错题本: list every card, those being learnt, or the mastered ones.
    FilterMastered,
    /// 本月: open the unit to go on with at its saved place.
    Continue,
}
