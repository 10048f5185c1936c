//! The member's time zone, read from one file.
//!
//! `jiff::tz::TimeZone::system()` and `TimeZone::get` go through jiff's zoneinfo
//! database, which on first use lists the whole `/usr/share/zoneinfo` tree: a few
//! thousand directory reads before the first frame. A zone is one `TZif` file, so this
//! reads exactly that file: the configured name under the zoneinfo folder, the file
//! or name in `TZ`, or `/etc/localtime`. Each is read without blocking, must be a
//! regular file and is capped in size (`TZif` files are a few KB).
//!
//! `TZ` comes from the environment, so it is bounded too: at most [`MAX_TZ_LEN`]
//! bytes, a path must be a regular zone file (so `TZ=/dev/zero` or a FIFO is refused
//! at once instead of being read forever), and a `TZ` that names no zone is said
//! ([`system_checked`]) rather than silently replaced.

use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;

use crate::strings::{TzIssue, TzWarning, ZoneIssue};

/// Largest `TZif` file read; the largest in a current tzdata is under 4 KB.
pub const MAX_TZIF_BYTES: u64 = 256 * 1024;

/// Longest `TZ` value looked at; zone names and POSIX rules are a few dozen bytes.
pub const MAX_TZ_LEN: usize = 256;

/// The zoneinfo folder: `TZDIR` when it names an absolute path, else the usual one.
#[must_use]
pub fn zoneinfo_dir() -> PathBuf {
    std::env::var_os("TZDIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .unwrap_or_else(|| PathBuf::from("/usr/share/zoneinfo"))
}

/// Whether `name` can be an IANA zone name (`Asia/Shanghai`, `UTC`, `Etc/GMT-8`): it
/// stays inside the zoneinfo folder.
#[must_use]
pub fn plausible_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 128
        && !name.starts_with('/')
        && name
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+' | b'.'))
}

/// Read one `TZif` file; `name` is the zone's name for jiff.
fn read_tzif(path: &Path, name: &str) -> Result<TimeZone, ZoneIssue> {
    let shown = || crate::core::text::escape_controls(&path.display().to_string());
    let bytes = match crate::store::atomic::read_regular_file(path, MAX_TZIF_BYTES) {
        Ok(Some(b)) if b.len() as u64 <= MAX_TZIF_BYTES => b,
        Ok(Some(_)) => return Err(ZoneIssue::TooLarge(shown())),
        Ok(None) => return Err(ZoneIssue::NoFile(shown())),
        Err(e) => return Err(ZoneIssue::Unreadable(shown(), (&e).into())),
    };
    TimeZone::tzif(name, &bytes).map_err(|e| ZoneIssue::NotTzif(shown(), e.to_string()))
}

/// The zone with an IANA name, from its file under [`zoneinfo_dir`].
///
/// # Errors
/// When the name cannot be a zone name or its file is missing or not a zone file.
pub fn named(name: &str) -> Result<TimeZone, ZoneIssue> {
    if !plausible_name(name) {
        return Err(ZoneIssue::NotAName);
    }
    read_tzif(&zoneinfo_dir().join(name), name).or_else(|e| {
        // Spelt in another case (`asia/shanghai`): jiff's database matches names
        // without regard to case, at the price of listing the folder once.
        TimeZone::get(name).map_err(|_| e)
    })
}

/// The name a zone file path stands for: what follows `zoneinfo/` (`/etc/localtime`
/// links to `/usr/share/zoneinfo/Asia/Shanghai`), else the path itself.
fn name_of(path: &Path) -> String {
    let shown = path.to_string_lossy();
    match shown.rfind("zoneinfo/") {
        Some(i) => shown[i + "zoneinfo/".len()..].to_string(),
        None => shown.into_owned(),
    }
}

/// The zone `TZ` names, when it names one: `:` is dropped, an absolute path is a zone
/// file, anything else a zone name or, failing that, a POSIX rule (`CST-8`). Empty:
/// UTC, as POSIX has it.
fn from_tz(tz: &str) -> Option<TimeZone> {
    let tz = tz.strip_prefix(':').unwrap_or(tz);
    if tz.is_empty() {
        return Some(TimeZone::UTC);
    }
    if tz.starts_with('/') {
        let path = Path::new(tz);
        return read_tzif(path, &name_of(path)).ok();
    }
    named(tz).ok().or_else(|| TimeZone::posix(tz).ok())
}

