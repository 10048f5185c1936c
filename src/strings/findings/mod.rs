//! The wording of what `report` finds in a folder of completion files: every
//! problem, shortfall and count, and the words of its tables; and of what `check`
//! and the loaders find in unit, plan and completion files. The findings themselves
//! are data ([`crate::core::report`], [`crate::core::tomldoc::Issue`],
//! [`crate::core::unit::ProblemKind`]); this module only words them, Chinese by
//! default, English with `lang = "en"`.

mod doc;
mod en;
mod unit;
mod zh;

pub use doc::{DOC_EN, DOC_ZH, DocWords};
pub use en::EN;
pub use unit::{UNIT_EN, UNIT_ZH, UnitWords};
pub use zh::ZH;

use std::fmt::Write as _;

use crate::core::assess::{Finding, Place};
use crate::core::config::Lang;
use crate::core::regime::CycleLength;
use crate::core::report::{Part, Problem, Shortfall, Signature, Stamp, Summary, Unreadable};
use crate::core::tomldoc::Issue;

/// The report's words in one language. A field that takes values is a function
/// from them to the sentence, so each language orders and punctuates them itself.
#[derive(Debug)]
pub struct Findings {
    /// 月读 / read.
    pub part_read: &'static str,
    /// 月讲 / talk.
    pub part_talk: &'static str,
    /// 月学 / study.
    pub part_study: &'static str,
    /// A cycle length of months.
    pub monthly: &'static str,
    /// A cycle length of half months.
    pub fortnightly: &'static str,
    /// Between items of a list in one sentence.
    pub list_sep: &'static str,

    /// Fewer units read than needed: (read, need).
    pub units_read: fn(usize, u32) -> String,
    /// No reflection at all.
    pub no_reflection: &'static str,
    /// A short reflection: (chars, need).
    pub reflection: fn(usize, u32) -> String,
    /// The talk has no topic.
    pub no_topic: &'static str,
    /// A short outline: (chars, need).
    pub outline: fn(usize, u32) -> String,
    /// No delivery date.
    pub no_delivery: &'static str,
    /// Delivered outside the cycle: (day).
    pub delivered_outside: fn(&str) -> String,
    /// Delivered after the file was exported: (day).
    pub delivered_after_export: fn(&str) -> String,
    /// No test.
    pub no_test: &'static str,
    /// A score below the pass score: (score, pass).
    pub low_score: fn(u32, u32) -> String,
    /// No survey.
    pub no_survey: &'static str,
    /// A short survey: (chars, need).
    pub survey: fn(usize, u32) -> String,

    /// A symbolic link in the folder.
    pub symlink: &'static str,
    /// A folder named like a completion file.
    pub directory: &'static str,
    /// A FIFO, socket or device.
    pub special: &'static str,
    /// Reading failed: (the system's words).
    pub cannot_read: fn(&str) -> String,
    /// Larger than the cap: (MB).
    pub too_big: fn(u64) -> String,
    /// Not UTF-8 from a line on: (line).
    pub not_utf8: fn(usize) -> String,
    /// The file does not parse: (the parser's words).
    pub parse: fn(&str) -> String,
    /// The file does not parse at a line: (line, the parser's words).
    pub parse_at: fn(usize, &str) -> String,

    /// Where an unknown unit is named: `[[read]]`.
    pub place_read: &'static str,
    /// Where an unknown unit is named: the reflection.
    pub place_reflection: &'static str,
    /// Where an unknown unit is named: a test answer (its number).
    pub place_answer: fn(usize) -> String,
    /// A unit not in the content: (place, unit).
    pub unknown_unit: fn(&str, &str) -> String,
    /// A question the unit does not have: (answer number, unit, question).
    pub unknown_question: fn(usize, &str, &str) -> String,
    /// Not the draw at one answer: (answer number, given, expected).
    pub not_the_draw: fn(usize, &str, &str) -> String,
    /// Not the draw in length: (answers given, questions drawn).
    pub not_the_draw_len: fn(usize, usize) -> String,
    /// The test began outside the cycle: (day).
    pub test_outside_cycle: fn(&str) -> String,

