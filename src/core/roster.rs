//! The branch's roster: the `[[member]]` tables of the plan file, who belongs to the
//! branch. With a roster, `report` has a row for every member (未交 when nothing was
//! handed in) and flags files of ids that are not on it.
//!
//! ```toml
//! [[member]]
//! id = "zhangsan"          # required: the member id of the completion files (unique)
//! name = "张三"             # required: the display name
//! login = "zhangsan"       # optional: the Unix account that must own the member's files
//! key = "ssh-ed25519 AAAA... zhangsan@host"   # optional: the member's SSH public key
//! ```

/// One `[[member]]` of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterMember {
    /// The member id used in completion file names and `member_id`.
    pub id: String,
    /// The display name.
    pub name: String,
    /// The Unix account that must own the member's files in a shared drop folder.
    pub login: Option<String>,
    /// The member's SSH public key (one `authorized_keys` line); when given, the
    /// member's files must carry a valid `.sig` made with it.
    pub key: Option<String>,
    /// Line of the `[[member]]` header.
    pub line: usize,
}

/// Whether `login` can be a Unix account name: the POSIX portable set (letters,
/// digits, `.`, `_`, `-`), not starting with `-` or `.`, at most 32 bytes, with an
/// optional trailing `$` (machine accounts).
///
/// ```
/// use dangxue::core::roster::valid_login;
/// assert!(valid_login("zhangsan") && valid_login("li_si2") && valid_login("host$"));
/// assert!(!valid_login("张三") && !valid_login("-x") && !valid_login("a b") && !valid_login(""));
/// ```
#[must_use]
pub fn valid_login(login: &str) -> bool {
    let body = login.strip_suffix('$').unwrap_or(login);
    !body.is_empty()
        && login.len() <= 32
        && !body.starts_with(['-', '.'])
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// SSH public key types a roster key may have.
const KEY_TYPES: &[&str] = &[
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// Why a roster `key` cannot be a member's public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyIssue {
    /// A private key or another PEM block.
    Pem,
    /// Not `TYPE BASE64 [COMMENT]` on one line.
    NotOneLine,
    /// A type that is no SSH public key type.
    UnknownType {
        /// The type given.
        kind: String,
    },
    /// The key part is not base64.
    NotBase64,
    /// The key part names another type than the line.
    OtherType {
        /// The type the line names.
        kind: String,
    },
    /// A well-formed line the signature check cannot use.
    Unusable(super::sshsig::KeyProblem),
}

/// The SSH public key types a roster key may have, for the message that lists them.
#[must_use]
pub fn key_types() -> &'static [&'static str] {
    KEY_TYPES
}

/// Why `key` is not an SSH public key line (`TYPE BASE64 [COMMENT]`), or `None` when
/// it is one: a known type, base64 that decodes, and a key blob that names the same
/// type, and a key the signature check can use (see [`super::sshsig::parse_key`]).
///
/// ```
/// use dangxue::core::roster::{KeyIssue, key_problem};
/// let k = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm6vhNDMMz1n0V6lNAb0u3q4fXdO9Kq6qIejJZtUZ8a zs@host";
/// assert_eq!(key_problem(k), None);
/// assert_eq!(key_problem("ssh-ed25519 notbase64!"), Some(KeyIssue::NotBase64));
/// ```
#[must_use]
pub fn key_problem(key: &str) -> Option<KeyIssue> {
    let key = key.trim();
    if key.starts_with("-----BEGIN") {
        return Some(KeyIssue::Pem);
    }
    let mut parts = key.split_ascii_whitespace();
    let (Some(kind), Some(blob)) = (parts.next(), parts.next()) else {
        return Some(KeyIssue::NotOneLine);
    };
    if !KEY_TYPES.contains(&kind) {
        return Some(KeyIssue::UnknownType { kind: kind.into() });
    }
    let Some(bytes) = base64_decode(blob) else {
        return Some(KeyIssue::NotBase64);
    };
    // The blob starts with the key type again, as an SSH string (u32 length, bytes).
    let named = bytes
        .get(..4)
        .and_then(|l| <[u8; 4]>::try_from(l).ok())
        .map(|l| u32::from_be_bytes(l) as usize)
        .and_then(|n| bytes.get(4..4 + n));
    if named != Some(kind.as_bytes()) {
        return Some(KeyIssue::OtherType { kind: kind.into() });
    }
    // The whole key as the signature check will use it (an RSA key's size, a
    // curve point that is on its curve).
    super::sshsig::parse_key(key).err().map(KeyIssue::Unusable)
}

