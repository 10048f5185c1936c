//! The profile picker shown before the main screens when an account holds several
//! members, and the new-profile form (also the first-run prompt). Pure state and
//! transitions: the terminal loop in `tui` feeds it [`Msg`]s and carries out the
//! [`Outcome`].

use super::keymap::Mode;
use super::msg::Msg;
use crate::core::search::Query;
use crate::core::state::check_member_id;

/// What the member chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Open this existing profile.
    Open(String),
    /// Make a new profile with this id and display name.
    Create {
        /// The member id (the record's file name, the completion files' `member_id`).
        id: String,
        /// The display name.
        name: String,
    },
    /// Leave without opening anything.
    Leave,
}

/// Which part of the picker has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerMode {
    /// Moving through the profiles.
    List,
    /// Typing a search over names and ids.
    Search,
    /// Filling in a new profile's name and id.
    Form,
    /// Changing the selected profile's display name.
    Rename,
}

/// The new-profile form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    /// The display name typed.
    pub name: String,
    /// The member id typed.
    pub id: String,
    /// The field with the cursor: 0 name, 1 id.
    pub field: usize,
    /// The roster member whose id and name were taken, as an index into
    /// [`Picker::roster`].
    pub roster_sel: Option<usize>,
    /// Why the last Enter did not create the profile.
    pub error: Option<FormError>,
}

/// Why a new profile cannot be made as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// No display name.
    NoName,
    /// The id breaks the rules of member ids (why, from [`check_member_id`]).
    BadId(crate::core::state::IdProblem),
    /// A profile with this id exists already.
    Taken(String),
}

/// The picker's state.
#[derive(Debug, Clone)]
pub struct Picker {
    /// Existing profiles as (id, display name), sorted by id.
    pub profiles: Vec<(String, String)>,
    /// The plan's roster as (id, name): the ids offered for a new profile.
    pub roster: Vec<(String, String)>,
    /// The search typed.
    pub query: String,
    /// Which part has the keys.
    pub mode: PickerMode,
    /// Indexes into `profiles` that match the search.
    pub shown: Vec<usize>,
    /// Selected row: an index into `shown`, or `shown.len()` for "+ new profile".
    pub selected: usize,
    /// The new-profile form.
    pub form: Form,
    /// The name being typed in [`PickerMode::Rename`].
    pub rename: String,
    /// Display names changed here, as (id, new name), for the caller to save.
    pub renames: Vec<(String, String)>,
    /// The key help is shown.
    pub help: bool,
    /// Rows the list has on screen, for paging.
    pub page: usize,
    /// The login name, for the form's defaults.
    login: String,
}

/// A member id made from a login name: lowercase ASCII letters, digits and '-', never
/// starting with '-'.
///
/// ```
/// use dangxue::app::picker::id_from_login;
/// assert_eq!(id_from_login("Zhang.San"), "zhangsan");
/// assert_eq!(id_from_login("-x"), "x");
/// assert_eq!(id_from_login("张三"), "member");
/// ```
#[must_use]
pub fn id_from_login(login: &str) -> String {
    // Short enough to leave room for the `-N` a second profile of the login gets, so
    // whatever the login name, the id is one `check_member_id` accepts.
    let id: String = login
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .skip_while(|c| *c == '-')
        .take(crate::core::state::MAX_MEMBER_ID_LEN - 4)
        .collect();
    if id.is_empty() { "member".into() } else { id }
}

#[cfg(test)]
mod login_tests {
    use super::id_from_login;

    #[test]
    fn ids_made_from_login_names_are_always_valid() {
        for login in [
            "zhangsan",
            "Zhang.San",
            "--help",
            "-",
            "",
            "张三",
            &"a".repeat(300),
            &format!("-{}", "b".repeat(70)),
        ] {
            let id = id_from_login(login);
            assert!(
                crate::core::state::check_member_id(&id).is_ok(),
                "{login:?} -> {id:?}"
            );
            // Room for the `-N` a second profile of the same login gets.
            assert!(
                crate::core::state::check_member_id(&format!("{id}-99")).is_ok(),
                "{id}"
            );
        }
        assert_eq!(id_from_login("--help"), "help");
    }
}

