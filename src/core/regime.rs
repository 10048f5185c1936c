//! Cycles (month or fortnight) and the 月读 / 月讲 / 月学 rules.
//!
//! The thresholds live in [`Rules`], read from the `[cycle] [read] [talk] [study]`
//! tables of the config; defaults are the ones SPEC.md fixes.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml::value::Datetime;

/// How long one cycle is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CycleLength {
    /// A calendar month, named like `2026-11`.
    #[default]
    Month,
    /// Half a month: days 1-15 (`2026-11a`) and 16-end (`2026-11b`).
    Fortnight,
}

/// `[cycle]` in config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CycleRules {
    /// `month` or `fortnight`.
    pub length: CycleLength,
}

/// `[read]` in config: what 月读 asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadRules {
    /// Units of the cycle that must be read.
    pub units: u32,
    /// Characters the reflection needs (whitespace not counted).
    pub reflection_min_chars: u32,
    /// Seconds a member must spend in a unit for it to count as read.
    pub min_seconds: u64,
    /// Seconds without a key press after which reading time stops counting.
    pub idle_seconds: u64,
}

impl Default for ReadRules {
    fn default() -> Self {
        ReadRules {
            units: 4,
            reflection_min_chars: 300,
            min_seconds: 120,
            idle_seconds: 300,
        }
    }
}

/// `[talk]` in config: what 月讲 asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TalkRules {
    /// Characters the outline needs.
    pub outline_min_chars: u32,
}

impl Default for TalkRules {
    fn default() -> Self {
        TalkRules {
            outline_min_chars: 100,
        }
    }
}

/// `[study]` in config: what 月学 asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StudyRules {
    /// Lowest passing score of the cycle test, 0-100.
    pub pass_score: u32,
    /// Characters the survey needs.
    pub survey_min_chars: u32,
    /// Questions drawn for the cycle test.
    pub questions: u32,
}

impl Default for StudyRules {
    fn default() -> Self {
        StudyRules {
            pass_score: 80,
            survey_min_chars: 300,
            questions: 10,
        }
    }
}

/// Every threshold of the regime.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rules {
    /// Cycle length.
    pub cycle: CycleRules,
    /// 月读.
    pub read: ReadRules,
    /// 月讲.
    pub talk: TalkRules,
    /// 月学.
    pub study: StudyRules,
}

/// Which part of a month a cycle covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Span {
    /// The whole month (`2026-11`).
    Month,
    /// Days 1-15 (`2026-11a`).
    FirstHalf,
    /// Day 16 to the end of the month (`2026-11b`).
    SecondHalf,
}

/// One cycle of the regime: a calendar month (`2026-11`) or half of one
/// (`2026-11a`: days 1-15, `2026-11b`: day 16 to the end).
///
/// Cycles are calendar things: which one a moment falls in depends on the member's
/// time zone, so callers turn the moment into a local [`Date`] first.
///
/// ```
/// use dangxue::core::regime::{Cycle, CycleLength};
/// let c: Cycle = "2028-02b".parse().expect("valid name");
/// assert_eq!(c.last_day(), jiff::civil::date(2028, 2, 29));
/// assert_eq!(Cycle::containing(jiff::civil::date(2026, 11, 15), CycleLength::Fortnight).to_string(), "2026-11a");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cycle {
    year: i16,
    month: i8,
    span: Span,
}

/// A cycle name that is not `YYYY-MM`, `YYYY-MMa` or `YYYY-MMb`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cycle {0:?} is not YYYY-MM or YYYY-MMa/b")]
pub struct CycleParseError(pub String);

impl std::str::FromStr for Cycle {
    type Err = CycleParseError;

    fn from_str(s: &str) -> Result<Cycle, CycleParseError> {
        // The value is quoted in messages: a bounded part of it.
        let bad = || {
            CycleParseError(if s.chars().count() > 40 {
                s.chars().take(40).chain(['…']).collect()
            } else {
                s.to_string()
            })
        };
        let b = s.as_bytes();
        if !(b.len() == 7 || b.len() == 8) || b[4] != b'-' {
            return Err(bad());
        }
        let digits = |r: std::ops::Range<usize>| -> Option<i32> {
            let part = b.get(r)?;
            if !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            part.iter()
                .try_fold(0i32, |n, d| Some(n * 10 + i32::from(d - b'0')))
        };
        let year = digits(0..4).ok_or_else(bad)?;
        let month = digits(5..7).ok_or_else(bad)?;
        let span = match b.get(7) {
            None => Span::Month,
            Some(b'a') => Span::FirstHalf,
            Some(b'b') => Span::SecondHalf,
            Some(_) => return Err(bad()),
        };
        if year < 1 || !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Cycle {
            year: i16::try_from(year).map_err(|_| bad())?,
            month: i8::try_from(month).map_err(|_| bad())?,
            span,
        })
    }
}

