//! Signing with the member's SSH key, end to end with OpenSSH's own tools: keys made
//! by `ssh-keygen`, a real `ssh-agent`, and every signature `export` writes checked
//! by `ssh-keygen -Y verify` against the `allowed_signers` file that
//! `dangxue allowed-signers` prints.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_dangxue");

fn keygen(dir: &Path, name: &str, passphrase: &str) -> PathBuf {
    let path = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-C", name, "-N", passphrase, "-f"])
        .arg(&path)
        .output()
        .expect("ssh-keygen must be installed (.ci/run installs openssh-client)");
    assert!(out.status.success(), "{out:?}");
    path
}

fn public(key: &Path) -> String {
    std::fs::read_to_string(key.with_extension("pub"))
        .expect("read .pub")
        .trim()
        .to_string()
}

/// A home with the member `zhangsan`, a plan whose roster has `roster_key`, and
/// `config` added to the config.
fn home(config: &str, roster_key: Option<&str>) -> tempfile::TempDir {
    let h = tempfile::tempdir().expect("home");
    let members = h.path().join("members");
    std::fs::create_dir(&members).expect("members");
    std::fs::set_permissions(&members, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    support::write_member(h.path(), "zhangsan", "张三", "");
    let key = roster_key.map_or(String::new(), |k| format!("key = {k:?}\n"));
    std::fs::write(
        h.path().join("plan.toml"),
        format!(
            "format = \"dangxue-plan/1\"\n\n[[member]]\nid = \"zhangsan\"\nname = \"张三\"\n{key}\n[[member]]\nid = \"lisi\"\nname = \"李四\"\n"
        ),
    )
    .expect("plan");
    support::write_config(h.path(), &format!("plan = \"plan.toml\"\n{config}\n"));
    h
}

/// Run the binary with `--home`, detached from any terminal (so no passphrase prompt
/// can reach one), with `env` set and `SSH_AUTH_SOCK` removed unless given.
fn dangxue(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new("setsid");
    cmd.arg(BIN)
        .arg("--home")
        .arg(home)
        .args(args)
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run dangxue")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `ssh-keygen -Y verify` of `file` and `file.sig` for `id` with `allowed`.
fn openssh_verify(allowed: &Path, id: &str, file: &Path) -> Output {
    let mut sig = file.as_os_str().to_os_string();
    sig.push(".sig");
    Command::new("ssh-keygen")
        .args(["-Y", "verify", "-n", "dangxue-completion", "-I", id, "-f"])
        .arg(allowed)
        .arg("-s")
        .arg(sig)
        .stdin(std::fs::File::open(file).expect("open file"))
        .output()
        .expect("ssh-keygen verify")
}

fn allowed_signers(home: &Path) -> PathBuf {
    let out = dangxue(home, &["allowed-signers"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = home.join("allowed_signers");
    std::fs::write(&path, &out.stdout).expect("write allowed_signers");
    path
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("stat").permissions().mode() & 0o777
}

#[test]
fn export_signs_with_a_key_file_and_openssh_agrees() {
    let keys = tempfile::tempdir().expect("keys");
    let key = keygen(keys.path(), "id_ed25519", "");
    let h = home(
        &format!("signing_key = {:?}", key.display().to_string()),
        Some(&public(&key)),
    );
    let file = h.path().join("zhangsan-2026-11.toml");
    let out = dangxue(
        h.path(),
        &[
            "--member",
            "zhangsan",
            "export",
            "--cycle",
            "2026-11",
            "--out",
            file.to_str().expect("utf-8"),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let sig = PathBuf::from(format!("{}.sig", file.display()));
    assert_eq!(
        text(&out.stdout),
        format!("{}\n{}\n", file.display(), sig.display())
    );
    let armored = std::fs::read_to_string(&sig).expect("a .sig beside the file");
    assert!(
        armored.starts_with("-----BEGIN SSH SIGNATURE-----\n"),
        "{armored}"
    );
    assert_eq!(mode(&file), 0o640);
    assert_eq!(mode(&sig), 0o640);

    let allowed = allowed_signers(h.path());
    let listed = std::fs::read_to_string(&allowed).expect("read");
    assert!(
        listed.contains("zhangsan namespaces=\"dangxue-completion\" ssh-ed25519 "),
        "{listed}"
    );
    assert!(!listed.lines().any(|l| l.starts_with("lisi")), "{listed}");
    let v = openssh_verify(&allowed, "zhangsan", &file);
    assert!(v.status.success(), "ssh-keygen: {}", text(&v.stderr));
    let st = dangxue(
        h.path(),
        &["--member", "zhangsan", "status", "--cycle", "2026-11"],
        &[],
    );
    let st = text(&st.stdout);
    assert!(
        st.contains(&format!("导出时用 {} 签名（SHA256:", key.display())),
        "{st}"
    );
    assert!(st.contains("与名册上的公钥一致"), "{st}");
    // Not in another member's name, and not after a changed byte.
    let v = openssh_verify(&allowed, "lisi", &file);
    assert!(!v.status.success());
    let mut bytes = std::fs::read(&file).expect("read");
    let at = bytes.len() / 2;
    bytes[at] ^= 0x01;
    std::fs::write(&file, &bytes).expect("tamper");
    let v = openssh_verify(&allowed, "zhangsan", &file);
    assert!(!v.status.success(), "a changed byte must not verify");
}

/// A running `ssh-agent`, stopped when dropped.
struct Agent {
    sock: String,
    pid: String,
}

impl Agent {
    fn start() -> Agent {
        let out = Command::new("ssh-agent")
            .arg("-s")
            .output()
            .expect("ssh-agent must be installed (.ci/run installs openssh-client)");
        let s = text(&out.stdout);
        let field = |name: &str| {
            s.split(';')
                .find_map(|p| p.trim().strip_prefix(&format!("{name}=")))
                .map_or_else(|| panic!("no {name} in {s}"), str::to_string)
        };
        Agent {
            sock: field("SSH_AUTH_SOCK"),
            pid: field("SSH_AGENT_PID"),
        }
    }

    /// `ssh-add KEY`, answering the passphrase through `SSH_ASKPASS`.
    fn add(&self, key: &Path, passphrase: &str, dir: &Path) {
        let askpass = dir.join("askpass.sh");
        std::fs::write(&askpass, format!("#!/bin/sh\necho '{passphrase}'\n")).expect("askpass");
        std::fs::set_permissions(&askpass, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        let out = Command::new("setsid")
            .arg("ssh-add")
            .arg(key)
            .env("SSH_AUTH_SOCK", &self.sock)
            .env("SSH_ASKPASS", &askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("DISPLAY", ":0")
            .stdin(Stdio::null())
            .output()
            .expect("ssh-add");
        assert!(out.status.success(), "ssh-add: {}", text(&out.stderr));
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(&self.pid).status();
    }
}

#[test]
fn a_public_key_signs_through_the_agent_and_a_locked_key_says_what_to_do() {
    let keys = tempfile::tempdir().expect("keys");
    let key = keygen(keys.path(), "id_locked", "correct horse");
    let pub_path = key.with_extension("pub");
    let h = home(
        &format!("signing_key = {:?}", pub_path.display().to_string()),
        Some(&public(&key)),
    );
    let file = h.path().join("zhangsan-2026-11.toml");
    let file_s = file.to_str().expect("utf-8");
    let args = [
        "--member", "zhangsan", "export", "--cycle", "2026-11", "--out", file_s,
    ];

    // No agent at all: the file is written, unsigned, and the message says so.
    let out = dangxue(h.path(), &args, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("未签名"), "{err}");
    assert!(err.contains(&pub_path.display().to_string()), "{err}");
    assert!(err.contains("ssh-agent"), "{err}");
    assert!(file.exists(), "the unsigned file is still written");
    assert!(!Path::new(&format!("{file_s}.sig")).exists());

    // An agent that does not hold the key.
    let agent = Agent::start();
    let env = [("SSH_AUTH_SOCK", agent.sock.as_str())];
    let out = dangxue(h.path(), &args, &env);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("ssh-add"), "{err}");

    // Once the key is in the agent, the public key is enough, and so is the locked
    // private key file (ssh-keygen takes the agent's key then).
    agent.add(&key, "correct horse", keys.path());
    let out = dangxue(h.path(), &args, &env);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let allowed = allowed_signers(h.path());
    let v = openssh_verify(&allowed, "zhangsan", &file);
    assert!(v.status.success(), "{}", text(&v.stderr));

    let locked = home(
        &format!("signing_key = {:?}", key.display().to_string()),
        Some(&public(&key)),
    );
    let file2 = locked.path().join("zhangsan-2026-11.toml");
    let args2 = [
        "--member",
        "zhangsan",
        "export",
        "--cycle",
        "2026-11",
        "--out",
        file2.to_str().expect("utf-8"),
    ];
    let out = dangxue(locked.path(), &args2, &env);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = openssh_verify(&allowed, "zhangsan", &file2);
    assert!(v.status.success(), "{}", text(&v.stderr));

    // Without the agent the locked key cannot be opened here: no prompt, a clear
    // message, and the .sig of the earlier export is removed with the file replaced.
    let out = dangxue(locked.path(), &args2, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("口令") && err.contains("ssh-add"), "{err}");
    assert!(err.contains(&key.display().to_string()), "{err}");
    assert!(file2.exists());
    assert!(
        !Path::new(&format!("{}.sig", file2.display())).exists(),
        "a stale .sig must not stand beside bytes it does not sign"
    );
}

#[test]
fn a_missing_key_is_named_and_the_umask_is_kept() {
    let h = home("signing_key = \"keys/nope\"\nlang = \"en\"", None);
    let file = h.path().join("zhangsan-2026-11.toml");
    let script = format!(
        "umask 077; exec {BIN} --home '{}' --member zhangsan export --cycle 2026-11 --out '{}'",
        h.path().display(),
        file.display()
    );
    let out = Command::new("setsid")
        .args(["sh", "-c", &script])
        .env_remove("SSH_AUTH_SOCK")
        .output()
        .expect("sh");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("UNSIGNED"), "{err}");
    assert!(
        err.contains(&h.path().join("keys/nope").display().to_string()),
        "{err}"
    );
    assert_eq!(mode(&file), 0o600, "a stricter umask is kept");
}

#[test]
fn allowed_signers_needs_a_plan_and_says_who_is_left_out() {
    let h = tempfile::tempdir().expect("home");
    let out = dangxue(h.path(), &["allowed-signers"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--plan"),
        "{}",
        text(&out.stderr)
    );
    let h = home("lang = \"en\"", None);
    let st = dangxue(
        h.path(),
        &["--member", "zhangsan", "status", "--cycle", "2026-11"],
        &[],
    );
    assert!(
        text(&st.stdout).contains("not signed (no signing_key in config)"),
        "{}",
        text(&st.stdout)
    );
    let out = dangxue(h.path(), &["allowed-signers"], &[]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains("no member with a key"),
        "{}",
        text(&out.stderr)
    );
}

/// A 512-bit RSA key line: a key OpenSSH refuses for signatures (ssh-keygen will not
/// make one, so it is built here).
fn small_rsa_key() -> String {
    let mut n = vec![0xc5u8; 64];
    n[63] |= 1;
    let key = ssh_key::PublicKey::new(
        ssh_key::public::KeyData::Rsa(ssh_key::public::RsaPublicKey {
            e: ssh_key::Mpint::from_positive_bytes(&[1, 0, 1]).expect("e"),
            n: ssh_key::Mpint::from_positive_bytes(&n).expect("n"),
        }),
        "",
    );
    key.to_openssh().expect("encode")
}

#[test]
fn a_roster_key_openssh_refuses_is_named_in_the_configured_language() {
    let key = small_rsa_key();
    let h = home("", Some(&key));
    let out = dangxue(h.path(), &["allowed-signers"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "公钥 key 是 512 位的 RSA 密钥，OpenSSH 只接受 1024 到 16384 位：请换一把密钥"
        ),
        "{err}"
    );
    let h = home("lang = \"en\"", Some(&key));
    let out = dangxue(h.path(), &["allowed-signers"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "key is an RSA key of 512 bits; OpenSSH takes 1024 to 16384 bits: use another key"
        ),
        "{err}"
    );
}

#[test]
fn the_allowed_signers_comment_is_in_the_configured_language() {
    let keys = tempfile::tempdir().expect("keys");
    let key = keygen(keys.path(), "id_ed25519", "");
    let h = home("", Some(&public(&key)));
    let out = dangxue(h.path(), &["allowed-signers"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with(
            "# dangxue 名册的 allowed_signers 文件。用 OpenSSH 校验一个文件：\n#   ssh-keygen -Y verify"
        ),
        "{}",
        text(&out.stdout)
    );
    let h = home("lang = \"en\"", Some(&public(&key)));
    let out = dangxue(h.path(), &["allowed-signers"], &[]);
    assert!(
        text(&out.stdout).starts_with("# The dangxue roster as an allowed_signers file;"),
        "{}",
        text(&out.stdout)
    );
}

/// An `ssh-keygen` that stops reading at once (as one does for a key the agent lacks)
/// must not kill `export` with SIGPIPE: the file is written unsigned and the reason
/// is told. The completion is larger than a pipe holds, so the write to the stopped
/// `ssh-keygen` always meets the closed pipe, whatever the machine's load.
#[test]
fn an_ssh_keygen_that_stops_reading_does_not_kill_export() {
    let keys = tempfile::tempdir().expect("keys");
    let key = keygen(keys.path(), "id_plain", "");
    let bin = keys.path().join("bin");
    std::fs::create_dir(&bin).expect("bin dir");
    let fake = bin.join("ssh-keygen");
    std::fs::write(
        &fake,
        "#!/bin/sh\nexec 0<&-\necho 'agent refused operation' >&2\nexit 1\n",
    )
    .expect("fake ssh-keygen");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let h = home(
        &format!("signing_key = {:?}", key.display().to_string()),
        None,
    );
    let long = "红色物业让小区议事有了去处。".repeat(8000);
    support::write_member(
        h.path(),
        "zhangsan",
        "张三",
        &format!("[cycles.2026-11.reflection]\ntext = \"{long}\"\n"),
    );
    let file = h.path().join("zhangsan-2026-11.toml");
    let args = [
        "--member",
        "zhangsan",
        "export",
        "--cycle",
        "2026-11",
        "--out",
        file.to_str().expect("utf-8"),
    ];
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = dangxue(h.path(), &args, &[("PATH", path.as_str())]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(err.contains("未签名"), "{err}");
    let written = std::fs::read_to_string(&file).expect("the unsigned file is written");
    assert!(written.len() > 1 << 17, "{} bytes", written.len());
}