impl Picker {
    /// A picker over `profiles` (the first-run form when there are none), offering
    /// the roster's ids that have no profile yet.
    #[must_use]
    pub fn new(
        profiles: Vec<(String, String)>,
        roster: &[(String, String)],
        login: &str,
    ) -> Picker {
        let roster = roster
            .iter()
            .filter(|(id, _)| !profiles.iter().any(|(p, _)| p == id))
            .cloned()
            .collect();
        let mut p = Picker {
            shown: (0..profiles.len()).collect(),
            profiles,
            roster,
            query: String::new(),
            mode: PickerMode::List,
            selected: 0,
            form: Form::default(),
            rename: String::new(),
            renames: Vec::new(),
            help: false,
            page: 10,
            login: login.to_string(),
        };
        if p.profiles.is_empty() {
            p.open_form();
        }
        p
    }

    /// Whether this is the first run: no profile exists, the form is all there is.
    #[must_use]
    pub fn first_run(&self) -> bool {
        self.profiles.is_empty()
    }

    /// The key table in force.
    #[must_use]
    pub fn key_mode(&self) -> Mode {
        if self.help {
            return Mode::Help;
        }
        match self.mode {
            PickerMode::List => Mode::Picker,
            PickerMode::Search => Mode::PickerSearch,
            PickerMode::Form => Mode::ProfileForm,
            PickerMode::Rename => Mode::NameInput,
        }
    }

    /// The mode whose keys `?` explains.
    #[must_use]
    pub fn help_mode(&self) -> Mode {
        match self.mode {
            PickerMode::List => Mode::Picker,
            PickerMode::Search => Mode::PickerSearch,
            PickerMode::Form => Mode::ProfileForm,
            PickerMode::Rename => Mode::NameInput,
        }
    }

    /// The profile on the selected row, if it is one.
    #[must_use]
    pub fn selected_profile(&self) -> Option<&(String, String)> {
        self.shown
            .get(self.selected)
            .and_then(|i| self.profiles.get(*i))
    }

