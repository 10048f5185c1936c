//! The report's words in English.

use super::Findings;

/// English.
pub static EN: Findings = Findings {
    part_read: "read",
    part_talk: "talk",
    part_study: "study",
    monthly: "monthly",
    fortnightly: "fortnightly",
    list_sep: ", ",

    units_read: |read, need| format!("{read} of {need} units read"),
    no_reflection: "no reflection",
    reflection: |chars, need| format!("reflection {chars} of {need} characters"),
    no_topic: "no topic",
    outline: |chars, need| format!("outline {chars} of {need} characters"),
    no_delivery: "no delivery date",
    delivered_outside: |day| format!("delivered {day}, outside the cycle"),
    delivered_after_export: |day| format!("delivered {day}, after the file was exported"),
    no_test: "test not taken",
    low_score: |score, pass| format!("score {score} < {pass}"),
    no_survey: "no survey",
    survey: |chars, need| format!("survey {chars} of {need} characters"),

    symlink: "a symbolic link, not read (copy the file itself into the folder)",
    directory: "a folder named like a completion file, not a file",
    special: "not a regular file (a FIFO, socket or device), not read",
    cannot_read: |e| format!("cannot read: {e}"),
    too_big: |mb| format!("larger than {mb} MB: not a completion file"),
    not_utf8: |line| format!("line {line}: not valid UTF-8: save the file as UTF-8"),
    parse: |m| format!("the file does not parse: {m}"),
    parse_at: |line, m| format!("the file does not parse, line {line}: {m}"),

    place_read: "[[read]]",
    place_reflection: "[reflection]",
    place_answer: |n| format!("test answer {n}"),
    unknown_unit: |at, unit| format!("{at} names unit {unit:?}, which is not in the content"),
    unknown_question: |index, unit, question| {
        format!(
            "test answer {index} names question {question:?} of unit {unit:?}, which that unit does not have"
        )
    },
    not_the_draw: |index, given, expected| {
        format!(
            "the test is not the deterministic draw: answer {index} is {given}, the draw has {expected}"
        )
    },
    not_the_draw_len: |given, draw| {
        format!(
            "the test is not the deterministic draw: the file has {given} answers, the draw has {draw}"
        )
    },
    test_outside_cycle: |day| format!("the test began on {day}, outside the cycle"),

    claimed: |part, claimed, actual| format!("claimed {part} = {claimed}, recomputed {actual}"),
    why_intro: ": ",
    why_sep: "; ",
    claimed_score: |s, r| format!("claimed score = {s}, recomputed {r}"),
    claimed_score_no_test: |s| format!("claimed score = {s}, but the file has no test"),
    score_not_claimed: |r| format!("no score claimed, recomputed {r}"),
    no_claimed: "no [claimed] table: the file does not say what it claims",
    name_id: |name, inside| format!("the file name says {name}, member_id inside is {inside}"),
    name_cycle: |name, inside| format!("the file name says cycle {name}, cycle inside is {inside}"),
    name_form: |expected| {
        format!("the file name is not <member_id>-<cycle>.toml: it should be {expected}")
    },
    duplicate: |id, cycle, others| {
        format!("member {id} has more than one file for {cycle}; also: {others}")
    },
    not_on_roster: |id| format!("member id {id} is not on the roster"),
    not_on_roster_lookalike: |id, like| {
        format!("member id {id} is not on the roster (it looks like {like}, but is another id)")
    },
    other_length: |cycle, want| {
        format!("cycle {cycle} is not of the branch's length ({want}, [cycle] length)")
    },
    stamp_finished: |u| format!("\"finished\" of unit {u}"),
    stamp_taken: "the test's \"taken\"",
    stamp_submitted: "the test's \"submitted\"",
    stamp_delivered: "the talk's \"delivered\"",
    after_export: |what, at, exported| {
        format!("{what} ({at}) is later than \"exported\" ({exported})")
    },
    exported_before_cycle: |exported, starts| {
        format!("\"exported\" ({exported}) is before the cycle began ({starts})")
    },
    exported_in_future: |exported, now| {
        format!("\"exported\" ({exported}) is in the future (now {now})")
    },
    unit_seconds: |unit, seconds, cycle| {
        format!("unit {unit}: {seconds} seconds of reading, more than the whole cycle ({cycle} s)")
    },
    total_seconds: |total, available| {
        format!(
            "{total} seconds of reading in all, more than the {available} s from the cycle's start to \"exported\""
        )
    },
    late: |exported, due| format!("late: exported {exported}, due {due}"),
    sig_missing: |sig| format!("the roster has the member's key, but there is no {sig}"),
    sig_other_member: |sig, other| {
        format!("{sig} was made with member {other}'s key, not this member's")
    },
    sig_unverified: |sig| format!("{sig} does not verify with the roster's key"),
    no_account: |login| {
        format!(
            "the roster's login {login} is not an account on this machine, so who owns the file cannot be checked"
        )
    },
    owner: |owner, login| {
        format!("the file is owned by account {owner}; the roster's login is {login}")
    },
    not_handed_in: "not handed in",
    more: |count| format!("{count} more problems not listed"),

    summary_cycle: |c| format!("{c}: "),
    summary_files: |files, verified, flagged| {
        format!("{files} files, {verified} verified, {flagged} with problems")
    },
    summary_roster: |n, missing| format!("; roster {n}, not handed in {missing}"),
    summary_late: |n| format!("; late {n}"),
    summary_parts: |read, talk, study| {
        format!("; read done {read}, talk done {talk}, study done {study} (verified files only)")
    },
    summary_all_verified: "; all verified",
    summary_total: "all: ",
    empty_folder: |dir| format!("the folder {dir} holds no completion file (*.toml)"),

    header_status: "status",
    header_member_id: "member id",
    header_member: "member",
    header_cycle: "cycle",
    header_score: "score",
    header_file: "file",
    done: "done",
    not_done: "not done",
    problems: "Problems",
    colon: ":",
    status_missing: "✗ missing",
    status_late: " late",
    no_file: "none",
    cell_missing: "missing",
    cell_invalid: "✗ invalid",
    cell_read: "R",
    cell_talk: "T",
    cell_study: "S",
    cell_files: |n| format!("✗ {n} files"),
    legend: "cells: ✓ verified, ✗ problems; R/T/S the parts done (· not done), then the score",
    other_entries: "Other entries of the folder (not *.toml, not read):",
    other_entries_page: "Other entries of the folder (not read)",
    page_lang: "en",
    page_title: "study completion report",
    page_cycles: "cycles: ",
    page_sign: "Branch secretary (signature): ____________    Date: ____________",
    unit: &super::UNIT_EN,
    doc: &super::DOC_EN,
};
