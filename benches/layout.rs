//! `cargo bench --bench layout`: laying out a 1 MB unit body at reader widths.
//!
//! A plain harness (no extra dependency): each case runs a few times and the
//! minimum and median are printed. The reader lays a unit out once per width, so the
//! figure to hold against is the first-frame budget (50 ms) after opening a unit or
//! resizing the terminal.

use std::hint::black_box;
use std::time::{Duration, Instant};

use dangxue::core::layout::layout;

/// About `bytes` of real unit text: the built-in bodies, repeated.
fn sample_body(bytes: usize) -> String {
    let lib = dangxue::store::content::load_builtin();
    let mut seed = String::new();
    for u in lib.iter() {
        seed.push_str(&u.body);
        seed.push_str("\n\n");
    }
    if seed.trim().is_empty() {
        seed = "党建引领基层治理，凝聚起强大合力。Hello 2024 年。\n\n".repeat(100);
    }
    let mut body = String::with_capacity(bytes + seed.len());
    while body.len() < bytes {
        body.push_str(&seed);
    }
    body
}

fn time(label: &str, runs: usize, mut f: impl FnMut() -> usize) {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut out = 0;
    for _ in 0..runs {
        let t = Instant::now();
        out = black_box(f());
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{label:<44} min {:>8.2} ms  median {:>8.2} ms  ({out} lines)",
        times[0].as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3
    );
}

fn main() {
    let body = sample_body(1 << 20);
    println!("body: {} bytes, {} chars", body.len(), body.chars().count());
    for width in [200u16, 80, 40] {
        time(&format!("layout 1 MB unit at width {width}"), 15, || {
            layout(black_box(&body), width).lines.len()
        });
    }
    let emoji: String = body.replacen('。', "。👍🏽", 2000);
    time("layout 1 MB with emoji (segmenter path) at 200", 15, || {
        layout(black_box(&emoji), 200).lines.len()
    });
    let word = "x".repeat(1 << 20);
    time("layout 1 MB single ASCII word at 80", 5, || {
        layout(black_box(&word), 80).lines.len()
    });
    let stops = "。".repeat(350_000);
    time("layout 1 MB of closing punctuation at 80", 5, || {
        layout(black_box(&stops), 80).lines.len()
    });
    let spaces = format!("a{}b", " ".repeat(1 << 20));
    time("layout 1 MB of spaces at 80", 5, || {
        layout(black_box(&spaces), 80).lines.len()
    });
    let mut cut = 8 << 10;
    while !body.is_char_boundary(cut) {
        cut += 1;
    }
    let small = &body[..cut];
    time("layout 8 KB unit at width 80", 101, || {
        layout(black_box(small), 80).lines.len()
    });
}
