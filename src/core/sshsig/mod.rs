//! SSH signatures over completion files: OpenSSH's SSHSIG format, checked in-process.
//!
//! A member's program has `ssh-keygen -Y sign` sign the exact bytes of the file in the
//! namespace [`NAMESPACE`] and puts the armored signature beside it as `<file>.sig`.
//! [`Keyring::verdict`] checks such a signature against the roster's keys and comes to
//! the verdict `ssh-keygen -Y verify` comes to with the roster written out by
//! [`allowed_signers`]. To agree with OpenSSH rather than with a stricter reading:
//! - the armor is read as OpenSSH reads it: the header line at the very start, ended
//!   by a bare newline; the base64 up to the `END` line, whitespace anywhere in it;
//!   whatever follows the `END` line ignored; nothing after the signature in the blob;
//! - the signed data is rebuilt with an empty `reserved` field, as OpenSSH rebuilds it;
//! - RSA keys are taken from 1024 to 16384 bits, with SHA-2 signatures only, and a
//!   signature a few zero bytes short of the modulus is padded as OpenSSH pads it;
//! - a security key's (`sk-…`) signature counts only when the key saw a touch.

use std::fmt::Write as _;

use ssh_encoding::Decode;
use ssh_encoding::base64::{Base64, Encoding};
use ssh_key::public::KeyData;
use ssh_key::sha2::{Digest, Sha256, Sha512};
use ssh_key::{Algorithm, HashAlg, PublicKey, SshSig};

mod unreadable;
pub use unreadable::{Part, SigUnreadable};

/// The SSHSIG namespace of completion-file signatures.
pub const NAMESPACE: &str = "dangxue-completion";

/// Largest `.sig` read; a real one is well under 2 KB even for a 16384-bit RSA key.
pub const MAX_SIG_BYTES: u64 = 64 * 1024;

const BEGIN: &[u8] = b"-----BEGIN SSH SIGNATURE-----\n";
const END: &[u8] = b"\n-----END SSH SIGNATURE-----";
/// Bounds OpenSSH puts on RSA moduli (`SSH_RSA_MINIMUM_MODULUS_SIZE`,
/// `OPENSSL_RSA_MAX_MODULUS_BITS`).
const RSA_MIN_BITS: usize = 1024;
const RSA_MAX_BITS: usize = 16384;
/// The "user present" bit of a security key's signature flags.
const SK_USER_PRESENT: u8 = 0x01;

/// Why a roster `key` cannot be used (worded by `strings::Strings::key_problem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// Not one OpenSSH public key line (`ssh-ed25519 AAAA… comment`); the parser's words.
    Unreadable(String),
    /// A key type OpenSSH does not verify file signatures with here (DSA, unknown).
    Unsupported(String),
    /// An RSA key outside 1024–16384 bits.
    RsaSize(usize),
}

/// Parse one roster `key`: an OpenSSH public key line, comment optional.
///
/// # Errors
/// When the text is not such a line, or names a key type that cannot sign files here.
pub fn parse_key(text: &str) -> Result<PublicKey, KeyProblem> {
    let key =
        PublicKey::from_openssh(text.trim()).map_err(|e| KeyProblem::Unreadable(e.to_string()))?;
    match key.key_data() {
        KeyData::Ed25519(_)
        | KeyData::Ecdsa(_)
        | KeyData::SkEd25519(_)
        | KeyData::SkEcdsaSha2NistP256(_) => Ok(key),
        KeyData::Rsa(rsa) => {
            let bits = rsa_bits(rsa);
            if (RSA_MIN_BITS..=RSA_MAX_BITS).contains(&bits) {
                Ok(key)
            } else {
                Err(KeyProblem::RsaSize(bits))
            }
        }
        other => Err(KeyProblem::Unsupported(other.algorithm().to_string())),
    }
}

/// The SHA-256 fingerprint as `ssh-keygen -l` prints it (`SHA256:…`).
#[must_use]
pub fn fingerprint(key: &KeyData) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

fn rsa_bits(rsa: &ssh_key::public::RsaPublicKey) -> usize {
    let n = rsa.n.as_positive_bytes().unwrap_or(&[]);
    let Some(first) = n.iter().position(|&b| b != 0) else {
        return 0;
    };
    let lead = n[first];
    (n.len() - first - 1) * 8 + (8 - lead.leading_zeros() as usize)
}

