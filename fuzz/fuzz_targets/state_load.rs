//! The member state loader on arbitrary bytes; whatever it accepts must be written
//! back and read again unchanged (compared as text: a NaN never equals itself).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(state) = dangxue::store::state::parse_state(data) {
        let text = toml::to_string(&state).expect("a loaded state serialises");
        let again = dangxue::store::state::parse_state(text.as_bytes()).expect("a saved state loads");
        assert_eq!(toml::to_string(&again).expect("serialises"), text);
    }
});
