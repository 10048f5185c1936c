//! The pen: the colours and attributes the terminal draws with, changed with one
//! short SGR sequence.

use std::io::{self, Write};

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// SGR parameters of each modifier.
const MODIFIER_CODES: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// Which colour of a cell an SGR parameter sets.
#[derive(Clone, Copy)]
enum Layer {
    Fore,
    Back,
    Underline,
}

/// Append the SGR parameters that set `layer` to `color` (the same colours
/// `CrosstermBackend` sets, in their shortest form: `31` rather than `38;5;1`).
fn push_color(params: &mut Vec<String>, layer: Layer, color: Color) {
    let index = match color {
        Color::Reset => None,
        Color::Black => Some(0),
        Color::Red => Some(1),
        Color::Green => Some(2),
        Color::Yellow => Some(3),
        Color::Blue => Some(4),
        Color::Magenta => Some(5),
        Color::Cyan => Some(6),
        Color::Gray => Some(7),
        Color::DarkGray => Some(8),
        Color::LightRed => Some(9),
        Color::LightGreen => Some(10),
        Color::LightYellow => Some(11),
        Color::LightBlue => Some(12),
        Color::LightMagenta => Some(13),
        Color::LightCyan => Some(14),
        Color::White => Some(15),
        Color::Indexed(i) => Some(i),
        Color::Rgb(r, g, b) => {
            let lead = match layer {
                Layer::Fore => 38,
                Layer::Back => 48,
                Layer::Underline => 58,
            };
            params.push(format!("{lead};2;{r};{g};{b}"));
            return;
        }
    };
    let param = match (layer, index) {
        (Layer::Fore, None) => "39".to_string(),
        (Layer::Back, None) => "49".to_string(),
        (Layer::Underline, None) => "59".to_string(),
        (Layer::Fore, Some(i @ 0..=7)) => format!("{}", 30 + i),
        (Layer::Fore, Some(i @ 8..=15)) => format!("{}", 82 + i),
        (Layer::Back, Some(i @ 0..=7)) => format!("{}", 40 + i),
        (Layer::Back, Some(i @ 8..=15)) => format!("{}", 92 + i),
        (Layer::Fore, Some(i)) => format!("38;5;{i}"),
        (Layer::Back, Some(i)) => format!("48;5;{i}"),
        (Layer::Underline, Some(i)) => format!("58;5;{i}"),
    };
    params.push(param);
}

/// The pen: the attributes the terminal is drawing with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    pub(super) const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// Change the terminal's pen from `self` to the one `cell` needs, with one SGR
    /// sequence at most.
    pub(super) fn switch_to(&mut self, out: &mut impl Write, cell: &Cell) -> io::Result<()> {
        let target = Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        };
        if target == *self {
            return Ok(());
        }
        let mut params = Vec::new();
        if !(self.modifier - target.modifier).is_empty() {
            // Something to turn off: start again from a reset pen.
            params.push("0".to_string());
            *self = Pen::RESET;
        }
        for (modifier, code) in MODIFIER_CODES {
            if target.modifier.contains(modifier) && !self.modifier.contains(modifier) {
                params.push(code.to_string());
            }
        }
        if target.fg != self.fg {
            push_color(&mut params, Layer::Fore, target.fg);
        }
        if target.bg != self.bg {
            push_color(&mut params, Layer::Back, target.bg);
        }
        if target.underline != self.underline {
            push_color(&mut params, Layer::Underline, target.underline);
        }
        *self = target;
        if params.is_empty() {
            return Ok(());
        }
        write!(out, "\x1b[{}m", params.join(";"))
    }
}