/// Why a signature does not vouch for its file (worded by
/// `strings::Strings::bad_signature`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// The `.sig` is not an SSH signature OpenSSH can read.
    Unreadable(SigUnreadable),
    /// It signs for another purpose than completion files.
    Namespace(String),
    /// It was made by another key: another roster member's, or one not on the roster.
    OtherKey {
        /// `SHA256:…` of the key that made it.
        fingerprint: String,
        /// The roster member whose key that is.
        member: Option<String>,
    },
    /// The right key, but over other bytes: the file was changed after it was signed.
    Changed,
    /// A security key's signature made without a touch.
    NoTouch,
    /// The roster's own key for the member cannot be used.
    RosterKey(KeyProblem),
}

/// What a file's signature proves, as `"signature"` in the report's JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The roster has no key for the member: nothing is required (`null`).
    NotRequired,
    /// The roster has a key and there is no `.sig` (`"missing"`).
    Missing,
    /// Made by the member's roster key over the file's exact bytes (`"valid"`).
    Valid,
    /// Anything else (`"invalid"`), with why.
    Invalid(Invalid),
}

/// The roster's keys, parsed once for a whole report.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    members: Vec<(String, Result<PublicKey, KeyProblem>)>,
    /// Member id -> index in `members`, for a roster of thousands.
    index: std::collections::HashMap<String, usize>,
}

impl Keyring {
    /// Parse the keys of `(member id, key)` pairs; members without a key are left out.
    pub fn new<'a>(roster: impl IntoIterator<Item = (&'a str, &'a str)>) -> Keyring {
        let members: Vec<(String, Result<PublicKey, KeyProblem>)> = roster
            .into_iter()
            .map(|(id, key)| (id.to_string(), parse_key(key)))
            .collect();
        let mut index = std::collections::HashMap::with_capacity(members.len());
        for (i, (id, _)) in members.iter().enumerate() {
            index.entry(id.clone()).or_insert(i);
        }
        Keyring { members, index }
    }

    /// The member's key (or why it cannot be used); `None` when the roster has none.
    #[must_use]
    pub fn key_of(&self, member_id: &str) -> Option<Result<&PublicKey, &KeyProblem>> {
        self.index
            .get(member_id)
            .and_then(|&i| self.members.get(i))
            .map(|(_, k)| k.as_ref())
    }

    /// The first roster member (other than `not`) whose key is `key`.
    fn owner_of(&self, key: &KeyData, not: &str) -> Option<&str> {
        self.members.iter().find_map(|(id, k)| match k {
            Ok(k) if id != not && k.key_data() == key => Some(id.as_str()),
            _ => None,
        })
    }

    /// Judge the signature `sig` (the `.sig` file's bytes, `None` when there is none)
    /// of the completion file `message` of `member_id`.
    #[must_use]
    pub fn verdict(&self, member_id: &str, message: &[u8], sig: Option<&[u8]>) -> Verdict {
        let key = match self.key_of(member_id) {
            None => return Verdict::NotRequired,
            Some(Err(p)) => return Verdict::Invalid(Invalid::RosterKey(p.clone())),
            Some(Ok(k)) => k,
        };
        let Some(sig) = sig else {
            return Verdict::Missing;
        };
        match check(key, message, sig) {
            Ok(()) => Verdict::Valid,
            Err(Invalid::OtherKey { fingerprint, .. }) => {
                let member = read_sig(sig)
                    .ok()
                    .and_then(|s| self.owner_of(&s.key, member_id).map(str::to_string));
                Verdict::Invalid(Invalid::OtherKey {
                    fingerprint,
                    member,
                })
            }
            Err(e) => Verdict::Invalid(e),
        }
    }
}

/// An SSHSIG blob, read field by field.
#[derive(Debug, Clone)]
pub struct Sig {
    /// The key that made it.
    pub key: KeyData,
    /// What it signs for (lossy UTF-8; compared as bytes first).
    pub namespace: String,
    /// The hash of the message that was signed.
    pub hash_alg: HashAlg,
    /// The signature over the signed data.
    pub signature: ssh_key::Signature,
}

