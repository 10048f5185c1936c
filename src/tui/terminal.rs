//! Setting up the terminal, and putting it back on every way out.

use std::io::{self, BufWriter, Stdout, Write};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use crate::ui::backend::LeanBackend;
use crate::ui::scroll;

/// Put the terminal back: leave raw mode and the alternate screen, show the cursor.
/// Safe to call more than once and when the terminal is gone.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = out.write_all(scroll::RESET_REGION);
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// Restores the terminal when dropped, so an early `?` return cannot leave raw mode on.
pub(super) struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

pub(super) fn setup() -> io::Result<(Terminal<LeanBackend<BufWriter<Stdout>>>, Guard)> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        hook(info);
    }));
    enable_raw_mode()?;
    let guard = Guard;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    let terminal = Terminal::new(LeanBackend::new(BufWriter::with_capacity(1 << 16, out)))?;
    Ok((terminal, guard))
}
