//! The text of the plain-text commands (`status`, `export`, `notes`,
//! `allowed-signers`) and of the reader's start-up refusals and notices.

use super::Strings;
use crate::core::config::Lang;

/// How the exports of `status`'s member are signed, for its 签名 line.
#[derive(Debug, Clone, Copy)]
pub enum Signing<'a> {
    /// No `signing_key` in the config; `roster_asks` when the roster holds a key.
    None {
        /// The roster holds a key for the member.
        roster_asks: bool,
    },
    /// The configured key file does not exist.
    Missing(&'a str),
    /// Signed with this key; its public half could not be read.
    Unknown(&'a str),
    /// Signed with this key, of this fingerprint; `roster` says whether the roster's key
    /// is the same (`None` when the roster has no key).
    Known {
        /// The key file.
        key: &'a str,
        /// Its fingerprint.
        fingerprint: &'a str,
        /// Whether the roster's key is this one.
        roster: Option<bool>,
    },
}

impl Strings {
    fn en(&self) -> bool {
        self.lang == Lang::En
    }

    /// A cycle's first and last day: "2026-11-01 至 2026-11-30".
    #[must_use]
    pub fn day_range(&self, first: &str, last: &str) -> String {
        if self.en() {
            format!("{first} to {last}")
        } else {
            format!("{first} 至 {last}")
        }
    }

    /// A talk date that is in the cycle but still to come.
    #[must_use]
    pub fn delivered_future(&self, day: &str) -> String {
        if self.en() {
            format!("{day} (still to come)")
        } else {
            format!("{day}（还没到，当天起计入）")
        }
    }

    /// A talk date outside the cycle.
    #[must_use]
    pub fn delivered_outside(&self, day: &str) -> String {
        if self.en() {
            format!("{day} (outside the cycle)")
        } else {
            format!("{day}（不在本期）")
        }
    }

    /// Heading of `status`'s list of versions a merge set aside.
    #[must_use]
    pub fn set_aside_heading(&self) -> &'static str {
        if self.en() {
            "Set-aside versions (two sessions changed the same text; Ctrl-R in the editor uses one):"
        } else {
            "搁置的版本（两个会话改了同一段文字；在编辑器中按 Ctrl-R 换用）："
        }
    }

    /// A length in characters: "120 字" / "120 chars".
    #[must_use]
    pub fn chars(&self, n: usize) -> String {
        if self.en() {
            format!("{n} chars")
        } else {
            format!("{n} 字")
        }
    }

    /// `status`'s 签名 line, with its newline.
    #[must_use]
    pub fn signing(&self, how: Signing<'_>) -> String {
        let en = self.en();
        match (how, en) {
            (Signing::None { roster_asks: true }, true) => {
                "signing   NOT signed: the roster asks for a signature and there is no signing_key in config\n".into()
            }
            (Signing::None { roster_asks: true }, false) => {
                "签名  未签名：名册要求签名，但配置中没有 signing_key\n".into()
            }
            (Signing::None { roster_asks: false }, true) => {
                "signing   not signed (no signing_key in config)\n".into()
            }
            (Signing::None { roster_asks: false }, false) => {
                "签名  未签名（配置中没有 signing_key）\n".into()
            }
            (Signing::Missing(key), true) => {
                format!("signing   signing_key {key} does not exist: exports will not be signed\n")
            }
            (Signing::Missing(key), false) => {
                format!("签名  signing_key {key} 不存在：导出的文件不会签名\n")
            }
            (Signing::Unknown(key), true) => format!("signing   exports are signed with {key}\n"),
            (Signing::Unknown(key), false) => format!("签名  导出时用 {key} 签名\n"),
            (
                Signing::Known {
                    key,
                    fingerprint,
                    roster,
                },
                _,
            ) => {
                let roster = match (roster, en) {
                    (None, _) => "",
                    (Some(true), true) => "; it is the roster's key",
                    (Some(false), true) => {
                        "; the roster has another key, so the secretary's report will call the files invalid"
                    }
                    (Some(true), false) => "，与名册上的公钥一致",
                    (Some(false), false) => "，但名册上是另一把公钥：书记的报告会判为 invalid",
                };
                if en {
                    format!("signing   exports are signed with {key} ({fingerprint}){roster}\n")
                } else {
                    format!("签名  导出时用 {key} 签名（{fingerprint}）{roster}\n")
                }
            }
        }
    }

    /// The system clock could not be read.
    #[must_use]
    pub fn no_clock(&self) -> &'static str {
        if self.en() {
            "cannot read the clock"
        } else {
            "无法读取系统时钟"
        }
    }

    /// `export` wrote the file but could not sign it.
    #[must_use]
    pub fn exported_unsigned(&self, file: &str, why: &str) -> String {
        if self.en() {
            format!("wrote {file} UNSIGNED: {why}")
        } else {
            format!("已写入 {file}，但未签名：{why}")
        }
    }

    /// A file `export` or `notes` could not write, and the way out.
    #[must_use]
    pub fn choose_out(&self, error: &str) -> String {
        if self.en() {
            format!("{error} (or choose another place with --out)")
        } else {
            format!("{error}（或用 --out 另选位置）")
        }
    }

    /// `notes --out` could not write its file.
    #[must_use]
    pub fn cannot_write(&self, file: &str, error: &str) -> String {
        if self.en() {
            format!("cannot write {file}: {error}")
        } else {
            format!("无法写入 {file}：{error}")
        }
    }

    /// `allowed-signers` without a plan.
    #[must_use]
    pub fn no_plan(&self, config: &str) -> String {
        if self.en() {
            format!("no plan: give --plan PATH, or set `plan` in {config}")
        } else {
            format!("没有学习安排：请用 --plan 指定文件，或在 {config} 中设置 plan")
        }
    }

    /// The plan file could not be read; its problems follow, one a line.
    #[must_use]
    pub fn plan_problems(&self, lines: &str) -> String {
        if self.en() {
            format!("the plan file has problems:\n{lines}")
        } else {
            format!("学习安排文件有问题：\n{lines}")
        }
    }

    /// The notice of a member's program whose plan cannot be used: the first problem
    /// (`path:line: message`) and how many more there are.
    #[must_use]
    pub fn plan_not_used(&self, first: &str, more: usize) -> String {
        match (self.en(), more) {
            (true, 0) => format!(
                "the plan is not used: {first}; every unit counts until the secretary fixes it (`dangxue check` lists the problems)"
            ),
            (true, n) => format!(
                "the plan is not used: {first} (and {n} more); every unit counts until the secretary fixes it (`dangxue check` lists the problems)"
            ),
            (false, 0) => format!(
                "未使用学习安排：{first}；在支部书记改正之前，所有篇目都计入（`dangxue check` 列出全部问题）"
            ),
            (false, n) => format!(
                "未使用学习安排：{first}（另有 {n} 个问题）；在支部书记改正之前，所有篇目都计入（`dangxue check` 列出全部问题）"
            ),
        }
    }

    /// Context of a plan error in `allowed-signers`.
    #[must_use]
    pub fn reading_roster(&self, file: &str) -> String {
        if self.en() {
            format!("reading the roster of {file}")
        } else {
            format!("读取 {file} 中的名册")
        }
    }

    /// `allowed-signers` on a roster without any key.
    #[must_use]
    pub fn roster_without_keys(&self, file: &str) -> String {
        if self.en() {
            format!(
                "the roster in {file} has no member with a key: add key = \"ssh-ed25519 AAAA…\" to each [[member]]"
            )
        } else {
            format!(
                "{file} 的名册中没有成员填写公钥：请在每个 [[member]] 下加上 key = \"ssh-ed25519 AAAA…\""
            )
        }
    }

    /// The reader refuses to start without a terminal; `what` says which part is
    /// missing.
    #[must_use]
    pub fn needs_terminal(&self, what: NoTerminal) -> String {
        let why = match (what, self.en()) {
            (NoTerminal::Stdin, true) => "standard input is not a terminal",
            (NoTerminal::Stdout, true) => "standard output is not a terminal",
            (NoTerminal::Dumb, true) => "TERM=dumb cannot show the reader",
            (NoTerminal::Stdin, false) => "标准输入不是终端",
            (NoTerminal::Stdout, false) => "标准输出不是终端",
            (NoTerminal::Dumb, false) => "TERM=dumb 的终端无法显示阅读界面",
        };
        if self.en() {
            format!(
                "the reader needs a terminal: {why}. Run `dangxue` in a terminal, or use `dangxue status` or `dangxue export` in scripts"
            )
        } else {
            format!(
                "阅读界面需要终端：{why}。请在终端中运行 `dangxue`，脚本中请用 `dangxue status` 或 `dangxue export`"
            )
        }
    }

    /// The configured time zone is not one.
    #[must_use]
    pub fn unknown_zone(&self, quoted: &str, error: &str) -> String {
        if self.en() {
            format!("config timezone {quoted} is not a known IANA zone name: {error}")
        } else {
            format!("配置中的 timezone {quoted} 不是已知的 IANA 时区名：{error}")
        }
    }

    /// No folder for dangxue's files can be found.
    #[must_use]
    pub fn no_home(&self) -> &'static str {
        if self.en() {
            "cannot find a config folder: set HOME, or pass --home DIR"
        } else {
            "找不到存放配置的文件夹：请设置 HOME，或用 --home DIR 指定"
        }
    }

    /// A plain-text command without `--member` and no profile.
    #[must_use]
    pub fn no_profile(&self, dir: &str) -> String {
        if self.en() {
            format!("no member profile in {dir}: run `dangxue` first, or pass --member ID")
        } else {
            format!("{dir} 中还没有学习档案：请先运行 `dangxue`，或用 --member 指定编号")
        }
    }

    /// A plain-text command without `--member` and several profiles.
    #[must_use]
    pub fn several_profiles(&self, dir: &str, ids: &str) -> String {
        if self.en() {
            format!("several member profiles in {dir}: pass --member ID (one of: {ids})")
        } else {
            format!("{dir} 中有多份学习档案：请用 --member 指定编号（{ids} 之一）")
        }
    }

    /// `--member` names a profile without a record.
    #[must_use]
    pub fn no_record(&self, id: &str, dir: &str) -> String {
        let id = crate::core::text::escape_controls(id);
        if self.en() {
            format!(
                "member \"{id}\" has no record in {dir} yet: open it once with `dangxue --member {id}`"
            )
        } else {
            format!("编号 {id} 在 {dir} 中还没有学习记录：请先用 `dangxue --member {id}` 打开一次")
        }
    }

    /// Unit files that could not be read and were left out of the library.
    #[must_use]
    pub fn units_skipped(&self, n: usize) -> String {
        if self.en() {
            format!("{n} unit file(s) skipped: run `dangxue check`")
        } else {
            format!("跳过了 {n} 个学习单元文件：请运行 `dangxue check` 查看原因")
        }
    }
}

/// What stops the reader from drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTerminal {
    /// Standard input is a pipe or a file.
    Stdin,
    /// Standard output is a pipe or a file.
    Stdout,
    /// `TERM=dumb`.
    Dumb,
}

#[cfg(test)]
mod tests {
    use super::super::punct::{assert_en, assert_zh};
    use crate::core::config::Lang;

    #[test]
    fn the_notice_of_a_plan_not_used_counts_the_other_problems() {
        let zh = crate::strings::get(Lang::Zh);
        let en = crate::strings::get(Lang::En);
        for more in [0, 2] {
            assert_zh(&zh.plan_not_used("学习安排第 3 行有误", more));
            assert_en(&en.plan_not_used("line 3 is wrong", more));
        }
        assert!(zh.plan_not_used("x", 2).contains("（另有 2 个问题）"));
        assert!(!zh.plan_not_used("x", 0).contains("另有"));
        assert!(en.plan_not_used("x", 2).contains(" (and 2 more);"));
        assert!(!en.plan_not_used("x", 0).contains("more"));
    }

    #[test]
    fn no_home_says_what_to_set() {
        assert_zh(crate::strings::get(Lang::Zh).no_home());
        assert_en(crate::strings::get(Lang::En).no_home());
    }
}
