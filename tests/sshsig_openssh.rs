//! The in-process signature check against OpenSSH itself: keys of every supported type
//! made by `ssh-keygen`, signatures made by `ssh-keygen -Y sign`, then good, tampered
//! and hand-crafted signatures judged both by `Keyring::verdict` and by
//! `ssh-keygen -Y verify` with the `allowed_signers` text the crate writes. The two
//! verdicts must agree on every case.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use dangxue::core::config::Lang;
use dangxue::core::sshsig::{self, Keyring, Signer, Verdict};

const MESSAGE: &[u8] =
    "format = \"dangxue-completion/1\"\nmember_id = \"zhangsan\"\nmember = \"张三\"\n".as_bytes();

fn keygen(dir: &Path, name: &str, args: &[&str]) -> (PathBuf, String) {
    let path = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .args(args)
        .output()
        .expect("ssh-keygen must be installed (.ci/run installs openssh-client)");
    assert!(
        out.status.success(),
        "ssh-keygen {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = std::fs::read_to_string(path.with_extension("pub")).expect("read .pub");
    (path, public.trim().to_string())
}

fn sign(key: &Path, namespace: &str, message: &[u8], extra: &[&str]) -> Vec<u8> {
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", namespace, "-f"])
        .arg(key)
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ssh-keygen");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(message)
        .expect("write message");
    let out = child.wait_with_output().expect("ssh-keygen sign");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `ssh-keygen -Y verify` of `sig` over `message` for `id`: true when it verifies.
fn openssh_verifies(dir: &Path, allowed: &str, id: &str, message: &[u8], sig: &[u8]) -> bool {
    let signers = dir.join("allowed_signers");
    std::fs::write(&signers, allowed).expect("write allowed_signers");
    let sig_path = dir.join("case.sig");
    std::fs::write(&sig_path, sig).expect("write sig");
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "verify", "-n", sshsig::NAMESPACE, "-I", id, "-f"])
        .arg(&signers)
        .arg("-s")
        .arg(&sig_path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ssh-keygen");
    // It stops reading once it has seen that the signature is bad.
    let _ = child.stdin.take().expect("stdin").write_all(message);
    child.wait().expect("ssh-keygen verify").success()
}

struct Case {
    what: String,
    id: &'static str,
    message: Vec<u8>,
    sig: Vec<u8>,
}

fn b64_blob(armored: &[u8]) -> Vec<u8> {
    use ssh_encoding::base64::{Base64, Encoding};
    let text = std::str::from_utf8(armored).expect("ascii");
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    Base64::decode_vec(&body).expect("base64")
}

fn armor(blob: &[u8], width: usize) -> Vec<u8> {
    use ssh_encoding::base64::{Base64, Encoding};
    let b64 = Base64::encode_string(blob);
    let mut out = String::from("-----BEGIN SSH SIGNATURE-----\n");
    for chunk in b64.as_bytes().chunks(width) {
        out.push_str(std::str::from_utf8(chunk).expect("ascii"));
        out.push('\n');
    }
    out.push_str("-----END SSH SIGNATURE-----\n");
    out.into_bytes()
}

/// The blob with its `reserved` string (after the namespace) replaced by `reserved`.
fn with_reserved(blob: &[u8], reserved: &[u8]) -> Vec<u8> {
    let u32_at = |i: usize| {
        usize::try_from(u32::from_be_bytes(blob[i..i + 4].try_into().expect("4"))).expect("usize")
    };
    // "SSHSIG", version, then the key and the namespace as length-prefixed strings.
    let mut at = 6 + 4;
    at += 4 + u32_at(at);
    at += 4 + u32_at(at);
    let old = 4 + u32_at(at);
    let mut out = blob[..at].to_vec();
    out.extend_from_slice(&u32::try_from(reserved.len()).expect("len").to_be_bytes());
    out.extend_from_slice(reserved);
    out.extend_from_slice(&blob[at + old..]);
    out
}

#[test]
fn verdicts_equal_ssh_keygen_verify() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let kinds: [(&str, &[&str]); 6] = [
        ("ed25519", &["-t", "ed25519"]),
        ("p256", &["-t", "ecdsa", "-b", "256"]),
        ("p384", &["-t", "ecdsa", "-b", "384"]),
        ("p521", &["-t", "ecdsa", "-b", "521"]),
        ("rsa1024", &["-t", "rsa", "-b", "1024"]),
        ("rsa3072", &["-t", "rsa", "-b", "3072"]),
    ];
    let keys: Vec<(&str, PathBuf, String)> = kinds
        .iter()
        .map(|(name, args)| {
            let (p, public) = keygen(dir, name, args);
            (*name, p, public)
        })
        .collect();
    let (other_key, other_public) = keygen(dir, "stranger", &["-t", "ed25519"]);
    let _ = other_public;

    let mut cases = Vec::new();
    for (name, key, _) in &keys {
        // Each key type is a roster member of its own name; zhangsan is ed25519.
        let id: &'static str = match *name {
            "ed25519" => "zhangsan",
            "p256" => "p256",
            "p384" => "p384",
            "p521" => "p521",
            "rsa1024" => "rsa1024",
            _ => "rsa3072",
        };
        let good = sign(key, sshsig::NAMESPACE, MESSAGE, &[]);
        let mut changed = MESSAGE.to_vec();
        changed[10] ^= 1;
        cases.push(Case {
            what: format!("{name}: good"),
            id,
            message: MESSAGE.to_vec(),
            sig: good.clone(),
        });
        cases.push(Case {
            what: format!("{name}: sha256"),
            id,
            message: MESSAGE.to_vec(),
            sig: sign(key, sshsig::NAMESPACE, MESSAGE, &["-O", "hashalg=sha256"]),
        });
        cases.push(Case {
            what: format!("{name}: a changed byte"),
            id,
            message: changed,
            sig: good.clone(),
        });
        cases.push(Case {
            what: format!("{name}: another namespace"),
            id,
            message: MESSAGE.to_vec(),
            sig: sign(key, "git", MESSAGE, &[]),
        });
        let blob = b64_blob(&good);
        cases.push(Case {
            what: format!("{name}: armored at 64 columns"),
            id,
            message: MESSAGE.to_vec(),
            sig: armor(&blob, 64),
        });
        cases.push(Case {
            what: format!("{name}: reserved field filled in"),
            id,
            message: MESSAGE.to_vec(),
            sig: armor(&with_reserved(&blob, b"xyz"), 70),
        });
        let mut trailing = blob.clone();
        trailing.extend_from_slice(b"\0\0\0\0");
        cases.push(Case {
            what: format!("{name}: trailing data in the blob"),
            id,
            message: MESSAGE.to_vec(),
            sig: armor(&trailing, 70),
        });
        cases.push(Case {
            what: format!("{name}: cut short"),
            id,
            message: MESSAGE.to_vec(),
            sig: armor(&blob[..blob.len() - 3], 70),
        });
        // Flip bits across the blob: the key, namespace, hash name and signature.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15 ^ blob.len() as u64;
        for n in 0..12 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let at = usize::try_from(seed >> 33).expect("fits") % blob.len();
            let mut b = blob.clone();
            b[at] ^= 1 << (n % 8);
            cases.push(Case {
                what: format!("{name}: bit {} of byte {at} flipped", n % 8),
                id,
                message: MESSAGE.to_vec(),
                sig: armor(&b, 70),
            });
        }
    }
    // Someone else's key, and another member's key, in zhangsan's name.
    cases.push(Case {
        what: "a stranger's key".into(),
        id: "zhangsan",
        message: MESSAGE.to_vec(),
        sig: sign(&other_key, sshsig::NAMESPACE, MESSAGE, &[]),
    });
    cases.push(Case {
        what: "another member's key".into(),
        id: "zhangsan",
        message: MESSAGE.to_vec(),
        sig: sign(&keys[1].1, sshsig::NAMESPACE, MESSAGE, &[]),
    });
    let good = sign(&keys[0].1, sshsig::NAMESPACE, MESSAGE, &[]);
    let text = String::from_utf8(good.clone()).expect("ascii");
    for (what, sig) in [
        ("text after the END line", format!("{text}more\n")),
        ("a blank before the header", format!(" {text}")),
        ("CRLF line ends", text.replace('\n', "\r\n")),
        (
            "no END line",
            text.replace("-----END SSH SIGNATURE-----", ""),
        ),
        ("empty", String::new()),
    ] {
        cases.push(Case {
            what: what.into(),
            id: "zhangsan",
            message: MESSAGE.to_vec(),
            sig: sig.into_bytes(),
        });
    }

    let ids = ["zhangsan", "p256", "p384", "p521", "rsa1024", "rsa3072"];
    let members: Vec<Signer<'_>> = keys
        .iter()
        .zip(ids)
        .map(|((_, _, public), id)| Signer {
            id,
            name: id,
            key: Some(public.as_str()),
        })
        .collect();
    let (allowed, notes) = sshsig::allowed_signers(&members);
    assert!(notes.is_empty(), "{notes:?}");
    let ring = Keyring::new(members.iter().map(|m| (m.id, m.key.unwrap_or(""))));

    let mut disagreements = Vec::new();
    let mut valid = 0;
    for c in &cases {
        let ours = ring.verdict(c.id, &c.message, Some(&c.sig));
        let theirs = openssh_verifies(dir, &allowed, c.id, &c.message, &c.sig);
        if (ours == Verdict::Valid) != theirs {
            disagreements.push(format!("{}: ours {ours:?}, ssh-keygen {theirs}", c.what));
        }
        valid += usize::from(theirs);
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    // The cases are not all one kind: at least the good ones pass and the rest fail.
    assert!(valid >= 2 * ids.len(), "only {valid} valid cases");
    assert!(
        cases.len() - valid >= 6 * ids.len(),
        "too few invalid cases"
    );
}

#[test]
fn the_verdict_names_the_other_member() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (_, zhang) = keygen(tmp.path(), "zhang", &["-t", "ed25519"]);
    let (li_key, li) = keygen(tmp.path(), "li", &["-t", "ed25519"]);
    let ring = Keyring::new([("zhangsan", zhang.as_str()), ("lisi", li.as_str())]);
    let sig = sign(&li_key, sshsig::NAMESPACE, MESSAGE, &[]);
    let Verdict::Invalid(why) = ring.verdict("zhangsan", MESSAGE, Some(&sig)) else {
        panic!("a signature by another member's key is invalid");
    };
    let text = dangxue::strings::get(Lang::Zh).bad_signature("zhangsan-2026-11.toml", &why);
    assert!(text.contains("另一名成员 lisi"), "{text}");
    assert_eq!(ring.verdict("lisi", MESSAGE, Some(&sig)), Verdict::Valid);
}
