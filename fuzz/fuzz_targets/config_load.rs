//! The config loader on arbitrary bytes: a config or a `path:line: message`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("config.toml");
    if let Err(message) = dangxue::store::config::parse_config(path, data) {
        assert!(message.to_string().starts_with("config.toml:"));
    }
});
