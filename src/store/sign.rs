//! Signing a completion file with OpenSSH's own `ssh-keygen -Y sign`, the way git
//! signs commits with SSH keys: so a key in `ssh-agent`, a passphrase-protected key
//! and a security key all work, and no private key is ever read by dangxue.
//!
//! The file's bytes go to `ssh-keygen` on its standard input and the armored
//! signature comes back on its standard output; the signature is then checked
//! in-process before it is used, so a `.sig` that is written always verifies.

use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{SigSet, SigmaskHow, Signal, pthread_sigmask};

use crate::core::config::Lang;
use crate::core::sshsig::{self, NAMESPACE};
use crate::strings::SignFailure;

/// Whether `ssh-keygen` may ask for a passphrase on the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// `dangxue export` in a terminal: a passphrase may be asked for on `/dev/tty`.
    Terminal,
    /// The TUI's automatic drop, or no terminal at all: never ask (the TUI owns the
    /// screen), fail instead and say how to use the agent.
    Never,
}

/// A signature made by `ssh-keygen` and checked.
#[derive(Debug, Clone)]
pub struct Signed {
    /// The armored signature, as written to `<file>.sig`.
    pub armored: Vec<u8>,
}

/// Why a file could not be signed; the text names the key and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignError {
    /// The key as configured.
    pub key: PathBuf,
    /// What went wrong.
    pub kind: SignErrorKind,
}

/// The ways signing fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignErrorKind {
    /// There is no file at the key's path.
    NoKeyFile,
    /// `ssh-keygen` is not installed.
    NoSshKeygen,
    /// A public key whose private half must be in the agent, and there is no agent.
    NoAgent,
    /// A public key the agent does not hold.
    NotInAgent,
    /// The private key needs a passphrase that cannot be asked for here.
    Passphrase,
    /// `ssh-keygen` did not finish in time (a security key waiting for a touch).
    Timeout,
    /// `ssh-keygen` failed otherwise; its last words.
    Failed(String),
    /// What `ssh-keygen` gave back does not verify.
    BadSignature(sshsig::Invalid),
}

impl SignError {
    /// The message in the member's language.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let why = match &self.kind {
            SignErrorKind::NoKeyFile => SignFailure::NoKeyFile,
            SignErrorKind::NoSshKeygen => SignFailure::NoSshKeygen,
            SignErrorKind::NoAgent => SignFailure::NoAgent,
            SignErrorKind::NotInAgent => SignFailure::NotInAgent,
            SignErrorKind::Passphrase => SignFailure::Passphrase,
            SignErrorKind::Timeout => SignFailure::Timeout,
            SignErrorKind::Failed(why) => SignFailure::Failed(why),
            SignErrorKind::BadSignature(why) => SignFailure::BadSignature(why),
        };
        crate::strings::get(lang).sign_failed(&self.key.display().to_string(), why)
    }
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for SignError {}

/// The configured `signing_key` as a path: `~/` is the user's home folder, and a
/// relative path is taken from the dangxue home (as `plan` is).
#[must_use]
pub fn key_path(configured: &Path, dangxue_home: &Path) -> PathBuf {
    if let Ok(rest) = configured.strip_prefix("~")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    dangxue_home.join(configured)
}

/// How long the TUI's drop waits for `ssh-keygen`.
pub const NEVER_PROMPT_TIMEOUT: Duration = Duration::from_secs(20);

