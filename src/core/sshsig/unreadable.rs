//! Why a `.sig` cannot be read as an SSH signature: the file itself (a link, not a
//! regular file, too large, the system's refusal) or its armor and blob. Worded by
//! `strings::Strings::sig_unreadable`.

/// The part of a signature blob that has bytes after its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The signer's public key.
    Key,
    /// The inner signature (algorithm, bytes, security-key flags).
    Signature,
    /// The `r` and `s` numbers of an ECDSA signature.
    EcdsaNumbers,
}

/// Why the bytes under a `.sig` name are not a signature that can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigUnreadable {
    /// A symbolic link stands under the name; links are not followed.
    Symlink,
    /// A folder, FIFO, socket or device stands under the name.
    NotRegular,
    /// Larger than the cap, in KB.
    TooLarge(u64),
    /// The system's reason the file could not be opened or read.
    System(String),
    /// The first line is not `-----BEGIN SSH SIGNATURE-----`.
    NoBegin,
    /// No `-----END SSH SIGNATURE-----` line.
    NoEnd,
    /// Bytes that are not ASCII between the two lines.
    NotAscii,
    /// The text between the lines is not base64; the decoder's words.
    Base64(String),
    /// The blob ends before a field it announces.
    CutShort,
    /// The blob does not start with `SSHSIG`.
    NoMagic,
    /// A format version newer than 1.
    Version(u32),
    /// The signer's key cannot be decoded; the decoder's words.
    Key(String),
    /// A part of the blob has bytes after its end.
    Trailing(Part),
    /// This many bytes follow the signature, the last field.
    TrailingBytes(usize),
    /// The namespace holds a NUL byte.
    NulNamespace,
    /// A message hash other than sha256 or sha512.
    HashAlg(String),
    /// The signature algorithm's name is not UTF-8.
    AlgorithmNotText,
    /// A signature algorithm not known.
    Algorithm(String),
    /// A negative `r` or `s` in an ECDSA signature.
    NegativeEcdsa,
    /// The signature bytes do not fit the algorithm; the decoder's words.
    Signature(String),
}
