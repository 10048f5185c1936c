//! The completion file checker on arbitrary text: a list of problems with lines
//! inside the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for (line, _) in dangxue::core::completion::check(text) {
            assert!(line >= 1 && line <= text.lines().count() + 1);
        }
    }
});
