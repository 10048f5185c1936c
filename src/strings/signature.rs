//! The words of SSH signatures: why a roster key cannot be used, why a `.sig` does
//! not vouch for its file, and the comment and notes of `dangxue allowed-signers`.
//! The facts are data in [`crate::core::sshsig`]; they are only worded here.

use super::Strings;
use crate::core::config::Lang;
use crate::core::sshsig::{Invalid, KeyProblem, LeftOut, NAMESPACE, Part, SigUnreadable};
use crate::core::text::escape_controls;
use crate::strings::Refusal;

impl Strings {
    /// Why a roster `key` cannot be used, said of the key: it follows "key" (公钥
    /// key) in a sentence, as the plan reader's other key problems do.
    #[must_use]
    pub fn key_problem(&self, p: &KeyProblem) -> String {
        match (p, self.lang) {
            (KeyProblem::Unreadable(e), Lang::Zh) => {
                format!("不是一行 OpenSSH 公钥（形如 ssh-ed25519 AAAA… 注释）：{e}")
            }
            (KeyProblem::Unreadable(e), Lang::En) => {
                format!("is not one OpenSSH public key line (like ssh-ed25519 AAAA… comment): {e}")
            }
            (KeyProblem::Unsupported(a), Lang::Zh) => {
                format!("的类型 {a} 不能用于签名校验：请改用 ed25519、ecdsa 或 rsa 密钥")
            }
            (KeyProblem::Unsupported(a), Lang::En) => format!(
                "has the type {a}, which cannot be used for signatures here: use an ed25519, ecdsa or rsa key"
            ),
            (KeyProblem::RsaSize(bits), Lang::Zh) => {
                format!("是 {bits} 位的 RSA 密钥，OpenSSH 只接受 1024 到 16384 位：请换一把密钥")
            }
            (KeyProblem::RsaSize(bits), Lang::En) => format!(
                "is an RSA key of {bits} bits; OpenSSH takes 1024 to 16384 bits: use another key"
            ),
        }
    }

    /// Why the signature `<file>.sig` does not vouch for `file`.
    #[must_use]
    pub fn bad_signature(&self, file: &str, why: &Invalid) -> String {
        let zh = self.lang == Lang::Zh;
        match why {
            Invalid::Unreadable(e) if zh => {
                format!("{file}.sig 不是可读的 SSH 签名：{}", self.sig_unreadable(e))
            }
            Invalid::Unreadable(e) => format!(
                "{file}.sig is not a readable SSH signature: {}",
                self.sig_unreadable(e)
            ),
            Invalid::Namespace(ns) if zh => {
                format!("{file}.sig 的命名空间是 {ns:?}，不是 {NAMESPACE:?}：它是为别的用途签的")
            }
            Invalid::Namespace(ns) => format!(
                "{file}.sig is in namespace {ns:?}, not {NAMESPACE:?}: it was signed for another purpose"
            ),
            Invalid::OtherKey {
                fingerprint,
                member: Some(m),
            } if zh => format!("{file}.sig 是用另一名成员 {m} 的密钥签的（{fingerprint}）"),
            Invalid::OtherKey {
                fingerprint,
                member: Some(m),
            } => format!("{file}.sig was made with another member's key: {m}'s ({fingerprint})"),
            Invalid::OtherKey {
                fingerprint,
                member: None,
            } if zh => format!("{file}.sig 是用名册上没有的密钥签的（{fingerprint}）"),
            Invalid::OtherKey {
                fingerprint,
                member: None,
            } => {
                format!("{file}.sig was made with a key that is not on the roster ({fingerprint})")
            }
            Invalid::Changed if zh => format!("{file}.sig 与文件内容不符：文件在签名后被改过"),
            Invalid::Changed => format!(
                "{file}.sig does not match the file's bytes: the file was changed after it was signed"
            ),
            Invalid::NoTouch if zh => {
                format!("{file}.sig 由安全密钥签出，但签名时无人触碰该密钥")
            }
            Invalid::NoTouch => {
                format!("{file}.sig was made by a security key without the user touching it")
            }
            Invalid::RosterKey(p) if zh => {
                format!(
                    "无法校验 {file}.sig：名册上该成员的公钥 key {}",
                    self.key_problem(p)
                )
            }
            Invalid::RosterKey(p) => format!(
                "{file}.sig cannot be checked: this member's roster key {}",
                self.key_problem(p)
            ),
        }
    }

