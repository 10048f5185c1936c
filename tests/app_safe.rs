//! The app's transitions that keep a member's work and memory safe: bounded caches
//! while resizing, keys ignored while the screen is hidden.

mod draw;

use dangxue::app::msg::Msg;
use dangxue::app::update::update;
use dangxue::app::{App, MAX_CACHED_LAYOUTS, Screen};
use dangxue::core::config::Lang;
use dangxue::store::content::load_builtin;
use draw::member_app;
use jiff::Timestamp;

const UNIT: &str = "a000-ulanhot-red-property";

fn t0() -> Timestamp {
    "2026-11-10T12:00:00Z".parse().expect("timestamp")
}

fn app() -> App {
    let mut a = member_app(Lang::Zh, load_builtin(), t0());
    update(&mut a, Msg::Resize(80, 24), t0());
    a
}

#[test]
fn resizing_through_many_widths_keeps_a_bounded_layout_cache() {
    let mut a = app();
    dangxue::app::update::open_unit(&mut a, UNIT, None);
    assert_eq!(a.screen, Screen::Reader);
    for w in 40..140u16 {
        update(&mut a, Msg::Resize(w, 30), t0());
        assert!(
            a.layouts.len() <= MAX_CACHED_LAYOUTS,
            "{} layouts at width {w}",
            a.layouts.len()
        );
    }
    // The open unit is still laid out for the current width.
    let r = a.reader.as_ref().expect("reader");
    assert!(!r.layout.lines.is_empty());
    assert!(
        a.layouts
            .contains_key(&(UNIT.to_string(), a.reader_width()))
    );
}