    /// `[claimed]` disagrees about a part: (part, claimed, recomputed).
    pub claimed: fn(&str, bool, bool) -> String,
    /// Before the reasons a claimed part is not done.
    pub why_intro: &'static str,
    /// Between those reasons.
    pub why_sep: &'static str,
    /// Claimed score differs: (claimed, recomputed).
    pub claimed_score: fn(u32, u32) -> String,
    /// A score claimed without a test: (claimed).
    pub claimed_score_no_test: fn(u32) -> String,
    /// No score claimed, but a test: (recomputed).
    pub score_not_claimed: fn(u32) -> String,
    /// No `[claimed]` table.
    pub no_claimed: &'static str,
    /// The file name's id differs: (name's, inside).
    pub name_id: fn(&str, &str) -> String,
    /// The file name's cycle differs: (name's, inside).
    pub name_cycle: fn(&str, &str) -> String,
    /// Not `<member_id>-<cycle>.toml`: (expected name).
    pub name_form: fn(&str) -> String,
    /// More than one file of a member and cycle: (id, cycle, the others).
    pub duplicate: fn(&str, &str, &str) -> String,
    /// An id not on the roster: (id).
    pub not_on_roster: fn(&str) -> String,
    /// An id not on the roster that looks like one: (id spelled out, roster id).
    pub not_on_roster_lookalike: fn(&str, &str) -> String,
    /// A cycle of the other length: (cycle, the branch's length).
    pub other_length: fn(&str, &str) -> String,
    /// `finished` of a unit: (unit).
    pub stamp_finished: fn(&str) -> String,
    /// The test's `taken`.
    pub stamp_taken: &'static str,
    /// The test's `submitted`.
    pub stamp_submitted: &'static str,
    /// The talk's `delivered`.
    pub stamp_delivered: &'static str,
    /// A time later than `exported`: (which, its value, exported).
    pub after_export: fn(&str, &str, &str) -> String,
    /// `exported` before the cycle: (exported, first day).
    pub exported_before_cycle: fn(&str, &str) -> String,
    /// `exported` in the future: (exported, now).
    pub exported_in_future: fn(&str, &str) -> String,
    /// One unit's seconds longer than the cycle: (unit, seconds, cycle's seconds).
    pub unit_seconds: fn(&str, u64, u64) -> String,
    /// All seconds longer than the time available: (total, available).
    pub total_seconds: fn(u64, u64) -> String,
    /// Exported after the due day: (exported, due).
    pub late: fn(&str, &str) -> String,
    /// A roster key and no `.sig`: (sig file).
    pub sig_missing: fn(&str) -> String,
    /// Signed with another member's key: (sig file, member).
    pub sig_other_member: fn(&str, &str) -> String,
    /// Does not verify: (sig file).
    pub sig_unverified: fn(&str) -> String,
    /// The roster's login is no account here: (login).
    pub no_account: fn(&str) -> String,
    /// Owned by another account: (owner, login).
    pub owner: fn(&str, &str) -> String,
    /// A roster member with no file.
    pub not_handed_in: &'static str,
    /// Problems left out: (count).
    pub more: fn(usize) -> String,

    /// A summary line's cycle: (cycle).
    pub summary_cycle: fn(&str) -> String,
    /// A summary's file counts: (files, verified, flagged).
    pub summary_files: fn(usize, usize, usize) -> String,
    /// A summary's roster counts: (members, not handed in).
    pub summary_roster: fn(usize, usize) -> String,
    /// A summary's late files: (count).
    pub summary_late: fn(usize) -> String,
    /// A summary's parts done: (read, talk, study).
    pub summary_parts: fn(usize, usize, usize) -> String,
    /// The end of a summary where everything verified.
    pub summary_all_verified: &'static str,
    /// Before the total of several cycles.
    pub summary_total: &'static str,
    /// A folder with no completion file: (folder).
    pub empty_folder: fn(&str) -> String,

