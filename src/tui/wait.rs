//! Where the loop sleeps: one `poll(2)` on the terminal and a wake-up socket.

use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::time::Duration;

/// Where the loop waits: the terminal's input and a socket that signals (SIGWINCH,
/// and SIGHUP/SIGTERM/SIGINT through the signal thread) write a byte to.
pub(super) struct Waiter {
    /// The terminal crossterm reads: standard input, or `/dev/tty` when standard
    /// input is not a terminal (kept open here only to be polled).
    tty: RawFd,
    _dev_tty: Option<std::fs::File>,
    wake: UnixStream,
}

/// Why the loop woke up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Woke {
    /// The terminal has input (or crossterm already holds some).
    Input,
    /// The timeout passed.
    Timeout,
    /// A wake-up byte came (a resize or a signal).
    Wake,
    /// The terminal hung up.
    HungUp,
}

impl Waiter {
    /// The waiter and the write end of its wake-up socket. SIGWINCH writes to it, so a
    /// resize wakes the loop as a key does.
    pub(super) fn new() -> io::Result<(Waiter, UnixStream)> {
        let (wake, writer) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        writer.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer.try_clone()?)?;
        let (tty, dev_tty) = if io::stdin().is_terminal() {
            (0, None)
        } else {
            let f = std::fs::File::open("/dev/tty")?;
            (f.as_raw_fd(), Some(f))
        };
        Ok((
            Waiter {
                tty,
                _dev_tty: dev_tty,
                wake,
            },
            writer,
        ))
    }

    /// Block until the terminal has input, hangs up, a wake-up byte comes, or
    /// `timeout` passes (`None`: no timeout).
    pub(super) fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Woke> {
        let ms = timeout.map_or(-1, |t| {
            // Round up, so a wake-up is never a millisecond early and then repeated.
            i32::try_from(t.as_micros().div_ceil(1000)).unwrap_or(i32::MAX)
        });
        let (tty, wake) = poll_two(self.tty, self.wake.as_raw_fd(), ms)?;
        if wake {
            let mut buf = [0u8; 64];
            while matches!(self.wake.read(&mut buf), Ok(n) if n > 0) {}
        }
        Ok(
            if tty & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                Woke::HungUp
            } else if tty & libc::POLLIN != 0 {
                Woke::Input
            } else if wake {
                Woke::Wake
            } else {
                Woke::Timeout
            },
        )
    }
}

/// `poll(2)` on the terminal and the wake-up socket: the terminal's `revents`, and
/// whether the socket is readable. Interrupted by a signal: as if nothing happened.
#[allow(unsafe_code)]
fn poll_two(tty: RawFd, wake: RawFd, timeout_ms: i32) -> io::Result<(i16, bool)> {
    let mut fds = [
        libc::pollfd {
            fd: tty,
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: wake,
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    // SAFETY: two valid pollfds on the stack and their count; poll only writes
    // `revents`.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, timeout_ms) };
    if n < 0 {
        let e = io::Error::last_os_error();
        if e.kind() == io::ErrorKind::Interrupted {
            return Ok((0, false));
        }
        return Err(e);
    }
    Ok((fds[0].revents, fds[1].revents & libc::POLLIN != 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::fd::{FromRawFd, OwnedFd};

    /// A pseudo-terminal pair: (master, slave).
    #[allow(unsafe_code)]
    fn pty_pair() -> (OwnedFd, OwnedFd) {
        let (mut master, mut slave) = (-1, -1);
        // SAFETY: openpty writes two fds into the given ints; name, termios and
        // window size may be null.
        let rc = unsafe {
            libc::openpty(
                &raw mut master,
                &raw mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty: {}", io::Error::last_os_error());
        // SAFETY: both fds were just opened and are owned by nobody else.
        unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
    }

    #[test]
    fn a_closed_terminal_is_noticed_by_the_wait_itself() {
        let (master, slave) = pty_pair();
        let (wake, _writer) = UnixStream::pair().expect("socket pair");
        wake.set_nonblocking(true).expect("nonblocking");
        let mut w = Waiter {
            tty: slave.as_raw_fd(),
            _dev_tty: None,
            wake,
        };
        assert_eq!(
            w.wait(Some(Duration::from_millis(10))).expect("poll"),
            Woke::Timeout
        );
        let mut m = std::fs::File::from(master.try_clone().expect("dup"));
        // A whole line: the fresh terminal is in canonical mode.
        m.write_all(b"j\n").expect("type a key");
        assert_eq!(w.wait(None).expect("poll"), Woke::Input);
        drop(m);
        drop(master);
        // No timeout: the hang-up alone must end the wait.
        assert_eq!(w.wait(None).expect("poll"), Woke::HungUp);
    }

    #[test]
    fn a_wake_up_byte_ends_the_wait_and_is_consumed() {
        let (_master, slave) = pty_pair();
        let (wake, mut writer) = UnixStream::pair().expect("socket pair");
        wake.set_nonblocking(true).expect("nonblocking");
        let mut w = Waiter {
            tty: slave.as_raw_fd(),
            _dev_tty: None,
            wake,
        };
        writer.write_all(b"ss").expect("wake");
        assert_eq!(w.wait(None).expect("poll"), Woke::Wake);
        assert_eq!(
            w.wait(Some(Duration::from_millis(10))).expect("poll"),
            Woke::Timeout,
            "the bytes were read"
        );
    }
}
