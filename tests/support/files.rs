//! The files around a run: a fresh home and its config, the binary run without a
//! terminal, and the state files it wrote.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{WAIT, bin};

/// A fresh home folder for one test.
pub fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A temporary folder and the paths of a home not made yet inside it, for the tests
/// of the store itself.
pub fn store_home() -> (tempfile::TempDir, dangxue::store::paths::Paths) {
    let t = home();
    let p = dangxue::store::paths::Paths {
        home: t.path().join("home"),
    };
    (t, p)
}

/// A fresh home folder with `config` as its `config.toml`.
pub fn home_with_config(config: &str) -> tempfile::TempDir {
    let h = home();
    write_config(h.path(), config);
    h
}

/// Write (or replace) the `config.toml` of the home at `home`.
pub fn write_config(home: &Path, config: &str) {
    let path = home.join("config.toml");
    std::fs::write(&path, config).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// A path as a TOML string, for a config line: `content_dirs = [{}]`.
pub fn toml_path(path: &Path) -> String {
    toml::Value::String(path.to_str().expect("a UTF-8 path").to_string()).to_string()
}

/// The folder of the test fixtures, `tests/fixtures`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The texts of every cycle's 心得 in a state file's bytes (a member's record or an
/// emergency copy), read by the program's own parser.
pub fn reflections(bytes: &[u8]) -> Vec<String> {
    let st = dangxue::store::state::parse_state(bytes).expect("a whole state file");
    st.cycles
        .values()
        .filter_map(|c| c.reflection.as_ref().map(|r| r.text.clone()))
        .collect()
}

/// The 心得 texts in the record of member `id` under `home`.
pub fn member_reflections(home: &Path, id: &str) -> Vec<String> {
    let path = home.join("members").join(format!("{id}.toml"));
    reflections(&std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display())))
}

/// Write the record of member `id` named `name` under `home` (making `members/`),
/// its header followed by `rest`, TOML tables of the state format.
pub fn write_member(home: &Path, id: &str, name: &str, rest: &str) {
    let members = home.join("members");
    std::fs::create_dir_all(&members).expect("members dir");
    let path = members.join(format!("{id}.toml"));
    let text = format!("format = 1\nmember_id = \"{id}\"\nname = \"{name}\"\n\n{rest}");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// Read a member's state file as TOML.
pub fn state(home: &Path, id: &str) -> toml::Table {
    let path = home.join("members").join(format!("{id}.toml"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

/// Wait until the file at `path` exists and holds `text`; returns its contents.
/// A screen can change before the save behind it reaches the disk (the program
/// draws first and writes after), so a test that acts on what another session
/// saved waits for the file, not the screen.
pub fn wait_for_file(path: &Path, text: &str) -> String {
    let start = Instant::now();
    loop {
        let got = std::fs::read_to_string(path).unwrap_or_default();
        if got.contains(text) {
            return got;
        }
        assert!(
            start.elapsed() < WAIT,
            "{} never held {text:?}; it holds:\n{got}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Run `dangxue ARGS` without a terminal; (exit code, stdout, stderr). What it
/// prints is UTF-8, whatever the files it read hold.
pub fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(bin())
        .arg("--home")
        .arg(home)
        .args(args)
        .env_remove("DANGXUE_HOME")
        .output()
        .expect("run dangxue");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// `dangxue --member zhangsan export [--cycle CYCLE] --out OUT`, which must succeed.
pub fn export(home: &Path, cycle: Option<&str>, out: &Path) {
    let out_s = out.to_str().expect("a UTF-8 path");
    let mut args = vec!["--member", "zhangsan", "export"];
    if let Some(c) = cycle {
        args.extend(["--cycle", c]);
    }
    args.extend(["--out", out_s]);
    let (code, _, err) = run(home, &args);
    assert_eq!(code, 0, "export: {err}");
}

/// The rows of `dangxue report DIR --cycle CYCLE --format json`.
pub fn report_rows(home: &Path, dir: &Path, cycle: &str) -> serde_json::Value {
    let dir_s = dir.to_str().expect("a UTF-8 path");
    let (_, json, err) = run(
        home,
        &["report", dir_s, "--cycle", cycle, "--format", "json"],
    );
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}{err}"))
}
