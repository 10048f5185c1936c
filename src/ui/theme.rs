//! Every style the UI uses, per theme. `NO_COLOR` or `theme = "mono"` gives a theme
//! with no colours at all, only bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

use crate::core::config::ThemeName;

/// The styles of one theme.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Less important text: hints, metadata.
    pub dim: Style,
    /// Titles and headings.
    pub title: Style,
    /// The selected row.
    pub selected: Style,
    /// The active tab.
    pub tab_active: Style,
    /// Done / correct.
    pub good: Style,
    /// Not done / wrong.
    pub bad: Style,
    /// Something to notice: search text, notices.
    pub accent: Style,
    /// Gauge fill.
    pub gauge: Style,
    /// Text a search or find matched.
    pub found: Style,
    /// The match of a find last jumped to.
    pub found_now: Style,
    /// Chart bars: drawn as block characters, so never reversed.
    pub bar: Style,
    /// A reader line with a bookmark or note on it.
    pub marked: Style,
}

impl Theme {
    /// The theme for a config name; `no_color` forces the mono theme.
    #[must_use]
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        if no_color || name == ThemeName::Mono {
            return Theme {
                text: Style::new(),
                dim: Style::new(),
                title: bold,
                selected: Style::new().add_modifier(Modifier::REVERSED),
                tab_active: bold.add_modifier(Modifier::UNDERLINED),
                good: bold,
                bad: Style::new().add_modifier(Modifier::UNDERLINED),
                accent: bold,
                gauge: Style::new().add_modifier(Modifier::REVERSED),
                found: bold.add_modifier(Modifier::UNDERLINED),
                found_now: bold.add_modifier(Modifier::REVERSED),
                bar: Style::new(),
                marked: Style::new().add_modifier(Modifier::UNDERLINED),
            };
        }
        let (fg_dim, red, green) = match name {
            ThemeName::Light => (Color::DarkGray, Color::Red, Color::Green),
            _ => (Color::Gray, Color::LightRed, Color::LightGreen),
        };
        Theme {
            text: Style::new(),
            dim: Style::new().fg(fg_dim),
            title: bold.fg(Color::Red),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            tab_active: bold.fg(Color::Red).add_modifier(Modifier::UNDERLINED),
            good: Style::new().fg(green),
            bad: Style::new().fg(red),
            accent: bold.fg(Color::Yellow),
            gauge: Style::new().fg(Color::Red),
            found: Style::new().fg(Color::Black).bg(Color::Yellow),
            found_now: bold.fg(Color::Black).bg(Color::LightRed),
            bar: Style::new().fg(Color::Red),
            marked: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
}
