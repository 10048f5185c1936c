//! The profile picker's own small loop, before the main screens.

use crossterm::event::{self, Event, KeyEventKind};

use crate::app::msg::Msg;
use crate::ui::theme::Theme;

use super::terminal::setup;

/// Before the main screens: the profile picker when the account holds several
/// members, or the new-profile form on first run. Renames made in the picker are left
/// in `picker.renames` for the caller to save.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn choose_profile(
    s: &'static crate::strings::Strings,
    picker: &mut crate::app::picker::Picker,
    theme: &Theme,
) -> anyhow::Result<crate::app::picker::Outcome> {
    let (mut terminal, _guard) = setup()?;
    loop {
        let size = terminal.size()?;
        picker.page = crate::ui::picker::list_rows(size.height);
        terminal.draw(|f| crate::ui::picker::draw(f, picker, s, theme))?;
        let msg = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                crate::app::keymap::lookup(picker.key_mode(), k)
            }
            Event::Paste(text) => Some(Msg::Paste(text)),
            _ => None,
        };
        if let Some(msg) = msg
            && let Some(outcome) = picker.update(msg)
        {
            return Ok(outcome);
        }
    }
}
