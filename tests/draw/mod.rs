//! The screen tests' app and drawing: a member's app at a fixed time, messages sent
//! to it, and the app drawn into ratatui's `TestBackend` as its buffer, or as text a
//! row a line (a wide character once, not with its blank half).

#![allow(dead_code)]

use dangxue::app::App;
use dangxue::app::msg::Msg;
use dangxue::app::update::update;
use dangxue::core::config::{Lang, ThemeName};
use dangxue::core::regime::Rules;
use dangxue::core::state::MemberState;
use dangxue::store::content::Library;
use dangxue::ui::theme::Theme;
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The app of a new member, 张三 (`zhangsan`), in UTC at `now`, with `library`
/// and the default rules.
pub fn member_app(lang: Lang, library: Library, now: Timestamp) -> App {
    App::new(
        dangxue::strings::get(lang),
        library,
        Rules::default(),
        MemberState::new("zhangsan", "张三"),
        jiff::tz::TimeZone::UTC,
        now,
    )
}

/// Send `msgs` one after the other at the app's time: the clock stands still between
/// them, as in a frame of key presses.
pub fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        let now = app.now;
        update(app, m.clone(), now);
    }
}

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
