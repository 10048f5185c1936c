//! Members and files: the first-run name prompt, the profile picker, a unit from an
//! extra content dir counted as evidence, the report drop folder, fortnight cycles.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use support::{Pty, home, run, state};

#[test]
fn first_run_asks_for_a_name_then_the_picker_lists_profiles() {
    let h = home();
    let mut p = Pty::start(h.path(), &[], 80, 24);
    let s = p.wait_for("请填写您的姓名");
    assert!(s.contains("tester"), "the login name is the default: {s}");
    // Replace the default with a Chinese name.
    for _ in 0..6 {
        p.send("\u{7f}");
    }
    p.keys("张三");
    p.keys("\r");
    p.wait_for("张三 · ");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let st = state(h.path(), "tester");
    assert_eq!(st["name"].as_str(), Some("张三"));

    // A second member on the same account.
    let mut p = Pty::start(h.path(), &["--member", "lisi"], 80, 24);
    p.wait_for("lisi · ");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);

    // Without --member, the picker lists both and opens the chosen one.
    let mut p = Pty::start(h.path(), &[], 80, 24);
    let s = p.wait_for("选择学习档案");
    assert!(
        s.contains("张三  (tester)") && s.contains("lisi  (lisi)"),
        "{s}"
    );
    p.keys("j\r");
    p.wait_for("张三 · ");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_unit_from_an_extra_dir_is_evidence_and_drops_into_report_dir() {
    let h = home();
    let units = h.path().join("units");
    let drop = h.path().join("drop");
    std::fs::create_dir(&units).expect("units");
    std::fs::create_dir(&drop).expect("drop");
    std::fs::write(
        units.join("month.md"),
        "+++\nid = \"branch-november\"\ntitle = \"本月支部学习材料\"\nkind = \"article\"\n+++\n支部本月学习的材料正文。\n",
    )
    .expect("unit");
    support::write_config(
        h.path(),
        &format!(
            "content_dirs = [{:?}]\nreport_dir = {:?}\n[read]\nmin_seconds = 1\n",
            units.display().to_string(),
            drop.display().to_string()
        ),
    );
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for("学习库");
    p.keys("/");
    p.keys("支部学习材料");
    p.wait_one_match();
    p.keys("\r\r");
    p.wait_for("支部本月学习的材料正文");
    std::thread::sleep(Duration::from_millis(1800));
    p.keys("q");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);

    let out = h.path().join("out.toml");
    support::export(h.path(), None, &out);
    let c =
        dangxue::core::completion::Completion::parse(&std::fs::read_to_string(&out).expect("out"))
            .expect("parses");
    let r = c
        .read
        .iter()
        .find(|r| r.unit == "branch-november")
        .expect("read entry");
    assert!(r.finished.is_some() && r.seconds >= 1, "{r:?}");
    let (code, lines, _) = run(h.path(), &["check", out.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{lines}");

    // The drop folder got the same evidence, private to the group.
    let dropped: Vec<_> = std::fs::read_dir(&drop).expect("drop").flatten().collect();
    assert_eq!(dropped.len(), 1, "{dropped:?}");
    let f = dropped[0].path();
    assert!(
        f.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("zhangsan-"))
    );
    let mode = std::fs::metadata(&f).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let d = dangxue::core::completion::Completion::parse(
        &std::fs::read_to_string(&f).expect("dropped"),
    )
    .expect("dropped parses");
    assert!(
        d.read
            .iter()
            .any(|r| r.unit == "branch-november" && r.finished.is_some())
    );
}

#[test]
fn fortnight_cycles_answer_in_status() {
    let h = home();
    support::write_config(h.path(), "[cycle]\nlength = \"fortnight\"\n");
    let mut p = Pty::start(h.path(), &["--member", "m"], 80, 24);
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    let half = if today.day() <= 15 { 'a' } else { 'b' };
    let name = format!("{:04}-{:02}{half}", today.year(), today.month());
    p.wait_for(&name);
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let (code, out, err) = run(h.path(), &["--member", "m", "status"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&name), "{out}");
    let (code, out, _) = run(
        h.path(),
        &["--member", "m", "status", "--cycle", "2026-02b"],
    );
    assert_eq!(code, 0);
    assert!(out.contains("2026-02-16 至 2026-02-28"), "{out}");
}