    /// The form's default id: the login's, made unique among the profiles.
    fn default_id(&self) -> String {
        let base = id_from_login(&self.login);
        let mut id = base.clone();
        let mut n = 2;
        while self.profiles.iter().any(|(p, _)| *p == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn open_form(&mut self) {
        self.mode = PickerMode::Form;
        let login_id = id_from_login(&self.login);
        // A roster member with the login's id is most likely the one at the keyboard.
        let mine = self.roster.iter().position(|(id, _)| *id == login_id);
        self.form = match mine {
            Some(i) => Form {
                name: self.roster[i].1.clone(),
                id: self.roster[i].0.clone(),
                roster_sel: Some(i),
                ..Form::default()
            },
            None => Form {
                name: self.login.clone(),
                id: self.default_id(),
                ..Form::default()
            },
        };
    }

    fn refilter(&mut self) {
        let q = Query::parse(&self.query);
        self.shown = self
            .profiles
            .iter()
            .enumerate()
            .filter(|(_, (id, name))| q.matches(&format!("{name} {id}")))
            .map(|(i, _)| i)
            .collect();
        self.selected = self.selected.min(self.shown.len());
    }

    /// Apply one message; `Some` when the picker is done.
    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        if msg == Msg::Quit {
            return Some(Outcome::Leave);
        }
        if self.help {
            self.help = false;
            return None;
        }
        match self.mode {
            PickerMode::List => self.list(msg),
            PickerMode::Search => {
                self.search(msg);
                None
            }
            PickerMode::Form => self.form_key(msg),
            PickerMode::Rename => {
                self.rename_key(msg);
                None
            }
        }
    }

    fn list(&mut self, msg: Msg) -> Option<Outcome> {
        let rows = self.shown.len() + 1;
        match msg {
            Msg::Help => self.help = true,
            Msg::Open | Msg::Enter => match self.selected_profile() {
                Some((id, _)) => return Some(Outcome::Open(id.clone())),
                None => self.open_form(),
            },
            Msg::NewProfile => self.open_form(),
            Msg::Rename => {
                if let Some((_, name)) = self.selected_profile() {
                    self.rename = name.clone();
                    self.mode = PickerMode::Rename;
                }
            }
            Msg::SearchStart => self.mode = PickerMode::Search,
            Msg::Back if !self.query.is_empty() => {
                self.query.clear();
                self.refilter();
            }
            Msg::Back => return Some(Outcome::Leave),
            m => super::update::move_sel(&mut self.selected, rows, &m, self.page.max(1)),
        }
        None
    }

    fn search(&mut self, msg: Msg) {
        match msg {
            Msg::Char(c) => {
                self.query.push(c);
                self.selected = 0;
                self.refilter();
            }
            Msg::Paste(t) => {
                self.query.push_str(t.trim());
                self.selected = 0;
                self.refilter();
            }
            Msg::Backspace => {
                self.query.pop();
                self.refilter();
            }
            Msg::Enter => self.mode = PickerMode::List,
            Msg::Back => {
                self.query.clear();
                self.refilter();
                self.mode = PickerMode::List;
            }
            m @ (Msg::Up | Msg::Down) => {
                super::update::move_sel(&mut self.selected, self.shown.len() + 1, &m, 1);
            }
            _ => {}
        }
    }

    fn form_key(&mut self, msg: Msg) -> Option<Outcome> {
        let f = &mut self.form;
        match msg {
            Msg::Char(c) => {
                f.error = None;
                if f.field == 0 {
                    f.name.push(c);
                } else {
                    f.id.push(c);
                }
            }
            Msg::Paste(t) => {
                let t = t.trim();
                if f.field == 0 {
                    f.name.push_str(t);
                } else {
                    f.id.push_str(t);
                }
            }
            Msg::Backspace => {
                f.error = None;
                if f.field == 0 {
                    f.name.pop();
                } else {
                    f.id.pop();
                }
            }
            Msg::NextField => f.field = 1 - f.field.min(1),
            Msg::Up | Msg::Down if !self.roster.is_empty() => {
                let last = self.roster.len() - 1;
                let i = match (f.roster_sel, &msg) {
                    (None, Msg::Up) => last,
                    (None, _) => 0,
                    (Some(i), Msg::Up) => i.saturating_sub(1),
                    (Some(i), _) => (i + 1).min(last),
                };
                f.roster_sel = Some(i);
                f.id.clone_from(&self.roster[i].0);
                f.name.clone_from(&self.roster[i].1);
                f.error = None;
            }
            Msg::Help => self.help = true,
            Msg::Enter => {
                let name = f.name.trim().to_string();
                let id = f.id.trim().to_string();
                f.error = if name.is_empty() {
                    Some(FormError::NoName)
                } else if let Err(why) = check_member_id(&id) {
                    Some(FormError::BadId(why))
                } else if self.profiles.iter().any(|(p, _)| *p == id) {
                    Some(FormError::Taken(id.clone()))
                } else {
                    return Some(Outcome::Create { id, name });
                };
            }
            Msg::Back if self.profiles.is_empty() => return Some(Outcome::Leave),
            Msg::Back => self.mode = PickerMode::List,
            _ => {}
        }
        None
    }

    fn rename_key(&mut self, msg: Msg) {
        match msg {
            Msg::Char(c) => self.rename.push(c),
            Msg::Paste(t) => self.rename.push_str(t.trim()),
            Msg::Backspace => {
                self.rename.pop();
            }
            Msg::Enter => {
                let name = self.rename.trim().to_string();
                if name.is_empty() {
                    return;
                }
                if let Some(i) = self.shown.get(self.selected).copied()
                    && let Some(p) = self.profiles.get_mut(i)
                {
                    p.1.clone_from(&name);
                    let id = p.0.clone();
                    self.renames.retain(|(r, _)| *r != id);
                    self.renames.push((id, name));
                }
                self.mode = PickerMode::List;
            }
            Msg::Back => self.mode = PickerMode::List,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thirty() -> Vec<(String, String)> {
        (1..=30)
            .map(|i| (format!("m{i:02}"), format!("成员{i}")))
            .collect()
    }

    #[test]
    fn every_row_and_the_new_entry_are_reachable() {
        let mut p = Picker::new(thirty(), &[], "tester");
        p.update(Msg::Bottom);
        assert_eq!(p.selected, 30);
        assert_eq!(p.selected_profile(), None);
        p.update(Msg::Up);
        assert_eq!(p.selected_profile().map(|x| x.0.as_str()), Some("m30"));
        p.update(Msg::Top);
        assert_eq!(p.selected, 0);
        assert_eq!(p.update(Msg::Open), Some(Outcome::Open("m01".into())));
    }

    #[test]
    fn search_narrows_by_name_or_id() {
        let mut p = Picker::new(thirty(), &[], "tester");
        p.update(Msg::SearchStart);
        for c in "成员2".chars() {
            p.update(Msg::Char(c));
        }
        // 成员2, 成员20..成员29.
        assert_eq!(p.shown.len(), 11);
        p.update(Msg::Enter);
        p.update(Msg::Down);
        assert_eq!(p.selected_profile().map(|x| x.0.as_str()), Some("m20"));
        p.update(Msg::Back);
        assert_eq!(p.shown.len(), 30, "q clears the search first");
        assert_eq!(p.update(Msg::Back), Some(Outcome::Leave));
    }

    #[test]
    fn the_form_shows_the_id_it_will_use_and_checks_it() {
        let mut p = Picker::new(vec![("tester".into(), "T".into())], &[], "tester");
        p.update(Msg::NewProfile);
        assert_eq!(p.form.id, "tester-2", "unique, and shown before Enter");
        p.update(Msg::NextField);
        for _ in 0..8 {
            p.update(Msg::Backspace);
        }
        for c in "-bad".chars() {
            p.update(Msg::Char(c));
        }
        assert_eq!(p.update(Msg::Enter), None);
        assert!(matches!(p.form.error, Some(FormError::BadId(_))));
        for _ in 0..4 {
            p.update(Msg::Backspace);
        }
        for c in "tester".chars() {
            p.update(Msg::Char(c));
        }
        assert_eq!(p.update(Msg::Enter), None);
        assert_eq!(p.form.error, Some(FormError::Taken("tester".into())));
        p.update(Msg::Backspace);
        assert_eq!(
            p.update(Msg::Enter),
            Some(Outcome::Create {
                id: "teste".into(),
                name: "tester".into()
            })
        );
    }

    #[test]
    fn roster_ids_are_offered_and_fill_the_form() {
        let roster = vec![
            ("zhangsan".to_string(), "张三".to_string()),
            ("lisi".to_string(), "李四".to_string()),
        ];
        let mut p = Picker::new(vec![("lisi".into(), "李四".into())], &roster, "root");
        assert_eq!(p.roster.len(), 1, "lisi has a profile already");
        p.update(Msg::NewProfile);
        assert_eq!(p.form.id, "root");
        p.update(Msg::Down);
        assert_eq!(
            (p.form.id.as_str(), p.form.name.as_str()),
            ("zhangsan", "张三")
        );
        // The first run of the roster member whose login is the id starts filled in.
        let p = Picker::new(Vec::new(), &roster, "zhangsan");
        assert!(p.first_run());
        assert_eq!(p.form.name, "张三");
    }

    #[test]
    fn a_display_name_is_changed_from_the_list() {
        let mut p = Picker::new(thirty(), &[], "tester");
        p.update(Msg::Down);
        p.update(Msg::Rename);
        assert_eq!(p.rename, "成员2");
        for c in "张三".chars() {
            p.update(Msg::Char(c));
        }
        p.update(Msg::Enter);
        assert_eq!(p.profiles[1].1, "成员2张三");
        assert_eq!(
            p.renames,
            vec![("m02".to_string(), "成员2张三".to_string())]
        );
        assert_eq!(p.mode, PickerMode::List);
    }
}
