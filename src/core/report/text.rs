//! The wording of report problems in the secretary's language.

use std::fmt::Write as _;

use super::{Part, Problem, Shortfall, Signature, Stamp, Unreadable};
use crate::core::assess::{Finding, Place};
use crate::core::config::Lang;
use crate::core::regime::CycleLength;

impl Part {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Part::Read, Lang::Zh) => "月读",
            (Part::Talk, Lang::Zh) => "月讲",
            (Part::Study, Lang::Zh) => "月学",
            (Part::Read, Lang::En) => "read",
            (Part::Talk, Lang::En) => "talk",
            (Part::Study, Lang::En) => "study",
        }
    }
}

impl Shortfall {
    /// The shortfall in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Shortfall::UnitsRead { read, need } if zh => format!("已读 {read}/{need} 篇"),
            Shortfall::UnitsRead { read, need } => format!("{read} of {need} units read"),
            Shortfall::NoReflection if zh => "没有心得".into(),
            Shortfall::NoReflection => "no reflection".into(),
            Shortfall::Reflection { chars, need } if zh => format!("心得 {chars}/{need} 字"),
            Shortfall::Reflection { chars, need } => {
                format!("reflection {chars} of {need} characters")
            }
            Shortfall::NoTopic if zh => "没有题目".into(),
            Shortfall::NoTopic => "no topic".into(),
            Shortfall::Outline { chars, need } if zh => format!("提纲 {chars}/{need} 字"),
            Shortfall::Outline { chars, need } => format!("outline {chars} of {need} characters"),
            Shortfall::NoDelivery if zh => "没有宣讲日期".into(),
            Shortfall::NoDelivery => "no delivery date".into(),
            Shortfall::DeliveredOutside { day } if zh => format!("宣讲日期 {day} 不在本周期内"),
            Shortfall::DeliveredOutside { day } => format!("delivered {day}, outside the cycle"),
            Shortfall::DeliveredAfterExport { day } if zh => {
                format!("宣讲日期 {day} 晚于导出时间")
            }
            Shortfall::DeliveredAfterExport { day } => {
                format!("delivered {day}, after the file was exported")
            }
            Shortfall::NoTest if zh => "未参加测验".into(),
            Shortfall::NoTest => "test not taken".into(),
            Shortfall::Score { score, pass } if zh => format!("得分 {score} 低于及格分 {pass}"),
            Shortfall::Score { score, pass } => format!("score {score} < {pass}"),
            Shortfall::NoSurvey if zh => "没有调研".into(),
            Shortfall::NoSurvey => "no survey".into(),
            Shortfall::Survey { chars, need } if zh => format!("调研 {chars}/{need} 字"),
            Shortfall::Survey { chars, need } => format!("survey {chars} of {need} characters"),
        }
    }
}

impl Stamp {
    fn name(&self, lang: Lang) -> String {
        match (self, lang) {
            (Stamp::Finished(u), Lang::Zh) => format!("篇目 {u} 的读完时间 finished"),
            (Stamp::Finished(u), Lang::En) => format!("\"finished\" of unit {u}"),
            (Stamp::Taken, Lang::Zh) => "测验开始时间 taken".into(),
            (Stamp::Taken, Lang::En) => "the test's \"taken\"".into(),
            (Stamp::Submitted, Lang::Zh) => "测验交卷时间 submitted".into(),
            (Stamp::Submitted, Lang::En) => "the test's \"submitted\"".into(),
            (Stamp::Delivered, Lang::Zh) => "宣讲日期 delivered".into(),
            (Stamp::Delivered, Lang::En) => "the talk's \"delivered\"".into(),
        }
    }
}

/// A member id as shown in a look-alike problem: every character outside ASCII as
/// `<U+XXXX>`, so the secretary sees what differs.
fn spelled(id: &str) -> String {
    let mut o = String::new();
    for c in id.chars() {
        if c.is_ascii() {
            o.push(c);
        } else {
            let _ = write!(o, "<U+{:04X}>", u32::from(c));
        }
    }
    o
}

fn length_name(l: CycleLength, lang: Lang) -> &'static str {
    match (l, lang) {
        (CycleLength::Month, Lang::Zh) => "按月",
        (CycleLength::Fortnight, Lang::Zh) => "按半月",
        (CycleLength::Month, Lang::En) => "monthly",
        (CycleLength::Fortnight, Lang::En) => "fortnightly",
    }
}

