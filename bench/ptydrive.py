"""A small pseudo-terminal driver for the benchmarks: start a program in a pty of a
given size, send keys, and read what it writes with the time of each chunk.

Only the standard library: pty, select, termios.
"""

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

ENV = {
    "TERM": "xterm-256color",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "LESS": "",
    "LESSHISTFILE": "-",
    "NO_COLOR": "",
}


class Pty:
    """A program running in a pseudo-terminal of `cols` x `rows`."""

    def __init__(self, argv, cols, rows, env=None):
        full_env = dict(os.environ)
        full_env.update(ENV)
        full_env.update(env or {})
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            # The child: size the terminal before the program can ask for it.
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execvpe(argv[0], argv, full_env)
            finally:
                os._exit(127)
        self.pid = pid
        self.fd = fd
        self.total = 0
        self.alive = True
        self.status = None

    def send(self, data):
        """Write keys; returns the time they were written."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        t = time.perf_counter()
        os.write(self.fd, data)
        return t

    def read_burst(self, quiet=0.05, timeout=10.0):
        """Wait up to `timeout` for output, then read until none comes for `quiet`
        seconds (or `timeout` has passed). Keep `quiet` under the program's idle
        redraw period (dangxue redraws every 250 ms). Returns (bytes, time of the
        last chunk or None)."""
        out = bytearray()
        last = None
        deadline = time.perf_counter() + timeout
        while True:
            now = time.perf_counter()
            wait = (last + quiet - now) if last is not None else (deadline - now)
            wait = min(wait, deadline - now)
            if wait <= 0:
                break
            r, _, _ = select.select([self.fd], [], [], wait)
            if not r:
                if last is not None or time.perf_counter() >= deadline:
                    break
                continue
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                self.alive = False
                break
            if not chunk:
                self.alive = False
                break
            last = time.perf_counter()
            out += chunk
        self.total += len(out)
        return bytes(out), last

    def drain(self, quiet=0.12, timeout=5.0):
        """Read and discard until quiet; returns the byte count."""
        data, _ = self.read_burst(quiet, timeout)
        return len(data)

    def finish(self, keys="q", timeout=5.0):
        """Send `keys` (each followed by a pause) until the program exits; kill it
        (by its own pid) if it does not. Returns the exit status."""
        end = time.perf_counter() + timeout
        for k in keys:
            if not self._exited():
                try:
                    self.send(k)
                except OSError:
                    break
                self.drain(quiet=0.15, timeout=1.0)
        while not self._exited() and time.perf_counter() < end:
            self.drain(quiet=0.05, timeout=0.2)
        if not self._exited():
            os.kill(self.pid, signal.SIGTERM)
            time.sleep(0.5)
            if not self._exited():
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return self.status

    def _exited(self):
        if self.status is not None:
            return True
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return False
        self.status = status
        return True