/// Read an armored signature the way OpenSSH's `sshsig_dearmor` and
/// `sshsig_verifyb` read it: every length prefix must match its contents exactly (the
/// crate's own decoder lets a nested length run long), and the `r` and `s` of an
/// ECDSA signature are taken with leading zero bytes, as OpenSSH's bignum reader
/// takes them.
///
/// # Errors
/// When the armor or the blob inside cannot be read.
pub fn read_sig(armored: &[u8]) -> Result<Sig, SigUnreadable> {
    let rest = armored.strip_prefix(BEGIN).ok_or(SigUnreadable::NoBegin)?;
    let end = rest
        .windows(END.len())
        .position(|w| w == END)
        .ok_or(SigUnreadable::NoEnd)?;
    let b64: Vec<u8> = rest[..end]
        .iter()
        .copied()
        .filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
        .collect();
    let b64 = std::str::from_utf8(&b64).map_err(|_| SigUnreadable::NotAscii)?;
    let blob = Base64::decode_vec(b64).map_err(|e| SigUnreadable::Base64(e.to_string()))?;
    let mut b = blob.as_slice();
    if take(&mut b, 6)? != b"SSHSIG" {
        return Err(SigUnreadable::NoMagic);
    }
    let version = take_u32(&mut b)?;
    if version > 1 {
        return Err(SigUnreadable::Version(version));
    }
    let mut key_blob = take_string(&mut b)?;
    let key = KeyData::decode(&mut key_blob).map_err(|e| SigUnreadable::Key(e.to_string()))?;
    if !key_blob.is_empty() {
        return Err(SigUnreadable::Trailing(Part::Key));
    }
    let namespace = take_string(&mut b)?;
    if namespace.contains(&0) {
        return Err(SigUnreadable::NulNamespace);
    }
    let namespace = String::from_utf8_lossy(namespace).into_owned();
    let _reserved = take_string(&mut b)?;
    let hash_alg = match take_string(&mut b)? {
        b"sha256" => HashAlg::Sha256,
        b"sha512" => HashAlg::Sha512,
        other => {
            return Err(SigUnreadable::HashAlg(
                String::from_utf8_lossy(other).into_owned(),
            ));
        }
    };
    let signature = read_signature(take_string(&mut b)?)?;
    if !b.is_empty() {
        return Err(SigUnreadable::TrailingBytes(b.len()));
    }
    Ok(Sig {
        key,
        namespace,
        hash_alg,
        signature,
    })
}

fn take<'a>(b: &mut &'a [u8], n: usize) -> Result<&'a [u8], SigUnreadable> {
    if b.len() < n {
        return Err(SigUnreadable::CutShort);
    }
    let (head, tail) = b.split_at(n);
    *b = tail;
    Ok(head)
}

fn take_u32(b: &mut &[u8]) -> Result<u32, SigUnreadable> {
    let bytes = take(b, 4)?;
    Ok(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

fn take_string<'a>(b: &mut &'a [u8]) -> Result<&'a [u8], SigUnreadable> {
    // A length beyond the address space is more than the blob holds.
    let len = usize::try_from(take_u32(b)?).map_err(|_| SigUnreadable::CutShort)?;
    take(b, len)
}

/// The inner signature: algorithm name, signature bytes, and for security keys the
/// flags and counter.
fn read_signature(mut b: &[u8]) -> Result<ssh_key::Signature, SigUnreadable> {
    let name =
        std::str::from_utf8(take_string(&mut b)?).map_err(|_| SigUnreadable::AlgorithmNotText)?;
    let algorithm: Algorithm = name
        .parse()
        .map_err(|_| SigUnreadable::Algorithm(name.to_string()))?;
    let raw = take_string(&mut b)?;
    let mut data = match algorithm {
        Algorithm::Ecdsa { .. } | Algorithm::SkEcdsaSha2NistP256 => canonical_ecdsa(raw)?,
        _ => raw.to_vec(),
    };
    if matches!(
        algorithm,
        Algorithm::SkEd25519 | Algorithm::SkEcdsaSha2NistP256
    ) {
        data.extend_from_slice(take(&mut b, 5)?);
    }
    if !b.is_empty() {
        return Err(SigUnreadable::Trailing(Part::Signature));
    }
    ssh_key::Signature::new(algorithm, data).map_err(|e| SigUnreadable::Signature(e.to_string()))
}

