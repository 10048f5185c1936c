//! Ordering the datetimes a state file can hold, for the merge rules that take the
//! earlier or the later of two.

use toml::value::Datetime;

use crate::core::regime::local_date;

/// The later of two instants; either one when only one is set.
pub(super) fn latest(a: Option<&Datetime>, b: Option<&Datetime>) -> Option<Datetime> {
    match (a, b) {
        (Some(a), Some(b)) => {
            if instant_key(b) > instant_key(a) {
                Some(*b)
            } else {
                Some(*a)
            }
        }
        (Some(x), None) | (None, Some(x)) => Some(*x),
        (None, None) => None,
    }
}

/// The earlier of two instants; either one when only one is set.
pub(super) fn earliest(a: Option<&Datetime>, b: Option<&Datetime>) -> Option<Datetime> {
    match (a, b) {
        (Some(a), Some(b)) => {
            if instant_key(b) < instant_key(a) {
                Some(*b)
            } else {
                Some(*a)
            }
        }
        (Some(x), None) | (None, Some(x)) => Some(*x),
        (None, None) => None,
    }
}

/// 1970-01-01, from which [`instant_key`] counts.
const EPOCH: jiff::civil::Date = jiff::civil::date(1970, 1, 1);

/// A sortable key for a TOML datetime: seconds since 1970-01-01 in UTC and
/// nanoseconds. A datetime without an offset is taken as UTC, a missing date as
/// 1970-01-01, a missing time as midnight, and a leap second (`23:59:60`) as the
/// first second of the next day. Unlike [`crate::core::regime::instant`] it orders every
/// datetime a file can hold, not only those that name an instant.
fn instant_key(d: &Datetime) -> (i64, u32) {
    let days = local_date(d).map_or(0, |date| {
        EPOCH
            .until((jiff::Unit::Day, date))
            .map_or(0, |span| i64::from(span.get_days()))
    });
    let (secs, nanos) = d.time.map_or((0, 0), |t| {
        (
            i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second.unwrap_or(0)),
            t.nanosecond.unwrap_or(0),
        )
    });
    let offset = match d.offset {
        Some(toml::value::Offset::Custom { minutes }) => i64::from(minutes) * 60,
        _ => 0,
    };
    (days * 86_400 + secs - offset, nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> Datetime {
        s.parse().expect("test datetime")
    }

    #[test]
    fn instant_keys_count_seconds_from_1970_in_utc() {
        let key = |s: &str| instant_key(&dt(s));
        assert_eq!(key("1970-01-01T00:00:00Z"), (0, 0));
        assert_eq!(key("2000-03-01T00:00:00Z"), (11_017 * 86_400, 0));
        assert_eq!(key("1969-12-31T23:59:59Z"), (-1, 0));
        assert_eq!(key("0000-03-01T00:00:00Z"), (-719_468 * 86_400, 0));
        assert_eq!(
            key("2026-11-03T20:00:00+08:00"),
            key("2026-11-03T12:00:00Z")
        );
        assert_eq!(
            key("2026-11-03T12:00:00.5Z"),
            (key("2026-11-03T12:00:00Z").0, 500_000_000)
        );
        // Without an offset: as UTC; without a time: midnight; without a date: 1970-01-01.
        assert_eq!(key("2026-11-03T12:00:00"), key("2026-11-03T12:00:00Z"));
        assert_eq!(key("2026-11-03"), key("2026-11-03T00:00:00Z"));
        assert_eq!(key("12:00:00"), (12 * 3600, 0));
        assert_eq!(key("2026-12-31T23:59:60Z"), key("2027-01-01T00:00:00Z"));
        for s in [
            "2026-02-28T23:00:00-05:30",
            "2024-02-29T01:02:03+08:00",
            "9999-12-30T12:00:00Z",
        ] {
            let at = crate::core::regime::instant(&dt(s)).expect("an instant");
            assert_eq!(key(s).0, at.as_second(), "{s}");
        }
    }
}