    /// Table headers: status, member id, member, cycle, 月读, 月讲, 月学, score, file.
    pub header_status: &'static str,
    /// See `header_status`.
    pub header_member_id: &'static str,
    /// See `header_status`.
    pub header_member: &'static str,
    /// See `header_status`.
    pub header_cycle: &'static str,
    /// See `header_status`.
    pub header_score: &'static str,
    /// See `header_status`.
    pub header_file: &'static str,
    /// A part done.
    pub done: &'static str,
    /// A part not done.
    pub not_done: &'static str,
    /// The heading of the problems.
    pub problems: &'static str,
    /// After a heading, before its list.
    pub colon: &'static str,
    /// Status of a roster member with no file.
    pub status_missing: &'static str,
    /// Added to a status when late.
    pub status_late: &'static str,
    /// The file column of a roster member with no file.
    pub no_file: &'static str,
    /// A members × cycles cell with no file.
    pub cell_missing: &'static str,
    /// A members × cycles cell of a file that does not parse.
    pub cell_invalid: &'static str,
    /// The marks of the parts done in a cell: read, talk, study.
    pub cell_read: &'static str,
    /// See `cell_read`.
    pub cell_talk: &'static str,
    /// See `cell_read`.
    pub cell_study: &'static str,
    /// A cell of several files: (count).
    pub cell_files: fn(usize) -> String,
    /// What the marks of a cell mean.
    pub legend: &'static str,
    /// The heading of the folder's other entries (text outputs).
    pub other_entries: &'static str,
    /// The heading of the folder's other entries (the HTML page).
    pub other_entries_page: &'static str,
    /// The HTML page's `lang`.
    pub page_lang: &'static str,
    /// The HTML page's title after the branch.
    pub page_title: &'static str,
    /// Before the cycles on the HTML page.
    pub page_cycles: &'static str,
    /// The HTML page's signature line.
    pub page_sign: &'static str,
    /// The words of unit-file problems.
    pub unit: &'static UnitWords,
    /// The words of plan and completion file problems.
    pub doc: &'static DocWords,
}

/// The report's words for a language.
#[must_use]
pub fn get(lang: Lang) -> &'static Findings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
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