    /// Why a `.sig` cannot be read as a signature: the file under the name, or what
    /// is wrong in its armor or blob. It follows a colon after the file's name.
    #[must_use]
    pub fn sig_unreadable(&self, u: &SigUnreadable) -> String {
        use SigUnreadable as U;
        let zh = self.lang == Lang::Zh;
        match u {
            U::Symlink => self.refusal(Refusal::Symlink),
            U::NotRegular => self.refusal(Refusal::NotRegular),
            U::System(words) => words.clone(),
            U::TooLarge(kb) if zh => {
                format!("超过 {kb} KB，签名不会这么大：请让该成员重新导出并签名")
            }
            U::TooLarge(kb) => format!(
                "it is larger than {kb} KB, which no signature is: have the member export and sign again"
            ),
            U::NoBegin if zh => "第一行不是 -----BEGIN SSH SIGNATURE-----".into(),
            U::NoBegin => "its first line is not -----BEGIN SSH SIGNATURE-----".into(),
            U::NoEnd if zh => "没有 -----END SSH SIGNATURE----- 这一行".into(),
            U::NoEnd => "there is no -----END SSH SIGNATURE----- line".into(),
            U::NotAscii if zh => "base64 文本中有非 ASCII 字节".into(),
            U::NotAscii => "the base64 text has bytes that are not ASCII".into(),
            U::Base64(e) if zh => format!("base64 文本有误：{e}"),
            U::Base64(e) => format!("the base64 text is wrong: {e}"),
            U::CutShort if zh => "签名数据不完整，提前结束了".into(),
            U::CutShort => "the signature is cut short".into(),
            U::NoMagic if zh => "数据不以 SSHSIG 开头".into(),
            U::NoMagic => "it does not start with SSHSIG".into(),
            U::Version(v) if zh => format!("签名格式版本 {v} 比 1 新"),
            U::Version(v) => format!("signature version {v} is newer than 1"),
            U::Key(e) if zh => format!("签名者的公钥无法读取：{e}"),
            U::Key(e) => format!("the signer's key cannot be read: {e}"),
            U::Trailing(part) if zh => {
                let part = match part {
                    Part::Key => "公钥",
                    Part::Signature => "签名",
                    Part::EcdsaNumbers => "ECDSA 签名的两个数",
                };
                format!("{part}之后还有多余的数据")
            }
            U::Trailing(Part::Key) => "the key has trailing data".into(),
            U::Trailing(Part::Signature) => "the signature has trailing data".into(),
            U::Trailing(Part::EcdsaNumbers) => "the ECDSA signature has trailing data".into(),
            U::TrailingBytes(n) if zh => format!("签名之后还有 {n} 字节多余的数据"),
            U::TrailingBytes(n) => format!("{n} bytes of trailing data after the signature"),
            U::NulNamespace if zh => "命名空间中有 NUL 字节".into(),
            U::NulNamespace => "the namespace holds a NUL byte".into(),
            U::HashAlg(h) if zh => format!("哈希算法 {h:?} 既不是 sha256 也不是 sha512"),
            U::HashAlg(h) => format!("hash algorithm {h:?} is neither sha256 nor sha512"),
            U::AlgorithmNotText if zh => "签名算法的名称不是文本".into(),
            U::AlgorithmNotText => "the signature algorithm's name is not text".into(),
            U::Algorithm(n) if zh => format!("未知的签名算法 {n:?}"),
            U::Algorithm(n) => format!("unknown signature algorithm {n:?}"),
            U::NegativeEcdsa if zh => "ECDSA 签名中有负数".into(),
            U::NegativeEcdsa => "a negative number in the ECDSA signature".into(),
            U::Signature(e) if zh => format!("签名数据与算法不符：{e}"),
            U::Signature(e) => format!("the signature bytes do not fit the algorithm: {e}"),
        }
    }

