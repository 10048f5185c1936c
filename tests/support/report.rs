//! What the `report` tests share: a home with the small rules the completion fixtures
//! were worked out with, and the JSON rows the report prints.

use serde_json::Value;

use super::{fixtures, home_with_config, toml_path};

/// The rules of the report fixtures (tests/fixtures/completions/draw.py drew with
/// them), as config lines.
pub const REPORT_RULES: &str = "\
[read]
units = 2
reflection_min_chars = 20

[talk]
outline_min_chars = 10

[study]
survey_min_chars = 20
questions = 4
";

/// A home whose config points at the fixture units (tests/fixtures/report/content)
/// and holds [`REPORT_RULES`], with `top` (top-level keys, one a line) before them.
pub fn report_home(top: &str) -> tempfile::TempDir {
    let content = toml_path(&fixtures().join("report/content"));
    home_with_config(&format!(
        "content_dirs = [{content}]\n{top}\n{REPORT_RULES}"
    ))
}

/// The rows of a report printed with `--format json`.
pub fn json_rows(stdout: &str) -> Vec<Value> {
    match serde_json::from_str(stdout) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("not a JSON array: {other:?}\n{stdout}"),
    }
}

/// The problems of the row for `file`.
pub fn problems_of(rows: &[Value], file: &str) -> Vec<String> {
    let row = rows
        .iter()
        .find(|r| r["file"] == file)
        .unwrap_or_else(|| panic!("no row for {file}"));
    row["problems"]
        .as_array()
        .expect("problems is an array")
        .iter()
        .map(|p| p.as_str().expect("problem is a string").to_string())
        .collect()
}
