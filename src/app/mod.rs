//! The TUI's state and its transitions, with no terminal and no files.
//!
//! Domain state (the member's [`MemberState`], the units, the rules) is kept apart
//! from view state (selection, scroll, inputs), which lives in one struct per screen.
//! [`update::update`] turns a [`msg::Msg`] into new state plus [`Effect`]s that the
//! terminal loop carries out, so every transition is testable without a disk.

mod info;
pub mod keymap;
mod library;
pub mod msg;
pub mod picker;
pub mod queries;
mod reading;
pub mod today;
/// The progress queries, by their former name.
pub use queries as progress;
pub mod update;
mod views;

pub use info::{InfoLine, info_rows, info_width};
pub use reading::{
    MAX_CACHED_BODIES, MAX_CACHED_LAYOUTS, READER_FOOTER, READER_HEADER, READER_MAX_WIDTH,
};
pub use views::{
    EditorView, Find, HistoryView, LibraryFilter, LibraryView, MarksView, QuizView, ReaderInput,
    ReaderView, ReviewFilter, ReviewView, TestView, editor_boxes, editor_counted, editor_field,
};

use std::collections::HashMap;
use std::rc::Rc;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::core::layout::Layout;
use crate::core::regime::{Cycle, Rules};
use crate::core::shown::Shown;
use crate::core::state::MemberState;
use crate::store::content::Library;
use crate::strings::Strings;

/// Something the terminal loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the member state now.
    Save,
    /// Save and leave the program.
    Quit,
}

/// The screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// 本月: the cycle at a glance.
    Home,
    /// Every unit, searchable.
    Library,
    /// 错题本: review cards due.
    Review,
    /// Reading a unit.
    Reader,
    /// Practising a unit's questions, or one review card.
    Quiz,
    /// The cycle test.
    Test,
    /// Writing the reflection, the talk or the survey.
    Editor,
    /// Bookmarks and notes, to jump back to.
    Marks,
    /// 往期: the past cycles, and one cycle's evidence.
    History,
}

/// What a confirmation dialog is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Begin the cycle test.
    StartTest,
    /// Submit the cycle test.
    SubmitTest,
}

impl CyclePlan {
    /// The part of `plan` for `cycle`: assigned units, talk theme and due date.
    #[must_use]
    pub fn of(plan: Option<&crate::core::plan::Plan>, cycle: &Cycle) -> CyclePlan {
        let Some(plan) = plan else {
            return CyclePlan::default();
        };
        CyclePlan {
            units: plan.units_for(cycle).map(<[String]>::to_vec),
            theme: plan.talk_theme_for(cycle).map(str::to_string),
            due: plan.due_for(cycle),
        }
    }
}

/// The plan's part for the current cycle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CyclePlan {
    /// Assigned unit ids; `None` when there is no plan for the cycle.
    pub units: Option<Vec<String>>,
    /// Talk theme.
    pub theme: Option<String>,
    /// Due date.
    pub due: Option<jiff::civil::Date>,
}

pub use crate::core::state::Doc;

/// The top-level screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// 1 本月.
    Home,
    /// 2 学习库.
    Library,
    /// 3 错题本.
    Review,
}

impl Tab {
    /// The screen the tab shows.
    #[must_use]
    pub fn screen(self) -> Screen {
        match self {
            Tab::Home => Screen::Home,
            Tab::Library => Screen::Library,
            Tab::Review => Screen::Review,
        }
    }
}

