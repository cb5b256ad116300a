"""Writing many small files from a helper process while the build goes on.

Creating a file costs 0.1-0.4 ms of system time on the virtual disks trusts and
CI services run on. A large academy publishes thousands of calendar files (one
per sitting), and MkDocs creates each one in turn on the single core it uses:
at 5,000 sittings that was a fifth of the build. Handed to a helper process,
they are created on a second core while MkDocs renders the pages.

Starting the helper costs about as much as creating a few hundred files, so it
starts only once a full batch is waiting; a small site writes its files in the
build process as before.

The helper is ``python -m qisite.filewriter``, fed batches of (path, bytes) on
its standard input by a thread of the build (which waits on the pipe, not on
Python). It is not started with ``multiprocessing``: that re-imports the main
script in the helper, and a trust's own build script without an
``if __name__ == "__main__"`` guard would then build the site twice at once.
If the helper cannot start or dies, the build writes the files itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import BinaryIO

BATCH = 500
"""Files sent to the helper at a time; a build with fewer never starts one."""

Item = tuple[str, bytes]
"""An absolute path and the bytes to write there."""


def write_files(items: list[Item]) -> int:
    """Write each file, creating its folder first; the number written."""
    made: set[Path] = set()
    for path, content in items:
        target = Path(path)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)
    return len(items)


class BackgroundWriter:
    """Collects files and writes them, in one helper process once there are many.

    ``finish`` must be called before the files are needed: it writes what is
    left, waits for the helper and raises the first error (an ``OSError`` that
    names the file). ``close`` abandons what is not yet written.
    """

    def __init__(self, batch: int | None = None) -> None:
        self.batch = BATCH if batch is None else batch
        self._waiting: list[Item] = []
        self._sent: list[list[Item]] = []
        self._helper: subprocess.Popen[bytes] | None = None
        self._outbox: queue.SimpleQueue[list[Item] | None] = queue.SimpleQueue()
        self._feeder: threading.Thread | None = None
        self._cannot_start = False
        self._written_here = 0

    @property
    def helper_started(self) -> bool:
        return self._helper is not None

    def add(self, path: str, content: bytes) -> None:
        self._waiting.append((path, content))
        if len(self._waiting) >= self.batch:
            self._send()

    def finish(self) -> int:
        """Write every file added; the number written."""
        try:
            if self._helper is None:
                return self._written_here + write_files(self._waiting)
            if self._waiting:
                self._send()
            return self._written_here + self._helper_result()
        finally:
            self.close()

    def close(self) -> None:
        if self._helper is not None:
            self._outbox.put(None)
            if self._helper.poll() is None:
                self._helper.kill()
            self._helper.wait()
            self._helper = None
        self._outbox = queue.SimpleQueue()
        self._waiting = []
        self._sent = []
        self._written_here = 0

    def _send(self) -> None:
        if self._helper is None and not self._start():
            self._written_here += write_files(self._waiting)  # no helper: write here
        else:
            self._sent.append(self._waiting)
            self._outbox.put(self._waiting)
        self._waiting = []

    def _start(self) -> bool:
        """Start the helper unless it could not start before; whether it runs."""
        if self._cannot_start:
            return False
        try:
            self._helper = subprocess.Popen(
                [sys.executable, "-m", "qisite.filewriter"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                # The same import path as this process, however qisite was found here.
                env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
            )
        except OSError:
            self._cannot_start = True
            return False
        assert self._helper.stdin is not None
        self._feeder = threading.Thread(
            target=_feed, args=(self._outbox, self._helper.stdin), daemon=True
        )
        self._feeder.start()
        return True

    def _helper_result(self) -> int:
        assert self._helper is not None and self._feeder is not None
        assert self._helper.stdout is not None
        self._outbox.put(None)
        self._feeder.join()
        report = self._helper.stdout.read()
        self._helper.wait()
        try:
            outcome = pickle.loads(report)
        except Exception:  # the helper died before reporting: write everything here
            return sum(write_files(batch) for batch in self._sent)
        if isinstance(outcome, OSError):
            raise outcome
        return int(outcome)


def _feed(outbox: queue.SimpleQueue[list[Item] | None], pipe: BinaryIO) -> None:
    """Pass batches to the helper until told to stop; a dead helper is noticed by finish."""
    try:
        while (batch := outbox.get()) is not None:
            pickle.dump(batch, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            pipe.close()  # the helper reports once its input ends


def main() -> int:
    """The helper: write each batch from standard input; report the count or the error."""
    written = 0
    outcome: int | OSError
    try:
        while True:
            try:
                batch = pickle.load(sys.stdin.buffer)
            except EOFError:
                break
            written += write_files(batch)
        outcome = written
    except OSError as error:
        outcome = OSError(error.errno, error.strerror, error.filename)
    sys.stdout.buffer.write(pickle.dumps(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())
