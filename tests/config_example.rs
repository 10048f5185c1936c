//! `config.example.toml` documents every key: it must parse, equal the defaults
//! (so the documented defaults are the real ones), and name every key the program has.

use dangxue::core::config::Config;

#[test]
fn example_config_is_exactly_the_defaults() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml"))
        .expect("config.example.toml exists");
    let parsed = Config::parse(&text).expect("config.example.toml parses");
    assert_eq!(parsed, Config::default());
}

#[test]
fn example_config_mentions_every_key() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml"))
        .expect("config.example.toml exists");
    for key in [
        "lang",
        "theme",
        "timezone",
        "content_dirs",
        "plan",
        "report_dir",
        "signing_key",
        "[cycle]",
        "length",
        "[read]",
        "units",
        "reflection_min_chars",
        "min_seconds",
        "idle_seconds",
        "[talk]",
        "outline_min_chars",
        "[study]",
        "pass_score",
        "survey_min_chars",
        "questions",
    ] {
        assert!(
            text.contains(key),
            "config.example.toml does not document {key}"
        );
    }
}
