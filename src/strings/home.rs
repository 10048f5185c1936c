//! The words of 本月 as the start of a day's study: going on with a unit, the cycle's
//! units, the days left and the plan's words, in both languages.

use jiff::civil::Date;

use super::Strings;
use crate::core::config::Lang;
use crate::core::reading::ReadState;

/// 本月's labels.
#[derive(Debug)]
pub struct Home {
    /// Heading of the unit read last.
    pub continue_title: &'static str,
    /// Heading of the next unit to read, when the last one is finished.
    pub next_title: &'static str,
    /// The place of a unit not yet begun.
    pub at_start: &'static str,
    /// Shown when no unit was read and there is no plan to offer the next one.
    pub nothing_read: &'static str,
    /// Without a plan, when the unit read last is finished.
    pub pick_next: &'static str,
    /// Shown when every planned unit counts.
    pub all_read: &'static str,
    /// Heading of the cycle's units.
    pub units_title: &'static str,
    /// Without a plan, before the first unit is opened.
    pub no_units_yet: &'static str,
    /// Label of the plan's due date.
    pub due: &'static str,
    /// Label of the secretary's note.
    pub note: &'static str,
    /// Label of the cycle's span and days left.
    pub cycle: &'static str,
}

/// 中文.
pub static ZH: Home = Home {
    continue_title: "继续阅读",
    next_title: "下一篇",
    at_start: "从头开始",
    nothing_read: "还没有读过学习单元：按 2 打开学习库，选一篇开始读。",
    pick_next: "上次读的单元已读完 ✓ 按 2 在学习库中选下一篇。",
    all_read: "本期安排的学习单元都已读完 ✓",
    units_title: "本期学习单元",
    no_units_yet: "没有学习安排：学习库中任意单元读完都计入月读。",
    due: "截止",
    note: "支部通知",
    cycle: "本期",
};

/// English.
pub static EN: Home = Home {
    continue_title: "Continue reading",
    next_title: "Next unit",
    at_start: "from the start",
    nothing_read: "Nothing read yet: press 2 for the library and pick a unit.",
    pick_next: "The unit read last is finished ✓ Press 2 to pick the next in the library.",
    all_read: "Every unit of the plan is read ✓",
    units_title: "This cycle's units",
    no_units_yet: "No plan: any unit of the library read to the end counts.",
    due: "due",
    note: "Note",
    cycle: "Cycle",
};

impl Strings {
    /// How far a unit was read: "已读 42%" / "42% read".
    #[must_use]
    pub fn read_share(&self, percent: u8) -> String {
        match self.lang {
            Lang::En => format!("{percent}% read"),
            Lang::Zh => format!("已读 {percent}%"),
        }
    }

    /// Where the reader reopens: "上次读到「…」" / "last at “…”".
    #[must_use]
    pub fn last_at(&self, passage: &str) -> String {
        match self.lang {
            Lang::En => format!("last at “{passage}”"),
            Lang::Zh => format!("上次读到「{passage}」"),
        }
    }

    /// What a unit still needs to count for 月读, from its state and the reading time
    /// still missing in the cycle.
    #[must_use]
    pub fn still_needs(&self, state: ReadState, seconds_left: u64) -> String {
        let en = self.lang == Lang::En;
        let time = self.duration(seconds_left);
        match state {
            ReadState::Unread | ReadState::Reading { .. } => match (en, seconds_left) {
                (true, 0) => "needs: read to the end".to_string(),
                (true, _) => format!("needs: read to the end, {time} more"),
                (false, 0) => "还需：读到末尾".to_string(),
                (false, _) => format!("还需：读到末尾，再读 {time}"),
            },
            ReadState::NeedsTime { seconds_left } if en => format!(
                "read to the end; needs {} more",
                self.duration(seconds_left)
            ),
            ReadState::NeedsTime { seconds_left } => {
                format!("已读到末尾，还需再读 {}", self.duration(seconds_left))
            }
            ReadState::OutsidePlan if en => "not in this cycle's plan: does not count".to_string(),
            ReadState::OutsidePlan => "不在本期安排中，不计入月读".to_string(),
            ReadState::Counted => self.read_state(state),
        }
    }