/// `r` and `s` re-encoded as minimal mpints: OpenSSH reads them with leading zeros
/// trimmed and refuses negative ones.
fn canonical_ecdsa(mut b: &[u8]) -> Result<Vec<u8>, SigUnreadable> {
    let mut out = Vec::with_capacity(b.len());
    for _ in 0..2 {
        let n = take_string(&mut b)?;
        if n.first().is_some_and(|&f| f & 0x80 != 0) {
            return Err(SigUnreadable::NegativeEcdsa);
        }
        let n = &n[n.iter().position(|&x| x != 0).unwrap_or(n.len())..];
        let pad = n.first().is_some_and(|&f| f & 0x80 != 0);
        let len = u32::try_from(n.len() + usize::from(pad)).map_err(|_| SigUnreadable::CutShort)?;
        out.extend_from_slice(&len.to_be_bytes());
        if pad {
            out.push(0);
        }
        out.extend_from_slice(n);
    }
    if !b.is_empty() {
        return Err(SigUnreadable::Trailing(Part::EcdsaNumbers));
    }
    Ok(out)
}

/// Check `armored` as a signature of `message` by `key` in [`NAMESPACE`].
///
/// # Errors
/// Why it does not verify.
pub fn check(key: &PublicKey, message: &[u8], armored: &[u8]) -> Result<(), Invalid> {
    let sig = read_sig(armored).map_err(Invalid::Unreadable)?;
    if sig.namespace != NAMESPACE {
        return Err(Invalid::Namespace(sig.namespace));
    }
    if &sig.key != key.key_data() {
        return Err(Invalid::OtherKey {
            fingerprint: fingerprint(&sig.key),
            member: None,
        });
    }
    let verified = match key.key_data() {
        KeyData::Rsa(rsa) => SshSig::signed_data(NAMESPACE, sig.hash_alg, message)
            .is_ok_and(|signed| verify_rsa(rsa, &signed, &sig.signature)),
        _ => {
            // Built with an empty `reserved`: OpenSSH checks over an empty one whatever
            // the blob holds.
            SshSig::new(
                sig.key.clone(),
                NAMESPACE,
                sig.hash_alg,
                sig.signature.clone(),
            )
            .is_ok_and(|rebuilt| key.verify(NAMESPACE, message, &rebuilt).is_ok())
        }
    };
    if !verified {
        return Err(Invalid::Changed);
    }
    if matches!(
        key.key_data(),
        KeyData::SkEd25519(_) | KeyData::SkEcdsaSha2NistP256(_)
    ) {
        // The signature ends with flags (one byte) and a counter (four).
        let data = sig.signature.as_bytes();
        let flags = data.len().checked_sub(5).and_then(|i| data.get(i));
        if flags.is_none_or(|f| f & SK_USER_PRESENT == 0) {
            return Err(Invalid::NoTouch);
        }
    }
    Ok(())
}

/// PKCS#1 v1.5 over SHA-256 or SHA-512, with OpenSSH's size bounds rather than the
/// `rsa` crate's default ceiling of 4096 bits.
fn verify_rsa(
    key: &ssh_key::public::RsaPublicKey,
    signed: &[u8],
    sig: &ssh_key::Signature,
) -> bool {
    let (Some(n), Some(e)) = (key.n.as_positive_bytes(), key.e.as_positive_bytes()) else {
        return false;
    };
    let bits = rsa_bits(key);
    if !(RSA_MIN_BITS..=RSA_MAX_BITS).contains(&bits) {
        return false;
    }
    let Ok(pk) = rsa::RsaPublicKey::new_with_max_size(
        rsa::BigUint::from_bytes_be(n),
        rsa::BigUint::from_bytes_be(e),
        RSA_MAX_BITS,
    ) else {
        return false;
    };
    let size = bits.div_ceil(8);
    let raw = sig.as_bytes();
    if raw.len() > size {
        return false;
    }
    let mut padded = vec![0u8; size - raw.len()];
    padded.extend_from_slice(raw);
    match sig.algorithm() {
        Algorithm::Rsa {
            hash: Some(HashAlg::Sha256),
        } => pk
            .verify(
                rsa::Pkcs1v15Sign::new::<Sha256>(),
                &Sha256::digest(signed),
                &padded,
            )
            .is_ok(),
        Algorithm::Rsa {
            hash: Some(HashAlg::Sha512),
        } => pk
            .verify(
                rsa::Pkcs1v15Sign::new::<Sha512>(),
                &Sha512::digest(signed),
                &padded,
            )
            .is_ok(),
        _ => false,
    }
}

/// Whether `id` can stand as an `allowed_signers` principal as it is: principals are
/// comma-separated patterns, so quotes, commas, wildcards and blanks would change what
/// `ssh-keygen -I id` matches.
#[must_use]
pub fn plain_principal(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | ',' | '*' | '?' | '!' | '#'))
}

