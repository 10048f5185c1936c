//! Drive the real binary in a pseudo-terminal: press keys, read the screen as a
//! terminal would show it (parsed by vt100), send signals, read the files it wrote.

#![allow(dead_code)]

mod disk;
mod files;
mod report;
mod study;

// Each test uses a part of the support; the rest goes unused there.
#[allow(unused_imports)]
pub use disk::*;
#[allow(unused_imports)]
pub use files::*;
#[allow(unused_imports)]
pub use report::*;
#[allow(unused_imports)]
pub use study::*;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Longest a test waits for the screen to show something before it fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// A running `dangxue` in a pseudo-terminal.
pub struct Pty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    bytes: Arc<Mutex<usize>>,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
}

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dangxue"))
}

impl Pty {
    /// Start `dangxue ARGS` with `--home HOME` at `cols`x`rows`.
    pub fn start(home: &Path, args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::start_env(home, args, cols, rows, &[])
    }

    /// Same, with extra environment variables.
    pub fn start_env(
        home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        Pty::start_through(&[], home, args, cols, rows, env)
    }

    /// Start `dangxue` as the account `uid` (its own group, no others) under umask
    /// `umask`, through `setpriv` (util-linux): that needs root, as CI runs. At 80x24.
    pub fn start_as(
        uid: u32,
        umask: &str,
        home: &Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Pty {
        let (reuid, regid) = (format!("--reuid={uid}"), format!("--regid={uid}"));
        let script = format!("umask {umask} && exec \"$@\"");
        let wrapper = [
            "setpriv",
            reuid.as_str(),
            regid.as_str(),
            "--clear-groups",
            "sh",
            "-c",
            script.as_str(),
            "sh",
        ];
        Pty::start_through(&wrapper, home, args, 80, 24, env)
    }

    /// Start `dangxue --home HOME ARGS` at 80x24 with `cwd` as its working directory.
    pub fn start_in(cwd: &Path, home: &Path, args: &[&str]) -> Pty {
        let script = format!(
            "cd '{}' && exec \"$@\"",
            cwd.to_str().expect("a utf-8 path").replace('\'', r"'\''")
        );
        Pty::start_through(&["sh", "-c", &script, "sh"], home, args, 80, 24, &[])
    }

    /// Start `WRAPPER... dangxue --home HOME ARGS` (no wrapper: the binary itself).
    fn start_through(
        wrapper: &[&str],
        home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = match wrapper.split_first() {
            Some((program, rest)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(rest);
                cmd.arg(bin());
                cmd
            }
            None => CommandBuilder::new(bin()),
        };
        cmd.arg("--home");
        cmd.arg(home);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("USER", "tester");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("DANGXUE_HOME");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn dangxue");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows.max(1)).expect("non-zero"),
            std::num::NonZeroU16::new(cols.max(1)).expect("non-zero"),
            0,
        )));
        let bytes = Arc::new(Mutex::new(0usize));
        let p = Arc::clone(&parser);
        let b = Arc::clone(&bytes);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        p.lock().expect("parser lock").process(&buf[..n]);
                        *b.lock().expect("bytes lock") += n;
                    }
                }
            }
        });
        Pty {
            child,
            writer,
            parser,
            bytes,
            master: Some(pair.master),
        }
    }

    /// The screen as text, rows joined by newlines.
    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Bytes the program has written so far.
    pub fn bytes(&self) -> usize {
        *self.bytes.lock().expect("bytes lock")
    }

    /// Type raw bytes.
    pub fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Type keys one at a time with a short gap, as a person would.
    pub fn keys(&mut self, s: &str) {
        for c in s.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b));
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Wait until the screen contains `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < WAIT,
                "screen never showed {text:?}; it shows:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until `pred` holds for the screen.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            assert!(
                start.elapsed() < WAIT,
                "screen never showed {what}; it shows:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Send a signal by name (`HUP`, `TERM`, `KILL`).
    pub fn signal(&self, sig: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{sig} failed");
    }

    /// Resize the terminal.
    pub fn resize(&self, cols: u16, rows: u16) {
        // The screen model takes the new size before the program can learn of it, so
        // the frame it draws for the new size is never parsed at the old one.
        let mut parser = self.parser.lock().expect("parser lock");
        parser.screen_mut().set_size(
            std::num::NonZeroU16::new(rows.max(1)).expect("non-zero"),
            std::num::NonZeroU16::new(cols.max(1)).expect("non-zero"),
        );
        if let Some(m) = &self.master {
            m.resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        }
        drop(parser);
    }

    /// Wait for the program to end; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                return st.exit_code();
            }
            assert!(
                start.elapsed() < WAIT,
                "dangxue did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Close the terminal as a dropped SSH link does.
    pub fn hang_up(&mut self) {
        self.master = None;
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

impl Pty {
    /// In the library: wait until the search line says exactly one unit is listed
    /// (`1/1` at its end).
    pub fn wait_one_match(&self) {
        self.wait_until("one unit listed", |s| {
            s.lines()
                .nth(1)
                .is_some_and(|l| l.trim_end().ends_with(" 1/1"))
        });
    }

    /// The characters drawn with a background colour (search and find highlights),
    /// row by row, rows joined by `|`.
    pub fn highlighted(&self) -> String {
        lit_cells(self.parser.lock().expect("parser lock").screen())
    }

    /// Wait until `pred` holds for the screen's text and its highlighted cells (as
    /// [`Pty::highlighted`] gives them), both read from one and the same moment: a
    /// frame's text and its colours can arrive in different reads. Returns both.
    pub fn wait_lit(&self, what: &str, pred: impl Fn(&str, &str) -> bool) -> (String, String) {
        let start = Instant::now();
        loop {
            let (s, lit) = {
                let parser = self.parser.lock().expect("parser lock");
                (parser.screen().contents(), lit_cells(parser.screen()))
            };
            if pred(&s, &lit) {
                return (s, lit);
            }
            assert!(
                start.elapsed() < WAIT,
                "screen never showed {what}; lit: {lit:?}; it shows:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// In the library: search for `query` (which must match exactly one unit), open
    /// it, and wait until the reader shows `shown`.
    pub fn open_by_search(&mut self, query: &str, shown: &str) {
        self.wait_for("学习库");
        self.keys("/");
        self.keys(query);
        self.wait_one_match();
        self.keys("\r\r");
        self.wait_for(shown);
    }
}

impl Pty {
    /// The text of every underlined cell, row by row (rows without any are left out).
    pub fn underlined(&self) -> Vec<String> {
        let parser = self.parser.lock().expect("parser lock");
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        (0..rows)
            .filter_map(|r| {
                let text: String = (0..cols)
                    .filter_map(|c| screen.cell(r, c))
                    .filter(|cell| cell.underline())
                    .map(|cell| cell.contents().to_string())
                    .collect();
                (!text.trim().is_empty()).then(|| text.trim().to_string())
            })
            .collect()
    }
}

/// Environment that runs the program under libfaketime with its clock starting at
/// `start` (`"2026-11-30 23:59:50"`, read in `TZ`) and running at normal speed, the
/// system zone set to `tz`. Panics when libfaketime is not installed (`.ci/run`
/// installs it): a midnight test must not pass by not running.
pub fn faketime_env(start: &str, tz: &str) -> Vec<(String, String)> {
    let candidates = [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
        "/usr/local/lib/faketime/libfaketime.so.1",
    ];
    let lib = candidates
        .iter()
        .find(|p| Path::new(p).exists())
        .unwrap_or_else(|| panic!("libfaketime not found in {candidates:?}; install faketime"));
    vec![
        ("LD_PRELOAD".into(), (*lib).to_string()),
        ("FAKETIME".into(), format!("@{start}")),
        ("FAKETIME_DONT_FAKE_MONOTONIC".into(), "1".into()),
        ("FAKETIME_NO_CACHE".into(), "1".into()),
        ("TZ".into(), tz.into()),
    ]
}

impl Pty {
    /// Start under [`faketime_env`].
    pub fn start_at(home: &Path, args: &[&str], start: &str, tz: &str) -> Pty {
        let env = faketime_env(start, tz);
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        Pty::start_env(home, args, 80, 24, &env)
    }
}

impl Pty {
    /// The text of the cells drawn in reverse video in columns `cols`, row by row
    /// (rows without any are left out).
    pub fn inverse_in(&self, cols: std::ops::Range<u16>) -> Vec<(u16, String)> {
        let parser = self.parser.lock().expect("parser lock");
        let screen = parser.screen();
        let rows = screen.size().0.get();
        (0..rows)
            .filter_map(|r| {
                let text: String = cols
                    .clone()
                    .filter_map(|c| screen.cell(r, c))
                    .filter(|cell| cell.inverse())
                    .map(|cell| cell.contents().to_string())
                    .collect();
                (!text.is_empty()).then_some((r, text))
            })
            .collect()
    }
}

impl Pty {
    /// Start member `id` under [`faketime_env`] with the clock at `start` in UTC, and
    /// wait for the first screen (学习库).
    pub fn member_at(home: &Path, id: &str, start: &str) -> Pty {
        let p = Pty::start_at(home, &["--member", id], start, "UTC");
        p.wait_for("学习库");
        p
    }

    /// From the first screen (学习库) to 本月: wait for it, press `1`, wait for 月读.
    pub fn open_home(&mut self) -> String {
        self.wait_for("学习库");
        self.keys("1");
        self.wait_for("月读")
    }

    /// From the first screen to the 心得 editor on 本月.
    pub fn open_reflection(&mut self) -> String {
        self.open_home();
        self.keys("r");
        self.wait_for("写心得")
    }

    /// Press `key` every `every` until the screen shows `text` (reading time counts
    /// only while keys come); fails after [`WAIT`].
    pub fn press_until(&mut self, key: &str, text: &str, every: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < WAIT, "never showed {text:?}:\n{screen}");
            self.keys(key);
            std::thread::sleep(every);
        }
    }
}

/// The characters of `screen` drawn with a background colour and not in reverse
/// video, row by row, rows joined by `|`.
fn lit_cells(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let mut out = Vec::new();
    for r in 0..rows {
        let mut row = String::new();
        for c in 0..cols {
            if let Some(cell) = screen.cell(r, c)
                && cell.bgcolor() != vt100::Color::Default
                && !cell.inverse()
            {
                row.push_str(cell.contents());
            }
        }
        if !row.is_empty() {
            out.push(row);
        }
    }
    out.join("|")
}