/// Sign `message` with the key at `key` in the namespace [`NAMESPACE`].
///
/// # Errors
/// Every way signing can fail, as a [`SignError`] naming the key.
pub fn sign(key: &Path, message: &[u8], prompt: Prompt) -> Result<Signed, SignError> {
    let fail = |kind| SignError {
        key: key.to_path_buf(),
        kind,
    };
    let head = match std::fs::read(key) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(SignErrorKind::NoKeyFile));
        }
        Err(e) => return Err(fail(SignErrorKind::Failed(e.to_string()))),
    };
    let public_only = std::str::from_utf8(&head)
        .ok()
        .is_some_and(|t| ssh_key::PublicKey::from_openssh(t.trim()).is_ok());
    if public_only && std::env::var_os("SSH_AUTH_SOCK").is_none_or(|s| s.is_empty()) {
        return Err(fail(SignErrorKind::NoAgent));
    }
    let prompt = if prompt == Prompt::Terminal && std::fs::File::open("/dev/tty").is_err() {
        Prompt::Never
    } else {
        prompt
    };
    let mut cmd = Command::new("ssh-keygen");
    cmd.args(["-Y", "sign", "-n", NAMESPACE, "-f"])
        .arg(key)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if prompt == Prompt::Never {
        // Have ssh-keygen ask a program that always refuses instead of the terminal.
        cmd.env("SSH_ASKPASS", "false")
            .env("SSH_ASKPASS_REQUIRE", "force");
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(SignErrorKind::NoSshKeygen));
        }
        Err(e) => return Err(fail(SignErrorKind::Failed(e.to_string()))),
    };
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(fail(SignErrorKind::Failed("no pipes to ssh-keygen".into())));
    };
    let bytes = message.to_vec();
    // ssh-keygen may stop reading (a bad key, a key the agent lacks): a closed pipe is
    // then not our error. The subcommands let SIGPIPE end the process (see main.rs),
    // so the writing thread blocks it: the write fails with EPIPE instead of killing
    // `export` before it can say what is wrong with the key.
    let writer = std::thread::spawn(move || {
        let mut pipe = SigSet::empty();
        pipe.add(Signal::SIGPIPE);
        let _ = pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&pipe), None);
        let _ = stdin.write_all(&bytes);
    });
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stdout.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stderr.read_to_end(&mut v);
        v
    });
    let deadline = (prompt == Prompt::Never).then(|| Instant::now() + NEVER_PROMPT_TIMEOUT);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if deadline.is_some_and(|d| Instant::now() >= d) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail(SignErrorKind::Timeout));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(fail(SignErrorKind::Failed(e.to_string()))),
        }
    };
    let _ = writer.join();
    let armored = out.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    if !status.success() {
        return Err(fail(classify(&stderr, public_only)));
    }
    let sig = sshsig::read_sig(&armored)
        .map_err(|e| fail(SignErrorKind::BadSignature(sshsig::Invalid::Unreadable(e))))?;
    let own = ssh_key::PublicKey::new(sig.key.clone(), "");
    sshsig::check(&own, message, &armored).map_err(|e| fail(SignErrorKind::BadSignature(e)))?;
    Ok(Signed { armored })
}

/// What ssh-keygen's complaint means for the member.
fn classify(stderr: &str, public_only: bool) -> SignErrorKind {
    let last = stderr
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty() && !l.starts_with("Signing "))
        .unwrap_or("it failed without a word")
        .to_string();
    let lower = stderr.to_ascii_lowercase();
    if lower.contains("passphrase") {
        SignErrorKind::Passphrase
    } else if public_only {
        SignErrorKind::NotInAgent
    } else {
        SignErrorKind::Failed(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_paths_follow_home_and_tilde() {
        let home = Path::new("/h/dangxue");
        assert_eq!(key_path(Path::new("/k/id"), home), PathBuf::from("/k/id"));
        assert_eq!(
            key_path(Path::new("keys/id"), home),
            PathBuf::from("/h/dangxue/keys/id")
        );
        if let Some(h) = std::env::var_os("HOME") {
            assert_eq!(
                key_path(Path::new("~/.ssh/id_ed25519"), home),
                PathBuf::from(h).join(".ssh/id_ed25519")
            );
        }
    }

    #[test]
    fn complaints_are_sorted_out() {
        assert_eq!(
            classify(
                "Load key \"k\": incorrect passphrase supplied to decrypt private key\n",
                false
            ),
            SignErrorKind::Passphrase
        );
        assert_eq!(
            classify("Load key \"k.pub\": invalid format\n", true),
            SignErrorKind::NotInAgent
        );
        assert_eq!(
            classify("Signing data on standard input\nsomething odd\n", false),
            SignErrorKind::Failed("something odd".into())
        );
    }

    #[test]
    fn a_missing_key_is_named() {
        let e =
            sign(Path::new("/nonexistent/id_ed25519"), b"x", Prompt::Never).expect_err("no key");
        assert_eq!(e.kind, SignErrorKind::NoKeyFile);
        assert!(e.text(Lang::Zh).contains("/nonexistent/id_ed25519"));
    }
}
