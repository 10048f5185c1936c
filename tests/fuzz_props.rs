//! Property-based fuzzing of every loader that reads files a user or a stranger may
//! have written: study units, member state, completion files and config. Inputs are
//! arbitrary bytes and strings, and valid files with random edits (which reach far
//! deeper into the parsers than noise does). Each loader must return a value or an
//! error, never panic or hang, and what it accepts must survive a round trip.
//!
//! `DANGXUE_FUZZ_CASES` sets the number of cases per property (default 64, enough
//! for `cargo test`); `.ci/fuzz-short` runs more. The coverage-guided targets are in
//! `fuzz/` (cargo-fuzz).

use dangxue::core::completion;
use dangxue::core::config::Config;
use dangxue::core::state::MemberState;
use dangxue::core::unit;
use dangxue::store::content::BUILTIN;
use dangxue::store::state::parse_state;
use proptest::prelude::*;
use proptest::test_runner::Config as RunConfig;

fn cases() -> u32 {
    std::env::var("DANGXUE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

const STATE_SEED: &str = include_str!("../fuzz/seeds/state_load/full.toml");

const COMPLETION_SEED: &str = include_str!("../fuzz/seeds/completion_load/full.toml");

const CONFIG_SEED: &str = include_str!("../fuzz/seeds/config_load/full.toml");

/// One random edit of a byte string.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Replace(usize, u8),
    Duplicate(usize, usize),
}

/// Pieces that tend to matter to TOML and the unit format.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'''",
    "\"\"\"",
    "=",
    "\n",
    ",",
    ".",
    "+++",
    "[[",
    "]]",
    "#",
    "\\u",
    "\u{200b}",
    "\u{301}",
    "\u{1b}[31m",
    "\u{202e}",
    "\r\n",
    "nan",
    "1e999",
    "9999999999999999999999",
    "-1",
    "1979-05-27T07:32:00Z",
    "\u{feff}",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), proptest::sample::select(TOKENS))
            .prop_map(|(at, t)| Edit::Insert(at, t.as_bytes().to_vec())),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..4))
            .prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Edit::Duplicate(at, n)),
    ]
}

fn mutate(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for e in edits {
        let len = b.len();
        match e {
            Edit::Insert(at, bytes) => {
                let at = at % (len + 1);
                b.splice(at..at, bytes.iter().copied());
            }
            Edit::Delete(at, n) if len > 0 => {
                let at = at % len;
                b.drain(at..(at + n).min(len));
            }
            Edit::Replace(at, byte) if len > 0 => b[at % len] = *byte,
            Edit::Duplicate(at, n) if len > 0 => {
                let at = at % len;
                let piece: Vec<u8> = b[at..(at + n).min(len)].to_vec();
                b.splice(at..at, piece);
            }
            _ => {}
        }
    }
    b
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(edit(), 1..8)
}

/// Whatever the state loader accepts is written back and read again unchanged.
/// Compared as text, since a review card may hold NaN, which never equals itself.
fn check_state(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(state) = parse_state(bytes) {
        let text = toml::to_string(&state).expect("a loaded state serialises");
        let again: MemberState = parse_state(text.as_bytes()).expect("a saved state loads");
        prop_assert_eq!(toml::to_string(&again).expect("serialises"), text);
    }
    Ok(())
}

fn check_unit(text: &str) -> Result<(), TestCaseError> {
    match unit::parse(text) {
        Ok(u) => prop_assert!(
            unit::valid_id(&u.meta.id),
            "accepted a bad id {:?}",
            u.meta.id
        ),
        Err(problems) => prop_assert!(!problems.is_empty()),
    }
    Ok(())
}

fn check_completion(text: &str) {
    let problems = completion::check(text);
    for (line, _) in problems {
        assert!(
            line >= 1 && line <= text.lines().count().max(1) + 1,
            "line {line}"
        );
    }
}

fn unit_seed() -> &'static str {
    BUILTIN
        .iter()
        .map(|(_, text)| *text)
        .find(|t| t.contains("[[questions]]"))
        .unwrap_or(BUILTIN[0].1)
}

proptest! {
    #![proptest_config(RunConfig { cases: cases(), ..RunConfig::default() })]

    #[test]
    fn state_loader_takes_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_state(&bytes)?;
    }

    #[test]
    fn state_loader_takes_edited_states(e in edits()) {
        check_state(&mutate(STATE_SEED.as_bytes(), &e))?;
    }

    #[test]
    fn unit_parser_takes_any_text(text in "\\PC{0,400}") {
        check_unit(&text)?;
        check_unit(&format!("+++\n{text}\n+++\nbody"))?;
    }

    #[test]
    fn unit_parser_takes_edited_units(e in edits(), pick in any::<proptest::sample::Index>()) {
        let seed = if pick.index(2) == 0 { unit_seed() } else { BUILTIN[pick.index(BUILTIN.len())].1 };
        let bytes = mutate(seed.as_bytes(), &e);
        check_unit(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn completion_check_takes_any_text(text in "\\PC{0,400}") {
        check_completion(&text);
    }

    #[test]
    fn completion_check_takes_edited_files(e in edits()) {
        let bytes = mutate(COMPLETION_SEED.as_bytes(), &e);
        check_completion(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn config_parser_takes_edited_files(e in edits()) {
        let bytes = mutate(CONFIG_SEED.as_bytes(), &e);
        let path = std::path::Path::new("/home/u/.config/dangxue/config.toml");
        if let Err(msg) = dangxue::store::config::parse_config(path, &bytes) {
            let msg = msg.to_string();
            prop_assert!(msg.starts_with("/home/u/.config/dangxue/config.toml:"), "{}", msg);
            prop_assert!(!msg.contains('\u{1b}'), "{:?}", msg);
        }
        let _ = Config::parse(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn the_seeds_are_valid() {
    parse_state(STATE_SEED.as_bytes()).expect("state seed loads");
    assert!(completion::check(COMPLETION_SEED).is_empty());
    Config::parse(CONFIG_SEED).expect("config seed parses");
    unit::parse(unit_seed()).expect("unit seed parses");
}
