//! The strings that are built from values: counts, durations, dates, notices.

use super::Strings;
use crate::core::config::Lang;
use crate::core::reading::ReadState;

impl Strings {
    /// "还需阅读 2 篇" / "2 more units to read".
    #[must_use]
    pub fn need_units(&self, n: u32) -> String {
        if self.lang == Lang::En {
            format!("{n} more unit(s) to read")
        } else {
            format!("还需阅读 {n} 篇")
        }
    }

    /// "心得 120/300 字" / "reflection 120/300 chars".
    #[must_use]
    pub fn chars_of(&self, what: &str, have: usize, need: u32) -> String {
        if self.lang == Lang::En {
            format!("{what} {have}/{need} chars")
        } else {
            format!("{what} {have}/{need} 字")
        }
    }

    /// A duration for the member: "1 分 20 秒", "40 秒" / "1 min 20 s", "40 s".
    #[must_use]
    pub fn duration(&self, secs: u64) -> String {
        let (m, s) = (secs / 60, secs % 60);
        match (self.lang == Lang::En, m) {
            (true, 0) => format!("{s} s"),
            (true, _) => format!("{m} min {s} s"),
            (false, 0) => format!("{s} 秒"),
            (false, _) => format!("{m} 分 {s} 秒"),
        }
    }

    /// A unit's read state in the cycle, the same words on every screen and in `status`.
    #[must_use]
    pub fn read_state(&self, state: ReadState) -> String {
        let en = self.lang == Lang::En;
        match state {
            ReadState::Unread => self.unread.to_string(),
            ReadState::Reading { percent } => format!("{percent}%"),
            ReadState::NeedsTime { seconds_left } if en => {
                format!("read · {} to go", self.duration(seconds_left))
            }
            ReadState::NeedsTime { seconds_left } => {
                format!("读完·还需 {}", self.duration(seconds_left))
            }
            ReadState::Counted if en => "counted this cycle ✓".to_string(),
            ReadState::Counted => "已计入本月 ✓".to_string(),
            ReadState::OutsidePlan if en => "read · not in this cycle's plan".to_string(),
            ReadState::OutsidePlan => "读完·不在本期计划".to_string(),
        }
    }

    /// Whole minutes for the reader footer, which changes at most once a minute:
    /// time still needed is rounded up, time spent down ("不到 1 分" under a minute).
    #[must_use]
    pub fn minutes(&self, secs: u64, round_up: bool) -> String {
        let m = if round_up {
            secs.div_ceil(60)
        } else {
            secs / 60
        };
        match (self.lang == Lang::En, m) {
            (true, 0) => "under 1 min".to_string(),
            (true, _) => format!("{m} min"),
            (false, 0) => "不到 1 分".to_string(),
            (false, _) => format!("{m} 分"),
        }
    }

    /// The reader footer: whether time counts now, the time counted in the cycle and
    /// what is still needed for the unit to count as read, in whole minutes (see
    /// [`Strings::minutes`]) so that reading does not redraw it every second.
    /// Reaching the last line with time still needed keeps the same words (the
    /// percentage beside them says 100%), so the footer is not redrawn there.
    #[must_use]
    pub fn reader_status(&self, state: ReadState, counting: bool, spent: u64, need: u64) -> String {
        let en = self.lang == Lang::En;
        let clock = match (en, counting) {
            (true, true) => "timing",
            (true, false) => "idle, not timing",
            (false, true) => "计时中",
            (false, false) => "闲置，不计时",
        };
        // The clock comes first in every state, so a change of state changes only
        // the end of the footer.
        let need = match state {
            ReadState::Counted | ReadState::OutsidePlan => {
                return format!("{clock} · {}", self.read_state(state));
            }
            // Still needed, whatever the count of seconds says.
            ReadState::NeedsTime { seconds_left } => seconds_left.max(1),
            ReadState::Unread | ReadState::Reading { .. } => need,
        };
        let spent = self.minutes(spent, false);
        match (en, need) {
            (true, 0) => format!("{clock} · {spent} · read to the last line"),
            (true, _) => format!("{clock} · {spent} · {} more", self.minutes(need, true)),
            (false, 0) => format!("{clock} · 已读 {spent} · 读到最后一行即计入"),
            (false, _) => format!("{clock} · 已读 {spent} · 还需 {}", self.minutes(need, true)),
        }
    }