impl Findings {
    /// The name of a part.
    #[must_use]
    pub fn part(&self, part: Part) -> &'static str {
        match part {
            Part::Read => self.part_read,
            Part::Talk => self.part_talk,
            Part::Study => self.part_study,
        }
    }

    fn length(&self, l: CycleLength) -> &'static str {
        match l {
            CycleLength::Month => self.monthly,
            CycleLength::Fortnight => self.fortnightly,
        }
    }

    fn stamp(&self, s: &Stamp) -> String {
        match s {
            Stamp::Finished(u) => (self.stamp_finished)(u),
            Stamp::Taken => self.stamp_taken.into(),
            Stamp::Submitted => self.stamp_submitted.into(),
            Stamp::Delivered => self.stamp_delivered.into(),
        }
    }

    /// Why a part is not done.
    #[must_use]
    pub fn shortfall(&self, s: &Shortfall) -> String {
        match s {
            Shortfall::UnitsRead { read, need } => (self.units_read)(*read, *need),
            Shortfall::NoReflection => self.no_reflection.into(),
            Shortfall::Reflection { chars, need } => (self.reflection)(*chars, *need),
            Shortfall::NoTopic => self.no_topic.into(),
            Shortfall::Outline { chars, need } => (self.outline)(*chars, *need),
            Shortfall::NoDelivery => self.no_delivery.into(),
            Shortfall::DeliveredOutside { day } => (self.delivered_outside)(&day.to_string()),
            Shortfall::DeliveredAfterExport { day } => {
                (self.delivered_after_export)(&day.to_string())
            }
            Shortfall::NoTest => self.no_test.into(),
            Shortfall::Score { score, pass } => (self.low_score)(*score, *pass),
            Shortfall::NoSurvey => self.no_survey.into(),
            Shortfall::Survey { chars, need } => (self.survey)(*chars, *need),
        }
    }

    /// Evidence that does not fit the content.
    #[must_use]
    pub fn evidence(&self, f: &Finding) -> String {
        match f {
            Finding::UnknownUnit { unit, place } => {
                let at = match place {
                    Place::Read => self.place_read.to_string(),
                    Place::Reflection => self.place_reflection.to_string(),
                    Place::Answer(n) => (self.place_answer)(*n),
                };
                (self.unknown_unit)(&at, unit)
            }
            Finding::UnknownQuestion {
                index,
                unit,
                question,
            } => (self.unknown_question)(*index, unit, question),
            Finding::NotTheDraw {
                index,
                given,
                expected,
                given_len,
                draw_len,
            } => match (given, expected) {
                (Some(g), Some(e)) => (self.not_the_draw)(*index, g, e),
                _ => (self.not_the_draw_len)(*given_len, *draw_len),
            },
            Finding::TestOutsideCycle { day } => (self.test_outside_cycle)(&day.to_string()),
        }
    }

    fn unreadable(&self, u: &Unreadable) -> String {
        match u {
            Unreadable::Symlink => self.symlink.into(),
            Unreadable::Directory => self.directory.into(),
            Unreadable::Special => self.special.into(),
            Unreadable::Io(e) => (self.cannot_read)(e),
            Unreadable::TooBig { mb } => (self.too_big)(*mb),
            Unreadable::NotUtf8 { line } => (self.not_utf8)(*line),
        }
    }

    /// One problem of a report row, with its values. Text from the file is not
    /// escaped here; each output escapes what it prints.
    #[must_use]
    pub fn problem(&self, p: &Problem, lang: Lang) -> String {
        match p {
            Problem::Unreadable(u) => self.unreadable(u),
            Problem::Parse { line: 0, issue } => (self.parse)(&self.issue(issue)),
            Problem::Parse { line, issue } => (self.parse_at)(*line, &self.issue(issue)),
            Problem::Evidence(f) => self.evidence(f),
            Problem::Claimed {
                part,
                claimed,
                actual,
                why,
            } => {
                let mut m = (self.claimed)(self.part(*part), *claimed, *actual);
                if !why.is_empty() {
                    m.push_str(self.why_intro);
                    let why: Vec<String> = why.iter().map(|w| self.shortfall(w)).collect();
                    m.push_str(&why.join(self.why_sep));
                }
                m
            }
            Problem::ClaimedScore { claimed, actual } => match (claimed, actual) {
                (Some(s), Some(r)) => (self.claimed_score)(*s, *r),
                (Some(s), None) => (self.claimed_score_no_test)(*s),
                (None, Some(r)) => (self.score_not_claimed)(*r),
                (None, None) => String::new(),
            },
            Problem::NoClaimed => self.no_claimed.into(),
            Problem::NameId { name, inside } => (self.name_id)(name, inside),
            Problem::NameCycle { name, inside } => (self.name_cycle)(name, &inside.to_string()),
            Problem::NameForm { expected } => (self.name_form)(expected),
            Problem::Duplicate { id, cycle, others } => {
                (self.duplicate)(id, &cycle.to_string(), &others.join(self.list_sep))
            }
            Problem::NotOnRoster {
                id,
                lookalike: Some(l),
            } => (self.not_on_roster_lookalike)(&spelled(id), l),
            Problem::NotOnRoster {
                id,
                lookalike: None,
            } => (self.not_on_roster)(id),
            Problem::OtherLength { cycle, want } => {
                (self.other_length)(&cycle.to_string(), self.length(*want))
            }
            Problem::AfterExport { what, at, exported } => {
                (self.after_export)(&self.stamp(what), at, exported)
            }
            Problem::ExportedBeforeCycle { exported, starts } => {
                (self.exported_before_cycle)(exported, &starts.to_string())
            }
            Problem::ExportedInFuture { exported, now } => (self.exported_in_future)(exported, now),
            Problem::UnitSeconds {
                unit,
                seconds,
                cycle_seconds,
            } => (self.unit_seconds)(unit, *seconds, *cycle_seconds),
            Problem::TotalSeconds { total, available } => (self.total_seconds)(*total, *available),
            Problem::Late { exported, due } => (self.late)(&exported.to_string(), &due.to_string()),
            Problem::Signature {
                sig,
                why: Some(why),
                ..
            } => crate::strings::get(lang)
                .bad_signature(sig.strip_suffix(".sig").unwrap_or(sig), why),
            Problem::Signature {
                verdict,
                sig,
                signed_by,
                why: None,
            } => match (verdict, signed_by) {
                (Signature::Missing, _) => (self.sig_missing)(sig),
                (_, Some(other)) => (self.sig_other_member)(sig, other),
                (_, None) => (self.sig_unverified)(sig),
            },
            Problem::NoAccount { login } => (self.no_account)(login),
            Problem::Owner { owner, login } => (self.owner)(owner, login),
            Problem::NotHandedIn => self.not_handed_in.into(),
            Problem::More { count } => (self.more)(*count),
        }
    }

    /// A problem of a plan or completion file, in this language.
    #[must_use]
    pub fn issue(&self, i: &Issue) -> String {
        self.doc.issue(i)
    }

    /// The counts of one summary as one line.
    #[must_use]
    pub fn summary(&self, s: &Summary, roster: Option<usize>) -> String {
        let mut l = s
            .cycle
            .map(|c| (self.summary_cycle)(&c.to_string()))
            .unwrap_or_default();
        l.push_str(&(self.summary_files)(s.files, s.verified, s.flagged));
        if let Some(n) = roster {
            l.push_str(&(self.summary_roster)(n, s.not_handed_in));
        }
        if s.late > 0 {
            l.push_str(&(self.summary_late)(s.late));
        }
        l.push_str(&(self.summary_parts)(s.read, s.talk, s.study));
        if s.flagged == 0 && s.not_handed_in == 0 && s.files > 0 {
            l.push_str(self.summary_all_verified);
        }
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::regime::Cycle;
    use crate::core::tomldoc::{EntryIssue, Want};

    #[test]
    fn problems_read_in_both_languages() {
        let p = Problem::NameId {
            name: "zhaoliu".into(),
            inside: "sunqi".into(),
        };
        assert_eq!(
            ZH.problem(&p, Lang::Zh),
            "文件名为 zhaoliu，文件内 member_id 为 sunqi"
        );
        assert_eq!(
            EN.problem(&p, Lang::En),
            "the file name says zhaoliu, member_id inside is sunqi"
        );
        let c = Problem::Claimed {
            part: Part::Study,
            claimed: true,
            actual: false,
            why: vec![
                Shortfall::Score {
                    score: 50,
                    pass: 80,
                },
                Shortfall::NoSurvey,
            ],
        };
        assert_eq!(
            ZH.problem(&c, Lang::Zh),
            "声明月学完成，复核为未完成：得分 50 低于及格分 80；没有调研"
        );
        assert_eq!(
            EN.problem(&c, Lang::En),
            "claimed study = true, recomputed false: score 50 < 80; no survey"
        );
        let l = Problem::NotOnRoster {
            id: "zh\u{430}ngsan".into(),
            lookalike: Some("zhangsan".into()),
        };
        assert_eq!(
            ZH.problem(&l, Lang::Zh),
            "成员ID zh<U+0430>ngsan 不在名册上（与名册中的 zhangsan 形近，不是同一ID）"
        );
        let d = Problem::Duplicate {
            id: "zs".into(),
            cycle: "2026-11".parse().expect("cycle"),
            others: vec!["a.toml".into(), "b.toml".into()],
        };
        assert_eq!(
            ZH.problem(&d, Lang::Zh),
            "成员 zs 在 2026-11 有多份文件，另有：a.toml、b.toml"
        );
        assert_eq!(
            EN.problem(&d, Lang::En),
            "member zs has more than one file for 2026-11; also: a.toml, b.toml"
        );
    }

    #[test]
    fn a_parse_problem_is_worded_in_the_language_not_the_parser_s() {
        let p = Problem::Parse {
            line: 9,
            issue: Issue::Entry(EntryIssue::WrongType {
                key: "seconds".into(),
                table: "[[read]]".into(),
                want: Want::Int { min: 0, max: 100 },
            }),
        };
        assert_eq!(
            ZH.problem(&p, Lang::Zh),
            "文件无法解析，第 9 行：[[read]] 中的 \"seconds\" 必须是 0 到 100 之间的整数"
        );
        assert_eq!(
            EN.problem(&p, Lang::En),
            "the file does not parse, line 9: \"seconds\" in [[read]] must be a whole number from 0 to 100"
        );
        let missing = Issue::Entry(EntryIssue::Missing {
            key: "member".into(),
            table: String::new(),
        });
        assert_eq!(ZH.issue(&missing), "缺少键 \"member\"");
        assert_eq!(EN.issue(&missing), "missing key \"member\"");
    }

    #[test]
    fn a_summary_reads_as_one_sentence_in_each_language() {
        let s = Summary {
            cycle: Some("2026-11".parse::<Cycle>().expect("cycle")),
            files: 3,
            verified: 2,
            flagged: 1,
            members: 3,
            not_handed_in: 1,
            read: 2,
            talk: 1,
            study: 2,
            late: 1,
        };
        assert_eq!(
            ZH.summary(&s, Some(4)),
            "2026-11：共 3 份文件，核验通过 2 份，有问题 1 份；名册 4 人，未交 1 人；逾期 1 份；月读完成 2，月讲完成 1，月学完成 2（只计核验通过的文件）"
        );
        assert_eq!(
            EN.summary(&s, None),
            "2026-11: 3 files, 2 verified, 1 with problems; late 1; read done 2, talk done 1, study done 2 (verified files only)"
        );
        let all = Summary {
            cycle: None,
            flagged: 0,
            not_handed_in: 0,
            ..s
        };
        assert!(ZH.summary(&all, None).ends_with("；全部核验通过"));
        assert!(EN.summary(&all, None).ends_with("; all verified"));
    }
}