fn finding_text(f: &Finding, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match f {
        Finding::UnknownUnit { unit, place } if zh => {
            let at = match place {
                Place::Read => "[[read]] 中".to_string(),
                Place::Reflection => "心得 [reflection] 所关联的".to_string(),
                Place::Answer(n) => format!("测验第 {n} 题的"),
            };
            format!("{at}篇目 \"{unit}\" 不在学习内容中")
        }
        Finding::UnknownQuestion {
            index,
            unit,
            question,
        } if zh => format!("测验第 {index} 题：篇目 \"{unit}\" 没有题目 \"{question}\""),
        Finding::NotTheDraw {
            index,
            given,
            expected,
            given_len,
            draw_len,
        } if zh => match (given, expected) {
            (Some(g), Some(e)) => {
                format!("测验题目不是按规则抽取的：第 {index} 题为 {g}，应为 {e}")
            }
            _ => format!("测验题目不是按规则抽取的：文件中有 {given_len} 题，应抽 {draw_len} 题"),
        },
        Finding::TestOutsideCycle { day } if zh => {
            format!("测验开始于 {day}，不在本周期内")
        }
        other => other.to_string(),
    }
}

impl Problem {
    /// The problem in `lang`, with its values. Text from the file is not escaped here;
    /// each output escapes what it prints.
    #[must_use]
    #[allow(clippy::too_many_lines)]
    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Problem::Unreadable(u) => match (u, zh) {
                (Unreadable::Symlink, true) => {
                    "是符号链接，未读取（请把文件本身复制到文件夹中）".into()
                }
                (Unreadable::Symlink, false) => {
                    "a symbolic link, not read (copy the file itself into the folder)".into()
                }
                (Unreadable::Directory, true) => "是以 .toml 结尾的文件夹，不是完成情况文件".into(),
                (Unreadable::Directory, false) => {
                    "a folder named like a completion file, not a file".into()
                }
                (Unreadable::Special, true) => "不是普通文件（管道、套接字或设备），未读取".into(),
                (Unreadable::Special, false) => {
                    "not a regular file (a FIFO, socket or device), not read".into()
                }
                (Unreadable::Io(e), true) => format!("无法读取：{e}"),
                (Unreadable::Io(e), false) => format!("cannot read: {e}"),
                (Unreadable::TooBig { mb }, true) => {
                    format!("大于 {mb} MB，不是完成情况文件")
                }
                (Unreadable::TooBig { mb }, false) => {
                    format!("larger than {mb} MB: not a completion file")
                }
                (Unreadable::NotUtf8 { line }, true) => {
                    format!("第 {line} 行不是有效的 UTF-8：请以 UTF-8 编码保存")
                }
                (Unreadable::NotUtf8 { line }, false) => {
                    format!("line {line}: not valid UTF-8: save the file as UTF-8")
                }
            },
            Problem::Parse { line, message } => match (*line, zh) {
                (0, true) => format!("文件无法解析：{message}"),
                (0, false) => format!("the file does not parse: {message}"),
                (l, true) => format!("文件无法解析，第 {l} 行：{message}"),
                (l, false) => format!("the file does not parse, line {l}: {message}"),
            },
            Problem::Evidence(f) => finding_text(f, lang),
            Problem::Claimed {
                part,
                claimed,
                actual,
                why,
            } => {
                let mut m = if zh {
                    let word = |b: bool| if b { "完成" } else { "未完成" };
                    format!(
                        "声明{}{}，复核为{}",
                        part.name(lang),
                        word(*claimed),
                        word(*actual)
                    )
                } else {
                    format!(
                        "claimed {} = {claimed}, recomputed {actual}",
                        part.name(lang)
                    )
                };
                if !why.is_empty() {
                    let sep = if zh { "；" } else { "; " };
                    m.push_str(if zh { "：" } else { ": " });
                    m.push_str(
                        &why.iter()
                            .map(|w| w.text(lang))
                            .collect::<Vec<_>>()
                            .join(sep),
                    );
                }
                m
            }
            Problem::ClaimedScore { claimed, actual } => match (claimed, actual, zh) {
                (Some(s), Some(r), true) => format!("声明得分 {s}，复核为 {r}"),
                (Some(s), Some(r), false) => format!("claimed score = {s}, recomputed {r}"),
                (Some(s), None, true) => format!("声明得分 {s}，但文件中没有测验"),
                (Some(s), None, false) => format!("claimed score = {s}, but the file has no test"),
                (None, Some(r), true) => format!("未声明得分，复核为 {r}"),
                (None, Some(r), false) => format!("no score claimed, recomputed {r}"),
                (None, None, _) => String::new(),
            },
            Problem::NoClaimed if zh => "没有 [claimed] 表：文件没有说明其声明的结果".into(),
            Problem::NoClaimed => "no [claimed] table: the file does not say what it claims".into(),
            Problem::NameId { name, inside } if zh => {
                format!("文件名为 {name}，文件内 member_id 为 {inside}")
            }
            Problem::NameId { name, inside } => {
                format!("the file name says {name}, member_id inside is {inside}")
            }
            Problem::NameCycle { name, inside } if zh => {
                format!("文件名周期为 {name}，文件内 cycle 为 {inside}")
            }
            Problem::NameCycle { name, inside } => {
                format!("the file name says cycle {name}, cycle inside is {inside}")
            }
            Problem::NameForm { expected } if zh => {
                format!("文件名不是“成员ID-周期.toml”的形式，应为 {expected}")
            }
            Problem::NameForm { expected } => {
                format!("the file name is not <member_id>-<cycle>.toml: it should be {expected}")
            }
            Problem::Duplicate { id, cycle, others } if zh => format!(
                "成员 {id} 在 {cycle} 有多份文件，另有：{}",
                others.join("、")
            ),
            Problem::Duplicate { id, cycle, others } => format!(
                "member {id} has more than one file for {cycle}; also: {}",
                others.join(", ")
            ),
            Problem::NotOnRoster { id, lookalike } => match (lookalike, zh) {
                (Some(l), true) => format!(
                    "成员ID {} 不在名册上（与名册中的 {l} 形近，不是同一ID）",
                    spelled(id)
                ),
                (Some(l), false) => format!(
                    "member id {} is not on the roster (it looks like {l}, but is another id)",
                    spelled(id)
                ),
                (None, true) => format!("成员ID {id} 不在名册上"),
                (None, false) => format!("member id {id} is not on the roster"),
            },
            Problem::OtherLength { cycle, want } if zh => format!(
                "周期 {cycle} 与本支部的周期长度不符（本支部{}，[cycle] length）",
                length_name(*want, lang)
            ),
            Problem::OtherLength { cycle, want } => format!(
                "cycle {cycle} is not of the branch's length ({}, [cycle] length)",
                length_name(*want, lang)
            ),
            Problem::AfterExport { what, at, exported } if zh => format!(
                "{}（{at}）晚于导出时间 exported（{exported}）",
                what.name(lang)
            ),
            Problem::AfterExport { what, at, exported } => format!(
                "{} ({at}) is later than \"exported\" ({exported})",
                what.name(lang)
            ),
            Problem::ExportedBeforeCycle { exported, starts } if zh => {
                format!("导出时间 exported（{exported}）早于周期开始（{starts}）")
            }
            Problem::ExportedBeforeCycle { exported, starts } => {
                format!("\"exported\" ({exported}) is before the cycle began ({starts})")
            }
            Problem::ExportedInFuture { exported, now } if zh => {
                format!("导出时间 exported（{exported}）在未来（现在 {now}）")
            }
            Problem::ExportedInFuture { exported, now } => {
                format!("\"exported\" ({exported}) is in the future (now {now})")
            }
            Problem::UnitSeconds {
                unit,
                seconds,
                cycle_seconds,
            } if zh => {
                format!("篇目 {unit} 的阅读时间 {seconds} 秒，超过整个周期的 {cycle_seconds} 秒")
            }
            Problem::UnitSeconds {
                unit,
                seconds,
                cycle_seconds,
            } => format!(
                "unit {unit}: {seconds} seconds of reading, more than the whole cycle ({cycle_seconds} s)"
            ),
            Problem::TotalSeconds { total, available } if zh => {
                format!("阅读时间合计 {total} 秒，超过从周期开始到导出的 {available} 秒")
            }
            Problem::TotalSeconds { total, available } => format!(
                "{total} seconds of reading in all, more than the {available} s from the cycle's start to \"exported\""
            ),
            Problem::Late { exported, due } if zh => {
                format!("逾期：导出于 {exported}，截止日期为 {due}")
            }
            Problem::Late { exported, due } => format!("late: exported {exported}, due {due}"),
            Problem::Signature {
                sig,
                why: Some(why),
                ..
            } => why.text(sig.strip_suffix(".sig").unwrap_or(sig), lang),
            Problem::Signature {
                verdict,
                sig,
                signed_by,
                why: None,
            } => match (verdict, signed_by, zh) {
                (Signature::Missing, _, true) => {
                    format!("名册中有此成员的公钥，但没有签名文件 {sig}")
                }
                (Signature::Missing, _, false) => {
                    format!("the roster has the member's key, but there is no {sig}")
                }
                (_, Some(other), true) => {
                    format!("签名 {sig} 不是此成员的密钥所签，而是成员 {other} 的密钥")
                }
                (_, Some(other), false) => {
                    format!("{sig} was made with member {other}'s key, not this member's")
                }
                (_, None, true) => format!("签名 {sig} 无法用名册中的公钥验证"),
                (_, None, false) => format!("{sig} does not verify with the roster's key"),
            },
            Problem::NoAccount { login } if zh => {
                format!("名册中此成员的账户 {login} 在本机上不存在，无法核对文件属于谁")
            }
            Problem::NoAccount { login } => format!(
                "the roster's login {login} is not an account on this machine, so who owns the file cannot be checked"
            ),
            Problem::Owner { owner, login } if zh => {
                format!("文件属于账户 {owner}，名册中此成员的账户为 {login}")
            }
            Problem::Owner { owner, login } => {
                format!("the file is owned by account {owner}; the roster's login is {login}")
            }
            Problem::NotHandedIn if zh => "未交".into(),
            Problem::NotHandedIn => "not handed in".into(),
            Problem::More { count } if zh => format!("另有 {count} 个问题未列出"),
            Problem::More { count } => format!("{count} more problems not listed"),
        }
    }
}