    /// Test start confirmation: how many units are read, that only they supply
    /// questions, and that the test is taken once.
    #[must_use]
    pub fn confirm_test(&self, n: usize, units_read: usize, units_needed: u32) -> String {
        if self.lang == Lang::En {
            format!(
                "Start the cycle test? You have finished {units_read} unit(s) of this cycle (the rule asks {units_needed}); questions come only from finished units. {n} questions, taken once per cycle, no feedback until handed in. y starts, n cancels."
            )
        } else {
            format!(
                "开始本期测试？本期已读完 {units_read} 篇（要求 {units_needed} 篇），题目只从已读完的单元中抽取。共 {n} 题，每期只能参加一次，交卷前不显示对错。按 y 开始，n 取消。"
            )
        }
    }

    /// Test hand-in confirmation, naming the questions still unanswered (1-based).
    #[must_use]
    pub fn confirm_submit(&self, unanswered: &[usize], total: usize) -> String {
        let answered = total - unanswered.len().min(total);
        let list = unanswered.iter().map(usize::to_string).collect::<Vec<_>>();
        if self.lang == Lang::En {
            let open = if list.is_empty() {
                "All answered.".to_string()
            } else {
                format!("Not answered: {}.", list.join(", "))
            };
            format!(
                "Hand in? {answered} of {total} answered. {open} It cannot be changed afterwards. y hands in, n goes back."
            )
        } else {
            let open = if list.is_empty() {
                "全部已答。".to_string()
            } else {
                format!("未答：第 {} 题。", list.join("、"))
            };
            format!(
                "确认交卷？已答 {answered}/{total} 题。{open}交卷后不能修改。按 y 交卷，n 返回。"
            )
        }
    }

    /// A delivery date that could not be read, when the editor is left.
    #[must_use]
    pub fn bad_date(&self, typed: &str) -> String {
        let typed = crate::core::text::escape_controls(typed.trim());
        if self.lang == Lang::En {
            format!(
                "The talk date \"{typed}\" is not a date, so it was not kept: write it as 2026-11-20 (Ctrl-T puts today)"
            )
        } else {
            format!("宣讲日期“{typed}”不是有效日期，没有保存：请写成 2026-11-20（Ctrl-T 填入今天）")
        }
    }

    /// What a typed talk date means for 月讲, shown beside the field as it is typed.
    #[must_use]
    pub fn talk_day(&self, day: crate::core::regime::TalkDay, cycle: &str) -> String {
        use crate::core::regime::TalkDay;
        let en = self.lang == Lang::En;
        match (day, en) {
            (TalkDay::Empty, true) => "not given yet · Ctrl-T today".to_string(),
            (TalkDay::Empty, false) => "未填 · Ctrl-T 填入今天".to_string(),
            (TalkDay::Invalid, true) => "✗ not a date (2026-11-20)".to_string(),
            (TalkDay::Invalid, false) => "✗ 不是有效日期（如 2026-11-20）".to_string(),
            (TalkDay::Outside(d), true) => format!("✗ {d} is outside {cycle}: does not count"),
            (TalkDay::Outside(d), false) => format!("✗ {d} 不在本期 {cycle}，不计入"),
            (TalkDay::Future(d), true) => format!("… {d} is still to come: counts from that day"),
            (TalkDay::Future(d), false) => format!("… {d} 还没到，当天起计入"),
            (TalkDay::Counts(d), true) => format!("✓ {d} counts"),
            (TalkDay::Counts(d), false) => format!("✓ {d} 计入本期"),
        }
    }

    /// The date moved into a new cycle while the program was open.
    #[must_use]
    pub fn new_cycle(&self, cycle: &str) -> String {
        if self.lang == Lang::En {
            format!(
                "A new cycle has begun: {cycle}. Anything already open stays with its own cycle."
            )
        } else {
            format!("新的一期已开始：{cycle}。已打开的测试或文稿仍属于它开始时的那一期。")
        }
    }

    /// An open test drawn again because questions left the content.
    #[must_use]
    pub fn test_redrawn(&self, gone: &[String], new: usize, total: usize) -> String {
        let names = gone.join(", ");
        match (self.lang == Lang::En, total) {
            (true, 0) => format!(
                "No longer in the content: {names}. No question of this test is left; ask your secretary"
            ),
            (true, _) => format!(
                "No longer in the content: {names}. The test was drawn again from the content as it is: {new} new of {total}, your other answers kept"
            ),
            (false, 0) => format!("已不在学习内容中：{names}。本次测试已没有题目，请联系支部书记"),
            (false, _) => format!(
                "已不在学习内容中：{names}。已按现有内容重新抽题：共 {total} 题，新抽到 {new} 题，其余答案保留"
            ),
        }
    }

