//! The study unit parser on arbitrary text: problems or a unit, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match dangxue::core::unit::parse(text) {
            Ok(unit) => assert!(dangxue::core::unit::valid_id(&unit.meta.id)),
            Err(problems) => assert!(!problems.is_empty()),
        }
    }
});
