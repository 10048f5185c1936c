//! Start the TUI: resolve the member, load units, config and state, and hand over
//! to [`crate::tui::run`].

use std::path::Path;

use crate::app::App;
use crate::app::picker::{Outcome, Picker};
use crate::core::state::MemberState;
use crate::store::content;
use crate::store::paths::Paths;
use crate::store::state::{Session, StateStore};
use crate::strings::{self, NoTerminal, Strings};
use crate::tui;
use crate::ui::theme::Theme;

/// The login name, for the default display name and the first member id.
fn login_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "member".into())
}

/// Save display names changed in the picker into the members' records, except
/// `skip`'s (the member about to be opened saves its own with its first save).
fn save_renames(
    paths: &Paths,
    renames: &[(String, String)],
    skip: Option<&str>,
    lang: crate::core::config::Lang,
) -> anyhow::Result<()> {
    let failed = |e: crate::store::state::StateError| anyhow::anyhow!(e.text(lang));
    for (id, name) in renames.iter().filter(|(id, _)| Some(id.as_str()) != skip) {
        let (mut store, mut state, _, _) =
            StateStore::open_unsaved(paths, id, name).map_err(failed)?;
        name.clone_into(&mut state.name);
        store.save(&state).map_err(failed)?;
    }
    Ok(())
}

/// The reader draws on a terminal: refuse clearly, before touching anything, when
/// standard input or output is not one (a pipe, a file, cron) or `TERM` says it
/// cannot draw.
fn check_terminal(s: &Strings) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let what = if !std::io::stdin().is_terminal() {
        Some(NoTerminal::Stdin)
    } else if !std::io::stdout().is_terminal() {
        Some(NoTerminal::Stdout)
    } else if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        Some(NoTerminal::Dumb)
    } else {
        None
    };
    match what {
        Some(why) => anyhow::bail!(s.needs_terminal(why)),
        None => Ok(()),
    }
}

/// Open the TUI for `member` (or the picked / first-run member).
///
/// # Errors
/// Config, state or terminal errors, each naming the file.
pub fn run(home: Option<&Path>, member: Option<&str>) -> anyhow::Result<()> {
    let paths = Paths::resolve(home);
    // The refusal comes before anything else can fail, in the configured language
    // when the config can be read.
    let lang = paths
        .as_ref()
        .map(crate::store::config::lang_of)
        .unwrap_or_default();
    check_terminal(strings::get(lang))?;
    let paths = paths?;
    let config = crate::store::config::load_config(&paths).map_err(|e| anyhow::anyhow!("{e}"))?;
    let s = strings::get(config.lang);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(config.theme, no_color);
    // Titles on a thread of their own while the rest starts and the first frame is
    // drawn; each body when it is opened or searched.
    let loading =
        content::load_titles_in_background(&config.content_dirs, Some(&paths.title_cache()));

    // A secretary's broken plan must not keep members out: no plan, and a notice.
    let (plan, plan_notice) = crate::commands::member_plan(&config, &paths);
    let mut renames = Vec::new();
    let (id, name) = if let Some(id) = member {
        (id.to_string(), None)
    } else {
        let profiles = crate::store::state::list_members(&paths);
        if profiles.len() == 1 {
            (profiles[0].0.clone(), None)
        } else {
            let roster: Vec<(String, String)> = plan
                .as_ref()
                .map(|p| {
                    p.roster
                        .iter()
                        .map(|m| (m.id.clone(), m.name.clone()))
                        .collect()
                })
                .unwrap_or_default();
            let mut picker = Picker::new(profiles, &roster, &login_name());
            let outcome = tui::choose_profile(s, &mut picker, &theme)?;
            renames = picker.renames;
            match outcome {
                Outcome::Leave => {
                    save_renames(&paths, &renames, None, s.lang)?;
                    return Ok(());
                }
                Outcome::Open(id) => (id, None),
                Outcome::Create { id, name } => (id, Some(name)),
            }
        }
    };
    save_renames(&paths, &renames, Some(&id), s.lang)?;
    let renamed = renames
        .iter()
        .find(|(r, _)| *r == id)
        .map(|(_, n)| n.clone());
    let display = name.clone().unwrap_or_else(|| id.clone());
    let (store, state, notices, unsaved) =
        crate::store::state::StateStore::open_unsaved(&paths, &id, &display)
            .map_err(|e| anyhow::anyhow!(e.text(s.lang)))?;
    let mut state: MemberState = state;
    let mut unsaved_name = false;
    if let Some(n) = name.or(renamed)
        && state.name != n
    {
        state.name = n;
        // Written with the first save, like a new member's record.
        unsaved_name = true;
    }
    let (tz, tz_warning) = crate::commands::zone_and_warning(&config)?;
    let mut app = App::new(
        s,
        content::Library::default(),
        config.rules(),
        state,
        tz,
        jiff::Timestamp::now(),
    );
    app.loading = true;
    app.set_plan_file(plan);
    // A second login of the same member must not jump to where the first one is
    // reading: only a session that ended without going back (hang-up, kill) resumes,
    // once the library is in.
    let session = crate::store::state::claim_session(&paths, &id);
    let alone = !matches!(session, Session::Other);
    let mut notes: Vec<String> = notices.iter().map(|n| notice_text(s, n)).collect();
    notes.extend(plan_notice);
    notes.extend(tz_warning);
    match &session {
        Session::Other => notes.push(s.other_session.to_string()),
        // A folder where the session file cannot be made is not another session;
        // whatever stops it stops saving too, and the first save says so.
        Session::Unknown(_) | Session::Alone(_) => {}
    }
    if !notes.is_empty() {
        app.notice = Some(notes.join(" · "));
    }
    // A new member's record is written once the first frame is out.
    app.dirty |= unsaved || unsaved_name;
    let saver = Box::new(Record { store, s });
    let drop_box = config.report_dir.clone().map(|dir| {
        tui::DropBox::new(
            dir,
            config
                .signing_key
                .as_ref()
                .map(|k| crate::store::sign::key_path(k, &paths.home)),
        )
    });
    let mut start = Start {
        loading: Some(loading),
        resume: alone,
        s,
        problems: Vec::new(),
        cache_write: None,
    };
    let result = tui::run(app, saver, theme, drop_box, Some(&mut start));
    // Not cut short by the end of the process: a cache half written is never read,
    // but its temporary file would stay until the next write.
    if let Some(writing) = start.cache_write.take() {
        writing.finish();
    }
    drop(session);
    // The skipped files are told on stderr once the terminal is given back, where
    // the member sees them (the screen meanwhile shows how many and what to run).
    crate::commands::warn_skipped(&start.problems, config.lang);
    result
}

