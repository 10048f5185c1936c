//! Relative paths in `config.toml` (`content_dirs`, `plan`, `report_dir`) are taken from
//! the folder of `config.toml`, as `config.example.toml` says, whatever folder the
//! program is started in: the real binary, started elsewhere.

mod support;

use std::path::Path;

use support::{Pty, bin, home};

fn write_home(h: &Path) {
    let units = h.join("units");
    std::fs::create_dir(&units).expect("units");
    std::fs::write(
        units.join("month.md"),
        "+++\nid = \"branch-month\"\ntitle = \"支部本月自学材料\"\nkind = \"article\"\n+++\n支部自学材料的正文。\n",
    )
    .expect("unit");
    std::fs::write(
        h.join("plan.toml"),
        "format = \"dangxue-plan/1\"\nbranch = \"第一党支部\"\n\n[[cycle]]\nname = \"2026-11\"\n\
         units = [\"branch-month\"]\ntalk_theme = \"支部自定主题\"\n",
    )
    .expect("plan");
    std::fs::create_dir(h.join("drop")).expect("drop");
    support::write_config(
        h,
        "content_dirs = [\"units\"]\nplan = \"plan.toml\"\nreport_dir = \"drop\"\n",
    );
}

/// Files in `dir`, by name.
fn names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn relative_config_paths_are_taken_from_the_config_folder_wherever_dangxue_starts() {
    let h = home();
    write_home(h.path());
    // Started in another folder that has its own `units`, `plan.toml` and `drop`.
    let elsewhere = tempfile::tempdir().expect("cwd");
    std::fs::create_dir(elsewhere.path().join("drop")).expect("decoy drop");
    std::fs::create_dir(elsewhere.path().join("units")).expect("decoy units");

    let mut p = Pty::start_in(elsewhere.path(), h.path(), &["--member", "zhangsan"]);
    p.wait_for("学习库");
    p.keys("1r");
    p.wait_for("写心得");
    p.keys("放进投递目录");
    p.send("\u{1b}");
    p.wait_for("月读");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let dropped = names(&h.path().join("drop"));
    assert!(
        dropped
            .iter()
            .any(|n| n.starts_with("zhangsan-")
                && Path::new(n).extension().is_some_and(|e| e == "toml")),
        "the drop folder beside config.toml: {dropped:?}"
    );
    assert!(names(&elsewhere.path().join("drop")).is_empty());

    // `status` from there too: the plan and the unit beside config.toml are used.
    let out = std::process::Command::new(bin())
        .current_dir(elsewhere.path())
        .arg("--home")
        .arg(h.path())
        .args(["--member", "zhangsan", "status", "--cycle", "2026-11"])
        .env_remove("DANGXUE_HOME")
        .output()
        .expect("status");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("支部本月自学材料"),
        "the plan's unit from units/: {text}"
    );
}