/// The whole app.
#[derive(Debug)]
pub struct App {
    /// Interface strings.
    pub s: &'static Strings,
    /// Every loaded unit.
    pub library: Library,
    /// The library is still being read (just after start, see
    /// [`App::finish_loading`]): the screens that show it say so instead of showing
    /// counts of a library not yet complete.
    pub loading: bool,
    /// The regime's thresholds.
    pub rules: Rules,
    /// The plan for the current cycle.
    pub plan: CyclePlan,
    /// The whole plan file, so the cycle's part is derived again when the date moves
    /// into the next cycle.
    pub plan_file: Option<std::rc::Rc<crate::core::plan::Plan>>,
    /// The member's evidence.
    pub state: MemberState,
    /// Set when `state` changed since the last save.
    pub dirty: bool,
    /// The member's time zone.
    pub tz: TimeZone,
    /// Now, as of the last message.
    pub now: Timestamp,
    /// Time of the last key press (idle time is not counted).
    pub last_input: Timestamp,
    /// Time reading was last accounted up to.
    pub last_tick: Timestamp,
    /// Milliseconds counted but not yet a whole second.
    pub pending_ms: i64,
    /// The current cycle.
    pub cycle: Cycle,
    /// The screen shown.
    pub screen: Screen,
    /// The top-level screen to return to.
    pub home_screen: Screen,
    /// Key help shown on top.
    pub help: bool,
    /// A confirmation dialog on top.
    pub confirm: Option<Confirm>,
    /// A one-line message for the member.
    pub notice: Option<String>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Library screen.
    pub library_view: LibraryView,
    /// Reader screen, when a unit is open.
    pub reader: Option<ReaderView>,
    /// Laid-out bodies by (unit id, width), so a unit is laid out once per width.
    pub layouts: HashMap<(String, u16), Rc<Layout>>,
    /// Bodies as drawn, by unit id.
    pub bodies: HashMap<String, Rc<Shown>>,
    /// Quiz screen.
    pub quiz: QuizView,
    /// Test screen.
    pub test: TestView,
    /// Editor screen, when open.
    pub editor: Option<EditorView>,
    /// Review screen.
    pub review: ReviewView,
    /// Bookmarks and notes screen.
    pub marks: MarksView,
    /// Set once the app should end.
    pub quitting: bool,
    /// The display name being typed on 本月, while it is being changed.
    pub rename: Option<String>,
    /// History screen.
    pub history: HistoryView,
    /// Why the last save failed, while the record on disk is behind `state`. Shown on
    /// every screen until a save succeeds (not cleared by a key, as `notice` is).
    pub save_error: Option<String>,
    /// A quit was refused because of `save_error`; the next quit gives up.
    pub quit_refused: bool,
}

impl App {
    /// Every mark in list order: the library's order of units, each unit's marks in
    /// reading order.
    #[must_use]
    pub fn marks_in_order(&self) -> Vec<&crate::core::state::Mark> {
        crate::core::marks::in_order(&self.state.marks, &self.library_view.order)
    }
}

/// Smallest terminal the screens are laid out for; below it a notice is shown and
/// keys other than Ctrl-C do nothing (nothing may be typed or answered blind).
pub const MIN_SIZE: (u16, u16) = (40, 10);

impl App {
    /// A new app over loaded units and a member's state.
    #[must_use]
    pub fn new(
        s: &'static Strings,
        library: Library,
        rules: Rules,
        state: MemberState,
        tz: TimeZone,
        now: Timestamp,
    ) -> App {
        let today = now.to_zoned_datetime(tz.clone()).date();
        let cycle = Cycle::containing(today, rules.cycle.length);
        let mut app = App {
            s,
            library,
            loading: false,
            rules,
            plan: CyclePlan::default(),
            plan_file: None,
            state,
            dirty: false,
            tz,
            now,
            last_input: now,
            last_tick: now,
            pending_ms: 0,
            cycle,
            screen: Screen::Library,
            home_screen: Screen::Library,
            help: false,
            confirm: None,
            notice: None,
            size: (80, 24),
            library_view: LibraryView::default(),
            reader: None,
            layouts: HashMap::new(),
            bodies: HashMap::new(),
            quiz: QuizView::default(),
            test: TestView::default(),
            editor: None,
            review: ReviewView::default(),
            marks: MarksView::default(),
            quitting: false,
            rename: None,
            history: HistoryView::default(),
            save_error: None,
            quit_refused: false,
        };
        app.rebuild_order();
        app
    }