    /// Days left in the cycle, today included.
    #[must_use]
    pub fn days_left(&self, first: Date, last: Date, left: i64) -> String {
        let span = format!(
            "{:02}-{:02}—{:02}-{:02}",
            first.month(),
            first.day(),
            last.month(),
            last.day()
        );
        match (self.lang, left) {
            (Lang::En, 1) => format!("{span} · last day of the cycle"),
            (Lang::En, _) => format!("{span} · {left} days left (today included)"),
            (Lang::Zh, 1) => format!("{span} · 本期最后一天"),
            (Lang::Zh, _) => format!("{span} · 还剩 {left} 天（含今天）"),
        }
    }

    /// The plan's due date and how far it is: "截止 2026-11-28（还有 8 天）".
    #[must_use]
    pub fn due_in(&self, due: Date, days: i64) -> String {
        let label = self.home.due;
        match (self.lang, days) {
            (Lang::En, 0) => format!("{label} {due} (today)"),
            (Lang::En, 1) => format!("{label} {due} (tomorrow)"),
            (Lang::En, d) if d < 0 => format!("{label} {due} ({} days ago)", -d),
            (Lang::En, d) => format!("{label} {due} (in {d} days)"),
            (Lang::Zh, 0) => format!("{label} {due}（今天）"),
            (Lang::Zh, 1) => format!("{label} {due}（明天）"),
            (Lang::Zh, d) if d < 0 => format!("{label} {due}（已过 {} 天）", -d),
            (Lang::Zh, d) => format!("{label} {due}（还有 {d} 天）"),
        }
    }

    /// A label and its value: "宣讲主题：…" / "Theme: …".
    #[must_use]
    pub fn labelled(&self, label: &str, value: &str) -> String {
        match self.lang {
            Lang::En => format!("{label}: {value}"),
            Lang::Zh => format!("{label}：{value}"),
        }
    }

    /// A passage quoted: 「…」 / “…”.
    #[must_use]
    pub fn quoted(&self, passage: &str) -> String {
        match self.lang {
            Lang::En => format!("“{passage}”"),
            Lang::Zh => format!("「{passage}」"),
        }
    }

    /// The last row of a list cut short: "…还有 3 篇" / "… 3 more".
    #[must_use]
    pub fn more_units(&self, n: usize) -> String {
        match self.lang {
            Lang::En => format!("… {n} more"),
            Lang::Zh => format!("……还有 {n} 篇"),
        }
    }

    /// How many of the cycle's units count, against the rule: "已计入 1/4 篇".
    #[must_use]
    pub fn counted_of(&self, counted: usize, needed: u32) -> String {
        match self.lang {
            Lang::En => format!("{counted}/{needed} counted"),
            Lang::Zh => format!("已计入 {counted}/{needed} 篇"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn due_dates_say_how_far_they_are() {
        let zh = super::super::get(Lang::Zh);
        let d = day("2026-11-28");
        assert_eq!(zh.due_in(d, 8), "截止 2026-11-28（还有 8 天）");
        assert_eq!(zh.due_in(d, 0), "截止 2026-11-28（今天）");
        assert_eq!(zh.due_in(d, -2), "截止 2026-11-28（已过 2 天）");
        let en = super::super::get(Lang::En);
        assert_eq!(en.due_in(d, 1), "due 2026-11-28 (tomorrow)");
    }

    #[test]
    fn what_a_unit_still_needs_follows_its_state() {
        let zh = super::super::get(Lang::Zh);
        assert_eq!(
            zh.still_needs(ReadState::Reading { percent: 40 }, 80),
            "还需：读到末尾，再读 1 分 20 秒"
        );
        assert_eq!(
            zh.still_needs(ReadState::Reading { percent: 40 }, 0),
            "还需：读到末尾"
        );
        assert_eq!(
            zh.still_needs(ReadState::NeedsTime { seconds_left: 30 }, 30),
            "已读到末尾，还需再读 30 秒"
        );
        assert_eq!(zh.still_needs(ReadState::Counted, 0), "已计入本月 ✓");
    }
}