/// Standard base64 with padding, as in `.pub` files; `None` when malformed.
fn base64_decode(s: &str) -> Option<Vec<u8>> {
    fn value(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let b = s.as_bytes();
    if b.is_empty() || !b.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    for (i, chunk) in b.chunks(4).enumerate() {
        let last = i + 1 == b.len() / 4;
        let pad = chunk.iter().rev().take_while(|c| **c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for c in &chunk[..4 - pad] {
            n = (n << 6) | value(*c)?;
        }
        n <<= 6 * pad;
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..4 - pad]);
    }
    Some(out)
}

/// The key type and base64 part of a key line, which identify the key (the comment
/// does not): two roster members with the same identity share a key.
#[must_use]
pub fn key_identity(key: &str) -> String {
    key.split_ascii_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A folding of an id under which look-alikes meet: compatibility forms (full-width
/// letters), case, invisible characters and the Cyrillic and Greek letters that are
/// drawn like Latin ones. `zhаngsan` with a Cyrillic `а`, `ｚｈａｎｇｓａｎ` and
/// `zhangsan` followed by a Hangul filler all fold to `zhangsan`.
///
/// ```
/// use dangxue::core::roster::lookalike_key;
/// assert_eq!(lookalike_key("zh\u{430}ngsan"), "zhangsan");
/// assert_eq!(lookalike_key("ｚｈａｎｇｓａｎ"), "zhangsan");
/// assert_eq!(lookalike_key("zhangsan\u{3164}"), "zhangsan");
/// assert_ne!(lookalike_key("lisi"), "zhangsan");
/// ```
#[must_use]
pub fn lookalike_key(id: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    id.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !super::text::is_default_ignorable(*c))
        .map(latin_twin)
        .collect()
}

/// The Latin letter a Cyrillic or Greek lowercase letter is drawn like, else itself.
fn latin_twin(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' => 'h',
        'і' | 'ι' | 'ı' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'п' | 'η' => 'n',
        'о' | 'ο' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' | 'ս' => 'u',
        'ѵ' | 'ν' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'ᴢ' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm6vhNDMMz1n0V6lNAb0u3q4fXdO9Kq6qIejJZtUZ8a";

    #[test]
    fn base64_round_trips_with_padding() {
        assert_eq!(base64_decode("aGk="), Some(b"hi".to_vec()));
        assert_eq!(base64_decode("aGVsbG8h"), Some(b"hello!".to_vec()));
        assert_eq!(base64_decode("aA=="), Some(b"h".to_vec()));
        assert_eq!(base64_decode("aGk"), None);
        assert_eq!(base64_decode("a=Gk"), None);
        assert_eq!(base64_decode("aGk=aGk="), None);
    }

    #[test]
    fn keys_are_judged_by_type_and_blob() {
        assert_eq!(key_problem(ED25519), None);
        assert_eq!(key_problem(&format!("{ED25519} 张三@支部")), None);
        assert_eq!(
            key_problem("ssh-dss AAAAB3NzaC1kc3M="),
            Some(KeyIssue::UnknownType {
                kind: "ssh-dss".into()
            })
        );
        let swapped = ED25519.replace("ssh-ed25519 ", "ssh-rsa ");
        assert_eq!(
            key_problem(&swapped),
            Some(KeyIssue::OtherType {
                kind: "ssh-rsa".into()
            })
        );
        assert_eq!(
            key_problem("-----BEGIN OPENSSH PRIVATE KEY-----"),
            Some(KeyIssue::Pem)
        );
        assert_eq!(key_problem("ssh-ed25519"), Some(KeyIssue::NotOneLine));
        assert_eq!(key_identity(&format!("{ED25519}  a comment")), ED25519);
    }

    #[test]
    fn lookalikes_fold_together_and_real_names_stay_apart() {
        for id in [
            "zh\u{430}ngsan",
            "ＺＨＡＮＧＳＡＮ",
            "zhangsan\u{3164}",
            "zhang\u{200b}san",
        ] {
            assert_eq!(lookalike_key(id), "zhangsan", "{id:?}");
        }
        assert_eq!(lookalike_key("张三"), "张三");
        assert_ne!(lookalike_key("zhangsan"), lookalike_key("zhangshan"));
    }
}
