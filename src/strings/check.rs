//! The words of `dangxue check` and of loading files: the summary, what is wrong with
//! a file as a whole (it cannot be read, is too large, is not UTF-8), and the problems
//! `check` finds beyond what each format's reader reports.

use super::{EN, Strings, ZH};
use crate::core::config::Lang;

/// Which kind of file was being read, for the words of a file that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A unit file.
    Unit,
    /// The plan named by config `plan`: its problems say to fix that key.
    Plan,
    /// A plan or completion file given to `check`.
    File,
    /// The config file.
    Config,
}

/// Where a completion file names a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitPlace {
    /// A `[[read]]` entry.
    Read,
    /// The `[reflection]`'s unit.
    Reflection,
    /// One of the test's answers.
    TestAnswer,
}

/// What is wrong with a file, beyond what its format's reader reports, as data to be
/// worded in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileIssue {
    /// A path given to `check` cannot be looked at; the system's reason.
    Unreadable(String),
    /// The file is larger than `mb` megabytes, the most a file of its kind may be.
    TooLarge {
        /// Which kind of file.
        what: Reading,
        /// The limit.
        mb: u64,
    },
    /// There is no file at the path.
    Missing(Reading),
    /// The file cannot be read.
    ReadFailed {
        /// Which kind of file.
        what: Reading,
        /// Why.
        error: super::Cause,
    },
    /// The file is not UTF-8 (the problem's line is the first bad byte's).
    NotUtf8,
    /// A folder cannot be listed; `content` when it is one of config `content_dirs`.
    Folder {
        /// A configured content folder.
        content: bool,
        /// Why.
        error: String,
    },
    /// A built-in unit's text is missing from the program.
    BuiltinMissing,
    /// A unit's id is also the id of a unit in another file.
    DuplicateId {
        /// The id.
        id: String,
        /// The other file.
        other: String,
        /// The line of the id in the other file.
        line: usize,
    },
    /// None of a fill question's accepted answers occurs in the unit's text.
    FillAbsent {
        /// The question's id.
        question: String,
    },
    /// A completion file names a unit the content does not have.
    UnknownUnit {
        /// Where the file names it.
        place: UnitPlace,
        /// The unit id.
        unit: String,
        /// A near id of the content, when there is one.
        near: Option<String>,
    },
    /// A `.toml` file's `format` is neither a plan's nor a completion file's.
    UnknownFormat(String),
    /// Config `timezone` is not the name of a zone.
    UnknownZone(String),
    /// A config key is unknown or has a value of the wrong kind; the TOML reader's
    /// words.
    Config(String),
}

/// How much `check` looked at, for its line when nothing is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckCounts {
    /// Unit files.
    pub units: usize,
    /// Plan files.
    pub plans: usize,
    /// Completion files.
    pub completions: usize,
    /// The config file was checked too.
    pub config: bool,
}

impl Strings {
    /// "checked …: no problems".
    #[must_use]
    pub fn check_clean(&self, n: CheckCounts) -> String {
        let CheckCounts {
            units,
            plans,
            completions,
            config,
        } = n;
        match self.lang {
            Lang::Zh => format!(
                "已检查 {units} 个学习单元、{plans} 个计划文件、{completions} 个完成情况文件{}：没有发现问题",
                if config { "和配置文件" } else { "" }
            ),
            Lang::En => format!(
                "checked {units} units, {plans} plan files and {completions} completion files{}: no problems",
                if config { " and the config" } else { "" }
            ),
        }
    }

    /// The words of one [`FileIssue`].
    #[must_use]
    pub fn file_issue(&self, issue: &FileIssue) -> String {
        match self.lang {
            Lang::Zh => zh(issue),
            Lang::En => en(issue),
        }
    }

    /// The start-up line for a unit file left out of the library (after the
    /// program's name).
    #[must_use]
    pub fn skipped_file(&self, problem: &str) -> String {
        match self.lang {
            Lang::Zh => format!("已跳过：{problem}"),
            Lang::En => format!("skipped: {problem}"),
        }
    }

    /// The start-up line after the first skipped unit files: how many more there are.
    #[must_use]
    pub fn skipped_more(&self, n: usize) -> String {
        match self.lang {
            Lang::Zh => format!("另有 {n} 个学习单元文件有问题：运行 `dangxue check` 可全部列出"),
            Lang::En => format!(
                "... and {n} more problems in unit files: run `dangxue check` to list them all"
            ),
        }
    }
}

