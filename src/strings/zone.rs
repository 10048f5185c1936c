//! The words of time zones: why a configured zone or the environment's `TZ` cannot
//! be used, and what is used instead. `store::zone` finds the facts as
//! [`ZoneIssue`] and [`TzIssue`]; they are worded here.

use super::Strings;
use crate::core::config::Lang;

/// Why a zone cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneIssue {
    /// The name cannot be an IANA zone name (it would leave the zoneinfo folder).
    NotAName,
    /// The zone file is larger than a zone file can be.
    TooLarge(String),
    /// There is no zone file at this path.
    NoFile(String),
    /// The zone file cannot be read: (path, why).
    Unreadable(String, super::Cause),
    /// The file is not a `TZif` zone file: (path, the reader's words).
    NotTzif(String, String),
}

/// Why the environment's `TZ` (quoted and bounded) is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TzIssue {
    /// Longer than this many bytes.
    TooLong(usize),
    /// Not UTF-8.
    NotUtf8,
    /// A path to a zone file that cannot be used.
    File(ZoneIssue),
    /// Neither a zone name nor a POSIX rule.
    NoZone,
}

/// `TZ` is set and not used: what it is, why, and what is used instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TzWarning {
    /// `TZ`, quoted and bounded.
    pub tz: String,
    /// Why it is not used.
    pub issue: TzIssue,
    /// The zone of `/etc/localtime` used instead; `None`: UTC.
    pub local: Option<String>,
}

impl Strings {
    /// Why a zone cannot be read.
    #[must_use]
    pub fn zone_issue(&self, issue: &ZoneIssue) -> String {
        let zh = self.lang == Lang::Zh;
        match issue {
            ZoneIssue::NotAName if zh => "不是 Asia/Shanghai 这样的 IANA 时区名".into(),
            ZoneIssue::NotAName => "it is not an IANA zone name such as Asia/Shanghai".into(),
            ZoneIssue::TooLarge(p) if zh => format!("{p} 太大，不是时区文件"),
            ZoneIssue::TooLarge(p) => format!("{p} is too large for a zone file"),
            ZoneIssue::NoFile(p) if zh => format!("没有 {p} 这个文件"),
            ZoneIssue::NoFile(p) => format!("there is no {p}"),
            ZoneIssue::Unreadable(p, e) if zh => format!("无法读取 {p}：{}", self.cause(e)),
            ZoneIssue::Unreadable(p, e) => format!("cannot read {p}: {}", self.cause(e)),
            ZoneIssue::NotTzif(p, e) if zh => format!("{p} 不是时区文件：{e}"),
            ZoneIssue::NotTzif(p, e) => format!("{p} is not a zone file: {e}"),
        }
    }

    /// `TZ` is not used, and what is used instead.
    #[must_use]
    pub fn tz_warning(&self, w: &TzWarning) -> String {
        let tz = &w.tz;
        let why = match (&w.issue, self.lang) {
            (TzIssue::TooLong(n), Lang::Zh) => format!("TZ={tz} 超过 {n} 字节，不是时区"),
            (TzIssue::TooLong(n), Lang::En) => {
                format!("TZ={tz} is longer than {n} bytes, not a time zone")
            }
            (TzIssue::NotUtf8, Lang::Zh) => format!("TZ={tz} 不是有效的 UTF-8 文本"),
            (TzIssue::NotUtf8, Lang::En) => format!("TZ={tz} is not valid UTF-8"),
            (TzIssue::File(i), Lang::Zh) => format!("TZ={tz}：{}", self.zone_issue(i)),
            (TzIssue::File(i), Lang::En) => format!("TZ={tz}: {}", self.zone_issue(i)),
            (TzIssue::NoZone, Lang::Zh) => {
                format!("TZ={tz} 既不是 Asia/Shanghai 这样的时区名，也不是 CST-8 这样的 POSIX 规则")
            }
            (TzIssue::NoZone, Lang::En) => format!(
                "TZ={tz} is neither a zone name such as Asia/Shanghai nor a POSIX rule such as CST-8"
            ),
        };
        match (&w.local, self.lang) {
            (Some(name), Lang::Zh) => format!(
                "{why}：现按 /etc/localtime 的时区 {name} 计时；如需指定，请在 config.toml 中设置 timezone"
            ),
            (None, Lang::Zh) => {
                format!("{why}：现按 UTC 计时；如需指定，请在 config.toml 中设置 timezone")
            }
            (Some(name), Lang::En) => format!(
                "{why}; using /etc/localtime ({name}) instead (set `timezone` in config.toml to choose)"
            ),
            (None, Lang::En) => {
                format!("{why}; using UTC instead (set `timezone` in config.toml to choose)")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::punct::{assert_en, assert_zh};
    use super::*;
    use crate::strings::{EN, ZH};

    fn issues() -> Vec<ZoneIssue> {
        vec![
            ZoneIssue::NotAName,
            ZoneIssue::TooLarge("zone".into()),
            ZoneIssue::NoFile("zone".into()),
            ZoneIssue::Unreadable("zone".into(), super::super::Cause::System("denied".into())),
            ZoneIssue::NotTzif("zone".into(), "bad".into()),
        ]
    }

    #[test]
    fn every_zone_text_is_chinese_in_zh_and_english_in_en() {
        let mut tz = vec![TzIssue::TooLong(256), TzIssue::NotUtf8, TzIssue::NoZone];
        tz.extend(issues().into_iter().map(TzIssue::File));
        for i in issues() {
            assert_zh(&ZH.zone_issue(&i));
            assert_en(&EN.zone_issue(&i));
        }
        for issue in tz {
            for local in [None, Some("Asia/Shanghai".to_string())] {
                let w = TzWarning {
                    tz: "'x'".into(),
                    issue: issue.clone(),
                    local,
                };
                assert_zh(&ZH.tz_warning(&w));
                assert_en(&EN.tz_warning(&w));
            }
        }
    }

    #[test]
    fn a_tz_warning_says_what_is_used_instead() {
        let w = TzWarning {
            tz: "'Mars/Base'".into(),
            issue: TzIssue::NoZone,
            local: Some("Asia/Shanghai".into()),
        };
        assert_eq!(
            ZH.tz_warning(&w),
            "TZ='Mars/Base' 既不是 Asia/Shanghai 这样的时区名，也不是 CST-8 这样的 POSIX 规则：现按 /etc/localtime 的时区 Asia/Shanghai 计时；如需指定，请在 config.toml 中设置 timezone"
        );
        assert_eq!(
            EN.tz_warning(&w),
            "TZ='Mars/Base' is neither a zone name such as Asia/Shanghai nor a POSIX rule such as CST-8; using /etc/localtime (Asia/Shanghai) instead (set `timezone` in config.toml to choose)"
        );
    }
}