impl std::fmt::Display for Cycle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        match self.span {
            Span::Month => Ok(()),
            Span::FirstHalf => write!(f, "a"),
            Span::SecondHalf => write!(f, "b"),
        }
    }
}

impl Cycle {
    /// The cycle of the given length that `date` (a local date) falls in.
    #[must_use]
    pub fn containing(date: Date, length: CycleLength) -> Cycle {
        let span = match length {
            CycleLength::Month => Span::Month,
            CycleLength::Fortnight if date.day() <= 15 => Span::FirstHalf,
            CycleLength::Fortnight => Span::SecondHalf,
        };
        Cycle {
            year: date.year(),
            month: date.month(),
            span,
        }
    }

    /// Month or fortnight.
    #[must_use]
    pub fn length(&self) -> CycleLength {
        match self.span {
            Span::Month => CycleLength::Month,
            Span::FirstHalf | Span::SecondHalf => CycleLength::Fortnight,
        }
    }

    fn first_of_month(self) -> Date {
        // Parsing and `containing` only build valid years (1-9999) and months.
        Date::new(self.year, self.month, 1).unwrap_or(Date::MIN)
    }

    /// The first day of the cycle.
    #[must_use]
    pub fn first_day(&self) -> Date {
        let first = self.first_of_month();
        match self.span {
            Span::Month | Span::FirstHalf => first,
            Span::SecondHalf => first.with().day(16).build().unwrap_or(first),
        }
    }

    /// The last day of the cycle.
    #[must_use]
    pub fn last_day(&self) -> Date {
        let first = self.first_of_month();
        match self.span {
            Span::Month | Span::SecondHalf => first.last_of_month(),
            Span::FirstHalf => first.with().day(15).build().unwrap_or(first),
        }
    }

    /// Whether `date` (a local date) lies in the cycle.
    #[must_use]
    pub fn contains(&self, date: Date) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// Every day of the cycle, in order.
    pub fn days(&self) -> impl Iterator<Item = Date> + use<> {
        let last = self.last_day();
        std::iter::successors(Some(self.first_day()), move |d| {
            d.tomorrow().ok().filter(|n| *n <= last)
        })
    }

    /// How many days the cycle has.
    #[must_use]
    pub fn len_days(&self) -> u32 {
        u32::try_from(self.last_day().day() - self.first_day().day() + 1).unwrap_or(0)
    }
}

/// The local date a TOML datetime names, in its own offset: `2026-11-30T23:30:00+08:00`
/// is on 2026-11-30 whatever the reader's time zone. `None` for a bare time.
#[must_use]
pub fn local_date(dt: &Datetime) -> Option<Date> {
    let d = dt.date?;
    Date::new(
        i16::try_from(d.year).ok()?,
        i8::try_from(d.month).ok()?,
        i8::try_from(d.day).ok()?,
    )
    .ok()
}

/// The instant a TOML offset datetime names; `None` when it has no time or no offset
/// (a local date or local datetime is not an instant).
#[must_use]
pub fn instant(dt: &Datetime) -> Option<jiff::Timestamp> {
    let date = local_date(dt)?;
    let t = dt.time?;
    let minutes = match dt.offset? {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i32::from(minutes),
    };
    let time = jiff::civil::Time::new(
        i8::try_from(t.hour).ok()?,
        i8::try_from(t.minute).ok()?,
        // A leap second (60) is not a civil time; it is the end of the minute.
        i8::try_from(t.second.unwrap_or(0).min(59)).ok()?,
        i32::try_from(t.nanosecond.unwrap_or(0)).ok()?,
    )
    .ok()?;
    let offset = jiff::tz::Offset::from_seconds(minutes * 60).ok()?;
    offset.to_timestamp(date.to_datetime(time)).ok()
}