fn zh(issue: &FileIssue) -> String {
    let what = |w: &Reading| match w {
        Reading::Unit => "学习单元",
        Reading::Plan => "学习安排",
        Reading::File => "该文件",
        Reading::Config => "配置文件",
    };
    let fix = |w: &Reading| match w {
        Reading::Plan => "（或修改 config.toml 中的 plan）",
        Reading::Unit | Reading::File | Reading::Config => "",
    };
    match issue {
        FileIssue::Unreadable(e) => format!("无法读取：{e}"),
        FileIssue::TooLarge { what: w, mb } => {
            format!("文件大于{}允许的 {mb} MB{}", what(w), fix(w))
        }
        FileIssue::Missing(w) => format!("无法读取{}：没有这个文件{}", what(w), fix(w)),
        FileIssue::ReadFailed { what: w, error } => {
            format!("无法读取{}：{}{}", what(w), ZH.cause(error), fix(w))
        }
        FileIssue::NotUtf8 => "不是有效的 UTF-8 文本：请以 UTF-8 编码保存".into(),
        FileIssue::Folder {
            content: true,
            error,
        } => format!("无法读取内容文件夹：{error}"),
        FileIssue::Folder {
            content: false,
            error,
        } => format!("无法读取文件夹：{error}"),
        FileIssue::BuiltinMissing => "程序中缺少这个内置单元的文本：请重新安装 dangxue".into(),
        FileIssue::DuplicateId { id, other, line } => {
            format!("id {id:?} 重复：{other} 第 {line} 行也是这个 id")
        }
        FileIssue::FillAbsent { question } => {
            format!("题目 {question:?}：填空题的可接受答案都没有出现在本单元正文中")
        }
        FileIssue::UnknownUnit { place, unit, near } => {
            let at = match place {
                UnitPlace::Read => "[[read]] 中的",
                UnitPlace::Reflection => "心得 [reflection] 所关联的",
                UnitPlace::TestAnswer => "测验答案中的",
            };
            let hint = near
                .as_ref()
                .map(|n| format!("：是不是 {n:?}？"))
                .unwrap_or_default();
            format!("{at}篇目 {unit:?} 不在学习内容中{hint}")
        }
        FileIssue::UnknownFormat(f) => format!(
            "format {f:?} 既不是学习安排（\"dangxue-plan/1\"）也不是完成情况文件（\"dangxue-completion/1\"）"
        ),
        FileIssue::UnknownZone(tz) => format!(
            "timezone {tz:?} 不是已知的 IANA 时区名：请写成 \"Asia/Shanghai\" 这样的名称，或删去这一项以使用系统时区"
        ),
        FileIssue::Config(m) => {
            format!("配置有误：{m}：请按 config.example.toml 改正这一项，或删去它以使用默认值")
        }
    }
}

