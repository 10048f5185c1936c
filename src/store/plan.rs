//! Loading the secretary's plan file named by config `plan`.

use std::path::Path;

use crate::core::plan::Plan;
use crate::store::content::{FileProblem, Message};

/// Largest plan file read.
pub const MAX_PLAN_BYTES: u64 = 4 * 1024 * 1024;

/// Read and parse a plan file.
///
/// # Errors
/// Every problem, as `path:line: message` (line 0: the whole file).
pub fn load(path: &Path) -> Result<Plan, Vec<FileProblem>> {
    let shown = path.display().to_string();
    let text = super::content::read_text(path, MAX_PLAN_BYTES, crate::strings::Reading::Plan)
        .map_err(|p| vec![p])?;
    Plan::parse(&text).map_err(|ps| {
        ps.into_iter()
            .map(|(line, message)| FileProblem {
                path: shown.clone(),
                line,
                message: Message::Doc(message),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_the_file_and_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("plan.toml");
        std::fs::write(
            &p,
            "format = \"dangxue-plan/1\"\n[[cycle]]\nname = \"2026-13\"\nunits = [\"a\"]\n",
        )
        .expect("write");
        let e = load(&p).expect_err("bad cycle");
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].text(crate::core::config::Lang::En),
            format!(
                "{}:3: cycle \"2026-13\" is not YYYY-MM or YYYY-MMa/b",
                p.display()
            )
        );
        let missing = load(&dir.path().join("none.toml")).expect_err("absent");
        assert!(
            missing[0]
                .text(crate::core::config::Lang::En)
                .contains("cannot read the plan")
        );
        assert_eq!(
            missing[0].text(crate::core::config::Lang::Zh),
            format!(
                "{}: 无法读取学习安排：没有这个文件（或修改 config.toml 中的 plan）",
                dir.path().join("none.toml").display()
            )
        );
    }
}
