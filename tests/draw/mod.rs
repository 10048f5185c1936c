//! Draw the app into ratatui's `TestBackend` for the screen tests: the buffer, and
//! the screen as text a row a line (a wide character once, not with its blank half).

#![allow(dead_code)]

use dangxue::app::App;
use dangxue::core::config::ThemeName;
use dangxue::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The cells of one frame at `w`x`h`, in the mono theme (what `NO_COLOR` shows).
pub fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let theme = Theme::new(ThemeName::Mono, true);
    t.draw(|f| dangxue::ui::draw(f, app, &theme)).expect("draw");
    t.backend().buffer().clone()
}

/// The text of a buffer, one line per row.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// One frame at `w`x`h` as text.
pub fn render(app: &App, w: u16, h: u16) -> String {
    text(&buffer(app, w, h))
}
