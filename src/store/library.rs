//! The units of one run: each unit's metadata, the whole unit parsed when first
//! asked for, and the search index over every body, built once when search first
//! needs it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use super::content::{FileProblem, MAX_UNIT_BYTES, Origin, load_file, read_text, unit_problems};
use crate::core::search::UnitText;
use crate::core::search_index::{Indexed, SearchIndex};
use crate::core::unit::{self, Meta, Unit};

/// One unit of a [`Library`]: its metadata from the start, the whole unit (questions
/// and body) read and parsed the first time it is asked for.
#[derive(Debug)]
pub struct Entry {
    /// The top-level keys.
    pub meta: Meta,
    /// Where it comes from.
    pub origin: Origin,
    /// The file's text, for a built-in unit.
    text: Option<&'static str>,
    /// Boxed: most entries are never loaded, and a `Unit` is a few hundred bytes.
    unit: OnceLock<Result<Box<Unit>, Vec<FileProblem>>>,
}

impl Entry {
    /// An entry whose unit is parsed already.
    #[must_use]
    pub fn loaded(unit: Unit, origin: Origin) -> Entry {
        Entry {
            meta: unit.meta.clone(),
            origin,
            text: None,
            unit: OnceLock::from(Ok(Box::new(unit))),
        }
    }

    /// An entry parsed when first asked for: from `text` for a built-in unit, else
    /// from its file.
    #[must_use]
    pub fn lazy(meta: Meta, origin: Origin, text: Option<&'static str>) -> Entry {
        Entry {
            meta,
            origin,
            text,
            unit: OnceLock::new(),
        }
    }

    fn load(&self) -> &Result<Box<Unit>, Vec<FileProblem>> {
        self.unit.get_or_init(|| match (&self.origin, self.text) {
            (Origin::Builtin(path), Some(text)) => unit::parse(text)
                .map(Box::new)
                .map_err(|ps| unit_problems(path, ps)),
            (Origin::File(path), _) => load_file(path).map(Box::new),
            (Origin::Builtin(path), None) => Err(vec![FileProblem {
                path: (*path).to_string(),
                line: 0,
                message: crate::strings::FileIssue::BuiltinMissing.into(),
            }]),
        })
    }

    /// The whole unit, read and parsed now if it was not yet; `None` when its file
    /// no longer reads or parses (see [`Entry::problems`]).
    #[must_use]
    pub fn unit(&self) -> Option<&Unit> {
        self.load().as_deref().ok()
    }

    /// Why the whole unit could not be loaded, once it was tried.
    #[must_use]
    pub fn problems(&self) -> Option<&[FileProblem]> {
        self.unit.get()?.as_ref().err().map(Vec::as_slice)
    }
}

/// The units of one run, by id, and what could not be loaded.
///
/// A library from [`load`](super::content::load) holds every unit parsed; one from [`load_titles`](super::content::load_titles) holds
/// their metadata and parses a unit when it is first asked for, and builds the
/// search index over the bodies once, when search first needs it.
#[derive(Debug, Default)]
pub struct Library {
    units: BTreeMap<String, Entry>,
    /// Files skipped, with why.
    pub problems: Vec<FileProblem>,
    index: OnceLock<SearchIndex>,
    building: Mutex<Option<JoinHandle<SearchIndex>>>,
}

impl Library {
    /// The unit with this id, parsed now if it was not yet.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.units.get(id)?.unit()
    }

    /// The metadata of the unit with this id.
    #[must_use]
    pub fn meta(&self, id: &str) -> Option<&Meta> {
        self.units.get(id).map(|e| &e.meta)
    }

    /// The entry of the unit with this id.
    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.units.get(id)
    }

    /// Every unit's metadata, in id order.
    pub fn metas(&self) -> impl Iterator<Item = &Meta> {
        self.units.values().map(|e| &e.meta)
    }

    /// Units in id order, each parsed now if it was not yet; units whose file no
    /// longer parses are left out.
    pub fn iter(&self) -> impl Iterator<Item = &Unit> {
        self.units.values().filter_map(Entry::unit)
    }

    /// How many units.
    #[must_use]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// No unit at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Add a parsed unit, replacing one with the same id.
    pub fn insert(&mut self, unit: Unit, origin: Origin) {
        self.add(Entry::loaded(unit, origin));
    }

    /// Add an entry, replacing one with the same id.
    pub fn add(&mut self, entry: Entry) {
        self.index = OnceLock::new();
        self.building = Mutex::new(None);
        self.units.insert(entry.meta.id.clone(), entry);
    }
}

impl Library {
    /// Start building the search index on a thread of its own, unless it is built or
    /// being built: the member has begun typing a search. Bodies are read only now.
    pub fn prepare_search(&self) {
        if self.index.get().is_some() {
            return;
        }
        let Ok(mut building) = self.building.lock() else {
            return;
        };
        if building.is_none() {
            let sources = self.sources();
            *building = std::thread::Builder::new()
                .name("search-index".into())
                .spawn(move || build_index(&sources))
                .ok();
        }
    }

    /// The search index over every unit's texts: the one being built (waited for),
    /// else built now.
    pub fn search_index(&self) -> &SearchIndex {
        self.index.get_or_init(|| {
            let pending = self.building.lock().ok().and_then(|mut b| b.take());
            pending
                .and_then(|h| h.join().ok())
                .unwrap_or_else(|| build_index(&self.sources()))
        })
    }

    /// What the index is built from, owned so a thread can build it.
    fn sources(&self) -> Vec<(Meta, Source)> {
        self.units
            .values()
            .map(|e| {
                let source = match (e.unit.get(), &e.origin, e.text) {
                    (Some(Ok(u)), _, _) => Source::Body(u.body.clone()),
                    (_, Origin::Builtin(_), Some(text)) => Source::File(text),
                    (_, Origin::File(path), _) => Source::Path(path.clone()),
                    (_, Origin::Builtin(_), None) => Source::Body(String::new()),
                };
                (e.meta.clone(), source)
            })
            .collect()
    }
}

/// Where a unit's body comes from, for the index.
enum Source {
    /// The body itself.
    Body(String),
    /// A built-in unit's file text.
    File(&'static str),
    /// A unit file, read now.
    Path(PathBuf),
}

fn index_one(meta: &Meta, source: &Source) -> Indexed {
    let read;
    let body = match source {
        Source::Body(b) => b.as_str(),
        Source::File(text) => unit::body_text(text).unwrap_or(""),
        Source::Path(p) => {
            // A file that no longer reads has no body to find words in.
            read = read_text(p, MAX_UNIT_BYTES, crate::strings::Reading::Unit).unwrap_or_default();
            unit::body_text(&read).unwrap_or("")
        }
    };
    Indexed::new(&UnitText {
        title: &meta.title,
        column: meta.column.as_deref(),
        authors: &meta.authors,
        tags: &meta.tags,
        body,
    })
}

/// Index every unit, the files read on the available cores.
fn build_index(sources: &[(Meta, Source)]) -> SearchIndex {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    let chunk = sources.len().div_ceil(workers).max(64);
    let parts: Vec<Vec<Indexed>> = std::thread::scope(|s| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|(m, src)| index_one(m, src)).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut index = SearchIndex::with_capacity(sources.len());
    for ((meta, _), entry) in sources.iter().zip(parts.into_iter().flatten()) {
        index.insert(meta.id.clone(), entry);
    }
    index
}

impl crate::core::unit::Catalog for Library {
    fn unit(&self, id: &str) -> Option<&Unit> {
        self.get(id)
    }
    fn ids(&self) -> Vec<&str> {
        self.units.keys().map(String::as_str).collect()
    }
}