fn en(issue: &FileIssue) -> String {
    let what = |w: &Reading| match w {
        Reading::Unit => "a unit",
        Reading::Plan => "the plan",
        Reading::File => "the file",
        Reading::Config => "the config",
    };
    let fix = |w: &Reading| match w {
        Reading::Plan => " (fix `plan` in config.toml)",
        Reading::Unit | Reading::File | Reading::Config => "",
    };
    match issue {
        FileIssue::Unreadable(e) => format!("cannot read: {e}"),
        FileIssue::TooLarge { what: w, mb } => {
            format!(
                "file is larger than the {mb} MB {} may be{}",
                what(w),
                fix(w)
            )
        }
        FileIssue::Missing(w) => {
            format!("cannot read {}: there is no such file{}", what(w), fix(w))
        }
        FileIssue::ReadFailed { what: w, error } => {
            format!("cannot read {}: {}{}", what(w), EN.cause(error), fix(w))
        }
        FileIssue::NotUtf8 => "not valid UTF-8: save the file as UTF-8".into(),
        FileIssue::Folder {
            content: true,
            error,
        } => {
            format!("cannot read content folder: {error}")
        }
        FileIssue::Folder {
            content: false,
            error,
        } => format!("cannot read folder: {error}"),
        FileIssue::BuiltinMissing => {
            "the text of this built-in unit is missing from the program: reinstall dangxue".into()
        }
        FileIssue::DuplicateId { id, other, line } => {
            format!("duplicate id {id:?}: also in {other}:{line}")
        }
        FileIssue::FillAbsent { question } => {
            format!("question {question:?}: no accepted fill answer occurs in the unit's text")
        }
        FileIssue::UnknownUnit { place, unit, near } => {
            let at = match place {
                UnitPlace::Read => "[[read]]",
                UnitPlace::Reflection => "[reflection]",
                UnitPlace::TestAnswer => "a test answer",
            };
            let hint = near
                .as_ref()
                .map(|n| format!(": did you mean {n:?}?"))
                .unwrap_or_default();
            format!("{at} names unit {unit:?}, which is not in the content{hint}")
        }
        FileIssue::UnknownFormat(f) => format!(
            "format {f:?} is neither a plan (\"dangxue-plan/1\") nor a completion file (\"dangxue-completion/1\")"
        ),
        FileIssue::UnknownZone(tz) => format!(
            "timezone {tz:?} is not a known IANA zone name: use one like \"Asia/Shanghai\", or remove the key for the system's"
        ),
        FileIssue::Config(m) => format!(
            "{m}: fix the key as config.example.toml shows, or remove it to use the default"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::punct::{assert_en, assert_zh};
    use super::*;
    use crate::strings::{EN, ZH};

    fn every_issue() -> Vec<FileIssue> {
        let mut all = vec![
            FileIssue::Unreadable("denied".into()),
            FileIssue::NotUtf8,
            FileIssue::BuiltinMissing,
            FileIssue::DuplicateId {
                id: "x".into(),
                other: "a.md".into(),
                line: 2,
            },
            FileIssue::FillAbsent {
                question: "q1".into(),
            },
            FileIssue::UnknownFormat("other/1".into()),
            FileIssue::UnknownZone("Asia/Shanghia".into()),
            FileIssue::Config("unknown field `unit`".into()),
        ];
        for what in [Reading::Unit, Reading::Plan, Reading::File, Reading::Config] {
            all.push(FileIssue::TooLarge { what, mb: 4 });
            all.push(FileIssue::Missing(what));
            all.push(FileIssue::ReadFailed {
                what,
                error: crate::strings::Cause::System("denied".into()),
            });
            all.push(FileIssue::ReadFailed {
                what,
                error: crate::strings::Cause::Refused(crate::strings::Refusal::Folder),
            });
        }
        for content in [true, false] {
            all.push(FileIssue::Folder {
                content,
                error: "denied".into(),
            });
        }
        for place in [
            UnitPlace::Read,
            UnitPlace::Reflection,
            UnitPlace::TestAnswer,
        ] {
            for near in [None, Some("x-good".to_string())] {
                all.push(FileIssue::UnknownUnit {
                    place,
                    unit: "x-goood".into(),
                    near,
                });
            }
        }
        all
    }

    #[test]
    fn every_issue_is_chinese_in_zh_and_english_in_en() {
        for issue in every_issue() {
            assert_zh(&ZH.file_issue(&issue));
            assert_en(&EN.file_issue(&issue));
        }
        for config in [true, false] {
            let n = CheckCounts {
                units: 3,
                plans: 1,
                completions: 2,
                config,
            };
            assert_zh(&ZH.check_clean(n));
            assert_en(&EN.check_clean(n));
        }
        assert_zh(&ZH.skipped_file("a.md"));
        assert_zh(&ZH.skipped_more(3));
        assert_en(&EN.skipped_file("a.md"));
        assert_en(&EN.skipped_more(3));
    }

    #[test]
    fn a_near_id_is_offered_in_both_languages() {
        let issue = FileIssue::UnknownUnit {
            place: UnitPlace::Read,
            unit: "x-goood".into(),
            near: Some("x-good".into()),
        };
        assert_eq!(
            ZH.file_issue(&issue),
            "[[read]] 中的篇目 \"x-goood\" 不在学习内容中：是不是 \"x-good\"？"
        );
        assert_eq!(
            EN.file_issue(&issue),
            "[[read]] names unit \"x-goood\", which is not in the content: did you mean \"x-good\"?"
        );
    }
}
