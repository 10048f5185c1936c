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
    /// Make a new profile (profile picker).
    NewProfile,
    /// Change a display name: the selected profile's in the picker, one's own on 本月.
    Rename,
    /// Open 往期, the past cycles.
    History,
    /// Review every card due today in one sitting (错题本).
    ReviewAll,
}