/// An instant as a TOML offset datetime in a zone, whole seconds
/// (`2026-11-30T21:04:00+08:00`), as state and completion files hold times.
#[must_use]
pub fn toml_datetime(at: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> Option<Datetime> {
    let z = at.to_zoned_datetime(tz.clone());
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string().parse().ok()
}

/// A TOML local date (`2026-11-20`) for a civil date.
#[must_use]
pub fn toml_date(d: Date) -> Datetime {
    Datetime {
        date: Some(toml::value::Date {
            year: u16::try_from(d.year()).unwrap_or(0),
            month: u8::try_from(d.month()).unwrap_or(1),
            day: u8::try_from(d.day()).unwrap_or(1),
        }),
        time: None,
        offset: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn c(s: &str) -> Cycle {
        s.parse().expect("test cycle name is valid")
    }

    #[test]
    fn names_round_trip() {
        for name in ["2026-11", "2026-11a", "2026-11b", "0001-01", "9999-12b"] {
            assert_eq!(c(name).to_string(), name);
        }
    }

    #[test]
    fn bad_names_say_what_is_expected() {
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026-11c",
            "2026/11",
            "2026-11ab",
            "",
            "0000-01",
            "２０２６-11",
            "2026-1a",
            "+026-11",
        ] {
            let e = bad.parse::<Cycle>().expect_err(bad);
            assert_eq!(
                e.to_string(),
                format!("cycle {bad:?} is not YYYY-MM or YYYY-MMa/b")
            );
        }
        assert_eq!(
            "2026-13"
                .parse::<Cycle>()
                .expect_err("month 13")
                .to_string(),
            "cycle \"2026-13\" is not YYYY-MM or YYYY-MMa/b"
        );
    }

    #[test]
    fn month_boundaries() {
        let nov = c("2026-11");
        assert_eq!(nov.first_day(), date(2026, 11, 1));
        assert_eq!(nov.last_day(), date(2026, 11, 30));
        assert!(nov.contains(date(2026, 11, 30)));
        assert!(!nov.contains(date(2026, 12, 1)));
        assert!(!nov.contains(date(2026, 10, 31)));
        assert_eq!(nov.len_days(), 30);
        assert_eq!(c("2026-12").last_day(), date(2026, 12, 31));
        assert_eq!(c("2026-02").last_day(), date(2026, 2, 28));
        assert_eq!(c("2028-02").last_day(), date(2028, 2, 29));
        assert_eq!(c("2100-02").last_day(), date(2100, 2, 28));
        assert_eq!(c("2000-02").last_day(), date(2000, 2, 29));
    }

    #[test]
    fn fortnight_halves() {
        let a = Cycle::containing(date(2026, 11, 15), CycleLength::Fortnight);
        let b = Cycle::containing(date(2026, 11, 16), CycleLength::Fortnight);
        assert_eq!(a, c("2026-11a"));
        assert_eq!(b, c("2026-11b"));
        assert_eq!(
            (a.first_day(), a.last_day()),
            (date(2026, 11, 1), date(2026, 11, 15))
        );
        assert_eq!(
            (b.first_day(), b.last_day()),
            (date(2026, 11, 16), date(2026, 11, 30))
        );
        assert_eq!(a.len_days(), 15);
        assert_eq!(b.len_days(), 15);
        let feb = c("2028-02b");
        assert_eq!(feb.last_day(), date(2028, 2, 29));
        assert_eq!(feb.len_days(), 14);
        assert!(feb.contains(date(2028, 2, 29)));
        assert!(!c("2028-02a").contains(date(2028, 2, 16)));
        assert_eq!(c("2026-01b").len_days(), 16);
        assert_eq!(a.length(), CycleLength::Fortnight);
    }

    #[test]
    fn month_containing() {
        assert_eq!(
            Cycle::containing(date(2028, 2, 29), CycleLength::Month),
            c("2028-02")
        );
        assert_eq!(
            Cycle::containing(date(2026, 12, 31), CycleLength::Month),
            c("2026-12")
        );
        assert_eq!(
            Cycle::containing(date(2027, 1, 1), CycleLength::Month),
            c("2027-01")
        );
    }

    #[test]
    fn days_lists_every_day_once() {
        let days: Vec<Date> = c("2028-02").days().collect();
        assert_eq!(days.len(), 29);
        assert_eq!(days.first(), Some(&date(2028, 2, 1)));
        assert_eq!(days.last(), Some(&date(2028, 2, 29)));
        let b: Vec<Date> = c("2026-12b").days().collect();
        assert_eq!(b.len(), 16);
        assert_eq!(b.last(), Some(&date(2026, 12, 31)));
        assert_eq!(c("9999-12").days().count(), 31);
    }

    fn dt(s: &str) -> Datetime {
        s.parse().expect("test datetime is valid")
    }

    #[test]
    fn local_date_follows_the_datetime_s_own_offset() {
        assert_eq!(
            local_date(&dt("2026-11-30T23:30:00+08:00")),
            Some(date(2026, 11, 30))
        );
        assert_eq!(
            local_date(&dt("2026-11-30T23:30:00Z")),
            Some(date(2026, 11, 30))
        );
        assert_eq!(local_date(&dt("2026-11-20")), Some(date(2026, 11, 20)));
        assert_eq!(local_date(&dt("20:00:00")), None);
    }

    #[test]
    fn instants_compare_across_offsets() {
        let beijing = instant(&dt("2026-11-30T08:00:00+08:00")).expect("offset datetime");
        let utc = instant(&dt("2026-11-30T00:00:00Z")).expect("offset datetime");
        assert_eq!(beijing, utc);
        let later = instant(&dt("2026-11-30T00:00:01-00:00")).expect("offset datetime");
        assert!(later > utc);
        assert_eq!(instant(&dt("2026-11-30T08:00:00")), None);
        assert_eq!(instant(&dt("2026-11-30")), None);
        assert!(instant(&dt("2026-12-31T23:59:60Z")).is_some());
    }

    #[test]
    fn toml_date_round_trips() {
        assert_eq!(toml_date(date(2028, 2, 29)).to_string(), "2028-02-29");
        assert_eq!(
            local_date(&toml_date(date(2026, 1, 5))),
            Some(date(2026, 1, 5))
        );
    }
}

/// What a typed talk date means for 月讲, checked as the member types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalkDay {
    /// Nothing typed yet.
    Empty,
    /// Not a date this program reads.
    Invalid,
    /// A real day, outside the cycle: it cannot count for this cycle.
    Outside(Date),
    /// A day inside the cycle still to come: kept, and it counts from that day on.
    Future(Date),
    /// A day inside the cycle, today or before: it counts.
    Counts(Date),
}

