//! The library's list: units in display order (the plan's first), its filters and
//! its search.

use crate::core::unit::{Kind, Meta};
use crate::store::content::{Checked, Library};

use super::App;

impl App {
    /// Is this unit assigned by the plan for the cycle?
    #[must_use]
    pub fn is_assigned(&self, id: &str) -> bool {
        self.plan
            .units
            .as_ref()
            .is_some_and(|u| u.iter().any(|x| x == id))
    }

    /// Put in the library read after the first frame ([`App::loading`]): the
    /// list, its order and its search follow it, and then, when `resume`, the
    /// session goes back to where it was left, as it would have at start.
    pub fn finish_loading(&mut self, library: Library, resume: bool) {
        self.show_library(library);
        if resume {
            super::update::resume(self);
        }
    }

    /// Put in the library the title cache recorded, to be drawn while its unit files
    /// are checked; the check's finding then completes the start (see
    /// [`App::finish_checked`]). No key is read in between.
    pub fn show_library(&mut self, library: Library) {
        self.library = library;
        self.loading = false;
        self.layouts.clear();
        self.bodies.clear();
        self.rebuild_order();
    }

    /// Complete the start with what the check of the unit files found: the library
    /// shown stands, with the problems found (the files that are never cached), or
    /// the library the files give takes its place; then, when `resume`, the session
    /// goes back to where it was left.
    pub fn finish_checked(&mut self, checked: Checked, resume: bool) {
        match checked {
            // Found only when the cache's library was shown (see `show_library`).
            Checked::Same(problems) => {
                debug_assert!(!self.loading, "the files were checked against no library");
                self.library.problems.extend(problems);
            }
            Checked::Changed(library) => self.show_library(library),
        }
        if resume {
            super::update::resume(self);
        }
    }

    pub(super) fn rebuild_order(&mut self) {
        let rank = |u: &Meta| match u.kind {
            Kind::Article => 1,
            Kind::Constitution => 2,
            Kind::Brief => 3,
        };
        let mut ids: Vec<(u8, u8, String)> = self
            .library
            .metas()
            .map(|u| (u8::from(!self.is_assigned(&u.id)), rank(u), u.id.clone()))
            .collect();
        ids.sort();
        let mut seen = std::collections::HashMap::<&str, usize>::new();
        for u in self.library.metas() {
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
    /// authors, tags or body. A search looks in the library's index, built over every
    /// body the first time a search needs it.
    pub fn apply_search(&mut self) {
        use crate::core::search::{Query, UnitHit};
        let q = Query::parse(&self.library_view.query);
        let index = (!q.is_empty()).then(|| self.library.search_index());
        let f = self.library_view.filter;
        let mut shown = Vec::new();
        let mut hits = Vec::new();
        for (i, id) in self.library_view.order.iter().enumerate() {
            let Some(u) = self.library.meta(id) else {
                continue;
            };
            if (f.plan && !self.is_assigned(id))
                || f.kind.is_some_and(|k| k != u.kind)
                || (f.unread && self.finished_in_cycle(id))
            {
                continue;
            }
            let hit = match index {
                Some(index) => index.matches(id, &q),
                None => Some(UnitHit { body: None }),
            };
            if let Some(hit) = hit {
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

    /// Whether the unit counts as finished in the current cycle.
    #[must_use]
    pub fn finished_in_cycle(&self, id: &str) -> bool {
        self.state
            .units
            .get(id)
            .and_then(|p| p.cycles.get(&self.cycle.to_string()))
            .is_some_and(|c| c.finished.is_some())
    }
}
