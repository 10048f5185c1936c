//! The report's words in 中文, the default.

use super::Findings;

/// 中文.
pub static ZH: Findings = Findings {
    part_read: "月读",
    part_talk: "月讲",
    part_study: "月学",
    monthly: "按月",
    fortnightly: "按半月",
    list_sep: "、",

    units_read: |read, need| format!("已读 {read}/{need} 篇"),
    no_reflection: "没有心得",
    reflection: |chars, need| format!("心得 {chars}/{need} 字"),
    no_topic: "没有题目",
    outline: |chars, need| format!("提纲 {chars}/{need} 字"),
    no_delivery: "没有宣讲日期",
    delivered_outside: |day| format!("宣讲日期 {day} 不在本周期内"),
    delivered_after_export: |day| format!("宣讲日期 {day} 晚于导出时间"),
    no_test: "未参加测验",
    low_score: |score, pass| format!("得分 {score} 低于及格分 {pass}"),
    no_survey: "没有调研",
    survey: |chars, need| format!("调研 {chars}/{need} 字"),

    symlink: "是符号链接，未读取（请把文件本身复制到文件夹中）",
    directory: "是以 .toml 结尾的文件夹，不是完成情况文件",
    special: "不是普通文件（管道、套接字或设备），未读取",
    cannot_read: |e| format!("无法读取：{e}"),
    too_big: |mb| format!("大于 {mb} MB，不是完成情况文件"),
    not_utf8: |line| format!("第 {line} 行不是有效的 UTF-8：请以 UTF-8 编码保存"),
    parse: |m| format!("文件无法解析：{m}"),
    parse_at: |line, m| format!("文件无法解析，第 {line} 行：{m}"),

    place_read: "[[read]] 中",
    place_reflection: "心得 [reflection] 所关联的",
    place_answer: |n| format!("测验第 {n} 题的"),
    unknown_unit: |at, unit| format!("{at}篇目 \"{unit}\" 不在学习内容中"),
    unknown_question: |index, unit, question| {
        format!("测验第 {index} 题：篇目 \"{unit}\" 没有题目 \"{question}\"")
    },
    not_the_draw: |index, given, expected| {
        format!("测验题目不是按规则抽取的：第 {index} 题为 {given}，应为 {expected}")
    },
    not_the_draw_len: |given, draw| {
        format!("测验题目不是按规则抽取的：文件中有 {given} 题，应抽 {draw} 题")
    },
    test_outside_cycle: |day| format!("测验开始于 {day}，不在本周期内"),

    claimed: |part, claimed, actual| {
        let word = |b: bool| if b { "完成" } else { "未完成" };
        format!("声明{part}{}，复核为{}", word(claimed), word(actual))
    },
    why_intro: "：",
    why_sep: "；",
    claimed_score: |s, r| format!("声明得分 {s}，复核为 {r}"),
    claimed_score_no_test: |s| format!("声明得分 {s}，但文件中没有测验"),
    score_not_claimed: |r| format!("未声明得分，复核为 {r}"),
    no_claimed: "没有 [claimed] 表：文件没有说明其声明的结果",
    name_id: |name, inside| format!("文件名为 {name}，文件内 member_id 为 {inside}"),
    name_cycle: |name, inside| format!("文件名周期为 {name}，文件内 cycle 为 {inside}"),
    name_form: |expected| format!("文件名不是“成员ID-周期.toml”的形式，应为 {expected}"),
    duplicate: |id, cycle, others| format!("成员 {id} 在 {cycle} 有多份文件，另有：{others}"),
    not_on_roster: |id| format!("成员ID {id} 不在名册上"),
    not_on_roster_lookalike: |id, like| {
        format!("成员ID {id} 不在名册上（与名册中的 {like} 形近，不是同一ID）")
    },
    other_length: |cycle, want| {
        format!("周期 {cycle} 与本支部的周期长度不符（本支部{want}，[cycle] length）")
    },
    stamp_finished: |u| format!("篇目 {u} 的读完时间 finished"),
    stamp_taken: "测验开始时间 taken",
    stamp_submitted: "测验交卷时间 submitted",
    stamp_delivered: "宣讲日期 delivered",
    after_export: |what, at, exported| format!("{what}（{at}）晚于导出时间 exported（{exported}）"),
    exported_before_cycle: |exported, starts| {
        format!("导出时间 exported（{exported}）早于周期开始（{starts}）")
    },
    exported_in_future: |exported, now| {
        format!("导出时间 exported（{exported}）在未来（现在 {now}）")
    },
    unit_seconds: |unit, seconds, cycle| {
        format!("篇目 {unit} 的阅读时间 {seconds} 秒，超过整个周期的 {cycle} 秒")
    },
    total_seconds: |total, available| {
        format!("阅读时间合计 {total} 秒，超过从周期开始到导出的 {available} 秒")
    },
    late: |exported, due| format!("逾期：导出于 {exported}，截止日期为 {due}"),
    sig_missing: |sig| format!("名册中有此成员的公钥，但没有签名文件 {sig}"),
    sig_other_member: |sig, other| {
        format!("签名 {sig} 不是此成员的密钥所签，而是成员 {other} 的密钥")
    },
    sig_unverified: |sig| format!("签名 {sig} 无法用名册中的公钥验证"),
    no_account: |login| format!("名册中此成员的账户 {login} 在本机上不存在，无法核对文件属于谁"),
    owner: |owner, login| format!("文件属于账户 {owner}，名册中此成员的账户为 {login}"),
    not_handed_in: "未交",
    more: |count| format!("另有 {count} 个问题未列出"),

    summary_cycle: |c| format!("{c}："),
    summary_files: |files, verified, flagged| {
        format!("共 {files} 份文件，核验通过 {verified} 份，有问题 {flagged} 份")
    },
    summary_roster: |n, missing| format!("；名册 {n} 人，未交 {missing} 人"),
    summary_late: |n| format!("；逾期 {n} 份"),
    summary_parts: |read, talk, study| {
        format!("；月读完成 {read}，月讲完成 {talk}，月学完成 {study}（只计核验通过的文件）")
    },
    summary_all_verified: "；全部核验通过",
    summary_total: "合计：",
    empty_folder: |dir| format!("文件夹 {dir} 中没有完成情况文件（*.toml）"),

    header_status: "状态",
    header_member_id: "成员ID",
    header_member: "姓名",
    header_cycle: "周期",
    header_score: "得分",
    header_file: "文件",
    done: "完成",
    not_done: "未完成",
    problems: "问题",
    colon: "：",
    status_missing: "✗ 未交",
    status_late: " 逾期",
    no_file: "未交",
    cell_missing: "未交",
    cell_invalid: "✗ 无效",
    cell_read: "读",
    cell_talk: "讲",
    cell_study: "学",
    cell_files: |n| format!("✗ {n} 份"),
    legend: "格内：✓ 核验通过、✗ 有问题；读/讲/学 为已完成的部分（· 为未完成），其后为得分",
    other_entries: "文件夹中的其他条目（不是 *.toml，未读取）：",
    other_entries_page: "文件夹中的其他条目（未读取）",
    page_lang: "zh-CN",
    page_title: "党员学习完成情况",
    page_cycles: "周期：",
    page_sign: "支部书记（签字）：____________　　日期：____________",
    unit: &super::UNIT_ZH,
    doc: &super::DOC_ZH,
};
