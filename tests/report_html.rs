//! `report --format html` is one self-contained page that prints on A4: rendered by
//! headless Chromium (the browser a secretary prints from) to a PDF and a screenshot,
//! and the PDF's text read back with `pdftotext`. `.ci/run` installs chromium,
//! poppler-utils and a CJK font.

mod support;

use std::path::Path;
use std::process::Command;

use support::{fixtures, report_home, toml_path};

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Headless Chromium with nothing that reaches the network, in a fresh profile.
fn chromium(profile: &Path, args: &[String]) {
    let out = Command::new("timeout")
        .arg("120")
        .arg("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_html_page_prints_on_a4_and_reads_back() {
    assert!(
        have("chromium") && have("pdftotext") && have("pdfinfo"),
        "this test needs chromium and poppler-utils (pdftotext, pdfinfo); .ci/run installs them"
    );
    let plan = toml_path(&fixtures().join("report/tricks-plan.toml"));
    let home = report_home(&format!("plan = {plan}"));
    let out = Command::new(env!("CARGO_BIN_EXE_dangxue"))
        .arg("--home")
        .arg(home.path())
        .args(["report", "--format", "html"])
        .arg(fixtures().join("tricks"))
        .env_remove("DANGXUE_HOME")
        .output()
        .expect("run dangxue");
    assert_eq!(out.status.code(), Some(1));
    let page = String::from_utf8(out.stdout).expect("UTF-8");
    // Self-contained: nothing is fetched.
    for outside in [
        "src=", "href=", "url(", "@import", "<script", "http:", "https:",
    ] {
        assert!(!page.contains(outside), "{outside} in the page");
    }
    let work = tempfile::tempdir().expect("work");
    let html = work.path().join("report.html");
    std::fs::write(&html, &page).expect("write page");
    let url = format!("file://{}", html.display());
    let pdf = work.path().join("report.pdf");
    chromium(
        &work.path().join("profile-pdf"),
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
            url.clone(),
        ],
    );
    let png = work.path().join("report.png");
    chromium(
        &work.path().join("profile-png"),
        &[
            "--window-size=794,1123".into(),
            format!("--screenshot={}", png.display()),
            url,
        ],
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)"), "{info}");
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8(text.stdout).expect("UTF-8 text");
    for want in [
        "第一党支部 党员学习完成情况",
        "周期：2026-11",
        "名册 11 人，未交 2 人",
        "逾期 2 份",
        "zhouba",
        "周八",
        "未交",
        "文件名为 zhaoliu，文件内 member_id 为 sunqi",
        "支部书记（签字）",
    ] {
        assert!(
            text.contains(want),
            "{want:?} not in the printed page:\n{text}"
        );
    }
    // Every row of the table made it onto the page, none cut off at the right.
    for file in ["ｚｈａｎｇｓａｎ-2026-11.toml", "chenshi-2026-11.toml"] {
        assert!(text.contains(file), "{file}:\n{text}");
    }
    let shot = std::fs::read(&png).expect("screenshot");
    assert_eq!(&shot[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes([shot[16], shot[17], shot[18], shot[19]]);
    assert_eq!(width, 794, "the screenshot is one A4 width at 96 dpi");
    assert!(shot.len() > 20_000, "a screenshot with content");
}
