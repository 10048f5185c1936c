//! The raw output [`super::LeanBackend`] understands when it is written through
//! [`std::io::Write`]: scroll-region settings, scrolls, a cursor address and saving
//! the cursor. Anything else is passed on blind.

/// One command of raw output that the backend can follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RawOp {
    /// `CSI t;b r`, as 0-based rows.
    Set(u16, u16),
    /// `CSI r`.
    Reset,
    /// `CSI n S` (up: true) or `CSI n T`.
    Scroll(u16, bool),
    /// `CSI y;x H` or `CSI y H`, as a 0-based column and row.
    Goto(u16, u16),
    /// `ESC 7` (DECSC): the terminal saves the cursor position and the pen.
    Save,
}

/// `buf` as a list of commands, or `None` when it holds anything else.
pub(super) fn parse(buf: &[u8]) -> Option<Vec<RawOp>> {
    let mut ops = Vec::new();
    let mut rest = buf;
    while !rest.is_empty() {
        if let Some(tail) = rest.strip_prefix(b"\x1b7") {
            ops.push(RawOp::Save);
            rest = tail;
            continue;
        }
        let body = rest.strip_prefix(b"\x1b[")?;
        let end = body
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'))?;
        let (params, tail) = body.split_at(end);
        let (&cmd, tail) = tail.split_first()?;
        let text = std::str::from_utf8(params).ok()?;
        let nums: Vec<u16> = if text.is_empty() {
            Vec::new()
        } else {
            text.split(';')
                .map(str::parse)
                .collect::<Result<_, _>>()
                .ok()?
        };
        ops.push(match (cmd, nums.as_slice()) {
            (b'r', []) => RawOp::Reset,
            (b'r', [t, b]) if *t >= 1 && *b >= 1 => RawOp::Set(t - 1, b - 1),
            (b'S', []) => RawOp::Scroll(1, true),
            (b'T', []) => RawOp::Scroll(1, false),
            (b'S', [n]) if *n >= 1 => RawOp::Scroll(*n, true),
            (b'T', [n]) if *n >= 1 => RawOp::Scroll(*n, false),
            (b'H', [y]) if *y >= 1 => RawOp::Goto(0, y - 1),
            (b'H', [y, x]) if *y >= 1 && *x >= 1 => RawOp::Goto(x - 1, y - 1),
            _ => return None,
        });
        rest = tail;
    }
    Some(ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_commands_are_understood_and_nothing_else() {
        assert_eq!(parse(b"\x1b[S"), Some(vec![RawOp::Scroll(1, true)]));
        assert_eq!(parse(b"\x1b[12T"), Some(vec![RawOp::Scroll(12, false)]));
        assert_eq!(
            parse(b"\x1b[3;9r\x1b[S"),
            Some(vec![RawOp::Set(2, 8), RawOp::Scroll(1, true)])
        );
        assert_eq!(parse(b"\x1b[r"), Some(vec![RawOp::Reset]));
        assert_eq!(
            parse(b"\x1b[1;23r\x1b[24;4H\x1b7"),
            Some(vec![RawOp::Set(0, 22), RawOp::Goto(3, 23), RawOp::Save])
        );
        assert_eq!(parse(b"\x1b[5H"), Some(vec![RawOp::Goto(0, 4)]));
        for other in [
            &b"\x1b[H"[..],
            b"S",
            b"\x1b[0;9r",
            b"\x1b[S\n",
            b"\x1b[1;2;3r",
            b"\x1b8",
            b"\x1b[0;4H",
            b"\x1b7x",
        ] {
            assert_eq!(parse(other), None, "{other:?}");
        }
        assert_eq!(parse(b""), Some(vec![]));
    }
}