    /// A test begun and not handed in: "测试进行中（已答 6/10）".
    #[must_use]
    pub fn test_in_progress(&self, answered: usize, total: usize) -> String {
        if self.lang == Lang::En {
            format!("test in progress ({answered}/{total} answered)")
        } else {
            format!("测试进行中（已答 {answered}/{total}）")
        }
    }

    /// The summary of a practice sitting: "本次练习 4/6 对".
    #[must_use]
    pub fn practice_summary(&self, right: usize, answered: usize, skipped: usize) -> String {
        match (self.lang == Lang::En, skipped) {
            (true, 0) => format!("This sitting: {right}/{answered} right"),
            (true, _) => format!("This sitting: {right}/{answered} right, {skipped} skipped"),
            (false, 0) => format!("本次练习 {right}/{answered} 对"),
            (false, _) => format!("本次练习 {right}/{answered} 对，跳过 {skipped} 题"),
        }
    }

    /// The summary of a review-all sitting: cards, remembered at once, missed, and
    /// missed then right when asked again.
    #[must_use]
    pub fn review_summary(
        &self,
        cards: usize,
        good: usize,
        again: usize,
        relearned: usize,
    ) -> String {
        if self.lang == Lang::En {
            format!(
                "Reviewed {cards}: {good} remembered, {again} again ({relearned} right the second time)"
            )
        } else {
            format!("复习 {cards} 题：记得 {good} 题，重来 {again} 题（再问时答对 {relearned} 题）")
        }
    }

    /// A past test's count of right answers.
    #[must_use]
    pub fn history_test(&self, right: usize, of: usize) -> String {
        if self.lang == Lang::En {
            format!("test: {right} of {of} right")
        } else {
            format!("测试：{of} 题答对 {right} 题")
        }
    }

    /// The form's error for an id against the rules (`why` is the rule broken, in
    /// English).
    #[must_use]
    pub fn bad_id(&self, id: &str, why: &str) -> String {
        if self.lang == Lang::En {
            format!("Id not allowed: {why}")
        } else {
            format!("编号“{id}”不合要求：请按上面的规则修改")
        }
    }

    /// The form's error for an id that has a profile already.
    #[must_use]
    pub fn id_taken(&self, id: &str) -> String {
        if self.lang == Lang::En {
            format!("A profile with the id {id} exists already: choose it in the list")
        } else {
            format!("已有编号为 {id} 的档案：请在列表中选择它")
        }
    }

    /// Under the reading chart: today's and the cycle's minutes.
    #[must_use]
    pub fn chart_totals(&self, today_min: u64, cycle_min: u64) -> String {
        if self.lang == Lang::En {
            format!("today {today_min} · cycle {cycle_min} min")
        } else {
            format!("今天 {today_min} · 本期 {cycle_min} 分钟")
        }
    }

    /// A month above the calendar: "2026年11月" / "2026-11".
    #[must_use]
    pub fn month_heading(&self, year: i16, month: i8) -> String {
        if self.lang == Lang::En {
            format!("{year}-{month:02}")
        } else {
            format!("{year}年{month}月")
        }
    }

    /// Score line.
    #[must_use]
    pub fn score(&self, score: u32, pass: u32) -> String {
        if self.lang == Lang::En {
            format!("Score {score} (pass {pass})")
        } else {
            format!("得分 {score}（及格 {pass}）")
        }
    }

    /// Question header "第 3/10 题".
    #[must_use]
    pub fn question_n(&self, i: usize, n: usize) -> String {
        if self.lang == Lang::En {
            format!("Question {i}/{n}")
        } else {
            format!("第 {i}/{n} 题")
        }
    }

