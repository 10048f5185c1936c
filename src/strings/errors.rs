//! What went wrong when signing or handing in a completion file, and what to do:
//! the words of `store::sign::SignError` and `store::handin::HandInError`.

use super::Strings;
use crate::core::config::Lang;
use crate::core::sshsig::Invalid;

/// Why signing with a key failed, with what the words need.
#[derive(Debug, Clone, Copy)]
pub enum SignFailure<'a> {
    /// The key file is not there.
    NoKeyFile,
    /// `ssh-keygen` is not installed.
    NoSshKeygen,
    /// A public key was given and no agent runs.
    NoAgent,
    /// The agent does not hold the private half.
    NotInAgent,
    /// The private key has a passphrase that cannot be asked for.
    Passphrase,
    /// `ssh-keygen` did not finish in time.
    Timeout,
    /// `ssh-keygen` failed; its last words.
    Failed(&'a str),
    /// The signature made does not verify; why.
    BadSignature(&'a Invalid),
}

/// What stands where a completion file is to be handed in.
#[derive(Debug, Clone, Copy)]
pub enum HandInFailure<'a> {
    /// Another account's file: its owner, and who we are.
    Taken {
        /// The owning account.
        owner: &'a str,
        /// This account.
        me: &'a str,
    },
    /// A symbolic link made by `owner`.
    Link {
        /// The account that made it.
        owner: &'a str,
    },
    /// A folder or a special file.
    NotAFile,
    /// The folder cannot be written; what the system said.
    Io(&'a str),
}

impl Strings {
    /// Signing with `key` failed.
    #[must_use]
    pub fn sign_failed(&self, key: &str, why: SignFailure<'_>) -> String {
        let zh = self.lang == Lang::Zh;
        match why {
            SignFailure::NoKeyFile if zh => format!(
                "签名密钥 {key} 不存在：signing_key 应是私钥文件（如 ~/.ssh/id_ed25519），或其 .pub 文件（私钥已加入 ssh-agent）"
            ),
            SignFailure::NoKeyFile => format!(
                "the signing key {key} does not exist: signing_key names a private key file (such as ~/.ssh/id_ed25519), or its .pub file with the key added to ssh-agent"
            ),
            SignFailure::NoSshKeygen if zh => {
                format!("无法用 {key} 签名：找不到 OpenSSH 的 ssh-keygen，请安装 openssh-client")
            }
            SignFailure::NoSshKeygen => format!(
                "cannot sign with {key}: OpenSSH's ssh-keygen is not installed (install openssh-client)"
            ),
            SignFailure::NoAgent if zh => format!(
                "{key} 是公钥，私钥须在 ssh-agent 中，但没有运行中的 agent（SSH_AUTH_SOCK 未设置）：先 eval $(ssh-agent) 并 ssh-add 私钥"
            ),
            SignFailure::NoAgent => format!(
                "{key} is a public key, so its private half must be in ssh-agent, and no agent is running (SSH_AUTH_SOCK is not set): run eval $(ssh-agent) and ssh-add the private key"
            ),
            SignFailure::NotInAgent if zh => format!(
                "ssh-agent 中没有 {key} 的私钥：用 ssh-add 加入私钥（ssh-add -L 列出 agent 中的密钥）"
            ),
            SignFailure::NotInAgent => format!(
                "ssh-agent does not hold the private half of {key}: add it with ssh-add (ssh-add -L lists what the agent holds)"
            ),
            SignFailure::Passphrase if zh => format!(
                "私钥 {key} 有口令，这里无法询问：先 ssh-add {key} 加入 ssh-agent，或在终端里运行 dangxue export"
            ),
            SignFailure::Passphrase => format!(
                "the private key {key} has a passphrase that cannot be asked for here: add it to ssh-agent with ssh-add {key}, or run dangxue export in a terminal"
            ),
            SignFailure::Timeout if zh => format!("用 {key} 签名超时：安全密钥是否在等待触碰？"),
            SignFailure::Timeout => {
                format!("signing with {key} timed out: is a security key waiting for a touch?")
            }
            SignFailure::Failed(why) if zh => format!("用 {key} 签名失败：ssh-keygen：{why}"),
            SignFailure::Failed(why) => format!("signing with {key} failed: ssh-keygen: {why}"),
            SignFailure::BadSignature(why) if zh => format!(
                "ssh-keygen 用 {key} 给出的签名无法校验：{}",
                self.signature_fault(why)
            ),
            SignFailure::BadSignature(why) => format!(
                "the signature ssh-keygen made with {key} does not verify: {}",
                self.signature_fault(why)
            ),
        }
    }

    /// A completion file could not be handed in at `path`.
    #[must_use]
    pub fn hand_in_failed(&self, path: &str, why: HandInFailure<'_>) -> String {
        let zh = self.lang == Lang::Zh;
        match why {
            HandInFailure::Taken { owner, me } if zh => format!(
                "{path} 已被另一个账号 {owner} 占用（你是 {me}），dangxue 不会写入别人的文件：请支部书记删除它并查明是谁放的"
            ),
            HandInFailure::Taken { owner, me } => format!(
                "{path} is taken by another account, {owner} (you are {me}); dangxue does not write into someone else's file: ask your branch secretary to remove it and to find out who put it there"
            ),
            HandInFailure::Link { owner } if zh => format!(
                "{path} 是账号 {owner} 建的符号链接，dangxue 不会顺着链接写入：请支部书记删除它"
            ),
            HandInFailure::Link { owner } => format!(
                "{path} is a symbolic link made by the account {owner}; dangxue does not write through links: ask your branch secretary to remove it"
            ),
            HandInFailure::NotAFile if zh => {
                format!("{path} 不是普通文件（是文件夹或特殊文件）：请支部书记移走它")
            }
            HandInFailure::NotAFile => format!(
                "{path} is not a regular file (a folder or a special file): ask your branch secretary to move it away"
            ),
            HandInFailure::Io(error) => self.cannot_write(path, error),
        }
    }
}
