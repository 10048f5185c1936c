//! The completion file: the model a member exports and a secretary verifies.

/// Problems of a completion file as (line, message); empty when valid.
#[must_use]
pub fn check(text: &str) -> Vec<(usize, String)> {
    match toml::from_str::<toml::Table>(text) {
        Ok(_) => Vec::new(),
        Err(e) => vec![(
            e.span().map_or(1, |s| {
                1 + text.get(..s.start).unwrap_or("").matches('\n').count()
            }),
            e.message().trim().to_string(),
        )],
    }
}
