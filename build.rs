//! Compiles the units under `content/` into the binary: writes a table of
//! `(path, include_str!(..))` pairs that `store::content` reads.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "sources") {
                continue;
            }
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "md")
            && p.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(p);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let content = root.join("content");
    println!("cargo:rerun-if-changed=content");
    let mut files = Vec::new();
    walk(&content, &mut files);
    files.sort();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("builtin_units.rs");
    let mut w = fs::File::create(&out).expect("OUT_DIR is writable");
    writeln!(w, "/// Built-in units: (path under content/, file text).").expect("write");
    writeln!(w, "pub static BUILTIN: &[(&str, &str)] = &[").expect("write");
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap_or(f);
        writeln!(
            w,
            "    ({:?}, include_str!({:?})),",
            rel.display().to_string(),
            f.display().to_string()
        )
        .expect("write");
    }
    writeln!(w, "];").expect("write");
}
