//! Reading a unit: the reader's geometry, the cached escaped bodies and layouts, and
//! when reading time next changes with no key pressed.

use std::rc::Rc;

use jiff::Timestamp;

use crate::core::layout::{self, Layout};
use crate::core::shown::Shown;

use super::{App, Screen};

/// Most (unit, width) layouts kept; more are dropped all at once (each is rebuilt on
/// demand from the body).
pub const MAX_CACHED_LAYOUTS: usize = 8;
/// Most escaped unit bodies kept.
pub const MAX_CACHED_BODIES: usize = 16;

/// Rows above the reader body: title and metadata, rule.
pub const READER_HEADER: u16 = 2;
/// Rows below the reader body: the footer.
pub const READER_FOOTER: u16 = 1;
/// Widest the reader's text column gets, for comfortable Chinese lines.
pub const READER_MAX_WIDTH: u16 = 100;

impl App {
    /// Width of the reader's text column for the current terminal: every column, as a
    /// pager gives, up to [`READER_MAX_WIDTH`], where the text is centred. No margin is
    /// kept for marks (they are drawn in the text, see `ui::reader`): on an 80-column
    /// terminal four columns of margin cost a line in ten.
    #[must_use]
    pub fn reader_width(&self) -> u16 {
        self.size.0.clamp(1, READER_MAX_WIDTH)
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

    /// A unit's body as drawn (escaped, tabs as spaces), computed once. Places in it
    /// are stored as body offsets: see [`crate::core::shown`].
    pub fn body_of(&mut self, id: &str) -> Rc<Shown> {
        if let Some(b) = self.bodies.get(id) {
            return Rc::clone(b);
        }
        let body = self
            .library
            .get(id)
            .map_or_else(Shown::default, |u| Shown::of(&u.body));
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
        let l = Rc::new(layout::layout(&body.text, width));
        // Bounded: resizing through many widths must not keep a layout per width (a
        // 1 MB unit's layout is megabytes). The views hold their own `Rc`s.
        if self.layouts.len() >= MAX_CACHED_LAYOUTS {
            self.layouts.clear();
        }
        self.layouts.insert(key, Rc::clone(&l));
        l
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
            .and_then(|p| p.cycles.get(&self.cycle.to_string()));
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
}
