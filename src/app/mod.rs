//! The TUI's state and its transitions, with no terminal and no files.
//!
//! Domain state (the member's [`MemberState`], the units, the rules) is kept apart
//! from view state (selection, scroll, inputs), which lives in one struct per screen.
//! [`update::update`] turns a [`msg::Msg`] into new state plus [`Effect`]s that the
//! terminal loop carries out, so every transition is testable without a disk.

pub mod keymap;
pub mod msg;
pub mod picker;
pub mod queries;
pub mod today;
/// The progress queries, by their former name.
pub use queries as progress;
pub mod update;

use std::collections::HashMap;
use std::rc::Rc;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui_textarea::TextArea;

use crate::core::layout::{self, Layout};
use crate::core::regime::{Cycle, CycleLength, Rules};
use crate::core::state::MemberState;
use crate::core::text;
use crate::core::unit::{Kind, Unit};
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
            due: plan.due_for(cycle).map(|d| d.to_string()),
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
    /// Due date as written in the plan.
    pub due: Option<String>,
}

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
    /// The body as drawn: control characters escaped.
    pub body: Rc<String>,
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
    /// Opened to look up a review card's passage: scrolling here does not move the
    /// member's saved place in the unit.
    pub keep_place: bool,
}

impl ReaderView {
    /// A reader on a laid-out body, at line `top`.
    #[must_use]
    pub fn new(unit_id: &str, body: Rc<String>, layout: Rc<Layout>, top: usize) -> ReaderView {
        ReaderView {
            unit_id: unit_id.to_string(),
            body,
            layout,
            top,
            input: None,
            find: None,
            info: false,
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
    /// A note on the passage at this body offset.
    Note {
        /// Where the passage starts.
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
    /// Cursor row among the choices.
    pub cursor: usize,
    /// Letters chosen so far.
    pub chosen: Vec<char>,
    /// Text typed for a fill question.
    pub input: String,
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
    /// date moves into the next cycle while it is open.
    pub cycle: String,
    /// Current question.
    pub index: usize,
    /// Cursor row among the choices.
    pub cursor: usize,
    /// First line shown of the handed-in test's review.
    pub scroll: usize,
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
    pub cycle: String,
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
    /// The cycle whose evidence is open, by name.
    pub open: Option<String>,
    /// First visible line of the open cycle's evidence.
    pub top: usize,
}

/// Review list view state.
#[derive(Debug, Clone, Default)]
pub struct ReviewView {
    /// Selected row.
    pub selected: usize,
}

/// The whole app.
#[derive(Debug)]
pub struct App {
    /// Interface strings.
    pub s: &'static Strings,
    /// Every loaded unit.
    pub library: Library,
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
    /// The current cycle's name.
    pub cycle: String,
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
    /// Escaped bodies by unit id.
    pub bodies: HashMap<String, Rc<String>>,
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

/// Most (unit, width) layouts kept; more are dropped all at once (each is rebuilt on
/// demand from the body).
pub const MAX_CACHED_LAYOUTS: usize = 8;
/// Most escaped unit bodies kept.
pub const MAX_CACHED_BODIES: usize = 16;

/// Rows above the reader body: title, metadata, rule.
pub const READER_HEADER: u16 = 3;
/// Rows below the reader body: the footer.
pub const READER_FOOTER: u16 = 1;
/// Widest the reader's text column gets, for comfortable Chinese lines.
pub const READER_MAX_WIDTH: u16 = 100;

/// The name of the cycle containing a local date.
#[must_use]
pub fn cycle_name(date: jiff::civil::Date, length: CycleLength) -> String {
    Cycle::containing(date, length).to_string()
}

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
        let cycle = cycle_name(today, rules.cycle.length);
        let mut app = App {
            s,
            library,
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
    pub fn test_cycle(&self) -> &str {
        if self.test.cycle.is_empty() {
            &self.cycle
        } else {
            &self.test.cycle
        }
    }

    /// The test record of [`App::test_cycle`], if the test was begun.
    #[must_use]
    pub fn test_record(&self) -> Option<&crate::core::state::TestRecord> {
        self.state
            .cycles
            .get(self.test_cycle())
            .and_then(|c| c.test.as_ref())
    }

    /// The latest set-aside version of a cycle's text (`field` as in
    /// [`crate::core::state::SetAside::field`]), if two sessions disagreed on it.
    #[must_use]
    pub fn set_aside_for(&self, cycle: &str, field: &str) -> Option<&crate::core::state::SetAside> {
        self.state
            .conflicts
            .iter()
            .rev()
            .find(|c| c.cycle.as_deref() == Some(cycle) && c.field == field)
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

    /// Is this unit assigned by the plan for the cycle?
    #[must_use]
    pub fn is_assigned(&self, id: &str) -> bool {
        self.plan
            .units
            .as_ref()
            .is_some_and(|u| u.iter().any(|x| x == id))
    }

    fn rebuild_order(&mut self) {
        let rank = |u: &Unit| match u.kind {
            Kind::Article => 1,
            Kind::Constitution => 2,
            Kind::Brief => 3,
        };
        let mut ids: Vec<(u8, u8, String)> = self
            .library
            .iter()
            .map(|u| (u8::from(!self.is_assigned(&u.id)), rank(u), u.id.clone()))
            .collect();
        ids.sort();
        let mut seen = std::collections::HashMap::<&str, usize>::new();
        for u in self.library.iter() {
            *seen.entry(u.title.as_str()).or_default() += 1;
        }
        self.library_view.same_titles = seen
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(t, _)| t.to_string())
            .collect();
        self.library_view.order = ids.into_iter().map(|(_, _, id)| id).collect();
        self.apply_search();
    }

    /// Filter the library by the filters and the search text: every word of the
    /// search (folded by [`crate::core::search`]) must occur in the title, column,
    /// authors, tags or body.
    pub fn apply_search(&mut self) {
        use crate::core::search::{Query, UnitText, match_unit};
        let q = Query::parse(&self.library_view.query);
        let f = self.library_view.filter;
        let mut shown = Vec::new();
        let mut hits = Vec::new();
        for (i, id) in self.library_view.order.iter().enumerate() {
            let Some(u) = self.library.get(id) else {
                continue;
            };
            if (f.plan && !self.is_assigned(id))
                || f.kind.is_some_and(|k| k != u.kind)
                || (f.unread && self.finished_in_cycle(id))
            {
                continue;
            }
            let text = UnitText {
                title: &u.title,
                column: u.column.as_deref(),
                authors: &u.authors,
                tags: &u.tags,
                body: &u.body,
            };
            if let Some(hit) = match_unit(&q, &text) {
                shown.push(i);
                hits.push(hit.body);
            }
        }
        self.library_view.shown = shown;
        self.library_view.hits = hits;
        if self.library_view.selected >= self.library_view.shown.len() {
            self.library_view.selected = self.library_view.shown.len().saturating_sub(1);
        }
    }

    /// The id of the selected library row.
    #[must_use]
    pub fn selected_unit(&self) -> Option<&str> {
        let v = &self.library_view;
        v.shown
            .get(v.selected)
            .and_then(|i| v.order.get(*i))
            .map(String::as_str)
    }

    /// Width of the reader's text column for the current terminal.
    #[must_use]
    pub fn reader_width(&self) -> u16 {
        self.size.0.saturating_sub(4).clamp(1, READER_MAX_WIDTH)
    }

    /// Rows of reader body on screen.
    #[must_use]
    pub fn reader_height(&self) -> usize {
        usize::from(
            self.size
                .1
                .saturating_sub(READER_HEADER + READER_FOOTER)
                .max(1),
        )
    }

    /// The escaped body of a unit, computed once.
    pub fn body_of(&mut self, id: &str) -> Rc<String> {
        if let Some(b) = self.bodies.get(id) {
            return Rc::clone(b);
        }
        let body = self
            .library
            .get(id)
            // Tabs have no width to ratatui and would vanish: show them as spaces.
            .map_or_else(String::new, |u| {
                text::escape_controls_multiline(&u.body).replace('\t', "    ")
            });
        let rc = Rc::new(body);
        if self.bodies.len() >= MAX_CACHED_BODIES {
            self.bodies.clear();
        }
        self.bodies.insert(id.to_string(), Rc::clone(&rc));
        rc
    }

    /// The layout of a unit at a width, computed once per (unit, width).
    pub fn layout_of(&mut self, id: &str, width: u16) -> Rc<Layout> {
        let key = (id.to_string(), width);
        if let Some(l) = self.layouts.get(&key) {
            return Rc::clone(l);
        }
        let body = self.body_of(id);
        let l = Rc::new(layout::layout(&body, width));
        // Bounded: resizing through many widths must not keep a layout per width (a
        // 1 MB unit's layout is megabytes). The views hold their own `Rc`s.
        if self.layouts.len() >= MAX_CACHED_LAYOUTS {
            self.layouts.clear();
        }
        self.layouts.insert(key, Rc::clone(&l));
        l
    }

    /// Whether the unit counts as finished in the current cycle.
    #[must_use]
    pub fn finished_in_cycle(&self, id: &str) -> bool {
        self.state
            .units
            .get(id)
            .and_then(|p| p.cycles.get(&self.cycle))
            .is_some_and(|c| c.finished.is_some())
    }

    /// Until when reading time keeps counting with no key pressed: `read.idle_seconds`
    /// after the last key, while a unit is open in the reader; `None` elsewhere.
    #[must_use]
    pub fn reading_until(&self) -> Option<Timestamp> {
        if self.screen != Screen::Reader || self.reader.is_none() {
            return None;
        }
        let idle = i64::try_from(self.rules.read.idle_seconds).unwrap_or(i64::MAX / 2);
        let ms = self
            .last_input
            .as_millisecond()
            .saturating_add(idle.saturating_mul(1000));
        Timestamp::from_millisecond(ms)
            .ok()
            .or(Some(Timestamp::MAX))
    }

    /// The next moment the app would change with no key pressed: the reader's minute
    /// count goes up, the open unit reaches `read.min_seconds` after its end was
    /// reached (it becomes finished), or reading time stops counting. `None` when
    /// nothing changes until the next key, which is the case on every screen but the
    /// reader. Reading time itself never depends on this: it is worked out from the
    /// key times when the next message comes; this only says when the screen and the
    /// record would show something new.
    #[must_use]
    pub fn next_change(&self) -> Option<Timestamp> {
        let until = self.reading_until()?;
        if self.last_tick >= until {
            return None;
        }
        let r = self.reader.as_ref()?;
        let cycle = self
            .state
            .units
            .get(&r.unit_id)
            .and_then(|p| p.cycles.get(&self.cycle));
        // The footer shows the cycle's seconds in whole minutes: spent rounded down,
        // still needed (`min_seconds` less spent) rounded up.
        let have = cycle.map_or(0, |c| c.seconds);
        // Seconds still to count before `target` is reached, from `last_tick`.
        let after = |target: u64, have: u64| {
            let ms = i64::try_from(target.saturating_sub(have))
                .unwrap_or(i64::MAX / 2)
                .saturating_mul(1000)
                .saturating_sub(self.pending_ms)
                .max(0);
            self.last_tick.as_millisecond().saturating_add(ms.max(1))
        };
        let min = self.rules.read.min_seconds;
        let mut next = after((have / 60 + 1) * 60, have);
        if have < min {
            // The next count at which `min - count` is a whole number of minutes.
            let step = (min - have) % 60;
            next = next.min(after(have + if step == 0 { 60 } else { step }, have));
        }
        if let Some(c) = cycle
            && c.reached_end
            && c.finished.is_none()
            && c.seconds < min
        {
            next = next.min(after(min, c.seconds));
        }
        let next = next.min(until.as_millisecond());
        Timestamp::from_millisecond(next).ok()
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
    /// date: (key `unit/question`, due now).
    #[must_use]
    pub fn review_cards(&self) -> Vec<(String, bool)> {
        let today = self.today().to_string();
        let mut cards: Vec<(bool, &str, &String)> = self
            .state
            .reviews
            .iter()
            .filter(|(k, _)| self.question_exists(k))
            .map(|(k, c)| (c.due.as_str() > today.as_str(), c.due.as_str(), k))
            .collect();
        cards.sort();
        cards
            .into_iter()
            .map(|(later, _, k)| (k.clone(), !later))
            .collect()
    }

    fn question_exists(&self, key: &str) -> bool {
        key.split_once('/')
            .and_then(|(u, q)| self.library.get(u).and_then(|u| u.question(q)))
            .is_some()
    }
}
