//! The words of a file operation that failed: the system's own reason, or why
//! dangxue refused the path itself (a folder where a file should be, a symbolic link
//! it does not follow, a file of another account).

use std::io;

use super::Strings;
use crate::core::config::Lang;

/// Why dangxue refused a path it was to read or write. It travels inside an
/// [`io::Error`] (see [`Refusal::error`]) so the file functions keep returning
/// `io::Result`; [`Strings::io_error`] words it in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A folder where a file was to be read.
    Folder,
    /// A FIFO, socket or device where a file was to be read.
    NotRegular,
    /// A file of another account: its uid.
    OtherOwner(u32),
    /// A symbolic link where links are not followed.
    Symlink,
    /// Something other than a folder where a folder was to be.
    NotAFolder,
    /// A path that ends without a file name.
    NoFileName,
    /// Every name for a kept-aside copy of this time is taken.
    TooManyAsides,
}

impl Refusal {
    /// The refusal as an [`io::Error`] of `kind`.
    #[must_use]
    pub fn error(self, kind: io::ErrorKind) -> io::Error {
        io::Error::new(kind, self)
    }
}

/// In English: the text of the `io::Error` that carries it.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::EN.refusal(*self))
    }
}

impl std::error::Error for Refusal {}

/// Why a file could not be read: dangxue's refusal, or the system's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// dangxue refused the path.
    Refused(Refusal),
    /// The system's reason.
    System(String),
}

impl From<&io::Error> for Cause {
    fn from(e: &io::Error) -> Cause {
        match e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<Refusal>())
        {
            Some(r) => Cause::Refused(*r),
            None => Cause::System(e.to_string()),
        }
    }
}

impl Strings {
    /// Why dangxue refused a path.
    #[must_use]
    pub fn refusal(&self, r: Refusal) -> String {
        let zh = self.lang == Lang::Zh;
        match r {
            Refusal::Folder if zh => "这是一个文件夹".into(),
            Refusal::Folder => "it is a folder".into(),
            Refusal::NotRegular if zh => "不是普通文件".into(),
            Refusal::NotRegular => "it is not a regular file".into(),
            Refusal::OtherOwner(uid) if zh => format!("它属于另一个用户（uid {uid}）"),
            Refusal::OtherOwner(uid) => format!("it belongs to another user (uid {uid})"),
            Refusal::Symlink if zh => "这是符号链接，dangxue 在这里不跟随链接：请删除它".into(),
            Refusal::Symlink => {
                "it is a symbolic link, which dangxue does not follow here (remove it)".into()
            }
            Refusal::NotAFolder if zh => "它已存在，但不是文件夹".into(),
            Refusal::NotAFolder => "it exists and is not a folder".into(),
            Refusal::NoFileName if zh => "路径中没有文件名".into(),
            Refusal::NoFileName => "the path has no file name".into(),
            Refusal::TooManyAsides if zh => {
                "同一时刻留存的副本已太多：请删去旧的留存副本后再试".into()
            }
            Refusal::TooManyAsides => {
                "there are too many kept-aside copies with the same time: delete old ones and try again".into()
            }
        }
    }

    /// Why a file operation failed: ours when dangxue refused the path, else the
    /// system's words.
    #[must_use]
    pub fn io_error(&self, e: &io::Error) -> String {
        self.cause(&Cause::from(e))
    }

    /// The words of a [`Cause`].
    #[must_use]
    pub fn cause(&self, c: &Cause) -> String {
        match c {
            Cause::Refused(r) => self.refusal(*r),
            Cause::System(words) => words.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::punct::{assert_en, assert_zh};
    use super::*;
    use crate::strings::{EN, ZH};

    const ALL: [Refusal; 7] = [
        Refusal::Folder,
        Refusal::NotRegular,
        Refusal::OtherOwner(1001),
        Refusal::Symlink,
        Refusal::NotAFolder,
        Refusal::NoFileName,
        Refusal::TooManyAsides,
    ];

    #[test]
    fn every_refusal_is_chinese_in_zh_and_english_in_en() {
        for r in ALL {
            assert_zh(&ZH.refusal(r));
            assert_en(&EN.refusal(r));
        }
    }

    #[test]
    fn a_refusal_inside_an_io_error_is_worded_and_the_system_s_words_kept() {
        let e = Refusal::Symlink.error(io::ErrorKind::InvalidInput);
        assert_eq!(
            e.to_string(),
            "it is a symbolic link, which dangxue does not follow here (remove it)"
        );
        assert_eq!(
            ZH.io_error(&e),
            "这是符号链接，dangxue 在这里不跟随链接：请删除它"
        );
        let os = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(ZH.io_error(&os), os.to_string());
        assert_eq!(Cause::from(&os), Cause::System(os.to_string()));
    }
}