/// The system's zone (`TZ` when set and usable, else `/etc/localtime`, else UTC), and
/// a warning naming `TZ` and why it was not used, when it was set but is not a zone.
#[must_use]
pub fn system_checked() -> (TimeZone, Option<TzWarning>) {
    let tz = std::env::var_os("TZ");
    let warning = match tz.as_deref().map(check_tz) {
        None => None,
        Some(Ok(zone)) => return (zone, None),
        Some(Err(why)) => Some(why),
    };
    let local = Path::new("/etc/localtime");
    let name = std::fs::read_link(local).map_or_else(|_| "Local".to_string(), |t| name_of(&t));
    let (zone, local) = match read_tzif(local, &name) {
        Ok(z) => (z, Some(crate::core::text::escape_controls(&name))),
        Err(_) => (TimeZone::UTC, None),
    };
    (
        zone,
        warning.map(|(tz, issue)| TzWarning { tz, issue, local }),
    )
}

/// `TZ` as a zone, or why it is not one, with `TZ` quoted and bounded.
fn check_tz(tz: &std::ffi::OsStr) -> Result<TimeZone, (String, TzIssue)> {
    let fail = |issue| (crate::core::text::quote(&tz.to_string_lossy()), issue);
    if tz.len() > MAX_TZ_LEN {
        return Err(fail(TzIssue::TooLong(MAX_TZ_LEN)));
    }
    let Some(text) = tz.to_str() else {
        return Err(fail(TzIssue::NotUtf8));
    };
    let bare = text.strip_prefix(':').unwrap_or(text);
    if bare.starts_with('/') {
        let path = Path::new(bare);
        return read_tzif(path, &name_of(path)).map_err(|e| fail(TzIssue::File(e)));
    }
    from_tz(text).ok_or_else(|| fail(TzIssue::NoZone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_must_stay_in_the_zoneinfo_folder() {
        for good in [
            "Asia/Shanghai",
            "UTC",
            "Etc/GMT-8",
            "America/Port-au-Prince",
        ] {
            assert!(plausible_name(good), "{good}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../../etc/passwd",
            "Asia/../x",
            "Asia//x",
            "a b",
        ] {
            assert!(!plausible_name(bad), "{bad}");
        }
    }

    #[test]
    fn a_path_names_the_zone_after_zoneinfo() {
        assert_eq!(
            name_of(Path::new("/usr/share/zoneinfo/Asia/Shanghai")),
            "Asia/Shanghai"
        );
        assert_eq!(name_of(Path::new("/tmp/zone")), "/tmp/zone");
    }

    #[test]
    fn a_tz_that_is_no_zone_is_refused_with_a_reason() {
        let e = |v: &str| {
            let (tz, issue) = check_tz(std::ffi::OsStr::new(v)).expect_err(v);
            crate::strings::EN.tz_warning(&TzWarning {
                tz,
                issue,
                local: None,
            })
        };
        let zero = e("/dev/zero");
        assert!(
            zero.contains("TZ='/dev/zero'") && zero.contains("not a regular file"),
            "{zero}"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        // Opened without blocking and refused: no hang on a FIFO nobody writes.
        let f = e(fifo.to_str().expect("utf-8"));
        assert!(f.contains("not a regular file"), "{f}");
        let long = e(&"A".repeat(100_000));
        assert!(
            long.len() < 300 && long.contains("longer than 256"),
            "{long}"
        );
        let junk = e("no such zone!");
        assert!(junk.contains("neither a zone name"), "{junk}");
        assert!(check_tz(std::ffi::OsStr::new("UTC")).is_ok());
        assert!(check_tz(std::ffi::OsStr::new("CST-8")).is_ok());
    }

    #[test]
    fn tz_values() {
        let at: jiff::Timestamp = "2026-07-01T00:00:00Z".parse().expect("instant");
        let offset = |z: &TimeZone| z.to_offset(at).seconds();
        assert_eq!(offset(&from_tz("").expect("empty is UTC")), 0);
        assert_eq!(offset(&from_tz("CST-8").expect("a POSIX rule")), 8 * 3600);
        assert!(from_tz("/nonexistent/zone").is_none());
        let dir = tempfile::tempdir().expect("tempdir");
        let not_tzif = dir.path().join("zone");
        std::fs::write(&not_tzif, "not a zone").expect("write");
        assert!(from_tz(not_tzif.to_str().expect("utf-8")).is_none());
        assert!(
            Path::new("/usr/share/zoneinfo/Asia/Shanghai").exists(),
            "this test reads the system's tzdata; .ci/run installs it"
        );
        let z = from_tz(":Asia/Shanghai").expect("a zone name");
        assert_eq!(offset(&z), 8 * 3600);
        let z = from_tz("/usr/share/zoneinfo/Asia/Shanghai").expect("a zone file");
        assert_eq!(offset(&z), 8 * 3600);
    }

    #[test]
    fn a_fifo_in_place_of_a_zone_file_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("zone");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("run mkfifo");
        assert!(status.success());
        let e = read_tzif(&fifo, "x").expect_err("a FIFO");
        assert!(
            matches!(
                &e,
                ZoneIssue::Unreadable(
                    _,
                    crate::strings::Cause::Refused(crate::strings::Refusal::NotRegular)
                )
            ),
            "{e:?}"
        );
    }
}