/// The rest of a start once the first frame is out: the library the title cache
/// recorded, drawn at once; then what the check of every unit file found.
struct Start {
    /// Taken by each step, and put back by one that is not the last.
    loading: Option<content::Loading>,
    /// Whether the session goes back to where it was left (see `claim_session`).
    resume: bool,
    s: &'static Strings,
    /// The unit files skipped, to tell on stderr at the end.
    problems: Vec<content::FileProblem>,
    /// The title cache's write, waited for at the end.
    cache_write: Option<content::CacheWrite>,
}

impl tui::Finish for Start {
    fn step(&mut self, app: &mut App) -> bool {
        let Some(mut loading) = self.loading.take() else {
            return true;
        };
        if let Some(library) = loading.shown() {
            app.show_library(library);
            // A session going back to where it was left goes there from the loading
            // screen, without the list drawn in between; the check's finding is
            // about this library either way.
            if !(self.resume && app.state.resume.is_some()) {
                self.loading = Some(loading);
                return false;
            }
        }
        let (checked, writing) = loading.wait();
        self.cache_write = Some(writing);
        app.finish_checked(checked, self.resume);
        self.problems.clone_from(&app.library.problems);
        let skipped = self.problems.len();
        if skipped > 0 {
            let note = self.s.units_skipped(skipped);
            app.notice = Some(match app.notice.take() {
                Some(n) => format!("{n} · {note}"),
                None => note,
            });
        }
        true
    }
}

/// A state notice in the member's language.
fn notice_text(s: &strings::Strings, n: &crate::store::state::Notice) -> String {
    n.text(s.lang)
}

/// A merge conflict in the member's language: which text, and that the other version
/// is kept in the state file.
fn conflict_text(s: &strings::Strings, c: &crate::core::merge::Conflict) -> String {
    let cycle = c.cycle.as_deref().unwrap_or("");
    let kept = s.kept_aside.of(c.kept);
    format!("{}: {cycle} {} {kept}", s.conflict, c.field)
}

/// Longest a save in the running program waits for another session's save: the
/// screen does not answer keys meanwhile. A save that gives up is tried again a
/// second later; the save on the way out waits the store's full [`LOCK_WAIT`].
///
/// [`LOCK_WAIT`]: crate::store::state::LOCK_WAIT
const INTERACTIVE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// The member's record as the terminal loop saves it.
struct Record {
    store: StateStore,
    s: &'static strings::Strings,
}

impl tui::Saver for Record {
    fn save(
        &mut self,
        state: &MemberState,
        patient: bool,
    ) -> Result<(MemberState, Vec<String>), String> {
        self.store.set_lock_wait(if patient {
            crate::store::state::LOCK_WAIT
        } else {
            INTERACTIVE_LOCK_WAIT
        });
        let s = self.s;
        self.store
            .save(state)
            .map(|o| {
                let mut notes: Vec<String> = o.notices.iter().map(|n| notice_text(s, n)).collect();
                notes.extend(o.conflicts.iter().map(|c| conflict_text(s, c)));
                (o.state, notes)
            })
            .map_err(|e| e.text(s.lang))
    }

    fn emergency_copy(&mut self, state: &MemberState) -> Result<std::path::PathBuf, String> {
        self.store.emergency_copy(state)
    }

    fn changed_on_disk(&self) -> bool {
        self.store.changed_on_disk()
    }
}