    /// Why a signature just made does not verify, said of the signature itself (there
    /// is no `.sig` file yet): it follows a colon.
    #[must_use]
    pub fn signature_fault(&self, why: &Invalid) -> String {
        let zh = self.lang == Lang::Zh;
        match why {
            Invalid::Unreadable(u) => self.sig_unreadable(u),
            Invalid::Namespace(ns) if zh => format!("命名空间是 {ns:?}，不是 {NAMESPACE:?}"),
            Invalid::Namespace(ns) => format!("it is in namespace {ns:?}, not {NAMESPACE:?}"),
            Invalid::OtherKey { fingerprint, .. } if zh => {
                format!("它是用另一把密钥签的（{fingerprint}）")
            }
            Invalid::OtherKey { fingerprint, .. } => {
                format!("it was made with another key ({fingerprint})")
            }
            Invalid::Changed if zh => "它与所签的内容不符".into(),
            Invalid::Changed => "it does not match the bytes it signs".into(),
            Invalid::NoTouch if zh => "签名时无人触碰安全密钥".into(),
            Invalid::NoTouch => "nobody touched the security key while it signed".into(),
            Invalid::RosterKey(p) if zh => format!("公钥 {}", self.key_problem(p)),
            Invalid::RosterKey(p) => format!("the key {}", self.key_problem(p)),
        }
    }

    /// The comment at the top of the `allowed_signers` file: what it is and how to
    /// check a file with it.
    #[must_use]
    pub fn signers_header(&self) -> String {
        let first = match self.lang {
            Lang::Zh => "# dangxue 名册的 allowed_signers 文件。用 OpenSSH 校验一个文件：",
            Lang::En => {
                "# The dangxue roster as an allowed_signers file; check a file with OpenSSH:"
            }
        };
        format!(
            "{first}\n#   ssh-keygen -Y verify -f allowed_signers -I <member_id> -n {NAMESPACE} -s F.sig < F\n"
        )
    }

