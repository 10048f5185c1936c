//! `dangxue notes [--out PATH]`: the member's bookmarks and notes as Markdown.

use std::path::Path;

use crate::core::marks::{MarkdownLabels, markdown};

/// Run `notes`: the Markdown text, written to `out` when given (then the path is
/// returned as the second value), else returned to print.
///
/// # Errors
/// When the member cannot be loaded or the file cannot be written.
pub fn run(
    home: Option<&Path>,
    member: Option<&str>,
    out: Option<&Path>,
) -> anyhow::Result<(String, Option<std::path::PathBuf>)> {
    let m = super::load_member(home, member)?;
    let s = crate::strings::get(m.config.lang);
    let labels = MarkdownLabels {
        title: s.notes_title,
        bookmark: s.bookmark,
        empty: s.notes_empty,
    };
    let order: Vec<String> = m.library.iter().map(|u| u.meta.id.clone()).collect();
    let name = if m.state.name.is_empty() {
        m.state.member_id.clone()
    } else {
        m.state.name.clone()
    };
    let text = markdown(
        &name,
        &m.state.marks,
        &order,
        |id| m.library.get(id).map(|u| u.meta.title.clone()),
        &labels,
    );
    let Some(path) = out else {
        return Ok((text, None));
    };
    crate::store::atomic::write_atomic(path, text.as_bytes(), 0o600).map_err(|e| {
        anyhow::anyhow!(s.choose_out(&s.cannot_write(&path.display().to_string(), &e.to_string())))
    })?;
    Ok((text, Some(path.to_path_buf())))
}