/// One roster member as [`allowed_signers`] sees them.
#[derive(Debug, Clone, Copy)]
pub struct Signer<'a> {
    /// Member id, the principal.
    pub id: &'a str,
    /// Display name, written as a comment.
    pub name: &'a str,
    /// The roster `key`, if any.
    pub key: Option<&'a str>,
}

/// A roster member [`allowed_signers`] leaves out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    /// The member id is not a [`plain_principal`].
    Principal {
        /// The member id.
        id: String,
    },
    /// The roster key cannot be used.
    Key {
        /// The member id.
        id: String,
        /// Why.
        problem: KeyProblem,
    },
    /// The key cannot be written back as an OpenSSH line; the encoder's words.
    Encode {
        /// The member id.
        id: String,
        /// Why.
        error: String,
    },
}

/// The lines of an OpenSSH `allowed_signers` file for the roster, one per member with
/// a usable key (a comment with the name, then the key limited to [`NAMESPACE`]), and
/// the members left out. The file's header comment is the caller's, in the reader's
/// language.
#[must_use]
pub fn allowed_signers(members: &[Signer<'_>]) -> (String, Vec<LeftOut>) {
    let mut out = String::new();
    let mut left_out = Vec::new();
    for m in members {
        let Some(text) = m.key else {
            continue;
        };
        let id = m.id.to_string();
        if !plain_principal(m.id) {
            left_out.push(LeftOut::Principal { id });
            continue;
        }
        match parse_key(text) {
            Ok(key) => {
                let bare = PublicKey::new(key.key_data().clone(), "");
                match bare.to_openssh() {
                    Ok(line) => {
                        let name = super::text::escape_controls(m.name).replace('\n', " ");
                        let _ = writeln!(out, "# {name}");
                        let _ = writeln!(
                            out,
                            "{} namespaces=\"{NAMESPACE}\" {}",
                            m.id,
                            line.trim_end()
                        );
                    }
                    Err(e) => left_out.push(LeftOut::Encode {
                        id,
                        error: e.to_string(),
                    }),
                }
            }
            Err(problem) => left_out.push(LeftOut::Key { id, problem }),
        }
    }
    (out, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made once with `ssh-keygen -t ed25519` and `ssh-keygen -Y sign -n dangxue-completion`
    // over the bytes of MESSAGE; the other key signed the same bytes.
    const KEY_A: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPJlVQn1fqwCoMYDUJrkr24DUVU9ybyQ2fFSO/Awd/uH test";
    const MESSAGE: &[u8] = b"hello\n";
    const SIG_A: &str = "-----BEGIN SSH SIGNATURE-----
U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAg8mVVCfV+rAKgxgNQmuSvbgNRVT
3JvJDZ8VI78DB3+4cAAAASZGFuZ3h1ZS1jb21wbGV0aW9uAAAAAAAAAAZzaGE1MTIAAABT
AAAAC3NzaC1lZDI1NTE5AAAAQEjNDiQrypVxN4AGGnpHSLbuFRuCfix5SHUTyoIMMZ/5Qx
Y4aQ0UrYweBujRNPmJniz+yIiSy3ORAtpmi2XPXwU=
-----END SSH SIGNATURE-----
";

    fn ring() -> Keyring {
        Keyring::new([("zhangsan", KEY_A)])
    }

    #[test]
    fn a_good_signature_is_valid_and_a_changed_byte_is_not() {
        let r = ring();
        assert_eq!(
            r.verdict("zhangsan", MESSAGE, Some(SIG_A.as_bytes())),
            Verdict::Valid
        );
        assert_eq!(
            r.verdict("zhangsan", b"hellp\n", Some(SIG_A.as_bytes())),
            Verdict::Invalid(Invalid::Changed)
        );
    }

    #[test]
    fn missing_and_not_required() {
        let r = ring();
        assert_eq!(r.verdict("zhangsan", MESSAGE, None), Verdict::Missing);
        assert_eq!(r.verdict("lisi", MESSAGE, None), Verdict::NotRequired);
        assert_eq!(
            r.verdict("lisi", MESSAGE, Some(SIG_A.as_bytes())),
            Verdict::NotRequired
        );
    }

    #[test]
    fn another_members_key_is_named() {
        // lisi signs in zhangsan's name with lisi's own (roster) key.
        let r = Keyring::new([
            (
                "zhangsan",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKNugcIOoZJ1EyPh/HXtT5l/XjvzuhbPWsZWVQffFlCV b",
            ),
            ("lisi", KEY_A),
        ]);
        let v = r.verdict("zhangsan", MESSAGE, Some(SIG_A.as_bytes()));
        let Verdict::Invalid(Invalid::OtherKey {
            fingerprint,
            member,
        }) = &v
        else {
            panic!("{v:?}");
        };
        assert_eq!(member.as_deref(), Some("lisi"));
        assert_eq!(
            fingerprint,
            "SHA256:XyE7U93WYg18csjP+518ShCMmr8OS64gTjSrqyaje0k"
        );
    }

    #[test]
    fn armor_is_read_as_openssh_reads_it() {
        // Whitespace anywhere in the base64 and text after the END line are fine.
        let spaced = SIG_A
            .replace("\nAAAA", "\n  AAAA")
            .replace("\n-----END", "\r\n-----END")
            + "trailing words\n";
        assert!(read_sig(spaced.as_bytes()).is_ok());
        // A header not at the very start is not.
        let e = read_sig(format!(" {SIG_A}").as_bytes()).expect_err("leading blank");
        assert_eq!(e, SigUnreadable::NoBegin);
        let e = read_sig(SIG_A.replace("-----END", "-----FIN").as_bytes()).expect_err("no end");
        assert_eq!(e, SigUnreadable::NoEnd);
        assert!(matches!(
            check(&parse_key(KEY_A).expect("key"), MESSAGE, b"not a signature"),
            Err(Invalid::Unreadable(_))
        ));
    }

    #[test]
    fn roster_keys_are_checked() {
        assert!(parse_key(KEY_A).is_ok());
        assert!(matches!(
            parse_key("ssh-ed25519 AAAAC3Nza"),
            Err(KeyProblem::Unreadable(_))
        ));
        assert!(matches!(parse_key(""), Err(KeyProblem::Unreadable(_))));
        let r = Keyring::new([("x", "garbage")]);
        assert!(matches!(
            r.verdict("x", MESSAGE, Some(SIG_A.as_bytes())),
            Verdict::Invalid(Invalid::RosterKey(_))
        ));
    }

    #[test]
    fn allowed_signers_lines() {
        let members = [
            Signer {
                id: "zhangsan",
                name: "张三\n",
                key: Some(KEY_A),
            },
            Signer {
                id: "lisi",
                name: "李四",
                key: None,
            },
            Signer {
                id: "a*b",
                name: "x",
                key: Some(KEY_A),
            },
            Signer {
                id: "wangwu",
                name: "王五",
                key: Some("ssh-ed25519 nope"),
            },
        ];
        let (text, notes) = allowed_signers(&members);
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            lines,
            vec![
                "zhangsan namespaces=\"dangxue-completion\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPJlVQn1fqwCoMYDUJrkr24DUVU9ybyQ2fFSO/Awd/uH"
            ]
        );
        assert!(text.contains("# 张三\\n\n"), "{text}");
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert_eq!(notes[0], LeftOut::Principal { id: "a*b".into() });
        assert!(
            matches!(&notes[1], LeftOut::Key { id, problem: KeyProblem::Unreadable(_) } if id == "wangwu"),
            "{notes:?}"
        );
    }

    #[test]
    fn small_rsa_keys_are_refused_as_openssh_refuses_them() {
        let mut n = vec![0xc5u8; 64];
        n[63] |= 1;
        let key = PublicKey::new(
            KeyData::Rsa(ssh_key::public::RsaPublicKey {
                e: ssh_key::Mpint::from_positive_bytes(&[1, 0, 1]).expect("e"),
                n: ssh_key::Mpint::from_positive_bytes(&n).expect("n"),
            }),
            "",
        );
        let line = key.to_openssh().expect("encode");
        assert_eq!(parse_key(&line), Err(KeyProblem::RsaSize(512)));
        assert_eq!(
            super::super::roster::key_problem(&line),
            Some(super::super::roster::KeyIssue::Unusable(
                KeyProblem::RsaSize(512)
            ))
        );
    }

    #[test]
    fn rsa_bits_counts_the_modulus() {
        let n = ssh_key::Mpint::from_positive_bytes(&[0x01, 0, 0]).expect("mpint");
        let e = ssh_key::Mpint::from_positive_bytes(&[3]).expect("mpint");
        assert_eq!(rsa_bits(&ssh_key::public::RsaPublicKey { e, n }), 17);
    }
}