    /// A roster member left out of the `allowed_signers` file, and why.
    #[must_use]
    pub fn left_out(&self, l: &LeftOut) -> String {
        let zh = self.lang == Lang::Zh;
        match l {
            LeftOut::Principal { id } if zh => format!(
                "{}：成员ID含有在 allowed_signers 中有特殊含义的字符（引号、逗号、星号、问号、叹号、# 或空白），未写入：请给该成员换一个ID",
                escape_controls(id)
            ),
            LeftOut::Principal { id } => format!(
                "{}: the member id has characters with a meaning in allowed_signers (quotes, commas, *, ?, !, # or blanks); left out: give the member another id",
                escape_controls(id)
            ),
            LeftOut::Key { id, problem } if zh => format!(
                "{}：名册上的公钥 key {}，未写入",
                escape_controls(id),
                self.key_problem(problem)
            ),
            LeftOut::Key { id, problem } => format!(
                "{}: left out, the roster key {}",
                escape_controls(id),
                self.key_problem(problem)
            ),
            LeftOut::Encode { id, error } if zh => format!(
                "{}：名册上的公钥 key 无法写成 OpenSSH 的一行：{error}，未写入",
                escape_controls(id)
            ),
            LeftOut::Encode { id, error } => format!(
                "{}: left out, the roster key cannot be written as an OpenSSH line: {error}",
                escape_controls(id)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::punct::{assert_en, assert_zh};
    use crate::core::sshsig::{Invalid, KeyProblem, LeftOut, Part, SigUnreadable};
    use crate::strings::{EN, ZH};

    fn problems() -> Vec<KeyProblem> {
        vec![
            KeyProblem::Unreadable("bad".into()),
            KeyProblem::Unsupported("ssh-dss".into()),
            KeyProblem::RsaSize(512),
        ]
    }

    fn every_unreadable() -> Vec<SigUnreadable> {
        use SigUnreadable as U;
        vec![
            U::Symlink,
            U::NotRegular,
            U::TooLarge(64),
            U::NoBegin,
            U::NoEnd,
            U::NotAscii,
            U::Base64("bad".into()),
            U::CutShort,
            U::NoMagic,
            U::Version(2),
            U::Key("bad".into()),
            U::Trailing(Part::Key),
            U::Trailing(Part::Signature),
            U::Trailing(Part::EcdsaNumbers),
            U::TrailingBytes(3),
            U::NulNamespace,
            U::HashAlg("md5".into()),
            U::AlgorithmNotText,
            U::Algorithm("rot13".into()),
            U::NegativeEcdsa,
            U::Signature("bad".into()),
        ]
    }

    fn every_invalid() -> Vec<Invalid> {
        let mut all = vec![
            Invalid::Namespace("file".into()),
            Invalid::OtherKey {
                fingerprint: "SHA256abc".into(),
                member: Some("lisi".into()),
            },
            Invalid::OtherKey {
                fingerprint: "SHA256abc".into(),
                member: None,
            },
            Invalid::Changed,
            Invalid::NoTouch,
        ];
        all.extend(problems().into_iter().map(Invalid::RosterKey));
        all.extend(every_unreadable().into_iter().map(Invalid::Unreadable));
        all
    }

    #[test]
    fn every_signature_problem_is_chinese_in_zh_and_english_in_en() {
        for why in every_invalid() {
            assert_zh(&ZH.bad_signature("a.toml", &why));
            assert_en(&EN.bad_signature("a.toml", &why));
            assert_zh(&ZH.signature_fault(&why));
            assert_en(&EN.signature_fault(&why));
        }
        for p in problems() {
            assert_zh(&ZH.key_problem(&p));
            assert_en(&EN.key_problem(&p));
            let left = LeftOut::Key {
                id: "x".into(),
                problem: p,
            };
            assert_zh(&ZH.left_out(&left));
            assert_en(&EN.left_out(&left));
        }
        for left in [
            LeftOut::Principal { id: "a*b".into() },
            LeftOut::Encode {
                id: "x".into(),
                error: "bad".into(),
            },
        ] {
            assert_zh(&ZH.left_out(&left));
            assert_en(&EN.left_out(&left));
        }
        // The header's command line is the same in both; its first line is not.
        assert_zh(ZH.signers_header().lines().next().unwrap_or_default());
        assert_en(&EN.signers_header());
    }

    #[test]
    fn a_roster_key_problem_reads_as_one_sentence() {
        let rsa = Invalid::RosterKey(KeyProblem::RsaSize(512));
        assert_eq!(
            ZH.bad_signature("zhangsan-2026-11.toml", &rsa),
            "无法校验 zhangsan-2026-11.toml.sig：名册上该成员的公钥 key 是 512 位的 RSA 密钥，OpenSSH 只接受 1024 到 16384 位：请换一把密钥"
        );
        assert_eq!(
            EN.bad_signature("zhangsan-2026-11.toml", &rsa),
            "zhangsan-2026-11.toml.sig cannot be checked: this member's roster key is an RSA key of 512 bits; OpenSSH takes 1024 to 16384 bits: use another key"
        );
        let other = Invalid::OtherKey {
            fingerprint: "SHA256:abc".into(),
            member: Some("lisi".into()),
        };
        assert_eq!(
            ZH.bad_signature("f.toml", &other),
            "f.toml.sig 是用另一名成员 lisi 的密钥签的（SHA256:abc）"
        );
        assert_eq!(
            EN.bad_signature("f.toml", &other),
            "f.toml.sig was made with another member's key: lisi's (SHA256:abc)"
        );
    }
}