    /// Set the plan for the current cycle and put its units first in the library.
    pub fn set_plan(&mut self, plan: CyclePlan) {
        self.plan = plan;
        self.rebuild_order();
    }

    /// Keep the plan file and take from it the current cycle's part.
    pub fn set_plan_file(&mut self, plan: Option<crate::core::plan::Plan>) {
        self.plan_file = plan.map(std::rc::Rc::new);
        let cycle = queries::cycle(self);
        self.set_plan(CyclePlan::of(self.plan_file.as_deref(), &cycle));
    }

    /// The cycle of the test on screen: the one it was opened in, else the current one.
    #[must_use]
    pub fn test_cycle(&self) -> Cycle {
        self.test.cycle.unwrap_or(self.cycle)
    }

    /// The test record of [`App::test_cycle`], if the test was begun.
    #[must_use]
    pub fn test_record(&self) -> Option<&crate::core::state::TestRecord> {
        self.state
            .cycles
            .get(&self.test_cycle().to_string())
            .and_then(|c| c.test.as_ref())
    }

    /// The latest set-aside version of a cycle's text (`field` as in
    /// [`crate::core::state::SetAside::field`]), if two sessions disagreed on it.
    #[must_use]
    pub fn set_aside_for(
        &self,
        cycle: Cycle,
        field: &str,
    ) -> Option<&crate::core::state::SetAside> {
        let cycle = cycle.to_string();
        self.state
            .conflicts
            .iter()
            .rev()
            .find(|c| c.cycle.as_deref() == Some(cycle.as_str()) && c.field == field)
    }

    /// The terminal is smaller than [`MIN_SIZE`]: the screens are hidden.
    #[must_use]
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_SIZE.0 || self.size.1 < MIN_SIZE.1
    }

    /// The local date now.
    #[must_use]
    pub fn today(&self) -> jiff::civil::Date {
        self.now.to_zoned_datetime(self.tz.clone()).date()
    }

    /// Now as a TOML offset datetime in the member's zone, whole seconds.
    #[must_use]
    pub fn now_datetime(&self) -> Option<toml::value::Datetime> {
        crate::core::regime::toml_datetime(self.now, &self.tz)
    }

    /// Review cards due today or earlier, as `unit/question` keys, oldest first.
    #[must_use]
    pub fn due_reviews(&self) -> Vec<String> {
        self.review_cards()
            .into_iter()
            .filter_map(|(k, due)| due.then_some(k))
            .collect()
    }

    /// Every review card whose question still exists, due ones first, each by due
    /// date: (key `unit/question`, due now). See [`crate::core::review::Card::is_due`].
    #[must_use]
    pub fn review_cards(&self) -> Vec<(String, bool)> {
        let today = self.today();
        // An unreadable due day is due, and sorts first (`None` before any day).
        let mut cards: Vec<(bool, Option<jiff::civil::Date>, &String)> = self
            .state
            .reviews
            .iter()
            .filter(|(k, _)| self.question_exists(k))
            .map(|(k, c)| (!c.is_due(today), c.due_date(), k))
            .collect();
        cards.sort();
        cards
            .into_iter()
            .map(|(later, _, k)| (k.clone(), !later))
            .collect()
    }

    /// The cards 错题本 lists under its filter, in [`App::review_cards`]'s order.
    #[must_use]
    pub fn review_list(&self) -> Vec<(String, bool)> {
        let mastered = |k: &str| {
            self.state
                .reviews
                .get(k)
                .is_some_and(crate::core::review::Card::is_mastered)
        };
        let mut cards = self.review_cards();
        match self.review.filter {
            ReviewFilter::All => {}
            ReviewFilter::Learning => cards.retain(|(k, _)| !mastered(k)),
            ReviewFilter::Mastered => cards.retain(|(k, _)| mastered(k)),
        }
        cards
    }

    fn question_exists(&self, key: &str) -> bool {
        key.split_once('/')
            .and_then(|(u, q)| self.library.get(u).and_then(|u| u.question(q)))
            .is_some()
    }
}
