//! The words of the member's study record: what the member is told after it is
//! opened or saved, and why it could not be read or saved, with what to do. The
//! words of `store::state`'s `Notice`, `StateError` and `StateProblem`.

use super::Strings;
use crate::core::config::Lang;
use crate::core::state::{IdProblem, MAX_MEMBER_ID_LEN};

/// Why a state file's bytes are not a state this build can use.
#[derive(Debug, Clone, Copy)]
pub enum RecordProblem<'a> {
    /// Larger than the cap, in MB.
    TooLarge(u64),
    /// Not UTF-8 from this line on.
    NotUtf8(usize),
    /// Not a state: the TOML reader's words, and the line when known (0 when not).
    Invalid {
        /// The line.
        line: usize,
        /// Why.
        message: &'a str,
    },
    /// Written in a newer format: (its format, the newest this build reads).
    TooNew(i64, u32),
}

/// What stops a study record from being opened or saved.
#[derive(Debug, Clone, Copy)]
pub enum RecordFailure<'a> {
    /// Written by a newer dangxue: (its format, the newest this build reads).
    TooNew(i64, u32),
    /// Larger than the cap, in MB.
    TooLarge(u64),
    /// Cannot be read; the system's words.
    Read(&'a str),
    /// Not a state file (worded by [`Strings::record_problem`]).
    Invalid(&'a str),
    /// Cannot be saved: the system's words and what to do about its cause.
    Write(&'a str, Option<WriteHint<'a>>),
    /// Another process holds the lock.
    Locked,
}

/// What to do about a failed save, by its cause.
#[derive(Debug, Clone, Copy)]
pub enum WriteHint<'a> {
    /// The disk or the quota is full.
    Full,
    /// The disk is mounted read-only.
    ReadOnly,
    /// No permission to write in this folder.
    Permission(&'a str),
    /// A part of this folder's path is a file.
    NotAFolder(&'a str),
}

impl Strings {
    /// Why a state file's bytes cannot be used.
    #[must_use]
    pub fn record_problem(&self, p: RecordProblem<'_>) -> String {
        let zh = self.lang == Lang::Zh;
        match p {
            RecordProblem::TooLarge(mb) if zh => format!("大于 {mb} MB，无法读取"),
            RecordProblem::TooLarge(mb) => format!("larger than {mb} MB, too large to read"),
            RecordProblem::NotUtf8(line) if zh => format!("第 {line} 行不是有效的 UTF-8 文本"),
            RecordProblem::NotUtf8(line) => format!("line {line}: not valid UTF-8"),
            RecordProblem::Invalid { line: 0, message } => message.to_string(),
            RecordProblem::Invalid { line, message } if zh => format!("第 {line} 行：{message}"),
            RecordProblem::Invalid { line, message } => format!("line {line}: {message}"),
            RecordProblem::TooNew(found, reads) if zh => {
                format!("记录格式 {found} 比本程序能读的（{reads}）新")
            }
            RecordProblem::TooNew(found, reads) => {
                format!("state format {found} is newer than this dangxue reads ({reads})")
            }
        }
    }

    /// The study record `path` cannot be opened or saved, and what to do.
    #[must_use]
    pub fn record_failed(&self, path: &str, why: RecordFailure<'_>) -> String {
        let zh = self.lang == Lang::Zh;
        match why {
            RecordFailure::TooNew(found, reads) if zh => format!(
                "{path}：由更新版本的 dangxue 写入（记录格式 {found}，本程序只读 {reads} 及以前的格式）：请升级 dangxue 后再打开，文件未作改动"
            ),
            RecordFailure::TooNew(found, reads) => format!(
                "{path}: written by a newer version of dangxue (state format {found}; this one reads format {reads} and older). Upgrade dangxue to open it; the file was not changed"
            ),
            RecordFailure::TooLarge(mb) if zh => format!(
                "{path}：大于 {mb} MB，无法读取，文件未作改动：把它移到别处即可重新开始一份记录"
            ),
            RecordFailure::TooLarge(mb) => format!(
                "{path}: larger than {mb} MB, too large to read; the file was not changed. Move it elsewhere to start a new record"
            ),
            RecordFailure::Read(e) if zh => format!("{path}：无法读取学习记录：{e}"),
            RecordFailure::Read(e) => format!("{path}: cannot read the study record: {e}"),
            RecordFailure::Invalid(reason) if zh => format!(
                "{path}：不是有效的学习记录（{reason}）：为该成员打开 dangxue，即可把它另存一旁并重新开始一份记录"
            ),
            RecordFailure::Invalid(reason) => format!(
                "{path}: not a valid study record: {reason}. Open dangxue for this member to keep it aside and start a new record"
            ),
            RecordFailure::Write(e, hint) if zh => format!(
                "{path}：无法保存学习记录：{e}{}。你的内容仍在内存中，问题解决后会自动保存",
                hint.map(|h| self.write_hint(h)).unwrap_or_default()
            ),
            RecordFailure::Write(e, hint) => format!(
                "{path}: cannot save the study record: {e}{}. Your work is still in memory and will be saved once this is fixed",
                hint.map(|h| self.write_hint(h)).unwrap_or_default()
            ),
            RecordFailure::Locked if zh => format!(
                "{path}：另一个 dangxue 进程正在保存该成员的记录，未能及时完成：你的内容仍在内存中，请稍后再试"
            ),
            RecordFailure::Locked => format!(
                "{path}: another dangxue process is saving this member and did not finish in time; your work is still in memory, try again"
            ),
        }
    }

    /// Why a member id cannot name a record.
    #[must_use]
    pub fn id_problem(&self, p: &IdProblem) -> String {
        let zh = self.lang == Lang::Zh;
        let max = MAX_MEMBER_ID_LEN;
        let what = |c: char| {
            let shown = crate::core::text::escape_controls(&c.to_string());
            match c {
                '/' | '\\' if zh => "路径分隔符".to_string(),
                '/' | '\\' => "a path separator".to_string(),
                c if c.is_ascii_uppercase() && zh => format!("大写字母“{c}”（请用小写）"),
                c if c.is_ascii_uppercase() => format!("the capital letter '{c}' (use lowercase)"),
                c if zh => format!("“{shown}”（U+{:04X}）", u32::from(c)),
                c => format!("'{shown}' (U+{:04X})", u32::from(c)),
            }
        };
        match p {
            IdProblem::Empty if zh => "成员ID不能为空".into(),
            IdProblem::Empty => "a member id cannot be empty".into(),
            IdProblem::TooLong(id) if zh => format!("成员ID {id} 超过 {max} 个字符"),
            IdProblem::TooLong(id) => format!("member id {id} is longer than {max} characters"),
            IdProblem::Leading(id, c) if zh => format!("成员ID {id} 不能以“{c}”开头"),
            IdProblem::Leading(id, c) => format!("member id {id} cannot start with '{c}'"),
            IdProblem::Holds(id, c) if zh => format!(
                "成员ID {id} 含有{}：只能用小写英文字母、数字、-、_ 和 .",
                what(*c)
            ),
            IdProblem::Holds(id, c) => format!(
                "member id {id} contains {}; use lowercase ascii letters, digits, '-', '_' and '.'",
                what(*c)
            ),
        }
    }

    /// The lock file beside a record cannot be used: (lock file, why).
    #[must_use]
    pub fn lock_file(&self, file: &str, why: &str) -> String {
        match self.lang {
            Lang::Zh => format!("锁文件 {file}：{why}"),
            Lang::En => format!("the lock file {file}: {why}"),
        }
    }

    /// What to do about a failed save, after the system's words.
    fn write_hint(&self, h: WriteHint<'_>) -> String {
        let zh = self.lang == Lang::Zh;
        match h {
            WriteHint::Full if zh => "（磁盘或配额已满：请腾出空间）".into(),
            WriteHint::Full => " (the disk or your quota is full: free some space)".into(),
            WriteHint::ReadOnly if zh => "（磁盘以只读方式挂载）".into(),
            WriteHint::ReadOnly => " (the disk is mounted read-only)".into(),
            WriteHint::Permission(folder) if zh => format!("（请确认你可以写入 {folder}）"),
            WriteHint::Permission(folder) => format!(" (check that you may write to {folder})"),
            WriteHint::NotAFolder(folder) if zh => {
                format!("（{folder} 的路径中有一段是文件，不是文件夹）")
            }
            WriteHint::NotAFolder(folder) => {
                format!(" (a part of {folder} is a file, not a folder)")
            }
        }
    }

    /// The members folder can be written by others: (folder, its mode, whether
    /// every user can write it rather than its group).
    #[must_use]
    pub fn open_folder(&self, folder: &str, mode: u32, everyone: bool) -> String {
        match self.lang {
            Lang::Zh => format!(
                "{folder} 可被{}写入（权限 {mode:04o}），他们可以改动或替换你的学习记录：请运行 chmod 700 '{folder}'",
                if everyone {
                    "所有用户"
                } else {
                    "同组的其他用户"
                }
            ),
            Lang::En => format!(
                "{folder} can be written by {} (mode {mode:04o}), who could change or replace your study record; run: chmod 700 '{folder}'",
                if everyone {
                    "every user"
                } else {
                    "other users of its group"
                }
            ),
        }
    }

    /// The record is unusually large: (file, MB).
    #[must_use]
    pub fn large_record(&self, file: &str, mb: u64) -> String {
        match self.lang {
            Lang::Zh => format!(
                "{file}：学习记录有 {mb} MB，大得不寻常，但已照常读取（运行 `dangxue status` 可查看另存的版本）"
            ),
            Lang::En => format!(
                "{file}: the study record is {mb} MB, unusually large; it was read all the same (run `dangxue status` to see set-aside versions)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::punct::{assert_en, assert_zh};
    use super::*;
    use crate::strings::{EN, ZH};

    #[test]
    fn every_record_text_is_chinese_in_zh_and_english_in_en() {
        let problems = [
            RecordProblem::TooLarge(64),
            RecordProblem::NotUtf8(3),
            RecordProblem::Invalid {
                line: 2,
                message: "expected",
            },
            RecordProblem::TooNew(9, 1),
        ];
        for p in problems {
            assert_zh(&ZH.record_problem(p));
            assert_en(&EN.record_problem(p));
        }
        let mut failures = vec![
            RecordFailure::TooNew(9, 1),
            RecordFailure::TooLarge(64),
            RecordFailure::Read("denied"),
            RecordFailure::Invalid("bad"),
            RecordFailure::Write("denied", None),
            RecordFailure::Locked,
        ];
        for hint in [
            WriteHint::Full,
            WriteHint::ReadOnly,
            WriteHint::Permission("members"),
            WriteHint::NotAFolder("members"),
        ] {
            failures.push(RecordFailure::Write("denied", Some(hint)));
        }
        for f in failures {
            assert_zh(&ZH.record_failed("zhangsan.toml", f));
            assert_en(&EN.record_failed("zhangsan.toml", f));
        }
        for everyone in [true, false] {
            assert_zh(&ZH.open_folder("members", 0o777, everyone));
            assert_en(&EN.open_folder("members", 0o777, everyone));
        }
        assert_zh(&ZH.large_record("zhangsan.toml", 70));
        assert_en(&EN.large_record("zhangsan.toml", 70));
        assert_zh(&ZH.save_held("磁盘已满"));
        for p in [
            IdProblem::Empty,
            IdProblem::TooLong("x".into()),
            IdProblem::Leading("x".into(), '-'),
            IdProblem::Holds("x".into(), '/'),
            IdProblem::Holds("x".into(), 'Z'),
            IdProblem::Holds("x".into(), 'é'),
        ] {
            assert_zh(&ZH.id_problem(&p));
            assert_en(&EN.id_problem(&p));
        }
        assert_eq!(
            ZH.id_problem(&IdProblem::Holds("'Zhang'".into(), 'Z')),
            "成员ID 'Zhang' 含有大写字母“Z”（请用小写）：只能用小写英文字母、数字、-、_ 和 ."
        );
        assert_zh(&ZH.lock_file("zhangsan.lock", "这是符号链接"));
        assert_en(&EN.lock_file("zhangsan.lock", "it is a symbolic link"));
        assert_en(&EN.save_held("disk full"));
    }

    #[test]
    fn a_failed_save_says_what_to_do_about_its_cause() {
        assert_eq!(
            ZH.record_failed(
                "m/zhangsan.toml",
                RecordFailure::Write("Permission denied", Some(WriteHint::Permission("m")))
            ),
            "m/zhangsan.toml：无法保存学习记录：Permission denied（请确认你可以写入 m）。你的内容仍在内存中，问题解决后会自动保存"
        );
        assert_eq!(
            EN.record_failed(
                "m/zhangsan.toml",
                RecordFailure::Write("Permission denied", Some(WriteHint::Permission("m")))
            ),
            "m/zhangsan.toml: cannot save the study record: Permission denied (check that you may write to m). Your work is still in memory and will be saved once this is fixed"
        );
    }
}