    /// "kind" label in the unit's metadata.
    #[must_use]
    pub fn kinds_label(&self) -> &'static str {
        if self.lang == Lang::En {
            "Kind"
        } else {
            "类别"
        }
    }

    /// Find position in the reader footer: "第 3/12 处" / "3 of 12".
    #[must_use]
    pub fn find_count(&self, i: usize, n: usize) -> String {
        if self.lang == Lang::En {
            format!("{i} of {n}")
        } else {
            format!("第 {i}/{n} 处")
        }
    }

    /// Notice when a state file was moved aside.
    #[must_use]
    pub fn moved_aside(&self, path: &str) -> String {
        if self.lang == Lang::En {
            format!("Your state file could not be read; it was kept as {path}. Starting afresh.")
        } else {
            format!("学习记录文件无法读取，已另存为 {path}，现从头开始。")
        }
    }

    /// Shown, and kept on screen, while the record cannot be saved (the error says
    /// that the work is still in memory).
    #[must_use]
    pub fn save_held(&self, error: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{}：{error}", self.save_failed),
            Lang::En => format!("{}: {error}", self.save_failed),
        }
    }

    /// Shown when quitting while the record cannot be saved.
    #[must_use]
    pub fn quit_refused(&self, error: &str) -> String {
        if self.lang == Lang::En {
            format!(
                "Not quitting: your latest work is not saved ({error}). Fix it and quit again, or press q once more to give up: the unsaved work is then written to an emergency copy."
            )
        } else {
            format!(
                "尚未退出：最近的内容没有保存（{error}）。请先解决后再退出，或再按一次 q 放弃保存：未保存的内容会写入一份紧急副本。"
            )
        }
    }

    /// Printed on stderr after the terminal is restored, when the program ends with
    /// work that could not be saved to the record.
    #[must_use]
    pub fn unsaved_on_exit(&self, error: &str, copy: Result<&std::path::Path, &str>) -> String {
        let en = self.lang == Lang::En;
        match (copy, en) {
            (Ok(p), true) => format!(
                "could not save the study record: {error}\nThe unsaved work was written to {}: copy it over the record once the problem is fixed.",
                crate::core::text::escape_controls(&p.display().to_string())
            ),
            (Ok(p), false) => format!(
                "学习记录保存失败：{error}\n未保存的内容已写入 {}：问题解决后用它覆盖学习记录即可恢复。",
                crate::core::text::escape_controls(&p.display().to_string())
            ),
            (Err(why), true) => format!(
                "could not save the study record: {error}\nNo emergency copy could be written either ({why}): the work since the last save is lost."
            ),
            (Err(why), false) => format!(
                "学习记录保存失败：{error}\n紧急副本也无法写入（{why}）：上次保存后的内容已丢失。"
            ),
        }
    }

    /// Shown when the terminal is smaller than the screens need.
    #[must_use]
    pub fn too_small(&self, need: (u16, u16), have: (u16, u16)) -> String {
        if self.lang == Lang::En {
            format!(
                "Terminal too small: {}x{}, needs at least {}x{}. Enlarge the window; keys are ignored until then.",
                have.0, have.1, need.0, need.1
            )
        } else {
            format!(
                "终端太小：{}x{}，至少需要 {}x{}。请放大窗口；在此之前按键不起作用。",
                have.0, have.1, need.0, need.1
            )
        }
    }

    /// Under an editor field that has a version set aside by a merge.
    #[must_use]
    pub fn set_aside_here(&self, chars: usize, focused: bool) -> String {
        match (self.lang == Lang::En, focused) {
            (true, true) => {
                format!(" another version ({chars} chars) is set aside: Ctrl-R to use it ")
            }
            (true, false) => format!(" another version ({chars} chars) is set aside "),
            (false, true) => format!(" 另有一版（{chars} 字）已搁置：Ctrl-R 换用 "),
            (false, false) => format!(" 另有一版（{chars} 字）已搁置 "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaching_the_last_line_keeps_the_reader_footer_words() {
        for lang in [Lang::Zh, Lang::En] {
            let s = super::super::get(lang);
            let reading = s.reader_status(ReadState::Reading { percent: 90 }, true, 30, 90);
            let at_end = s.reader_status(ReadState::NeedsTime { seconds_left: 90 }, true, 30, 90);
            assert_eq!(reading, at_end);
            // The last seconds still say a minute is needed.
            let nearly = s.reader_status(ReadState::NeedsTime { seconds_left: 1 }, true, 119, 0);
            assert_eq!(nearly, s.reader_status(ReadState::Unread, true, 119, 1));
        }
        let zh = super::super::get(Lang::Zh);
        assert_eq!(
            zh.reader_status(ReadState::NeedsTime { seconds_left: 90 }, true, 30, 90),
            "计时中 · 已读 不到 1 分 · 还需 2 分"
        );
        assert_eq!(
            zh.reader_status(ReadState::Counted, false, 200, 0),
            "闲置，不计时 · 已计入本月 ✓"
        );
        let en = super::super::get(Lang::En);
        assert_eq!(
            en.reader_status(ReadState::NeedsTime { seconds_left: 90 }, true, 30, 90),
            "timing · under 1 min · 2 min more"
        );
    }
}