/// Read a typed day: `2026-11-20`, `2026/11/20`, `2026.11.20`, `2026年11月20日`, or
/// without the year (`11-20`, `11月20日`) in `year`. Only real calendar days.
///
/// ```
/// use dangxue::core::regime::read_day;
/// use jiff::civil::date;
/// assert_eq!(read_day("2026年12月5日", 2026), Some(date(2026, 12, 5)));
/// assert_eq!(read_day("12月5日", 2026), Some(date(2026, 12, 5)));
/// assert_eq!(read_day("2026-13-01", 2026), None);
/// ```
#[must_use]
pub fn read_day(text: &str, year: i16) -> Option<Date> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '年' | '月' | '/' | '.' | '－' => '-',
            c => c,
        })
        .filter(|c| *c != '日' && *c != '号' && !c.is_whitespace())
        .collect();
    let parts: Vec<&str> = t.split('-').collect();
    let num = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (num(y)?, num(m)?, num(d)?),
        [m, d] => (i64::from(year), num(m)?, num(d)?),
        _ => return None,
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// Check a typed talk date against `cycle` on `today`.
#[must_use]
pub fn check_talk_day(text: &str, cycle: &Cycle, today: Date) -> TalkDay {
    if text.trim().is_empty() {
        return TalkDay::Empty;
    }
    match read_day(text, cycle.first_day().year()) {
        None => TalkDay::Invalid,
        Some(d) if !cycle.contains(d) => TalkDay::Outside(d),
        Some(d) if d > today => TalkDay::Future(d),
        Some(d) => TalkDay::Counts(d),
    }
}

#[cfg(test)]
mod talk_day_tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn typed_days_are_read_or_refused() {
        assert_eq!(read_day("2026-11-20", 2026), Some(date(2026, 11, 20)));
        assert_eq!(read_day("2026/11/20", 2026), Some(date(2026, 11, 20)));
        assert_eq!(read_day(" 11-20 ", 2026), Some(date(2026, 11, 20)));
        assert_eq!(read_day("11月20号", 2026), Some(date(2026, 11, 20)));
        assert_eq!(read_day("2026-02-30", 2026), None);
        assert_eq!(read_day("20261120", 2026), None);
        assert_eq!(read_day("下周一", 2026), None);
    }

    #[test]
    fn a_day_counts_inside_the_cycle_and_not_after_today() {
        let nov: Cycle = "2026-11".parse().expect("cycle");
        let today = date(2026, 11, 10);
        assert_eq!(check_talk_day("", &nov, today), TalkDay::Empty);
        assert_eq!(check_talk_day("2026-13-01", &nov, today), TalkDay::Invalid);
        assert_eq!(
            check_talk_day("12月5日", &nov, today),
            TalkDay::Outside(date(2026, 12, 5))
        );
        assert_eq!(
            check_talk_day("11-20", &nov, today),
            TalkDay::Future(date(2026, 11, 20))
        );
        assert_eq!(
            check_talk_day("2026-11-10", &nov, today),
            TalkDay::Counts(date(2026, 11, 10))
        );
    }
}
